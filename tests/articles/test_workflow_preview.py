"""Previews: staff see any article as readers will; signed links expire and cannot be altered."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse

from tests.articles.workflow import article_in

pytestmark = pytest.mark.django_db


def make_link(client_as_editor, article):
    """Press the editor's 'make a preview link' button and read the link from the workflow panel."""
    response = client_as_editor.post(reverse("admin:articles_article_preview_link", args=[article.pk]), follow=True)
    return re.search(r'id="preview-link-url" value="http://testserver(/preview/s/[^"]+/)"', response.text).group(1)


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


def test_the_preview_link_stays_in_the_workflow_panel_with_copy_button_and_expiry(client_as_editor, settings):
    settings.PREVIEW_LINK_MAX_AGE = 3600
    article = article_in("in_review")
    client_as_editor.post(reverse("admin:articles_article_preview_link", args=[article.pk]))
    page = client_as_editor.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    panel = page.split('class="preview-link"')[1].split("</div>")[0]
    assert re.search(r'id="preview-link-url" value="http://testserver/preview/s/[^"]+/"', panel)
    assert 'data-copy="preview-link-url"' in panel
    assert re.search(r"\d{4}/\d\d/\d\d \[\d\d:\d\d\] KST까지 유효", panel)


def test_an_expired_preview_link_is_no_longer_shown(client_as_editor, settings):
    article = article_in("in_review")
    client_as_editor.post(reverse("admin:articles_article_preview_link", args=[article.pk]))
    session = client_as_editor.session
    session[f"articles.preview_link.{article.pk}"]["expires"] = "2000-01-01T00:00:00+00:00"
    session.save()
    page = client_as_editor.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert 'id="preview-link-url"' not in page
