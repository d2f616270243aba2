"""The articles app's models, split by subject (see STYLE.md: a package past ~400 lines).

Workflow constants (states, the transition table) live in articles.models.workflow.
"""

from articles.models.article import Article, ArticleQuerySet, Byline, PhotoUse, body_photo_ids
from articles.models.autosave import Autosave
from articles.models.records import Correction, Revision, Transition
from articles.models.section import Section
from articles.models.workflow import CONTENT_FIELDS, REVIEW_QUEUE_ORDER, TRANSITION_LABELS, TRANSITIONS, EditConflict

__all__ = [
    "CONTENT_FIELDS",
    "REVIEW_QUEUE_ORDER",
    "TRANSITIONS",
    "TRANSITION_LABELS",
    "Article",
    "ArticleQuerySet",
    "Autosave",
    "Byline",
    "Correction",
    "EditConflict",
    "PhotoUse",
    "Revision",
    "Section",
    "Transition",
    "body_photo_ids",
]
