"""The article page's markup is built in Python ({% story_meta %}, {% story %}: publication/templatetags/story.py)
and reads, byte for byte, as the template it replaced."""

import datetime

import pytest
from django.template import engines
from django.test import RequestFactory
from django.utils import translation

from articles.models import Article, Correction
from articles.page import load_relations
from articles.views import article_context
from photos.templatetags.photos import figure_html
from publication import images, structured_data
from publication.templatetags import story
from tests.factories import (
    ArticleFactory,
    EventFactory,
    OrganisationFactory,
    ReporterFactory,
    SectionFactory,
    SessionFactory,
    library_photo,
)

pytestmark = pytest.mark.django_db

LOAD = "{% load i18n static newsroom photos richtext publication comments %}"
# The <head> block of templates/articles/article_detail.html before it moved to publication/templatetags/story.py.
META_BEFORE = """
{% if preview %}<meta name="robots" content="noindex, nofollow">{% endif %}
{% canonical_url article as canonical %}{% share_image article as image %}{% with description=article.deck|default:article.body|plain:160 %}
<meta name="description" content="{{ description }}">
<link rel="canonical" href="{{ canonical }}">
<meta property="og:type" content="article">
<meta property="og:title" content="{{ article.headline }}">
<meta property="og:description" content="{{ description }}">
<meta property="og:url" content="{{ canonical }}">
{% if image %}<meta property="og:image" content="{{ image.url }}">
{% if image.width %}<meta property="og:image:width" content="{{ image.width }}">
<meta property="og:image:height" content="{{ image.height }}">{% endif %}
{% if image.alt %}<meta property="og:image:alt" content="{{ image.alt }}">{% endif %}{% endif %}
{% if article.published_at %}<meta property="article:published_time" content="{{ article.published_at|w3c }}">
<meta property="article:modified_time" content="{% if article.was_revised %}{{ article.revised_at|w3c }}{% else %}{{ article.published_at|w3c }}{% endif %}">{% endif %}
{% if article.section %}<meta property="article:section" content="{{ article.section.name }}">{% endif %}
{% for tag in article.tags.all %}<meta property="article:tag" content="{{ tag.name }}">
{% endfor %}<meta name="twitter:card" content="{% if image %}summary_large_image{% else %}summary{% endif %}">
<meta name="twitter:title" content="{{ article.headline }}">
<meta name="twitter:description" content="{{ description }}">
{% if image %}<meta name="twitter:image" content="{{ image.url }}">{% endif %}
{% if not preview %}{% json_ld "article" article %}{% endif %}
{% endwith %}"""  # noqa: E501
# Its <article class="story">, with includes/photo_figure.html and includes/share.html (both gone) in place.
STORY_BEFORE = """<article class="story">
  <header>
    {% if article.section %}<a class="kicker" href="{{ article.section.get_absolute_url }}">{{ article.section.name }}</a>{% endif %}
    <h1>{{ article.headline }}</h1>
    {% if article.deck %}<p class="deck">{{ article.deck }}</p>{% endif %}
    <p class="byline">{% for byline in article.ordered_bylines %}<span class="byline-person"><a href="{{ byline.reporter.get_absolute_url }}" class="reporter">{{ byline.reporter.name }} {{ byline.reporter.title }}</a>{% if byline.reporter.email %} <a href="mailto:{{ byline.reporter.email }}" class="email">{{ byline.reporter.email }}</a>{% endif %}</span>{% endfor %}</p>
    <p class="dates">
      {% if article.published_at %}<span>{% translate '입력' %} <time datetime="{{ article.published_at|date:'c' }}">{{ article.published_at|kst }}</time></span>{% endif %}
      {% if article.was_revised %}<span>{% translate '수정' %} <time datetime="{{ article.revised_at|date:'c' }}">{{ article.revised_at|kst }}</time></span>{% endif %}
      <a class="comment-count" href="#comments">{% blocktranslate count counter=comments.count %}댓글 {{ counter }}{% plural %}댓글 {{ counter }}{% endblocktranslate %}</a>
    </p>
    <div class="story-tools" data-story-tools hidden>
      <span class="font-size" role="group" aria-label="{% translate '글자 크기' %}">
        <button type="button" data-font-step="-1" aria-label="{% translate '글자 작게' %}">가<sup>−</sup></button>
        <button type="button" data-font-step="1" aria-label="{% translate '글자 크게' %}">가<sup>+</sup></button>
      </span>
      <button type="button" class="print-button" data-print>{% translate '인쇄' %}</button>
    </div>
  </header>
  {% if article.lead_photo %}{% with photo=article.lead_photo %}
{% if photo.formats %}<figure class="photo" data-photo-id="{{ photo.pk }}">
  {% include "includes/photo_picture.html" %}
  {% if photo.caption or photo.credit %}<figcaption>{{ photo.caption }}{% if photo.credit %} <span class="credit">ⓒ {{ photo.credit }}</span>{% endif %}</figcaption>{% endif %}
</figure>{% endif %}
{% endwith %}{% endif %}
  <div class="body">{% article_body article %}</div>
  <p class="story-copyright">{{ site.copyright_line }}</p>
  {% with corrections=article.corrections.all %}{% if corrections %}
  <aside class="corrections" aria-label="{% translate '정정 알림' %}">
    <h2>{% translate '바로잡습니다' %}</h2>
    <ul class="plain">{% for correction in corrections %}<li><time datetime="{{ correction.date|date:'Y-m-d' }}">{{ correction.date|date:'Y/m/d' }}</time> {{ correction.text|linebreaksbr }}</li>{% endfor %}</ul>
  </aside>
  {% endif %}{% endwith %}
  {% canonical_url article as url %}
<section class="share" aria-labelledby="share-title">
  <h2 id="share-title">{% translate '공유하기' %}</h2>
  <ul class="share-links">
    <li><a href="{% share_url 'email' url article.headline %}">{% translate '이메일' %}</a></li>
    <li><a href="{% share_url 'facebook' url article.headline %}" rel="noopener noreferrer" target="_blank">{% translate '페이스북' %}</a></li>
    <li><a href="{% share_url 'x' url article.headline %}" rel="noopener noreferrer" target="_blank">X</a></li>
    <li data-native-share hidden><button type="button" data-share-title="{{ article.headline }}" data-share-url="{{ url }}">{% translate '카카오톡 등 앱으로 공유' %}</button></li>
    <li><button type="button" data-copy-link="{{ url }}" data-copied="{% translate '링크를 복사했습니다. 붙여 넣어 공유하세요.' %}" hidden>{% translate '링크 복사' %}</button></li>
  </ul>
  <p class="share-url"><label>{% translate '기사 주소' %} <input type="text" value="{{ url|readable_url }}" readonly data-copy-source></label></p>
  <p class="share-status" role="status" aria-live="polite" data-share-status></p>
</section>

  <footer class="story-footer">
    {% with tags=article.tags.all %}{% if tags %}
    <h2>{% translate '태그' %}</h2>
    <ul class="tags">{% for tag in tags %}<li>{% if tag.slug %}<a href="{% url 'articles:tag' tag.slug %}">#{{ tag.name }}</a>{% else %}#{{ tag.name }}{% endif %}</li>{% endfor %}</ul>
    {% endif %}{% endwith %}
    {% with sessions=article.sessions.all %}{% if sessions %}
    <h2>{% translate '취재한 세션' %}</h2>
    <ul class="plain">{% for session in sessions %}<li><a href="{{ session.event.get_absolute_url }}">{{ session.event.title }}</a> · {{ session.order }}. {{ session.title }}</li>{% endfor %}</ul>
    {% endif %}{% endwith %}
    {% with events=article.events.all %}{% if events %}
    <h2>{% translate '관련 행사' %}</h2>
    <ul class="plain">{% for event in events %}<li><a href="{{ event.get_absolute_url }}">{{ event.title }}</a> <span class="meta">{{ event.starts_at|kst_date }}</span></li>{% endfor %}</ul>
    {% endif %}{% endwith %}
    {% with organisations=article.organisations.all %}{% if organisations %}
    <h2>{% translate '기사 속 기관' %}</h2>
    <ul class="chips">{% for organisation in organisations %}<li><a href="{{ organisation.get_absolute_url }}">{{ organisation }}</a></li>{% endfor %}</ul>
    {% endif %}{% endwith %}
  </footer>
  {% if related %}
  <section class="related" aria-labelledby="related-title">
    <h2 class="rule" id="related-title">{% translate '관련 기사' %}</h2>
    <ul class="plain">{% for item in related %}<li><a href="{{ item.get_absolute_url }}">{{ item.headline }}</a> <span class="meta">{{ item.published_at|kst_date }}</span></li>{% endfor %}</ul>
  </section>
  {% endif %}
  {% if previous or next %}
  <nav class="neighbours" aria-label="{% translate '같은 섹션의 다른 기사' %}">
    {% if previous %}<a href="{{ previous.get_absolute_url }}" rel="prev"><span>← {% translate '이전 기사' %}</span>{{ previous.headline }}</a>{% endif %}
    {% if next %}<a href="{{ next.get_absolute_url }}" rel="next" class="next"><span>{% translate '다음 기사' %} →</span>{{ next.headline }}</a>{% endif %}
  </nav>
  {% endif %}
</article>"""  # noqa: E501
# includes/photo_figure.html, which {% article_body %} rendered for each photo in a body.
FIGURE_BEFORE = """
{% if photo.formats %}<figure class="photo" data-photo-id="{{ photo.pk }}">
  {% include "includes/photo_picture.html" %}
  {% if photo.caption or photo.credit %}<figcaption>{{ photo.caption }}{% if photo.credit %} <span class="credit">ⓒ {{ photo.credit }}</span>{% endif %}</figcaption>{% endif %}
</figure>{% endif %}
"""  # noqa: E501
STORY_NOW = "{% load story %}{% story article 3 %}"
META_NOW = "{% load story %}{% story_meta article %}"
HOSTILE = "<script>alert(1)</script> & \"인용\" 'O'Neil'"


