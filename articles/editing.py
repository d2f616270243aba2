"""Saving an article as a person edits it: the one function every path goes through.

The admin form, restoring an earlier revision, restoring an autosaved copy,
scripts and tests all call `save_edit`, so an edit from any screen or script
gets the same optimistic lock (`Article.version`), the same `revised_at`
rule (a live article's content changed: the page prints 수정 …), its relations
saved in the same transaction, and exactly one new `Revision`. The page cache
and the search index follow from their signals (see docs/ARCHITECTURE.md).
"""

from django.db import transaction
from django.utils.translation import gettext

from articles import revisions
from articles.models import CONTENT_FIELDS, Article

UNSET = object()


@transaction.atomic
def save_edit(article, by, *, expected_version=UNSET, changed_fields=CONTENT_FIELDS, relations=None, summary=""):
    """Save `by`'s edit of `article` and keep a revision; raises PermissionDenied or EditConflict.

    `expected_version` is the version the person started from (the one loaded
    with `article` unless given); `relations(article)` saves bylines, tags and
    other relations once the article row exists.
    """
    if expected_version is UNSET:
        expected_version = article.version
    if article.pk is not None and not article.revisions.exists():
        # Articles made before revisions existed (or by a bulk import): keep the text being replaced.
        revisions.record(Article.objects.get(pk=article.pk), None, summary=gettext("처음 기록한 기존 내용"))
    article.save_versioned(by, expected_version, changed_fields)
    if relations is not None:
        relations(article)
    return revisions.record(article, by, summary=summary)


def restore(article, revision, by):
    """Bring back an earlier revision's content, bylines and tags, saved as a new revision."""
    revisions.apply(article, revision.data)
    return save_edit(
        article,
        by,
        relations=lambda saved: revisions.apply_relations(saved, revision.data),
        summary=gettext("제%(n)s판으로 되돌림") % {"n": revision.number},
    )
