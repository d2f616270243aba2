"""Posting faster than the per-address limits is refused with the text kept; proxies are trusted only when told."""

import datetime

import pytest
from django.test import RequestFactory
from django.utils import timezone

from comments.models import Comment
from comments.ratelimit import client_address

pytestmark = pytest.mark.django_db


def test_the_sixth_post_in_a_minute_is_refused_with_the_text_kept(client, article, post_comment, settings):
    settings.COMMENTS_RATE_PER_MINUTE = 5
    for n in range(5):
        assert post_comment(client, article, body=f"글 {n}").status_code == 302
    response = post_comment(client, article, body="여섯 번째 글")
    assert response.status_code == 429
    page = response.content.decode()
    assert "너무 자주" in page and "여섯 번째 글" in page
    assert Comment.objects.count() == 5


def test_another_address_is_counted_apart(client, article, post_comment, settings):
    settings.COMMENTS_RATE_PER_MINUTE = 1
    assert post_comment(client, article, address="192.0.2.1").status_code == 302
    assert post_comment(client, article, address="192.0.2.1").status_code == 429
    assert post_comment(client, article, address="192.0.2.2").status_code == 302


def test_the_hourly_limit_counts_across_minutes(client, article, post_comment, settings, time_machine):
    settings.COMMENTS_RATE_PER_MINUTE = 2
    settings.COMMENTS_RATE_PER_HOUR = 3
    start = timezone.now().replace(minute=0, second=5) + datetime.timedelta(hours=1)
    codes = []
    for minute in range(4):
        time_machine.move_to(start + datetime.timedelta(minutes=minute), tick=False)
        codes.append(post_comment(client, article).status_code)
    assert codes == [302, 302, 302, 429]


def request_from(remote, forwarded=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


def test_x_forwarded_for_is_ignored_without_trusted_proxies(settings):
    settings.COMMENTS_TRUSTED_PROXIES = 0
    assert client_address(request_from("192.0.2.9", "198.51.100.1")) == "192.0.2.9"


def test_behind_one_proxy_the_address_it_saw_is_used_not_what_the_client_typed(settings):
    settings.COMMENTS_TRUSTED_PROXIES = 1
    # The client forged 6.6.6.6; the proxy appended the address it really saw.
    assert client_address(request_from("10.0.0.2", "6.6.6.6, 198.51.100.1")) == "198.51.100.1"
    settings.COMMENTS_TRUSTED_PROXIES = 2
    assert client_address(request_from("10.0.0.2", "6.6.6.6, 198.51.100.1, 10.0.0.3")) == "198.51.100.1"


def test_a_spoofed_header_cannot_dodge_the_limit(client, article, post_comment, settings):
    settings.COMMENTS_RATE_PER_MINUTE = 1
    settings.COMMENTS_TRUSTED_PROXIES = 0
    assert post_comment(client, article, forwarded="1.1.1.1").status_code == 302
    assert post_comment(client, article, forwarded="2.2.2.2").status_code == 429


def test_junk_addresses_are_not_stored(settings):
    settings.COMMENTS_TRUSTED_PROXIES = 1
    assert client_address(request_from("10.0.0.2", "<script>")) is None
