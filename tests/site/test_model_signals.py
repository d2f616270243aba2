"""Loading rows for a reader page runs no receiver that has nothing to do with them."""

import pytest
from django.db.models.signals import post_init

from articles.models import Article, Byline, Section
from events.models import Event
from organisations.models import Organisation
from reporters.models import Reporter
from tests.factories import ReporterFactory


def test_no_receiver_hears_a_list_page_rows_being_loaded():
    # Photo has one, Django's own: its ImageField keeps width and height up to date.
    for model in (Article, Byline, Section, Event):
        assert not post_init.has_listeners(model), model


@pytest.mark.django_db
def test_imagekit_still_notes_the_sources_of_the_thumbnails_it_makes():
    assert post_init.has_listeners(Organisation)
    reporter = ReporterFactory()
    assert set(Reporter.objects.get(pk=reporter.pk)._ik["source_hashes"]) == {"photo"}
