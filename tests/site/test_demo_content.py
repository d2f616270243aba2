import pytest
from django.core.management import call_command

from articles.models import Article
from events.models import Event, Session
from organisations.models import Organisation
from reporters.models import Reporter

pytestmark = pytest.mark.django_db

COUNTED = [Article, Event, Session, Organisation, Reporter]


def counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


def test_load_demo_twice_changes_nothing():
    call_command("load_demo")
    first = counts()
    call_command("load_demo")
    assert counts() == first
    assert first["Organisation"] == 11
    assert first["Session"] == 3


def test_demo_article_is_published_with_its_facts(demo):
    assert demo.is_published
    assert "400" in demo.deck
    assert [byline.reporter.name for byline in demo.ordered_bylines()] == ["강승원"]
    assert demo.events.get().sessions.count() == 3
    assert demo.lead_photo and demo.lead_photo.formats
    uses = {(use.photo_id, use.role) for use in demo.photo_uses.all()}
    assert (demo.lead_photo.pk, "lead") in uses and len(uses) == 2  # the lead photo and one in the body


def test_demo_seminar_sessions_carry_their_organisations(demo):
    event = demo.events.get()
    acronyms = [sorted(o.acronym or o.slug for o in s.organisations.all()) for s in event.sessions.order_by("order")]
    assert acronyms == [["CCUD", "SCA", "SCI-J"], ["beijing", "seoul", "tokyo"], ["alibaba", "nec", "samsung-sds"]]
    assert sorted(o.acronym for o in event.organisers.all()) == ["TCS", "WeGo"]
