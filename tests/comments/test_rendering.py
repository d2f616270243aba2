"""Comments appear as escaped plain text: oldest first, paged, links live only once the desk approved them."""

import re

import pytest
from django.urls import reverse

from comments.models import Comment
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

HOSTILE = [
    "<script>alert('xss')</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">눌러 보세요</a>',
    "javascript:alert(document.cookie)",
    '"><svg onload=alert(1)>',
]


def comments_html(client, article, query=""):
    page = client.get(article.get_absolute_url() + query).content.decode()
    return page[page.index('id="comments"') :]


def add(article, body, status=Comment.Status.APPROVED, **kwargs):
    return Comment.objects.create(article=article, name=kwargs.pop("name", "독자"), body=body, status=status, **kwargs)


@pytest.mark.parametrize("status", [Comment.Status.APPROVED, Comment.Status.PUBLISHED])
@pytest.mark.parametrize("body", HOSTILE)
def test_hostile_comments_are_shown_as_text(client, article, body, status):
    add(article, body, status, name='<b onmouseover="x()">이름</b>')
    html = comments_html(client, article)
    assert "<script>alert" not in html and "<img src=x" not in html and "<svg" not in html
    assert not re.search(r"<[^>]+\son\w+=", html.split("<form")[0])  # no event handler attribute on any tag
    assert 'href="javascript:' not in html
    assert "&lt;b onmouseover=" in html  # the name too


def test_line_breaks_are_kept(client, article):
    add(article, "첫 줄\n둘째 줄\n\n새 문단")
    html = comments_html(client, article)
    assert "첫 줄<br>둘째 줄" in html and "<p>새 문단</p>" in html


def test_links_are_plain_text_until_the_desk_approves(client, article, editor, django_capture_on_commit_callbacks):
    add(article, "자료: https://example.org/report", Comment.Status.PUBLISHED)
    html = comments_html(client, article)
    assert "https://example.org/report" in html and 'href="https://example.org/report"' not in html
    with django_capture_on_commit_callbacks(execute=True):
        Comment.objects.all().moderate(Comment.Status.APPROVED, editor)  # also ends the cached page
    html = comments_html(client, article)
    assert '<a href="https://example.org/report" rel="nofollow ugc">' in html


def test_only_public_comments_show_and_email_never_does(client, article):
    add(article, "승인된 글", email="secret@example.com", ip="192.0.2.1")
    add(article, "기다리는 글", Comment.Status.PENDING)
    add(article, "숨긴 글", Comment.Status.HIDDEN)
    page = client.get(article.get_absolute_url()).content.decode()
    assert "승인된 글" in page and "기다리는 글" not in page and "숨긴 글" not in page
    assert "secret@example.com" not in page and "192.0.2.1" not in page
    assert "댓글 1" in page  # the count in the article's header counts what readers see


def test_comments_are_oldest_first_and_paged(client, article, settings):
    settings.COMMENTS_PER_PAGE = 2
    for n in range(5):
        add(article, f"댓글번호{n}")
    first, third = comments_html(client, article), comments_html(client, article, "?comments=3")
    assert first.index("댓글번호0") < first.index("댓글번호1") and "댓글번호2" not in first
    assert "?comments=2#comments" in first
    assert "댓글번호4" in third and "댓글번호3" not in third
    assert "댓글 5" in client.get(article.get_absolute_url()).content.decode()


@pytest.mark.parametrize("query", ["?comments=abc", "?comments=0", "?comments=99", "?comments=%EF%BC%92"])
def test_a_junk_comment_page_is_a_404(client, article, query):
    add(article, "하나")
    assert client.get(article.get_absolute_url() + query).status_code == 404


def test_comments_of_one_article_stay_under_it(client, article):
    other = ArticleFactory(published=True)
    add(other, "다른 기사 댓글")
    assert "다른 기사 댓글" not in comments_html(client, article)


def test_a_draft_preview_shows_no_form(client_as_editor):
    draft = ArticleFactory()
    page = client_as_editor.get(reverse("articles:preview", args=[draft.pk])).content.decode()
    assert 'class="comment-form"' not in page and "댓글을 받지 않습니다" not in page
