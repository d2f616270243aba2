"""The whole editorial loop in the admin, clicked through by a reporter and an editor in two browsers."""

import re

import pytest
from playwright.sync_api import expect

from articles.models import Article
from reporters.models import Reporter
from tests.browser.actions import log_in
from tests.factories import ArticleFactory, SectionFactory, editor_user, reporter_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADLINE = "한중일 스마트시티 세미나 열려"
NOTE = "참석자 수를 확인해 주세요"
FIXED_BODY = "서울에서 열린 세미나에 400명이 참석했다."
CORRECTION = "참석자 수를 300명에서 400명으로 바로잡았습니다."
PUBLISH_BUTTONS = re.compile("출고")  # 지금 출고, 예약 출고, 출고 취소
CHANGE_PAGE = re.compile(r"/admin/articles/article/\d+/change/")  # the changelist's filters follow as ?query


@pytest.fixture
def new_person(browser):
    """Open a browser of its own for another person, as the `page` fixture does for the first."""
    contexts = []

    def open_page():
        context = browser.new_context(locale="ko-KR", timezone_id="Asia/Seoul", viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15000)
        return page

    yield open_page
    for context in contexts:
        context.close()


def press(page, name):
    """Press a workflow button and wait for the page it leads back to."""
    with page.expect_navigation():
        page.get_by_role("button", name=name, exact=True).click()


def expect_message(page, text):
    expect(page.locator(".messagelist .success")).to_contain_text(text)


def open_from_queue(page, headline):
    """From the admin's front page, follow the pending count to the review queue and open the article."""
    page.get_by_role("link", name="검토를 기다리는 기사 1건").click()
    page.wait_for_url("**/admin/articles/article/?queue=review")
    page.get_by_role("link", name=headline).click()
    page.wait_for_url(CHANGE_PAGE)


def open_own_article(page, live_server, headline):
    """The reporter finds the article under 내 기사 in the changelist and opens it."""
    page.goto(f"{live_server.url}/admin/articles/article/?mine=1")
    page.get_by_role("link", name=headline).click()
    page.wait_for_url(CHANGE_PAGE)
    expect(page.get_by_role("button", name=PUBLISH_BUTTONS)).to_have_count(0)


def reporter_submits(page, live_server):
    open_own_article(page, live_server, HEADLINE)
    expect(page.locator(".workflow .state")).to_contain_text("작성 중")
    press(page, "검토 요청")
    expect_message(page, "지금 상태: 검토 대기")
    # In review the page is the reporter's to read, not to change.
    expect(page.locator("input[name=_save]")).to_have_count(0)
    expect(page.locator("#id_headline")).to_have_count(0)
    expect(page.locator(".field-body_rendered")).to_contain_text("세미나에 300명이 참석했다.")
    expect(page.get_by_role("button", name=PUBLISH_BUTTONS)).to_have_count(0)


def desk_requests_changes(page, live_server, screenshot):
    log_in(page, live_server, "desk")
    open_from_queue(page, HEADLINE)
    expect(page.locator(".workflow .state")).to_contain_text("검토 대기")
    expect(page.get_by_role("button", name=PUBLISH_BUTTONS)).to_have_count(2)  # 지금 출고, 예약 출고
    page.get_by_role("textbox", name="기자에게 전할 메모").fill(NOTE)
    screenshot(page, "workflow-editor-review")
    press(page, "수정 요청")
    expect_message(page, "지금 상태: 수정 요청")


def reporter_fixes_and_resubmits(page, live_server, screenshot):
    page.goto(f"{live_server.url}/admin/articles/article/?mine=1")
    expect(page.locator("td.field-feedback_column")).to_have_text(NOTE)
    open_own_article(page, live_server, HEADLINE)
    expect(page.get_by_role("note")).to_contain_text(NOTE)
    screenshot(page, "workflow-reporter-feedback")
    editor = page.locator(".ProseMirror >> visible=true").first
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(FIXED_BODY)
    with page.expect_navigation():
        page.click("input[name=_continue]")
    expect_message(page, HEADLINE)
    press(page, "검토 요청")
    expect_message(page, "지금 상태: 검토 대기")
    expect(page.get_by_role("note")).to_have_count(0)


def desk_publishes(page, live_server):
    page.goto(f"{live_server.url}/admin/")
    open_from_queue(page, HEADLINE)
    expect(page.locator(".field-body")).to_contain_text(FIXED_BODY)
    press(page, "지금 출고")
    expect_message(page, "지금 상태: 출고")


def reader_opens_from_front_page(page, live_server):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name=HEADLINE).first.click()
    page.wait_for_url("**/news/**")
    expect(page.locator("h1")).to_have_text(HEADLINE)
    expect(page.locator(".dates")).to_contain_text(re.compile(r"입력 \d{4}/\d\d/\d\d \[\d\d:\d\d\]"))
    expect(page.locator(".story .body")).to_contain_text(FIXED_BODY)
    return page.url


def desk_adds_correction(page):
    group = page.locator("#corrections-group")
    group.locator(".add-row a").click()
    group.locator("textarea[name='corrections-0-text']").fill(CORRECTION)
    with page.expect_navigation():
        page.click("input[name=_continue]")
    expect_message(page, HEADLINE)


def test_reporter_and_editor_take_an_article_from_draft_to_withdrawal(live_server, page, new_person, screenshot):
    user = reporter_user(username="kang")
    reporter = Reporter.objects.create(user=user, name="강승원", slug="강승원")
    editor_user(username="desk")
    section = SectionFactory(name="국제", slug="world")
    ArticleFactory(
        headline=HEADLINE,
        body="<p>세미나에 300명이 참석했다.</p>",
        created_by=user,
        reporters=[reporter],
        section=section,
    )
    desk, reader = new_person(), new_person()

    log_in(page, live_server, "kang")
    reporter_submits(page, live_server)
    desk_requests_changes(desk, live_server, screenshot)
    reporter_fixes_and_resubmits(page, live_server, screenshot)
    assert FIXED_BODY in Article.objects.get().body

    desk_publishes(desk, live_server)
    url = reader_opens_from_front_page(reader, live_server)
    open_own_article(page, live_server, HEADLINE)  # published: still no 출고 취소 for the reporter
    expect(page.locator("input[name=_save]")).to_have_count(0)

    desk_adds_correction(desk)
    reader.reload()
    expect(reader.locator("aside.corrections")).to_contain_text(CORRECTION)
    screenshot(reader, "workflow-published")

    press(desk, "출고 취소")
    expect_message(desk, "지금 상태: 출고 취소")
    assert reader.goto(url).status == 404
    reader.goto(live_server.url + "/")
    expect(reader.get_by_role("link", name=HEADLINE)).to_have_count(0)
    open_own_article(page, live_server, HEADLINE)  # withdrawn: no 지금 출고 for the reporter either
    assert Article.objects.get().status == Article.Status.UNPUBLISHED
