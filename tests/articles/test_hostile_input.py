"""Hostile input in the admin and reader URLs: refused with a clear message, never a 500."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.articles.admin_forms import article_form_data
from tests.articles.workflow import change_form_data, change_url, transition_url
from tests.factories import ArticleFactory, ReporterFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("tags", "message"),
    [("😀, 스마트시티", "글자나 숫자가 없는"), ("?", "글자나 숫자가 없는"), ("가" * 150, "넘을 수 없습니다")],
    ids=["emoji", "punctuation", "too-long"],
)
def test_tags_that_cannot_be_stored_or_linked_are_a_form_error(client_as_reporter, tags, message):
    data = article_form_data(SectionFactory(), ReporterFactory(), tags=tags, body="<p>지켜야 할 본문</p>")
    response = client_as_reporter.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 200
    assert message in " ".join(response.context["adminform"].form.errors["tags"])
    assert "지켜야 할 본문" in response.content.decode()  # the typed text comes back
    assert not Article.objects.exists()


def test_article_page_survives_a_tag_without_an_address(client):
    article = ArticleFactory(published=True)
    article.tags.add("😀")  # written around the form, e.g. from the shell
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "#😀" in response.content.decode()


@pytest.mark.parametrize("at", ["9999-12-31T23:59-12:00", "3000-01-01T00:00", "2026-13-45T99:99", "\x00"], ids=str)
def test_an_impossible_schedule_is_refused_and_changes_nothing(client_as_editor, at):
    article = ArticleFactory(in_review=True)
    response = client_as_editor.post(transition_url(article, "publish"), {"at": at}, follow=True)
    assert response.status_code == 200
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    article.refresh_from_db()
    assert article.status == Article.Status.IN_REVIEW and article.published_at is None
    assert client_as_editor.get(reverse("admin:articles_article_changelist")).status_code == 200


def test_scheduling_a_year_ahead_is_refused_at_the_model(editor):
    from django.core.exceptions import ValidationError

    article = ArticleFactory(in_review=True)
    with pytest.raises(ValidationError):
        article.publish(editor, at=timezone.now() + datetime.timedelta(days=400))


def test_a_tag_used_only_on_drafts_has_no_public_page(client):
    ArticleFactory(tags=["단독-합병"])
    assert client.get(reverse("articles:tag", args=["단독-합병"])).status_code == 404


def test_a_withdrawn_article_ends_its_preview_links(client, editor):
    from articles.preview import signed_preview_url

    article = ArticleFactory(published=True, headline="취소될 기사")
    url, _expires = signed_preview_url(article)
    assert client.get(url).status_code == 200
    article.unpublish(editor)
    response = client.get(url)
    assert response.status_code == 404 and "취소될 기사" not in response.content.decode()


def test_restoring_a_revision_whose_section_was_deleted(client_as_editor, editor):
    old, new = SectionFactory(slug="old"), SectionFactory(slug="new")
    article = ArticleFactory(section=old)
    client_as_editor.post(change_url(article), change_form_data(article, headline="첫 판"))
    client_as_editor.post(change_url(article), change_form_data(article, section=new.pk))
    first = next(
        r
        for r in article.revisions.all()
        if r.data["section"] and r.data["section"][0] == old.pk and r.data["headline"] == "첫 판"
    )
    old.delete()
    response = client_as_editor.post(
        reverse("admin:articles_article_restore", args=[article.pk, first.number]), follow=True
    )
    assert response.status_code == 200
    article.refresh_from_db()
    assert article.headline == "첫 판" and article.section is None


@pytest.mark.parametrize("pk", ["0", "9223372036854775807", "9223372036854775808", "99999999999999999999999"])
def test_an_article_address_with_an_id_no_row_can_have_is_a_404(client, pk):
    assert client.get(f"/news/{pk}/x/").status_code == 404
