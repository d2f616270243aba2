"""The article page stays in the anonymous page cache: nothing per visitor in it, refreshed when comments change."""

import re

import pytest

from comments.models import ArticleCommentOption, Comment

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


def test_the_cached_article_page_has_no_cookie_no_challenge_and_no_token(client, article):
    first = client.get(article.get_absolute_url())
    second = client.get(article.get_absolute_url())
    assert second["X-Page-Cache"] == "hit"
    for response in (first, second):
        assert not response.cookies
        page = response.content.decode()
        assert "/captcha/image/" not in page
        assert 'name="captcha_0" value=""' in page and 'name="csrfmiddlewaretoken" value=""' in page
        assert not re.search(r"[0-9a-f]{40}", page)  # no challenge key
        assert "<script>" not in page and "comments/comments.js" in page  # the script is a static file


def test_a_comment_that_only_waits_leaves_the_cached_page_alone(
    client, article, post_comment, django_capture_on_commit_callbacks
):
    client.get(article.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(client, article)
    assert Comment.objects.get().status == Comment.Status.PENDING
    assert client.get(article.get_absolute_url())["X-Page-Cache"] == "hit"  # spam cannot empty the cache


@pytest.mark.parametrize("status", [Comment.Status.HIDDEN, "deleted"])
def test_hiding_or_deleting_a_public_comment_refreshes_the_page(
    client, article, editor, status, django_capture_on_commit_callbacks
):
    Comment.objects.create(article=article, name="독자", body="곧 사라질 글", status=Comment.Status.APPROVED)
    assert "곧 사라질 글" in client.get(article.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        if status == "deleted":
            Comment.objects.all().remove(editor)
        else:
            Comment.objects.all().moderate(status, editor)
    assert "곧 사라질 글" not in client.get(article.get_absolute_url()).content.decode()


def test_closing_comments_refreshes_the_page(client, article):
    assert 'class="comment-form"' in client.get(article.get_absolute_url()).content.decode()
    ArticleCommentOption.objects.create(article=article, mode=ArticleCommentOption.Mode.CLOSED)
    assert 'class="comment-form"' not in client.get(article.get_absolute_url()).content.decode()
