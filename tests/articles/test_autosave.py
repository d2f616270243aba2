"""Autosave: a person's draft copy of the form, never the article, restored through the service function."""

import pytest
from django.urls import reverse

from articles.models import Article, Autosave
from tests.articles.workflow import article_in, change_url
from tests.factories import SectionFactory

pytestmark = pytest.mark.django_db

NEW_URL = reverse("admin:articles_article_autosave_new")


def autosave_url(article):
    return reverse("admin:articles_article_autosave", args=[article.pk])


def action_url(article, action):
    if article is None:
        return reverse("admin:articles_article_autosave_new_action", args=[action])
    return reverse("admin:articles_article_autosave_action", args=[article.pk, action])


def typed(article=None, **fields):
    data = {"headline": "자동 저장된 제목", "body": "<p>쓰던 본문</p>", "tags": "스마트시티"}
    if article is not None:
        data.update(slug=article.slug, version=article.version, section=article.section_id)
    return {**data, **fields}


def test_autosave_keeps_a_copy_but_leaves_the_article_and_its_revisions_alone(client_as_reporter, reporter_profile):
    article = article_in("draft", headline="저장된 제목", reporters=[reporter_profile])
    response = client_as_reporter.post(autosave_url(article), typed(article))
    assert response.status_code == 200
    assert "saved_at" in response.json()
    client_as_reporter.post(autosave_url(article), typed(article, headline="더 고친 제목"))
    article.refresh_from_db()
    assert article.headline == "저장된 제목" and article.version == 0
    assert not article.revisions.exists()
    copy = Autosave.objects.get()  # one row per article and person, however often it saves
    assert copy.data["headline"] == "더 고친 제목"


def test_the_change_form_offers_the_copy_and_restore_goes_through_the_service(client_as_reporter, reporter_profile):
    article = article_in("draft", headline="저장된 제목", reporters=[reporter_profile])
    client_as_reporter.post(autosave_url(article), typed(article))
    page = client_as_reporter.get(change_url(article)).content.decode()
    assert "저장하지 않은 자동 저장본이 있습니다." in page and "자동 저장된 제목" in page
    response = client_as_reporter.post(action_url(article, "restore"), follow=True)
    assert "자동 저장본을 되살려 저장했습니다" in response.content.decode()
    article.refresh_from_db()
    assert (article.headline, article.body, list(article.tags.names())) == (
        "자동 저장된 제목",
        "<p>쓰던 본문</p>",
        ["스마트시티"],
    )
    assert article.revisions.first().summary == "자동 저장본을 되살림"
    assert not Autosave.objects.exists()
    assert "자동 저장본이 있습니다" not in client_as_reporter.get(change_url(article)).content.decode()


def test_a_new_never_saved_article_is_restored_as_a_draft_under_the_reporters_byline(
    client_as_reporter, reporter_profile
):
    section = SectionFactory()
    client_as_reporter.post(NEW_URL, typed(section=section.pk))
    page = client_as_reporter.get(reverse("admin:articles_article_add")).content.decode()
    assert "자동 저장된 제목" in page
    client_as_reporter.post(action_url(None, "restore"))
    article = Article.objects.get()
    assert (article.headline, article.status, article.section) == ("자동 저장된 제목", "draft", section)
    assert [b.reporter for b in article.bylines.all()] == [reporter_profile]
    assert article.created_by.username == "reporter-user"
    assert article.revisions.count() == 1


def test_saving_the_form_ends_the_copy(client_as_editor):
    from tests.articles.workflow import change_form_data

    article = article_in("draft")
    client_as_editor.post(autosave_url(article), typed(article))
    client_as_editor.post(change_url(article), change_form_data(article, headline="정식 저장"))
    assert not Autosave.objects.exists()


def test_a_copy_someone_saved_over_is_refused_not_forced(client_as_reporter, reporter_profile, editor):
    from articles import editing

    article = article_in("draft", headline="처음", reporters=[reporter_profile])
    client_as_reporter.post(autosave_url(article), typed(article))
    article.headline = "데스크가 고친 제목"
    editing.save_edit(article, editor)
    response = client_as_reporter.post(action_url(article, "restore"), follow=True)
    assert "먼저 저장했습니다" in response.content.decode()
    article.refresh_from_db()
    assert article.headline == "데스크가 고친 제목"
    assert Autosave.objects.exists()  # still there to copy from


def test_only_the_persons_own_copy_is_offered_or_restored(client, reporter_profile, editor):
    article = article_in("draft", reporters=[reporter_profile])
    Autosave.objects.create(article=article, user=reporter_profile.user, data=typed(article))
    client.force_login(editor)
    assert "자동 저장본이 있습니다" not in client.get(change_url(article)).content.decode()
    assert client.post(action_url(article, "restore")).status_code == 404
    article.refresh_from_db()
    assert article.headline != "자동 저장된 제목"


def test_a_reporter_cannot_autosave_someone_elses_article_or_one_in_review(client_as_reporter, reporter_profile):
    others = article_in("draft")
    in_review = article_in("in_review", reporters=[reporter_profile])
    assert client_as_reporter.post(autosave_url(others), typed(others)).status_code == 403
    assert client_as_reporter.post(autosave_url(in_review), typed(in_review)).status_code == 403
    assert not Autosave.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(client):
    article = article_in("draft")
    assert client.post(autosave_url(article), typed(article)).status_code == 302
    assert not Autosave.objects.exists()


@pytest.mark.parametrize(
    "fields",
    [
        {"headline": "가" * 201},
        {"section": "x"},
        {"version": "-1"},
        {"body": "가" * 500_001},
        {"headline": "NUL\x00"},
    ],
)
def test_hostile_or_oversized_posts_are_refused_cleanly(client_as_editor, fields, settings):
    article = article_in("draft")
    response = client_as_editor.post(autosave_url(article), typed(article, **fields))
    assert response.status_code in (400, 413)
    assert "error" in response.json()
    assert not Autosave.objects.exists()


def test_a_huge_post_is_refused_before_it_is_read(client_as_editor, settings):
    settings.AUTOSAVE_MAX_BODY_CHARS = 10
    article = article_in("draft")
    response = client_as_editor.post(autosave_url(article), typed(article, body="가" * 100_000))
    assert response.status_code == 413


def test_autosave_answers_only_posts(client_as_editor):
    article = article_in("draft")
    assert client_as_editor.get(autosave_url(article)).status_code == 405
    assert client_as_editor.get(action_url(article, "restore")).status_code == 405
    assert client_as_editor.post(action_url(article, "explode")).status_code == 404


def test_a_stored_script_in_a_copy_is_sanitised_when_restored(client_as_editor):
    article = article_in("draft")
    client_as_editor.post(autosave_url(article), typed(article, body="<p>본문</p><script>alert(1)</script>"))
    page = client_as_editor.get(change_url(article)).content.decode()
    assert "<script>alert(1)" not in page
    client_as_editor.post(action_url(article, "restore"))
    article.refresh_from_db()
    assert "script" not in article.body


def test_discarding_throws_the_copy_away(client_as_editor):
    article = article_in("draft")
    client_as_editor.post(autosave_url(article), typed(article))
    client_as_editor.post(action_url(article, "discard"))
    assert not Autosave.objects.exists()
    article.refresh_from_db()
    assert article.headline != "자동 저장된 제목"
