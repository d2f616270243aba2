"""The demo shows the flow: two approved comments under the seminar article and one waiting."""

import pytest

from articles.demo import load_demo
from comments.models import Comment

pytestmark = pytest.mark.django_db


def test_demo_has_approved_and_waiting_comments_and_loads_twice_unchanged(client, demo):
    load_demo()
    statuses = sorted(Comment.objects.filter(article=demo).values_list("status", flat=True))
    assert statuses == ["approved", "approved", "pending"]
    page = client.get(demo.get_absolute_url()).content.decode()
    assert "도시계획연구자" in page and "댓글 2" in page and "서울시 통합 플랫폼" not in page


def test_demo_leaves_what_the_desk_did_alone(demo, editor):
    Comment.objects.filter(status=Comment.Status.PENDING).moderate(Comment.Status.APPROVED, editor)
    load_demo()
    assert not Comment.objects.filter(status=Comment.Status.PENDING).exists()
