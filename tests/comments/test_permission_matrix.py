"""Who may do what with comments, over HTTP: the desk moderates; reporters read their own articles' comments."""

import pytest
from django.urls import reverse

from comments.models import BannedWord, Comment
from tests.factories import ArticleFactory, ReporterFactory, UserFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:comments_comment_changelist")


@pytest.fixture
def comments(reporter_profile):
    own = ArticleFactory(published=True, reporters=[reporter_profile])
    other = ArticleFactory(published=True, reporters=[ReporterFactory()])
    make = Comment.objects.create
    return {
        "own": make(article=own, name="독자", body="내 기사 댓글", ip="192.0.2.1"),
        "other": make(article=other, name="독자", body="남의 기사 댓글", ip="192.0.2.2"),
    }


def act(client, action, comment):
    """Try one thing; True if it worked (the database or the page says so)."""
    if action == "read":
        response = client.get(reverse("admin:comments_comment_change", args=[comment.pk]))
        return response.status_code == 200 and comment.body in response.content.decode()
    if action in ("approve", "hide"):
        client.post(CHANGELIST, {"action": action, "_selected_action": [comment.pk]})
        return Comment.objects.get(pk=comment.pk).status != Comment.Status.PENDING
    if action == "change":
        client.post(reverse("admin:comments_comment_change", args=[comment.pk]), {"status": "approved"})
        return Comment.objects.get(pk=comment.pk).status == Comment.Status.APPROVED
    if action == "delete":
        client.post(reverse("admin:comments_comment_delete", args=[comment.pk]), {"post": "yes"})
        return not Comment.objects.filter(pk=comment.pk).exists()
    if action == "ban":
        client.post(reverse("admin:comments_bannedword_add"), {"word": "광고", "action": "hold"})
        return BannedWord.objects.exists()
    raise AssertionError(action)


ACTIONS = ["read", "approve", "hide", "change", "delete", "ban"]
# role -> (allowed on a comment under the reporter's own article, allowed under someone else's)
EXPECTED = {
    "editor": {action: (True, True) for action in ACTIONS},
    "reporter": {action: (action == "read", False) for action in ACTIONS},  # ban lists are the desk's alone
    "staff without a role": {action: (False, False) for action in ACTIONS},
    "anonymous": {action: (False, False) for action in ACTIONS},
}


@pytest.mark.parametrize("role", EXPECTED)
@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("whose", ["own", "other"])
def test_permission_matrix(client, comments, reporter, editor, role, action, whose):
    users = {"editor": editor, "reporter": reporter, "staff without a role": UserFactory(username="plain")}
    if role in users:
        client.force_login(users[role])
    expected = EXPECTED[role][action][0 if whose == "own" else 1]
    assert act(client, action, comments[whose]) == expected
