"""A new article starts with the reporter's own byline; a few sections are a plain list."""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import SectionFactory

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:articles_article_add")


def test_the_byline_defaults_to_the_logged_in_reporter(client_as_reporter, reporter_profile):
    form = client_as_reporter.get(ADD_URL).context["inline_admin_formsets"][0].formset.forms[0]
    assert form["reporter"].value() == reporter_profile.pk
    assert f'<option value="{reporter_profile.pk}" selected>{reporter_profile}</option>' in str(form["reporter"])


def test_the_defaulted_byline_is_saved_as_posted(client_as_reporter, reporter_profile):
    section = SectionFactory(name="국제")
    data = {
        "headline": "새 기사",
        "slug": "새-기사",
        "section": section.pk,
        "body": "<p>본문</p>",
        "version": 0,
        "bylines-TOTAL_FORMS": 1,
        "bylines-INITIAL_FORMS": 0,
        "bylines-MIN_NUM_FORMS": 1,
        "bylines-MAX_NUM_FORMS": 1000,
        "bylines-0-reporter": reporter_profile.pk,
        "bylines-0-order": 0,
        "corrections-TOTAL_FORMS": 0,
        "corrections-INITIAL_FORMS": 0,
    }
    response = client_as_reporter.post(ADD_URL, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    article = Article.objects.get()
    assert [b.reporter for b in article.bylines.all()] == [reporter_profile]
    assert article.revisions.count() == 1


def test_an_editor_without_a_byline_gets_an_empty_one(client_as_editor):
    form = client_as_editor.get(ADD_URL).context["inline_admin_formsets"][0].formset.forms[0]
    assert form["reporter"].value() is None


def test_few_sections_are_a_plain_select(client_as_reporter, settings):
    settings.ADMIN_SECTION_SELECT_LIMIT = 3
    SectionFactory.create_batch(3)
    widget = client_as_reporter.get(ADD_URL).context["adminform"].form.fields["section"].widget
    assert "select2" not in str(widget.render("section", None))
    SectionFactory()
    widget = client_as_reporter.get(ADD_URL).context["adminform"].form.fields["section"].widget
    assert "admin-autocomplete" in str(widget.render("section", None))
