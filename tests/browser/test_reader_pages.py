"""The front page and the article page as readers see them, at a phone's 390 px and a desktop's 1280 px.

Screenshots go to test-artifacts/ (front-page-390.png, article-1280.png, …) for a person to look at.
"""

import datetime
import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

from articles.demo import load_demo
from events.models import Event
from publication.models import FrontPageStory
from tests.browser.actions import choose, log_in
from tests.factories import ArticleFactory, EventFactory, SectionFactory, editor_user, library_photo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = [390, 1280]
STORIES = [
    ("policy", "국토부, 스마트도시 국가시범도시 2단계 사업 확정…2027년까지 1조원 투입"),
    ("industry", "삼성SDS, 도시 데이터 허브 플랫폼 동남아 수출 첫 계약"),
    ("safety", "서울시, 지하차도 침수 감지 센서 120곳 설치 마쳐"),
    ("world", "베이징, 자율주행 버스 노선 14개로 늘린다"),
    ("policy", "행정안전부, 지자체 디지털 트윈 표준안 공개"),
    ("industry", "NEC, 고령자 돌봄 센서 실증 결과 발표"),
    ("world", "도쿄도, 재난 정보 앱에 한국어·중국어 안내 추가"),
]


def serve_media(page):
    """The live server serves static files only; uploaded photos come straight from MEDIA_ROOT."""
    root = Path(settings.MEDIA_ROOT)

    def fulfil(route):
        path = root / unquote(urlsplit(route.request.url).path).removeprefix(settings.MEDIA_URL)
        if path.is_file():
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            route.fulfill(body=path.read_bytes(), content_type=content_type)
        else:
            route.fulfill(status=404)

    page.route("**/media/**", fulfil)


@pytest.fixture
def newsroom(db):
    """The demo paper with a week of stories, a curated front page and an upcoming event."""
    article = load_demo()
    from articles.models import Article

    seminar = Article.objects.get(slug="한중일-스마트시티-첫-온라인-세미나")
    sections = {section.slug: section for section in SectionFactory._meta.model.objects.all()}
    now = timezone.now()
    for number, (section, headline) in enumerate(STORIES):
        story = ArticleFactory(
            published=True,
            headline=headline,
            deck="데모용으로 지어낸 기사입니다." if number % 2 else "",
            section=sections[section],
            published_at=now - datetime.timedelta(hours=3 * number + 1),
            reporters=list(seminar.reporters.all()),
            tags=["스마트시티"],
        )
        if number < 3:
            story.lead_photo = library_photo(size=(1600, 900), caption=f"{headline[:20]} 사진")
            story.save(update_fields=["lead_photo"])
    FrontPageStory.objects.create(front_page_id=1, article=Article.objects.get(headline=STORIES[1][1]), order=1)
    EventFactory(title="2026 한중일 스마트시티 포럼", starts_at=now + datetime.timedelta(days=20))
    assert article and Event.objects.count() == 2
    return seminar


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("width", WIDTHS)
def test_front_page_reads_at_phone_and_desktop_width(live_server, page, screenshot, newsroom, width):
    page.set_viewport_size({"width": width, "height": 900})
    serve_media(page)
    page.goto(live_server.url + "/")
    expect(page.locator(".lead h2")).to_have_text(newsroom.headline)  # the editors' lead from the demo
    expect(page.locator(".featured h3").first).to_have_text(STORIES[1][1])  # the editors' first featured story
    expect(page.locator(".section-block h2")).not_to_have_count(0)
    expect(page.locator(".footer")).to_contain_text("저작권자 © 스마트시티저널 무단전재 및 재배포 금지")
    expect(page.locator(".footer")).to_contain_text("서울 아00000 (데모용 가상 번호)")
    assert no_sideways_scroll(page)
    assert page.evaluate("document.querySelector('.lead img').naturalWidth") > 0  # the photo really loads
    screenshot(page, f"front-page-{width}")


