"""The article admin tells people where they stand: no dead links, a reason for read-only, readable dates."""

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_view_on_site_only_for_live_articles(client_as_editor):
    draft, live = ArticleFactory(), ArticleFactory(published=True)
    draft_page = client_as_editor.get(reverse("admin:articles_article_change", args=[draft.pk])).content.decode()
    live_page = client_as_editor.get(reverse("admin:articles_article_change", args=[live.pk])).content.decode()
    assert 'class="viewsitelink"' not in draft_page
    assert 'class="viewsitelink"' in live_page


def test_reporter_is_told_why_an_article_in_review_is_read_only(client_as_reporter, reporter):
    article = ArticleFactory(in_review=True, created_by=reporter)
    page = client_as_reporter.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert "읽기만 할 수 있습니다" in page
    assert "기사 보기" in page  # not Django's "뷰 기사"


def test_admin_dates_use_the_newsroom_format(client_as_editor):
    article = ArticleFactory(published=True)
    page = client_as_editor.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert "오후" not in page and "오전" not in page
