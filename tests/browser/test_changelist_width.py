"""The article list reads at 1366 px: no word broken mid-word, no header cut, the desk note not a ribbon."""

import pytest

from reporters.models import Reporter
from tests.browser.actions import log_in
from tests.factories import ArticleFactory, SectionFactory, editor_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOTE = "세션별 발표자 이름과 소속을 주최 측 자료와 다시 맞춰 보고, 참석자 수도 확인해 주세요."
LINES = """(element) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const tops = new Set();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of range.getClientRects()) tops.add(Math.round(rect.top));
    }
    return tops.size;
}"""


def test_the_article_list_reads_at_1366_pixels(live_server, page, screenshot):
    editor = editor_user(username="desk")
    kang = Reporter.objects.create(name="강승원", slug="강승원")
    section = SectionFactory(name="국제", slug="world")
    headline = "한중일 3국협력사무국과 세계스마트지속가능도시기구 공동 세미나에서 서울·베이징·도쿄가 경험을 나눴다"
    ArticleFactory(headline=headline, reporters=[kang], section=section)
    sent_back = ArticleFactory(in_review=True, headline="스마트시티 세미나 2부", reporters=[kang], section=section)
    sent_back.request_changes(editor, NOTE)
    ArticleFactory(scheduled=True, headline="예약된 기사", reporters=[kang], section=section)
    ArticleFactory(published=True, headline="출고된 기사", reporters=[kang], section=section)

    page.set_viewport_size({"width": 1366, "height": 900})
    log_in(page, live_server, "desk")
    page.goto(f"{live_server.url}/admin/articles/article/")
    screenshot(page, "desk-changelist-1366")
    for selector in [
        "td.field-byline_column",
        "td.field-state_label",
        "th.column-updated_column",
        "td.field-updated_column",
        "td.field-published_column",
        "td.field-section",
    ]:
        for cell in page.locator(selector).all():
            assert cell.evaluate(LINES) == 1, (selector, cell.inner_text())
    note = page.locator("td.field-feedback_column").filter(has_text="세션별")
    assert len(NOTE) / note.evaluate(LINES) >= 10  # a readable paragraph, not a few characters a line
    # Nothing runs off to the right, neither the page nor the list inside its scrolling box.
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    assert page.evaluate("(box => box.scrollWidth <= box.clientWidth)(document.querySelector('.results'))")