def render(source, context):
    request = RequestFactory().get("/")
    return engines["django"].from_string(source).render({**context, "request": request}, request)


def page_context(article, **extra):
    """What the article view hands the template: the article with its relations, related and neighbours."""
    return article_context(load_relations(Article.objects.for_page().get(pk=article.pk)), **extra)


@pytest.fixture
def full_story():
    """A story with every part the page shows, and text that must be escaped in each of them."""
    at = datetime.datetime(2020, 8, 6, 7, 6, 5, 123456, tzinfo=datetime.UTC)
    section = SectionFactory(name="R&D <섹션>", slug="r-and-d")
    body_photo = library_photo(caption=HOSTILE, credit="")
    article = ArticleFactory(
        published=True,
        section=section,
        headline=HOSTILE,
        deck='덱 "따옴표" & <b>',
        body=f'<p>본문 &amp; 이야기</p><figure data-photo-id="{body_photo.pk}"></figure><p>끝</p>',
        lead_photo=library_photo(alt_text=HOSTILE, caption="캡션 <i>", credit="기자 & 사진"),
        published_at=at,
        revised_at=at + datetime.timedelta(hours=3),
        reporters=[
            ReporterFactory(name="강승원", title="기자", email="ksw@example.com"),
            ReporterFactory(name="O'Neil <편집>", title="", email=""),
        ],
    )
    article.tags.add("스마트시티", "R&D <태그>")
    event = EventFactory(title="한중일 <세미나>")
    article.events.add(event)
    article.sessions.add(SessionFactory(event=event, order=2, title="세션 & 토론"))
    article.organisations.add(OrganisationFactory(name="TCS <사무국>"), OrganisationFactory(name="WeGo"))
    Correction.objects.create(article=article, date=datetime.date(2020, 8, 7), text="첫 줄 <b>\n둘째 줄 & 끝")
    for days in (1, 2):  # neighbours in the section, and related through the shared tag
        other = ArticleFactory(published=True, section=section, published_at=at + datetime.timedelta(days=days))
        other.tags.add("스마트시티")
    ArticleFactory(published=True, section=section, headline="이전 <기사>", published_at=at - datetime.timedelta(1))
    return article


