"""The search index: one derived row per article, kept by search/index.py."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.models import Article


class Entry(models.Model):
    """What search knows of one article: tsvectors made by search/tokenizer.py, never edited by hand."""

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="search_entry", verbose_name=_("기사")
    )
    # CJK bigrams and stemmed words of headline (A), deck (B), body (C) and tags (D), plus a period mark.
    document = SearchVectorField(_("검색 색인"))
    # The same for headline, deck and tags alone: small, so ranking can read it for every hit.
    title = SearchVectorField(_("제목 검색 색인"))
    # The article's published_at while it is published, else empty: what search filters and orders by,
    # so a search reads this table alone. Written with the entry and kept in step with the article by a
    # database trigger (migration 0002), whatever changes the article.
    live_at = models.DateTimeField(_("독자에게 보이는 시각"), null=True, editable=False)

    class Meta:
        verbose_name = _("검색 색인")
        verbose_name_plural = _("검색 색인")
        # No pending list (fastupdate): with it, an entry written goes to an unsorted list that every
        # search reads through, once per month window, until a vacuum or 4 MB of them moves it into the
        # index; a working newsroom writes all day, so searches slowed with every save (a rare word by
        # a third after a few hundred saves at 100,000 articles). A save now updates the index itself.
        indexes = [
            GinIndex(fields=["document"], name="search_entry_document", fastupdate=False),
            GinIndex(fields=["title"], name="search_entry_title", fastupdate=False),
        ]

    def __str__(self):
        return str(self.article_id)