@pytest.mark.parametrize("width", WIDTHS)
def test_article_page_reads_at_phone_and_desktop_width(live_server, page, screenshot, newsroom, width):
    page.set_viewport_size({"width": width, "height": 900})
    serve_media(page)
    page.goto(live_server.url + newsroom.get_absolute_url())
    expect(page.locator(".byline")).to_contain_text("강승원 기자")
    expect(page.locator(".byline .email")).to_have_text("reporter@example.com")
    expect(page.locator(".story-copyright")).to_have_text("저작권자 © 스마트시티저널 무단전재 및 재배포 금지")
    expect(page.locator(".related li")).not_to_have_count(0)
    assert no_sideways_scroll(page)
    screenshot(page, f"article-{width}")


def luminance(rgb):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(v) for v in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def rgb(css):
    return [int(part) for part in css[css.index("(") + 1 : css.index(")")].split(",")[:3]]


def test_body_links_are_underlined_with_aa_contrast(live_server, page, newsroom):
    page.goto(live_server.url + newsroom.get_absolute_url())
    link = page.locator(".story > .body a").first
    style = link.evaluate("a => { const s = getComputedStyle(a); return [s.textDecorationLine, s.color]; }")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert "underline" in style[0]
    lighter, darker = sorted([luminance(rgb(style[1])), luminance(rgb(background))], reverse=True)
    assert (lighter + 0.05) / (darker + 0.05) >= 4.5


def test_font_size_and_copy_link_work_and_confirm(live_server, browser, newsroom):
    context = browser.new_context(locale="ko-KR", viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    page.goto(live_server.url + newsroom.get_absolute_url())
    size = page.locator(".story > .body").evaluate("b => parseFloat(getComputedStyle(b).fontSize)")
    page.get_by_role("button", name="글자 크게").click()
    bigger = page.locator(".story > .body").evaluate("b => parseFloat(getComputedStyle(b).fontSize)")
    assert bigger > size
    page.get_by_role("button", name="링크 복사").click()
    expect(page.locator("[data-share-status]")).to_have_text("링크를 복사했습니다. 붙여 넣어 공유하세요.")
    assert page.evaluate("navigator.clipboard.readText()").endswith(newsroom.get_absolute_url())
    context.close()


def test_without_javascript_the_article_reads_and_the_tools_stay_hidden(live_server, browser, newsroom):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + newsroom.get_absolute_url())
    expect(page.locator(".story > .body")).to_contain_text("온라인 세미나가 처음 열렸다")
    expect(page.locator("[data-story-tools]")).to_be_hidden()
    expect(page.get_by_role("link", name="페이스북")).to_be_visible()
    context.close()


def test_an_english_browser_gets_korean_and_the_switch_gives_english(live_server, browser, newsroom):
    context = browser.new_context(locale="en-US", extra_http_headers={"Accept-Language": "en-US,en;q=0.9"})
    page = context.new_page()
    page.goto(live_server.url + "/")
    assert page.evaluate("document.documentElement.lang") == "ko"
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/")
    assert page.evaluate("document.documentElement.lang") == "en"
    expect(page.locator("body")).to_contain_text("Featured")
    context.close()


def test_the_desk_puts_a_story_at_the_top_in_the_admin(live_server, page, screenshot, newsroom):
    editor_user(username="desk")
    headline = STORIES[3][1]
    log_in(page, live_server, "desk")
    page.goto(f"{live_server.url}/admin/publication/frontpage/")
    page.wait_for_url("**/admin/publication/frontpage/1/change/")
    page.locator("#id_stories-0-is_lead").uncheck()  # the demo's lead steps down
    choose(page, "id_stories-2-article", headline[:8])
    page.locator("#id_stories-2-is_lead").check()
    screenshot(page, "admin-front-page")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    page.goto(live_server.url + "/")
    expect(page.locator(".lead h2")).to_have_text(headline)
