"""IP addresses and e-mails go after the retention period; the command is safe to run every day."""

import datetime
import io

import pytest
from captcha.models import CaptchaStore
from django.core.management import CommandError, call_command
from django.utils import timezone

from comments.models import Comment

pytestmark = pytest.mark.django_db


def written(article, days_ago, **kwargs):
    return Comment.objects.create(
        article=article,
        name="독자",
        body="글",
        email="reader@example.com",
        ip="192.0.2.1",
        created_at=timezone.now() - datetime.timedelta(days=days_ago),
        status=Comment.Status.APPROVED,
        **kwargs,
    )


def erase(*args):
    out = io.StringIO()
    call_command("erase_comment_personal_data", *args, stdout=out)
    return out.getvalue()


def test_old_comments_lose_address_and_email_and_keep_their_text(article, settings):
    settings.COMMENTS_PERSONAL_DATA_DAYS = 90
    old, recent = written(article, 91), written(article, 89)
    assert "1 comment" in erase()
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.ip, old.email, old.body, old.name, old.status) == (None, "", "글", "독자", Comment.Status.APPROVED)
    assert (recent.ip, recent.email) == ("192.0.2.1", "reader@example.com")


def test_running_it_again_changes_nothing(article):
    written(article, 200)
    erase()
    assert "0 comment" in erase()
    assert Comment.objects.get().ip is None


def test_a_shorter_period_can_be_given(article):
    written(article, 10)
    erase("--days", "7")
    assert Comment.objects.get().email == ""
    with pytest.raises(CommandError):
        erase("--days", "-1")


def test_expired_challenges_are_cleared_too():
    CaptchaStore.objects.create(challenge="A", response="a", expiration=timezone.now() - datetime.timedelta(hours=1))
    fresh = CaptchaStore.generate_key()
    erase()
    assert list(CaptchaStore.objects.values_list("hashkey", flat=True)) == [fresh]
