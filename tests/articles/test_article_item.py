"""An article in a list is built in Python ({% article_item %}) and reads exactly as the template it replaced."""

import datetime

import pytest
from django.template import engines
from django.test import RequestFactory
from django.utils.safestring import mark_safe

from articles.models import Article
from tests.factories import ArticleFactory, ReporterFactory, SectionFactory, library_photo

pytestmark = pytest.mark.django_db

# includes/article_item.html and byline.html as they were before the markup moved to templatetags/article_list.py.
TEMPLATE_BEFORE = """{% load newsroom %}
{# In search results (search_result=True) the headline is highlighted and a snippet replaces the photo and deck. #}
<article class="item{% if search_result %} result{% endif %}">
  {% if article.lead_photo and not search_result %}<a href="{{ article.get_absolute_url }}" class="thumb">{% include "includes/photo_picture.html" with photo=article.lead_photo crop="wide" sizes="(max-width: 760px) 112px, 160px" lazy=True %}</a>{% endif %}
  <div>
    {% if article.section %}<a class="kicker" href="{{ article.section.get_absolute_url }}">{{ article.section.name }}</a>{% endif %}
    <h3><a href="{{ article.get_absolute_url }}">{% if search_result %}{{ article.headline_html }}{% else %}{{ article.headline }}{% endif %}</a></h3>
    {% if search_result %}{% if article.snippet_html %}<p class="snippet">{{ article.snippet_html }}</p>{% endif %}
    {% elif article.deck %}<p class="deck">{{ article.deck }}</p>{% endif %}
    <p class="meta">{% for byline in article.ordered_bylines %}<a href="{{ byline.reporter.get_absolute_url }}" class="reporter">{{ byline.reporter.name }} {{ byline.reporter.title }}</a>{% if not forloop.last %}, {% endif %}{% endfor %}
 · <time datetime="{{ article.published_at|date:'c' }}">{{ article.published_at|kst }}</time></p>
  </div>
</article>
"""  # noqa: E501


def render(source, **context):
    return engines["django"].from_string(source).render(context, RequestFactory().get("/"))


def listed(**fields):
    """An article as a list loads it (for_lists: section, photo and bylines prefetched)."""
    article = ArticleFactory(published=True, **fields)
    return Article.objects.for_lists().get(pk=article.pk)


@pytest.fixture
def stories():
    at = datetime.datetime(2020, 8, 6, 7, 6, 5, 123456, tzinfo=datetime.UTC)
    people = [ReporterFactory(name="강승원", title="기자"), ReporterFactory(name="O'Neil <편집>", title="")]
    return [
        listed(headline="<script>alert(1)</script> & 기사", deck='"인용" & <b>굵게</b>', reporters=people),
        listed(section=None, deck="", published_at=at, reporters=people[:1]),
        listed(section=SectionFactory(name="R&D", slug="r-and-d"), lead_photo=library_photo(), published_at=at),
    ]


@pytest.mark.parametrize("search_result", [False, True])
def test_each_article_reads_as_the_template_wrote_it(stories, search_result):
    for article in stories:
        article.headline_html = mark_safe(f"<mark>{article.pk}</mark>")  # noqa: S308 - what search hands over
        article.snippet_html = mark_safe("…<mark>안전</mark>…") if article.deck else ""
        context = {"article": article, "search_result": search_result}
        assert render('{% include "includes/article_item.html" %}', **context) == render(TEMPLATE_BEFORE, **context)


def test_text_is_escaped_once(stories):
    html = render('{% include "includes/article_item.html" %}', article=stories[0])
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; 기사" in html
    assert '<p class="deck">&quot;인용&quot; &amp; &lt;b&gt;굵게&lt;/b&gt;</p>' in html
    assert "O&#x27;Neil &lt;편집&gt; </a>" in html


def test_a_list_page_shows_photo_section_bylines_and_time(client, stories):
    html = client.get(stories[2].section.get_absolute_url()).content.decode()
    assert f'<a href="{stories[2].get_absolute_url()}" class="thumb"><picture>' in html
    assert '<a class="kicker" href="/section/r-and-d/">R&amp;D</a>' in html
    assert '<time datetime="2020-08-06T16:06:05.123456+09:00">2020/08/06 [16:06]</time>' in html


def test_a_whole_list_reads_as_its_items_one_per_line(stories):
    items = [render(TEMPLATE_BEFORE, article=article).strip("\n") for article in stories]
    assert render("{% load article_list %}{% article_items articles %}", articles=stories) == "\n".join(items)
