"""What the article page spends on its comments: no form built per page, no comment text made twice."""

import pytest

from comments.forms import CommentForm
from comments.templatetags import comments as tags
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_the_article_page_builds_no_comment_form(client, monkeypatch, settings):
    settings.PAGE_CACHE_SECONDS = 0
    article = ArticleFactory(published=True)
    client.get(article.get_absolute_url())  # the form's fields are a site-wide fragment from now on
    built = []
    original = CommentForm.__init__
    monkeypatch.setattr(CommentForm, "__init__", lambda self, *a, **k: built.append(1) or original(self, *a, **k))
    page = client.get(article.get_absolute_url()).content.decode()
    assert 'name="captcha_1"' in page
    assert built == []


def test_comment_text_is_made_once_per_text_and_link_policy(monkeypatch):
    tags.text_html.cache_clear()
    made = []
    original = tags.urlize
    monkeypatch.setattr(tags, "urlize", lambda *a, **k: made.append(1) or original(*a, **k))
    body = "자료는 https://example.com/a?b=1&c=<2> 에 있습니다.\n둘째 줄"
    first, again = tags.text_html(body, True), tags.text_html(body, True)
    assert first == again
    assert made == [1]
    assert 'href="https://example.com/a?b=1&amp;c="' in first and 'rel="nofollow ugc"' in first
    assert "<br>" in first
    held = tags.text_html(body, False)  # the desk's approval is part of the key
    assert "<a " not in held and "&lt;2&gt;" in held
