"""A reporter's day and an editor's day in the admin, in chromium, with screenshots in test-artifacts/."""

import re

import pytest
from playwright.sync_api import expect

from articles.manuscript import count
from articles.models import Article, Autosave
from reporters.models import Reporter
from tests.browser.actions import log_in
from tests.factories import ArticleFactory, SectionFactory, editor_user, reporter_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADLINE = "한중일 스마트시티 세미나 열려"
BODY = "서울·베이징·도쿄가 스마트시티 경험을 나눴다. 참석자는 300명이었다."
NOTE = "참석자 수를 주최 측에 확인해 주세요"
FIXED = " 주최 측은 참석자가 400명이라고 밝혔다."
CHANGE_PAGE = re.compile(r"/admin/articles/article/\d+/change/")


@pytest.fixture
def people(browser, settings):
    """The reporter and the editor, each in a browser of their own; autosave every second."""
    settings.AUTOSAVE_INTERVAL_SECONDS = 1
    user = reporter_user(username="kang", first_name="승원")
    Reporter.objects.create(user=user, name="강승원", slug="강승원", email="kang@example.com")
    editor_user(username="desk", first_name="데스크")
    SectionFactory(name="국제", slug="world")
    contexts = []

    def open_page(**options):
        context = browser.new_context(
            locale="ko-KR", timezone_id="Asia/Seoul", viewport={"width": 1366, "height": 900}, **options
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15000)
        return page

    yield open_page
    for context in contexts:
        context.close()


def press(page, name):
    with page.expect_navigation():
        page.get_by_role("button", name=name, exact=True).click()


def editor_box(page):
    return page.locator(".ProseMirror >> visible=true").first


def reporter_starts_and_loses_the_tab(page, live_server, screenshot):
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    expect(page.locator("#select2-id_bylines-0-reporter-container")).to_contain_text("강승원")  # own byline
    expect(page.locator("select#id_section")).to_be_visible()  # few sections: a plain drop-down
    page.select_option("#id_section", label="국제")
    page.locator("#id_headline").press_sequentially(HEADLINE)
    editor_box(page).click()
    page.keyboard.type(BODY)
    # The counts under the editor follow the same rules as the server (articles/manuscript.py).
    body_html = page.input_value("#id_body")
    expected = count(body_html)
    counter = page.locator("#body-count .counts")
    expect(counter).to_contain_text(f"글자 {expected['characters']}자")
    expect(counter).to_contain_text(f"낱말 {expected['words']}개 · 원고지 {expected['sheets']:.1f}매")
    # The editor speaks Korean: toolbar tooltips and the link dialog.
    expect(page.locator(".prose-menubar button[title='굵게']")).to_have_count(1)
    expect(page.locator(".prose-menubar__option h2")).to_have_text("소제목 2")
    labels = page.evaluate(
        """Array.from(document.querySelectorAll('.prose-menubar [title], .prose-menubar__option'))
           .map(e => e.title || e.textContent)"""
    )
    assert len(labels) > 20 and [label for label in labels if re.search("[A-Za-z]{2,}", label)] == []
    page.keyboard.press("Shift+Home")
    page.locator(".prose-menubar button[title='링크 넣기']").click()
    dialog = page.locator("dialog.prose-editor-dialog[open]")
    expect(dialog).to_contain_text("링크 편집")
    expect(dialog).to_contain_text("주소")
    screenshot(page, "desk-reporter-editor-in-korean")
    dialog.get_by_role("button", name="취소").click()
    editor_box(page).click()
    page.keyboard.press("End")
    expect(page.locator("#body-count .autosave-status")).to_contain_text("자동 저장함", timeout=10000)
    screenshot(page, "desk-reporter-new-article-counts")
    assert Autosave.objects.get().data["headline"] == HEADLINE
    assert not Article.objects.filter(headline=HEADLINE).exists()  # a copy, not the article
    page.close()  # the tab is closed without saving


def reporter_restores_the_copy(page, live_server, screenshot):
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    offer = page.locator(".autosave-offer")
    expect(offer).to_contain_text(HEADLINE)
    screenshot(page, "desk-reporter-autosave-offer")
    press(page, "자동 저장본 되살리기")
    page.wait_for_url(CHANGE_PAGE)
    expect(page.locator(".messagelist")).to_contain_text("자동 저장본을 되살려 저장했습니다")
    article = Article.objects.get(headline=HEADLINE)
    assert (article.headline, article.section.name) == (HEADLINE, "국제")
    assert BODY in article.body
    assert [b.reporter.name for b in article.bylines.all()] == ["강승원"]
    press(page, "검토 요청")
    return article


