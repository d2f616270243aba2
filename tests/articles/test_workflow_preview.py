"""Previews: staff see any article as readers will; signed links expire and cannot be altered."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse

from tests.articles.workflow import article_in

pytestmark = pytest.mark.django_db


def make_link(client_as_editor, article):
    """Press the editor's 'make a preview link' button and read the link from the message."""
    response = client_as_editor.post(reverse("admin:articles_article_preview_link", args=[article.pk]), follow=True)
    text = " ".join(str(m) for m in response.context["messages"])
    return re.search(r"http://testserver(/preview/s/[^\s]+/)", text).group(1)


def test_reporter_previews_a_draft_exactly_as_readers_will(client_as_reporter):
    article = article_in("draft", headline="아직 안 나간 기사")
    response = client_as_reporter.get(reverse("articles:preview", args=[article.pk]))
    assert response.status_code == 200
    assert "미리보기" in response.content.decode()
    assert "아직 안 나간 기사" in response.content.decode()
    assert response.templates[0].name == "articles/article_detail.html"
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_preview_needs_a_login(client):
    article = article_in("draft")
    response = client.get(reverse("articles:preview", args=[article.pk]))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_signed_link_shows_the_article_without_an_account(client, client_as_editor):
    article = article_in("in_review", headline="검토 중인 기사")
    link = make_link(client_as_editor, article)
    client.logout()
    response = client.get(link)
    assert response.status_code == 200
    assert "검토 중인 기사" in response.content.decode()
    assert "미리보기" in response.content.decode()


@pytest.mark.parametrize(("hours", "status"), [(47.9, 200), (48.1, 404)], ids=["before-48h", "after-48h"])
def test_signed_link_expires_after_48_hours(client, client_as_editor, hours, status):
    article = article_in("draft", headline="곧 나갈 기사")
    link = make_link(client_as_editor, article)
    client.logout()
    with time_machine.travel(datetime.timedelta(hours=hours)):
        response = client.get(link)
    assert response.status_code == status
    if status == 404:
        assert "곧 나갈 기사" not in response.content.decode()


def test_altered_link_is_a_plain_404(client, client_as_editor):
    secret = article_in("draft", headline="비밀 기사")
    other = article_in("draft")
    link = make_link(client_as_editor, other)
    token = link.split("/")[3]
    _pk, _sep, stamp_and_signature = token.partition(":")
    tampered = f"/preview/s/{secret.pk}:{stamp_and_signature}/"  # another article's id under this signature
    client.logout()
    for url in [tampered, link[:-3] + "xx/", "/preview/s/nonsense/"]:
        response = client.get(url)
        assert response.status_code == 404
        assert "비밀 기사" not in response.content.decode()


def test_reporters_cannot_make_signed_links(client_as_reporter, reporter_profile):
    article = article_in("draft", reporters=[reporter_profile])
    response = client_as_reporter.post(reverse("admin:articles_article_preview_link", args=[article.pk]))
    assert response.status_code == 403
