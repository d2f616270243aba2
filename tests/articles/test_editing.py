"""articles.editing.save_edit: one function saves a person's edit, whatever the screen."""

import pytest
from django.core.exceptions import PermissionDenied

from articles import editing
from articles.models import Article, EditConflict
from tests.articles.workflow import article_in
from tests.factories import ArticleFactory, ReporterFactory

pytestmark = pytest.mark.django_db


def test_an_edit_bumps_the_version_and_keeps_one_revision(editor):
    article = article_in("draft", headline="처음")
    article.headline = "고침"
    revision = editing.save_edit(article, editor)
    article.refresh_from_db()
    assert (article.headline, article.version) == ("고침", 1)
    # The text found before the first tracked edit is kept too, then the edit itself.
    assert [(r.number, r.summary) for r in article.revisions.all()] == [(2, "제목"), (1, "처음 기록한 기존 내용")]
    assert revision == article.revisions.first()
    assert revision.created_by == editor


def test_a_new_article_is_created_with_its_author_and_first_revision(reporter):
    article = Article(headline="새 기사", slug="새-기사")
    editing.save_edit(article, reporter)
    article.refresh_from_db()
    assert article.created_by == reporter
    assert [r.summary for r in article.revisions.all()] == ["처음 저장"]


def test_editing_a_live_article_marks_it_revised_but_a_draft_not(editor):
    live, draft = article_in("published"), article_in("draft")
    for article in (live, draft):
        article.body = "<p>고친 본문</p>"
        editing.save_edit(article, editor)
        article.refresh_from_db()
    assert live.revised_at is not None and live.was_revised
    assert draft.revised_at is None


def test_a_stale_version_is_refused_and_leaves_no_revision(editor):
    article = article_in("draft")
    stale = Article.objects.get(pk=article.pk)
    article.headline = "먼저"
    editing.save_edit(article, editor)
    stale.headline = "나중"
    with pytest.raises(EditConflict):
        editing.save_edit(stale, editor)
    article.refresh_from_db()
    assert article.headline == "먼저"
    assert article.revisions.count() == 2


def test_someone_elses_article_is_refused_without_a_trace(other_reporter, reporter):
    article = ArticleFactory(created_by=other_reporter, headline="남의 기사")
    article.headline = "몰래 고침"
    with pytest.raises(PermissionDenied):
        editing.save_edit(article, reporter)
    article.refresh_from_db()
    assert article.headline == "남의 기사"
    assert not article.revisions.exists()


def test_relations_are_saved_in_the_same_transaction(editor):
    article = article_in("draft", headline="처음")
    new_reporter = ReporterFactory(name="새기자")

    def failing_relations(saved):
        saved.bylines.create(reporter=new_reporter, order=5)
        raise RuntimeError("disk full")

    article.headline = "고침"
    with pytest.raises(RuntimeError):
        editing.save_edit(article, editor, relations=failing_relations)
    article.refresh_from_db()
    assert article.headline == "처음" and article.version == 0
    assert not article.bylines.filter(reporter=new_reporter).exists()


def test_restoring_a_revision_is_an_edit_with_its_own_revision(editor, reporter_profile):
    article = article_in("draft", headline="처음 제목", reporters=[reporter_profile])
    article.headline = "망친 제목"
    editing.save_edit(article, editor, relations=lambda saved: saved.bylines.all().delete())
    editing.restore(article, article.revisions.get(number=1), editor)
    article.refresh_from_db()
    assert article.headline == "처음 제목"
    assert [b.reporter for b in article.bylines.all()] == [reporter_profile]
    assert article.revisions.first().summary == "제1판으로 되돌림"
    assert article.version == 2
