"""A photo's <picture> is built in Python ({% picture %}) and reads exactly as the template it replaced."""

import pytest
from django.template import engines
from django.test import RequestFactory
from django.urls import reverse

from photos.renditions import CONTENT_TYPES
from photos.templatetags.photos import rendition_url
from tests.factories import library_photo

pytestmark = pytest.mark.django_db

# includes/photo_picture.html as it was before the markup moved to photos/templatetags/photos.py.
TEMPLATE_BEFORE = """{% load photos %}{% photo_picture photo crop|default:"full" as pic %}{% if pic %}<picture>{% for type, srcset in pic.sources %}<source type="{{ type }}" srcset="{{ srcset }}" sizes="{{ sizes|default:'(max-width: 760px) 100vw, 760px' }}">{% endfor %}<img src="{{ pic.src }}" srcset="{{ pic.srcset }}" sizes="{{ sizes|default:'(max-width: 760px) 100vw, 760px' }}" width="{{ pic.width }}" height="{{ pic.height }}" alt="{{ pic.alt }}"{% if lazy %} loading="lazy"{% endif %} decoding="async"></picture>{% endif %}
"""  # noqa: E501


def render(source, **context):
    return engines["django"].from_string(source).render(context, RequestFactory().get("/"))


@pytest.fixture
def photo():
    return library_photo(size=(2000, 1000), alt_text='"발표" <화면> & R&D')


@pytest.mark.parametrize(
    "context",
    [
        {},
        {"crop": "wide", "sizes": "320px", "lazy": True},
        {"crop": "square", "sizes": '<b>&"', "photo_preview_token": "a&b c"},
        {"crop": "wide", "lazy": False},
    ],
)
def test_the_picture_reads_as_the_template_wrote_it(photo, context):
    include = '{% include "includes/photo_picture.html" %}'
    assert render(include, photo=photo, **context) == render(TEMPLATE_BEFORE, photo=photo, **context)


def test_no_photo_or_no_renditions_prints_nothing_but_the_newline(photo):
    photo.rendition_formats = ""
    assert render('{% include "includes/photo_picture.html" %}', photo=photo) == "\n"
    assert render('{% include "includes/photo_picture.html" %}', photo=None) == "\n"


def test_alt_text_is_escaped_once(photo):
    html = render('{% include "includes/photo_picture.html" %}', photo=photo)
    assert 'alt="&quot;발표&quot; &lt;화면&gt; &amp; R&amp;D"' in html


@pytest.mark.parametrize("crop", ["full", "wide", "square"])
def test_rendition_urls_are_djangos(photo, crop):
    """Renditions share the photo's folder, reversed once per picture: each URL is still Django's."""
    photo.key, photo.rendition_version = "키 with space&more", 7  # quoted as Django quotes it, whatever a key holds
    for width in photo.rendition_widths(crop):
        for extension in CONTENT_TYPES:
            filename = f"{crop}-{width}.{extension}"
            expected = reverse("articles:photo", kwargs={"key": photo.key, "version": 7, "filename": filename})
            assert rendition_url(photo, crop, width, extension) == expected
