"""The workflow as people meet it in the admin: buttons, feedback, the review queue, scheduling in KST."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.articles.workflow import article_in, change_form_data, change_url, transition_url

pytestmark = pytest.mark.django_db


ACTIONS = ["submit", "request_changes", "publish", "cancel_schedule", "unpublish"]


def buttons(response):
    """The transition URLs the page offers."""
    html = response.content.decode()
    return {action for action in ACTIONS if f"/workflow/{action}/" in html}


def test_reporter_sees_only_submit_on_own_draft(client_as_reporter, reporter_profile):
    article = article_in("draft", reporters=[reporter_profile])
    response = client_as_reporter.get(change_url(article))
    assert buttons(response) == {"submit"}
    assert "지금 출고" not in response.content.decode()


def test_reporter_sees_no_buttons_and_a_read_only_form_in_review(client_as_reporter, reporter_profile):
    article = article_in("in_review", reporters=[reporter_profile])
    response = client_as_reporter.get(change_url(article))
    assert response.status_code == 200
    assert buttons(response) == set()
    assert 'name="headline"' not in response.content.decode()


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        ("draft", {"submit", "publish"}),
        ("in_review", {"request_changes", "publish"}),
        ("scheduled", {"publish", "cancel_schedule"}),
        ("published", {"unpublish"}),
        ("unpublished", {"publish"}),
    ],
)
def test_editor_sees_the_transitions_of_each_state(client_as_editor, state, expected):
    response = client_as_editor.get(change_url(article_in(state)))
    assert buttons(response) == expected


def test_editor_sends_back_with_a_note_and_reporter_sees_it(client, editor, reporter, reporter_profile):
    article = article_in("in_review", reporters=[reporter_profile])
    client.force_login(editor)
    client.post(transition_url(article, "request_changes"), {"note": "두 번째 문단의 출처를 밝혀 주세요."})
    article.refresh_from_db()
    assert article.status == Article.Status.CHANGES_REQUESTED

    client.force_login(reporter)
    page = client.get(change_url(article)).content.decode()
    assert "두 번째 문단의 출처를 밝혀 주세요." in page
    assert "데스크 수정 요청" in page
    mine = client.get(reverse("admin:articles_article_changelist") + "?mine=1").content.decode()
    assert "두 번째 문단의 출처를 밝혀 주세요." in mine
    assert article.headline in mine


def test_sending_back_without_a_note_is_refused_with_a_reason(client_as_editor):
    article = article_in("in_review")
    response = client_as_editor.post(transition_url(article, "request_changes"), {"note": ""}, follow=True)
    article.refresh_from_db()
    assert article.status == Article.Status.IN_REVIEW
    assert "메모가 꼭 있어야 합니다" in response.content.decode()


def test_my_articles_lists_only_my_articles(client_as_reporter, reporter_profile, other_reporter):
    mine = article_in("draft", reporters=[reporter_profile], headline="내가 쓴 기사")
    article_in("draft", reporters=[other_reporter.reporter], headline="남이 쓴 기사")
    page = client_as_reporter.get(reverse("admin:articles_article_changelist") + "?mine=1").content.decode()
    assert mine.headline in page
    assert "남이 쓴 기사" not in page


def test_review_queue_lists_oldest_submission_first_and_counts_on_the_index(client_as_editor):
    now = timezone.now()
    newer = article_in("in_review", headline="나중에 올린 기사", submitted_at=now - datetime.timedelta(hours=1))
    older = article_in("in_review", headline="먼저 올린 기사", submitted_at=now - datetime.timedelta(hours=5))
    article_in("draft", headline="아직 쓰는 기사")
    page = client_as_editor.get(reverse("admin:articles_article_changelist") + "?queue=review").content.decode()
    assert page.index(older.headline) < page.index(newer.headline)
    assert "아직 쓰는 기사" not in page
    index = client_as_editor.get(reverse("admin:index")).content.decode()
    assert "검토를 기다리는 기사 2건" in index


def test_reporters_do_not_see_the_review_queue_count(client_as_reporter):
    article_in("in_review")
    assert "검토를 기다리는 기사" not in client_as_reporter.get(reverse("admin:index")).content.decode()


def next_month_kst(hour, minute):
    """A date a month from now at the given time in Seoul, within the scheduling limit."""
    day = (timezone.localtime() + datetime.timedelta(days=30)).date()
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=timezone.get_current_timezone())


def test_editor_schedules_in_kst(client_as_editor):
    article = article_in("in_review")
    at = next_month_kst(9, 0)
    response = client_as_editor.post(
        transition_url(article, "publish"), {"at": at.strftime("%Y-%m-%dT09:00")}, follow=True
    )
    article.refresh_from_db()
    assert article.state == "scheduled"
    assert article.published_at == at.astimezone(datetime.UTC)
    assert article.published_at.hour == 0  # 09:00 in Seoul is midnight UTC
    page = response.content.decode()
    assert f"{at:%Y/%m/%d} [09:00] (KST)에 출고하도록 예약했습니다" in page
    assert "예약 시각 (KST)" in page


def test_editor_reschedules_and_cancels(client_as_editor):
    article = article_in("scheduled")
    at = next_month_kst(18, 30)
    client_as_editor.post(transition_url(article, "publish"), {"at": at.strftime("%Y-%m-%dT%H:%M")})
    article.refresh_from_db()
    assert timezone.localtime(article.published_at) == at
    client_as_editor.post(transition_url(article, "cancel_schedule"))
    article.refresh_from_db()
    assert (article.status, article.published_at) == (Article.Status.IN_REVIEW, None)


def test_every_transition_is_listed_on_the_article_page(client_as_editor, editor):
    article = article_in("draft")
    article.submit(editor)
    article.request_changes(editor, "제목을 줄여 주세요")
    article.submit(editor)
    article.publish(editor)
    page = client_as_editor.get(change_url(article)).content.decode()
    assert "처리 기록 (4)" in page
    assert "제목을 줄여 주세요" in page
    assert page.count("<td>editor-user</td>") == 4


def test_editor_adds_correction_notes_through_the_form(client_as_editor):
    article = article_in("published")
    data = change_form_data(
        article,
        **{
            "corrections-TOTAL_FORMS": 1,
            "corrections-0-date": "2026-11-20",
            "corrections-0-text": "참석자 수를 바로잡았습니다.",
        },
    )
    assert client_as_editor.post(change_url(article), data).status_code == 302
    assert list(article.corrections.values_list("text", flat=True)) == ["참석자 수를 바로잡았습니다."]


def test_read_only_page_shows_the_body_as_readers_see_it(client_as_reporter, reporter_profile):
    article = article_in("in_review", reporters=[reporter_profile], body="<p>첫 문단</p><h2>소제목</h2>")
    page = client_as_reporter.get(change_url(article)).content.decode()
    assert "<h2>소제목</h2>" in page
    assert "&lt;h2&gt;" not in page
    assert 'name="version"' not in page