@pytest.fixture
def bare_story():
    """A story with nothing but a headline and a body: no section, photo, deck, tags or links."""
    return ArticleFactory(published=True, section=None, deck="", body="<p>짧은 기사</p>", lead_photo=None)


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("preview", [False, True])
def test_the_story_and_its_head_tags_read_as_the_template_wrote_them(full_story, language, preview):
    context = page_context(full_story, preview=preview)
    with translation.override(language):
        assert render(STORY_NOW, context) == render(LOAD + STORY_BEFORE, {**context, "comments": {"count": 3}})
        assert render(META_NOW, context) == render(LOAD + META_BEFORE, context)
    html = render(STORY_NOW, context)
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    for part in ("바로잡습니다", "취재한 세션", "관련 행사", "기사 속 기관", "관련 기사", 'rel="prev"', "figcaption"):
        assert part in html or language == "en"


def test_a_bare_story_reads_as_the_template_wrote_it(bare_story):
    context = page_context(bare_story)
    assert render(STORY_NOW, context) == render(LOAD + STORY_BEFORE, {**context, "comments": {"count": 3}})
    assert render(META_NOW, context) == render(LOAD + META_BEFORE, context)
    assert "<figure" not in render(STORY_NOW, context) and "<aside" not in render(STORY_NOW, context)


