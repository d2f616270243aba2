"""The articles app's models, split by subject (see STYLE.md: a package past ~400 lines)."""

from articles.models.article import Article, ArticleQuerySet, Byline
from articles.models.records import Correction, Revision, Transition
from articles.models.section import Section
from articles.models.workflow import (
    AUTHOR_EDITABLE,
    CHANGES_REQUESTED,
    CONTENT_FIELDS,
    DRAFT,
    IN_REVIEW,
    MAX_SCHEDULE_AHEAD,
    PUBLISHED,
    REVIEW_QUEUE_ORDER,
    SCHEDULED,
    STATE_CHOICES,
    STATE_LABELS,
    TRANSITION_LABELS,
    TRANSITIONS,
    UNPUBLISHED,
    WORKFLOW_FIELDS,
    ArticleStatus,
    ArticleWorkflow,
    EditConflict,
)

__all__ = [
    "AUTHOR_EDITABLE",
    "CHANGES_REQUESTED",
    "CONTENT_FIELDS",
    "DRAFT",
    "IN_REVIEW",
    "MAX_SCHEDULE_AHEAD",
    "PUBLISHED",
    "REVIEW_QUEUE_ORDER",
    "SCHEDULED",
    "STATE_CHOICES",
    "STATE_LABELS",
    "TRANSITIONS",
    "TRANSITION_LABELS",
    "UNPUBLISHED",
    "WORKFLOW_FIELDS",
    "Article",
    "ArticleQuerySet",
    "ArticleStatus",
    "ArticleWorkflow",
    "Byline",
    "Correction",
    "EditConflict",
    "Revision",
    "Section",
    "Transition",
]