def editor_reviews_and_sends_back(page, live_server, screenshot):
    log_in(page, live_server, "desk")
    queue = page.locator("#desk-queue")
    expect(queue).to_contain_text(HEADLINE)
    expect(queue).to_contain_text("원고지")
    expect(queue).to_contain_text("사진 없음")
    expect(page.locator("#desk-schedule")).to_contain_text("예약된 오후 기사")
    screenshot(page, "desk-editor-front-page")
    queue.get_by_role("link", name=HEADLINE).click()
    page.wait_for_url(CHANGE_PAGE)
    # The preview link: made, shown in the panel with its expiry, copied with one click.
    press(page, "계정 없는 사람용 미리보기 링크 만들기 (48시간)")
    link = page.locator("#preview-link-url")
    expect(page.locator(".preview-link")).to_contain_text("KST까지 유효")
    page.get_by_role("button", name="복사", exact=True).click()
    expect(page.locator(".copy-status")).to_have_text("복사했습니다")
    assert page.evaluate("navigator.clipboard.readText()") == link.input_value()
    assert "/preview/s/" in link.input_value()
    screenshot(page, "desk-editor-preview-link")
    page.get_by_role("textbox", name="기자에게 전할 메모").fill(NOTE)
    press(page, "수정 요청")
    return link.input_value()


def reporter_fixes(page, live_server, screenshot):
    page.goto(f"{live_server.url}/admin/")
    sent_back = page.locator("#my-changes_requested")
    expect(sent_back).to_contain_text(NOTE)
    screenshot(page, "desk-reporter-front-page")
    sent_back.get_by_role("link", name=HEADLINE).click()
    page.wait_for_url(CHANGE_PAGE)
    editor_box(page).click()
    page.keyboard.press("Control+End")
    page.keyboard.type(FIXED)
    press(page, "저장 및 편집 계속")
    expect(page.locator(".messagelist")).to_contain_text("저장했습니다. 아래에서 계속 고칠 수 있습니다.")
    press(page, "검토 요청")


def editor_publishes_edits_live_and_restores(page, live_server, screenshot):
    page.goto(f"{live_server.url}/admin/")
    page.locator("#desk-queue").get_by_role("link", name=HEADLINE).click()
    page.wait_for_url(CHANGE_PAGE)
    press(page, "지금 출고")
    banner = page.locator(".live-banner")
    expect(banner).to_contain_text("저장하면 독자 페이지가 바로 바뀝니다")
    screenshot(page, "desk-editor-live-banner")
    page.fill("#id_headline", HEADLINE + " (종합)")
    press(page, "저장 및 편집 계속")
    page.get_by_role("link", name="저장 기록과 비교").click()
    newest = page.locator("tr[data-revision]").first
    expect(newest.locator(".badge.live")).to_have_text("독자에게 보이는 판")
    expect(page.locator("table.revisions .badge.live")).to_have_count(1)
    expect(page.locator("tr[data-revision]").nth(1)).to_contain_text("출고 당시 판")
    screenshot(page, "desk-editor-revisions")
    page.locator("tr[data-revision='1']").get_by_role("link", name="이 판으로 되돌리기…").click()
    expect(page.locator(".live-banner")).to_contain_text("되돌리면 독자 페이지가 바로 바뀝니다")
    screenshot(page, "desk-editor-restore-confirmation")
    press(page, "제1판으로 되돌리기")
    expect(page.locator(".messagelist")).to_contain_text("제1판을 되살려")


def test_a_reporters_day_and_an_editors_day(live_server, people, screenshot):
    import datetime

    from django.utils import timezone

    ArticleFactory(
        scheduled=True, headline="예약된 오후 기사", published_at=timezone.now() + datetime.timedelta(hours=2)
    )
    reporter = people()
    log_in(reporter, live_server, "kang")
    reporter_starts_and_loses_the_tab(reporter, live_server, screenshot)
    reporter = reporter.context.new_page()  # the same browser, a new tab
    article = reporter_restores_the_copy(reporter, live_server, screenshot)

    editor = people(permissions=["clipboard-read", "clipboard-write"])
    preview = editor_reviews_and_sends_back(editor, live_server, screenshot)
    reporter_fixes(reporter, live_server, screenshot)
    editor_publishes_edits_live_and_restores(editor, live_server, screenshot)

    article.refresh_from_db()
    assert article.headline == HEADLINE and FIXED.strip() not in article.body  # revision 1 is back
    assert article.is_published
    assert article.revisions.count() == 4  # autosave restored, fixed, edited live, restored: one each
    stranger = people()
    assert stranger.goto(preview).status == 200
