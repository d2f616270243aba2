"""The admin's front page: a reporter's own articles, an editor's queue and schedule, in fixed queries."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.articles.workflow import article_in
from tests.factories import ArticleFactory, library_photo

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _midday_in_seoul():
    """'Today' in these tests is the desk's day (KST): run them at noon, far from midnight either way."""
    noon = timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0)
    with time_machine.travel(noon, tick=True):
        yield


def front_page(client):
    return client.get("/admin/").content.decode()


def section(page, element_id):
    return page.split(f'id="{element_id}"')[1].split("</section>")[0].split('<div class="module"')[0]


def test_a_reporter_sees_their_articles_by_what_they_need(client_as_reporter, reporter_profile, editor):
    mine = {"reporters": [reporter_profile]}
    article_in("draft", headline="쓰는 중인 기사", **mine)
    sent_back = article_in("in_review", headline="돌려받은 기사", **mine)
    sent_back.request_changes(editor, "참석자 수를 확인해 주세요")
    article_in("in_review", headline="기다리는 기사", submitted_at=timezone.now(), **mine)
    article_in("scheduled", headline="예약된 기사", **mine)
    article_in(
        "published", headline="오늘 나간 기사", published_at=timezone.now() - datetime.timedelta(minutes=5), **mine
    )
    article_in("published", headline="지난주 기사", published_at=timezone.now() - datetime.timedelta(days=7), **mine)
    article_in("draft", headline="남의 기사")
    page = front_page(client_as_reporter)
    assert "쓰는 중인 기사" in section(page, "my-draft")
    assert "돌려받은 기사" in section(page, "my-changes_requested")
    assert "참석자 수를 확인해 주세요" in section(page, "my-changes_requested")
    assert "기다리는 기사" in section(page, "my-in_review")
    assert "예약된 기사" in section(page, "my-scheduled")
    assert "오늘 나간 기사" in section(page, "my-published_today")
    assert "지난주 기사" not in page and "남의 기사" not in page
    assert 'id="desk-queue"' not in page  # not the editor's lists


def test_an_editor_sees_the_queue_with_wait_length_and_photo(client_as_editor):
    article_in(
        "in_review",
        headline="오래 기다린 기사",
        body="<p>" + "가" * 199 + "</p>",
        submitted_at=timezone.now() - datetime.timedelta(hours=3, minutes=5),
        lead_photo=library_photo(caption="", alt_text=""),
    )
    article_in("in_review", headline="사진 없는 기사", submitted_at=timezone.now())
    page = front_page(client_as_editor)
    queue = section(page, "desk-queue")
    assert queue.index("오래 기다린 기사") < queue.index("사진 없는 기사")
    assert "3시간" in queue
    assert "원고지 1.0매" in queue
    assert "설명·대체 텍스트 없음" in queue and "사진 없음" in queue


def test_an_editor_sees_todays_schedule_in_order(client_as_editor):
    now = timezone.now()
    ArticleFactory(published=True, headline="아침에 나간 기사", published_at=now - datetime.timedelta(minutes=1))
    ArticleFactory(scheduled=True, headline="곧 나갈 기사", published_at=now + datetime.timedelta(minutes=2))
    ArticleFactory(scheduled=True, headline="모레 나갈 기사", published_at=now + datetime.timedelta(days=2))
    ArticleFactory(published=True, headline="어제 기사", published_at=now - datetime.timedelta(days=2))
    schedule = section(front_page(client_as_editor), "desk-schedule")
    assert schedule.index("아침에 나간 기사") < schedule.index("곧 나갈 기사") < schedule.index("모레 나갈 기사")
    assert "출고됨" in schedule and "예약" in schedule and "오늘" in schedule
    assert "어제 기사" not in schedule


@pytest.mark.parametrize("client_fixture", ["client_as_reporter", "client_as_editor"])
def test_the_front_page_runs_a_fixed_number_of_queries(request, client_fixture, reporter_profile):
    client = request.getfixturevalue(client_fixture)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            client.get("/admin/")
        return len(captured)

    for state in ["draft", "in_review", "scheduled", "published", "changes_requested"]:
        article_in(state, reporters=[reporter_profile], submitted_at=timezone.now())
    queries()  # warm the caches a running site has (the paper's details in the header)
    few = queries()
    for state in ["draft", "in_review", "scheduled", "published", "changes_requested"] * 4:
        article_in(state, reporters=[reporter_profile], submitted_at=timezone.now())
    assert queries() == few
