"""Only live articles with comments switched on take comments; nothing else even shows a form."""

import pytest
from django.urls import reverse

from comments.models import ArticleCommentOption, Comment
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("trait", ["scheduled", "unpublished", "in_review", "changes_requested", None])
def test_nobody_comments_on_an_article_readers_cannot_see(client, post_comment, trait):
    article = ArticleFactory(**({trait: True} if trait else {}))
    assert client.get(reverse("comments:form", args=[article.pk])).status_code == 404
    assert post_comment(client, article).status_code == 404
    assert not Comment.objects.exists()


def test_a_missing_article_is_a_404(client, post_comment):
    assert client.post(reverse("comments:post", args=[999999]), {"name": "x"}).status_code == 404


def close(article, mode=ArticleCommentOption.Mode.CLOSED):
    ArticleCommentOption.objects.update_or_create(article=article, defaults={"mode": mode})


def test_comments_switched_off_for_an_article_refuse_posts_and_keep_the_text(client, article, post_comment):
    close(article)
    response = post_comment(client, article, body="닫힌 기사에 쓴 글")
    assert response.status_code == 403
    page = response.content.decode()
    assert "이 기사는 댓글을 받지 않습니다" in page and "닫힌 기사에 쓴 글" in page
    assert not Comment.objects.exists()


def test_a_closed_article_shows_its_comments_but_no_form(client, article, editor):
    Comment.objects.create(article=article, name="독자", body="닫기 전 댓글", status=Comment.Status.APPROVED)
    close(article)
    page = client.get(article.get_absolute_url()).content.decode()
    assert "닫기 전 댓글" in page and "이 기사는 댓글을 받지 않습니다" in page
    assert 'class="comment-form"' not in page
    assert "이 기사는 댓글을 받지 않습니다" in client.get(reverse("comments:form", args=[article.pk])).content.decode()


def test_the_site_wide_default_applies_unless_the_article_says_otherwise(client, article, post_comment, settings):
    settings.COMMENTS_ENABLED_DEFAULT = False
    assert post_comment(client, article).status_code == 403
    assert 'class="comment-form"' not in client.get(article.get_absolute_url()).content.decode()
    close(article, ArticleCommentOption.Mode.OPEN)
    assert 'class="comment-form"' in client.get(article.get_absolute_url()).content.decode()
    assert post_comment(client, article).status_code == 302
    settings.COMMENTS_ENABLED_DEFAULT = True
    close(article, ArticleCommentOption.Mode.DEFAULT)
    assert post_comment(client, article).status_code == 302


def test_the_no_javascript_form_page_works_on_its_own(client, article):
    response = client.get(reverse("comments:form", args=[article.pk]))
    page = response.content.decode()
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert "/captcha/image/" in page and 'name="csrfmiddlewaretoken"' in page
    assert "90일 뒤 지웁니다" in page and "데스크가 확인한 뒤" in page
    assert 'class="comment-form"' in page and " hidden data-challenge-url" not in page
