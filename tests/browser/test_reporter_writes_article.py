import pytest
from playwright.sync_api import expect
from taggit.models import Tag

from articles.models import Article
from reporters.models import Reporter
from tests.browser.actions import choose, log_in
from tests.factories import SectionFactory, library_photo, reporter_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reporter_writes_an_article_with_korean_text_and_a_photo(live_server, page, screenshot, tmp_path):
    user = reporter_user(username="kang")
    Reporter.objects.create(user=user, name="강승원", slug="강승원")
    SectionFactory(name="국제", slug="world")
    Tag.objects.create(name="스마트시티", slug="스마트시티")
    photo = library_photo(size=(800, 450), caption="세미나 화면")

    log_in(page, live_server, "kang")
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    page.locator("#id_headline").press_sequentially("한중일 스마트시티 세미나 열려")
    page.locator("#id_headline").blur()  # typed Hangul sends no keyup; the change event fills the slug
    assert page.input_value("#id_slug") == "한중일-스마트시티-세미나-열려"  # Korean slug filled in as you type
    page.locator(".ProseMirror >> visible=true").first.click()
    page.keyboard.type("서울·베이징·도쿄가 스마트시티 경험을 나눴다.")
    page.select_option("#id_section", label="국제")  # a few sections: a plain drop-down
    choose(page, "id_lead_photo", "세미나 화면")  # from the photo library
    expect(page.locator("#select2-id_bylines-0-reporter-container")).to_contain_text("강승원")  # own byline
    page.locator("#id_tags").press_sequentially("한중일, 스마")
    suggestion = page.locator("#id_tags_suggestions option").first
    suggestion.wait_for(state="attached")
    assert suggestion.get_attribute("value") == "한중일, 스마트시티, "
    page.fill("#id_tags", suggestion.get_attribute("value"))
    screenshot(page, "admin-reporter-add-article")
    page.click("input[name=_save]")
    page.wait_for_url(f"{live_server.url}/admin/articles/article/")

    article = Article.objects.get()
    assert article.headline == "한중일 스마트시티 세미나 열려"
    assert "서울·베이징·도쿄가 스마트시티 경험을 나눴다." in article.body
    assert article.lead_photo == photo and article.status == Article.Status.DRAFT
    assert [b.reporter.name for b in article.bylines.all()] == ["강승원"]
    assert sorted(article.tags.names()) == ["스마트시티", "한중일"]


def test_reader_sees_the_demo_article(live_server, page, screenshot):
    from articles.demo import load_demo

    load_demo()
    article = Article.objects.get(slug="한중일-스마트시티-첫-온라인-세미나")
    page.goto(live_server.url + "/")
    page.click(f"text={article.headline}")
    page.wait_for_selector("h1")
    assert page.inner_text("h1") == article.headline
    assert "입력 2020/08/06 [16:06]" in page.inner_text(".dates")
    # The browser picked a rendition from the srcset for a 760px column: 800px wide, through the checked view.
    current = page.locator("figure.photo img").first.evaluate("img => img.currentSrc")
    assert "/photos/" in current and current.rsplit("/", 1)[-1] in ("full-800.webp", "full-800.avif")
    screenshot(page, "reader-article")
