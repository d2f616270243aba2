"""The permission matrix: role × transition × state, at the model and through the admin."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from articles.models import Article, Transition
from tests.articles.workflow import STATES, article_in, change_form_data, change_url, transition_url

pytestmark = pytest.mark.django_db

ROLES = ["own_reporter", "other_reporter", "editor", "superuser"]
ACTIONS = ["submit", "request_changes", "publish", "cancel_schedule", "unpublish"]
EDITORS = {"editor", "superuser"}

# Written out by hand (not read from the code) so the test says what the newsroom decided.
ALLOWED_FROM = {
    "submit": {"draft", "changes_requested"},
    "request_changes": {"in_review"},
    "publish": {"draft", "in_review", "changes_requested", "scheduled", "unpublished"},
    "cancel_schedule": {"scheduled"},
    "unpublish": {"published"},
}
WHO = {"submit": EDITORS | {"own_reporter"}, "request_changes": EDITORS, "publish": EDITORS}
RESULT = {
    "submit": "in_review",
    "request_changes": "changes_requested",
    "publish": "published",
    "cancel_schedule": "in_review",
    "unpublish": "unpublished",
}


@pytest.fixture
def users(reporter, reporter_profile, other_reporter, editor, superuser):
    return {"own_reporter": reporter, "other_reporter": other_reporter, "editor": editor, "superuser": superuser}


def call(article, action, user):
    kwargs = {"request_changes": {"note": "리드를 줄여 주세요."}}.get(action, {})
    getattr(article, action)(user, **kwargs)


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_transition_matrix(users, reporter_profile, role, action, state):
    article = article_in(state, reporters=[reporter_profile])
    before = Article.objects.values("status", "published_at", "submitted_at").get(pk=article.pk)
    allowed = state in ALLOWED_FROM[action] and role in WHO.get(action, EDITORS)
    if allowed:
        call(article, action, users[role])
        article.refresh_from_db()
        assert article.state == RESULT[action]
        move = Transition.objects.get(article=article)
        assert (move.actor, move.from_state, move.to_state) == (users[role], state, RESULT[action])
    else:
        with pytest.raises((PermissionDenied, ValidationError)):
            call(article, action, users[role])
        assert Article.objects.values("status", "published_at", "submitted_at").get(pk=article.pk) == before
        assert not Transition.objects.filter(article=article).exists()


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_who_may_edit_in_which_state(users, reporter_profile, role, state):
    article = article_in(state, reporters=[reporter_profile])
    expected = role in EDITORS or (role == "own_reporter" and state in {"draft", "changes_requested"})
    assert article.can_edit(users[role]) is expected


def test_creator_without_byline_owns_the_article(reporter):
    article = article_in("draft", created_by=reporter)
    assert article.can_edit(reporter)


def test_request_changes_needs_a_note(editor):
    article = article_in("in_review")
    with pytest.raises(ValidationError, match="메모"):
        article.request_changes(editor, "   ")
    article.refresh_from_db()
    assert article.status == Article.Status.IN_REVIEW


def test_cannot_schedule_in_the_past(editor):
    article = article_in("in_review")
    with pytest.raises(ValidationError, match="예약 시각"):
        article.publish(editor, at=timezone.now() - datetime.timedelta(minutes=1))
    article.refresh_from_db()
    assert article.status == Article.Status.IN_REVIEW


# Direct POSTs by a reporter to the admin: a hidden button is never the only guard.


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("action", ["publish", "request_changes", "cancel_schedule", "unpublish"])
def test_reporter_cannot_post_editor_transitions_on_own_article(client_as_reporter, reporter_profile, action, state):
    article = article_in(state, reporters=[reporter_profile])
    before = Article.objects.values("status", "published_at").get(pk=article.pk)
    response = client_as_reporter.post(
        transition_url(article, action), {"note": "x", "at": "2099-01-01T09:00"}, follow=True
    )
    assert response.status_code == 200
    assert Article.objects.values("status", "published_at").get(pk=article.pk) == before
    assert not Transition.objects.filter(article=article).exists()
    messages = [str(m) for m in response.context["messages"]]
    assert any("권한이 없습니다" in m or "할 수 없습니다" in m for m in messages), messages


@pytest.mark.parametrize("state", STATES)
def test_reporter_cannot_post_submit_on_someone_elses_article(client_as_reporter, other_reporter, state):
    article = article_in(state, reporters=[other_reporter.reporter])
    before = Article.objects.values("status").get(pk=article.pk)
    response = client_as_reporter.post(transition_url(article, "submit"), follow=True)
    assert response.status_code == 200
    assert Article.objects.values("status").get(pk=article.pk) == before
    assert any("권한이 없습니다" in str(m) or "할 수 없습니다" in str(m) for m in response.context["messages"])


@pytest.mark.parametrize(
    ("owner", "state"),
    [("own", "in_review"), ("own", "scheduled"), ("own", "published"), ("own", "unpublished"), ("other", "draft")],
)
def test_reporter_cannot_post_the_change_form(client_as_reporter, reporter_profile, other_reporter, owner, state):
    byline = reporter_profile if owner == "own" else other_reporter.reporter
    article = article_in(state, reporters=[byline])
    response = client_as_reporter.post(change_url(article), change_form_data(article, headline="몰래 바꾼 제목"))
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.headline != "몰래 바꾼 제목"


def test_reporter_can_save_own_draft_and_submit_it(client_as_reporter, reporter_profile):
    article = article_in("draft", reporters=[reporter_profile])
    response = client_as_reporter.post(change_url(article), change_form_data(article, headline="고친 제목"))
    assert response.status_code == 302
    response = client_as_reporter.post(transition_url(article, "submit"), follow=True)
    article.refresh_from_db()
    assert (article.headline, article.status) == ("고친 제목", Article.Status.IN_REVIEW)
    assert "'검토 요청' 처리했습니다" in " ".join(str(m) for m in response.context["messages"])


def test_transition_urls_refuse_get(client_as_editor):
    article = article_in("in_review")
    assert client_as_editor.get(transition_url(article, "publish")).status_code == 405
    article.refresh_from_db()
    assert article.status == Article.Status.IN_REVIEW


def test_unknown_transition_is_404(client_as_editor):
    article = article_in("in_review")
    assert client_as_editor.post(transition_url(article, "delete")).status_code == 404


def test_refused_save_says_why_and_hands_back_the_text(client_as_reporter, reporter_profile, editor):
    article = article_in("draft", reporters=[reporter_profile])
    opened = change_form_data(article)
    article.publish(editor)  # the desk publishes while the reporter is still typing
    response = client_as_reporter.post(change_url(article), {**opened, "body": "<p>막 쓴 문단</p>"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "지금 상태(출고)에서는 기자가 기사를 고칠 수 없습니다" in page
    assert "&lt;p&gt;막 쓴 문단&lt;/p&gt;" in page


def test_reporter_creates_an_article_they_then_own(client_as_reporter, reporter):
    from django.urls import reverse

    from tests.factories import ReporterFactory, SectionFactory

    data = change_form_data(article_in("draft"), headline="새 기사", slug="새-기사", version=0)
    data.update(
        {
            "section": SectionFactory().pk,
            "bylines-TOTAL_FORMS": 1,
            "bylines-INITIAL_FORMS": 0,
            "bylines-0-id": "",
            "bylines-0-article": "",
            "bylines-0-reporter": ReporterFactory().pk,
        }
    )
    response = client_as_reporter.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302
    article = Article.objects.get(slug="새-기사")
    assert (article.created_by, article.status, article.revisions.count()) == (reporter, "draft", 1)
    assert article.can_edit(reporter)


@pytest.mark.parametrize(("action", "kwargs"), [("request_changes", {"note": ""}), ("publish", {"at": "past"})])
def test_permission_is_checked_before_the_details(reporter, reporter_profile, action, kwargs):
    article = article_in("in_review", reporters=[reporter_profile])
    if kwargs.get("at") == "past":
        kwargs = {"at": timezone.now() - datetime.timedelta(hours=1)}
    with pytest.raises(PermissionDenied):
        getattr(article, action)(reporter, **kwargs)
