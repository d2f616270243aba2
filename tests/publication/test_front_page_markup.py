"""The front page's stories are built in Python ({% lead_story %}, {% featured_stories %}, {% section_blocks %})
and read as the template they replaced, blank lines aside."""

import datetime

import pytest
from django.template import engines
from django.test import RequestFactory

from publication.frontpage import line_up
from tests.factories import ArticleFactory, ReporterFactory, SectionFactory, library_photo

pytestmark = pytest.mark.django_db

# The lead, featured and section-block markup of front_page.html before it moved to publication/templatetags.
TEMPLATE_BEFORE = """{% load newsroom %}
    {% with article=page.lead %}
    {% if article.lead_photo %}<a href="{{ article.get_absolute_url }}" class="lead-photo">{% include "includes/photo_picture.html" with photo=article.lead_photo crop="wide" sizes="(max-width: 760px) 100vw, 640px" %}</a>{% endif %}
    <div>
      {% if article.section %}<a class="kicker" href="{{ article.section.get_absolute_url }}">{{ article.section.name }}</a>{% endif %}
      <h2><a href="{{ article.get_absolute_url }}">{{ article.headline }}</a></h2>
      {% if article.deck %}<p class="deck">{{ article.deck }}</p>{% endif %}
      <p class="meta">{% include "includes/byline.html" %} · <time datetime="{{ article.published_at|date:'c' }}">{{ article.published_at|kst }}</time></p>
    </div>
    {% endwith %}
    {% for article in page.featured %}
      <li>
        {% if article.lead_photo %}<a href="{{ article.get_absolute_url }}" class="thumb" tabindex="-1" aria-hidden="true">{% include "includes/photo_picture.html" with photo=article.lead_photo crop="wide" sizes="320px" lazy=True %}</a>{% endif %}
        {% if article.section %}<a class="kicker" href="{{ article.section.get_absolute_url }}">{{ article.section.name }}</a>{% endif %}
        <h3><a href="{{ article.get_absolute_url }}">{{ article.headline }}</a></h3>
        <p class="meta"><time datetime="{{ article.published_at|date:'c' }}">{{ article.published_at|kst }}</time></p>
      </li>
    {% endfor %}
  {% for section, articles in page.sections %}
  <section class="section-block" aria-labelledby="section-{{ section.pk }}">
    <h2 class="rule" id="section-{{ section.pk }}"><a href="{{ section.get_absolute_url }}">{{ section.name }}</a></h2>
    <ul class="plain">{% for article in articles %}<li><a href="{{ article.get_absolute_url }}">{{ article.headline }}</a> <span class="meta">{{ article.published_at|kst_date }}</span></li>{% endfor %}</ul>
  </section>
  {% endfor %}
"""  # noqa: E501
TEMPLATE_NOW = """{% load front_page %}
    {% lead_story page.lead %}
      {% featured_stories page.featured %}
  {% section_blocks page.sections %}
"""


def render(source, **context):
    return engines["django"].from_string(source).render(context, RequestFactory().get("/"))


def lines(html):
    """The markup line by line, without blank lines or indentation (which the tags do not keep)."""
    return [line.strip() for line in html.splitlines() if line.strip()]


@pytest.mark.parametrize("with_photos", [False, True])
def test_the_front_page_stories_read_as_the_template_wrote_them(with_photos):
    at = datetime.datetime(2020, 8, 6, 7, 6, 5, 123456, tzinfo=datetime.UTC)
    people = [ReporterFactory(name="강승원", title="기자"), ReporterFactory(name="O'Neil <편집>", title="")]
    photo = library_photo() if with_photos else None
    sections = [SectionFactory(name="R&D", slug="r-and-d"), SectionFactory(name="안전", slug="safety")]
    for hours in range(12):
        ArticleFactory(
            published=True,
            headline=f"<b>기사</b> & {hours}",
            deck='"인용" & <b>굵게</b>' if hours % 2 else "",
            published_at=at - datetime.timedelta(hours=hours),
            section=sections[hours % 3] if hours % 3 < 2 else None,
            lead_photo=None if hours % 2 else photo,
            reporters=people[: hours % 3],
        )
    page = line_up()
    assert page.lead and len(page.featured) == 4 and page.sections
    assert lines(render(TEMPLATE_NOW, page=page)) == lines(render(TEMPLATE_BEFORE, page=page))