@pytest.mark.parametrize("lazy", [False, True])
def test_a_photo_reads_as_the_figure_template_wrote_it(lazy):
    for photo in (library_photo(caption=HOSTILE, credit="ⓒ & 사진"), library_photo(caption="", credit="")):
        assert figure_html(photo, lazy=lazy) == render(LOAD + FIGURE_BEFORE, {"photo": photo, "lazy": lazy})
    unprocessed = library_photo()
    unprocessed.rendition_formats = ""
    assert figure_html(unprocessed) == render(LOAD + FIGURE_BEFORE, {"photo": unprocessed}) == "\n\n"


def test_one_page_builds_its_story_markup_once(client, monkeypatch, full_story):
    """The <head> and the story share one StoryMarkup, and the JSON-LD reuses what the <head> worked out
    (each was worked out two or three times a page, docs/PERFORMANCE.md)."""
    built, pictures, addresses, descriptions = [], [], [], []
    monkeypatch.setattr(story.StoryMarkup, "__init__", counted(story.StoryMarkup.__init__, built))
    monkeypatch.setattr(story, "share_image", counted(images.share_image, pictures))
    monkeypatch.setattr(structured_data, "share_image", counted(images.share_image, pictures))
    monkeypatch.setattr(story, "absolute", counted(structured_data.absolute, addresses))
    monkeypatch.setattr(structured_data, "absolute", counted(structured_data.absolute, addresses))
    monkeypatch.setattr(structured_data, "description", counted(structured_data.description, descriptions))
    response = client.get(full_story.get_absolute_url())
    assert response.status_code == 200 and b'"@type":"NewsArticle"' in response.content
    article_addresses = [args for args in addresses if isinstance(args[1], Article)]  # not the reporters'
    assert (len(built), len(pictures), len(article_addresses), len(descriptions)) == (1, 1, 1, 1)
    head, body = response.content.decode().split("</head>", 1)
    assert head.count(structured_data.absolute(response.wsgi_request, full_story)) >= 3  # canonical, og, JSON-LD
    assert 'class="share"' in body and "<h1>" in body


def counted(function, calls):
    def wrapper(*args, **kwargs):
        calls.append(args)
        return function(*args, **kwargs)

    return wrapper
