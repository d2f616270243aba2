"""A reader comments through the anti-spam image; the desk approves it in the admin; it appears under the story."""

import pytest
from playwright.sync_api import expect

from comments.models import Comment
from tests.browser.actions import log_in
from tests.comments.challenge import ANSWER, fix_challenge
from tests.factories import ArticleFactory, ReporterFactory, SectionFactory, editor_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADLINE = "한중일 스마트시티 세미나 열려"
COMMENT = "세 나라 수도의 발표가 인상적이었습니다.\n다음 포럼도 취재해 주세요."


@pytest.fixture(autouse=True)
def _known_challenge(monkeypatch):
    fix_challenge(monkeypatch)


def challenge_shown(page):
    """The page's script fetched a challenge: the form is visible and its picture loaded."""
    form = page.locator("form.comment-form")
    expect(form).to_be_visible()
    page.wait_for_function("() => document.querySelector('img.challenge-image').naturalWidth > 0")
    return form


def reader_writes(page, answer):
    page.get_by_label("이름").fill("김독자")
    page.get_by_label("이메일(선택)").fill("reader@example.com")
    page.get_by_label("댓글", exact=True).fill(COMMENT)
    page.get_by_label("그림 속 글자").fill(answer)


def test_reader_comments_desk_approves_and_the_comment_appears(live_server, page, browser, screenshot):
    editor_user(username="desk")
    article = ArticleFactory(
        published=True,
        headline=HEADLINE,
        section=SectionFactory(name="국제", slug="world"),
        reporters=[ReporterFactory(name="강승원", slug="강승원")],
    )
    url = live_server.url + article.get_absolute_url()

    page.goto(url)
    expect(page.locator(".dates .comment-count")).to_have_text("댓글 0")
    form = challenge_shown(page)
    first_key = form.locator("input[name=captcha_0]").input_value()
    form.get_by_role("button", name="새 그림").click()
    expect(form.locator("input[name=captcha_0]")).not_to_have_value(first_key)
    reader_writes(page, "WRONG")
    screenshot(page, "comments-reader-form")
    with page.expect_navigation():
        form.get_by_role("button", name="댓글 등록").click()

    # Refused: the form comes back on its own page with the text kept and a new picture.
    expect(page.locator(".challenge")).to_contain_text("도배방지 글자가 그림과 다릅니다")
    expect(page.get_by_label("댓글", exact=True)).to_have_value(COMMENT)
    page.wait_for_function("() => document.querySelector('img.challenge-image').naturalWidth > 0")
    screenshot(page, "comments-wrong-answer")
    page.get_by_label("그림 속 글자").fill(ANSWER.lower())
    with page.expect_navigation():
        page.get_by_role("button", name="댓글 등록").click()
    expect(page.locator(".comment-result")).to_contain_text("승인을 기다립니다")
    screenshot(page, "comments-waiting")
    assert Comment.objects.get().status == Comment.Status.PENDING

    page.goto(url)
    expect(page.locator(".comment-list")).to_have_count(0)

    desk = browser.new_context(locale="ko-KR", timezone_id="Asia/Seoul", viewport={"width": 1280, "height": 900})
    admin = desk.new_page()
    log_in(admin, live_server, "desk")
    screenshot(admin, "comments-desk-front-page")
    admin.get_by_role("link", name="검토를 기다리는 댓글 1건").click()
    expect(admin.locator("#result_list")).to_contain_text("김독자")
    expect(admin.locator("#result_list")).to_contain_text(HEADLINE)
    admin.locator("input[name=_selected_action]").first.check()
    admin.select_option("select[name=action]", label="고른 댓글 승인")
    screenshot(admin, "comments-desk-queue")
    with admin.expect_navigation():
        admin.locator("button[name=index]").click()
    expect(admin.locator(".messagelist .success")).to_contain_text("댓글 1건을 승인했습니다")
    desk.close()

    page.goto(url)
    comment = page.locator(".comment-list .comment")
    expect(comment).to_have_count(1)
    expect(comment.locator(".comment-name")).to_have_text("김독자")
    expect(comment.locator(".comment-body")).to_contain_text("다음 포럼도 취재해 주세요.")
    expect(page.locator(".dates .comment-count")).to_have_text("댓글 1")
    expect(page.locator("body")).not_to_contain_text("reader@example.com")
    screenshot(page, "comments-approved-on-article")


def test_without_javascript_the_reader_uses_the_comment_page(live_server, browser, screenshot):
    fixed = ArticleFactory(published=True, headline=HEADLINE)
    context = browser.new_context(java_script_enabled=False, locale="ko-KR")
    page = context.new_page()
    page.goto(live_server.url + fixed.get_absolute_url())
    expect(page.locator("form.comment-form")).to_be_hidden()
    page.get_by_role("link", name="댓글 쓰기 화면으로 가기").click()
    reader_writes(page, ANSWER)
    with page.expect_navigation():
        page.get_by_role("button", name="댓글 등록").click()
    expect(page.locator(".comment-result")).to_contain_text("승인을 기다립니다")
    screenshot(page, "comments-no-javascript")
    context.close()
