"""bench/pages.py's working-day writer runs against today's edit service (it is not a test, so nothing else runs it)."""

import pytest

from articles.models import Article
from bench import pages

pytestmark = pytest.mark.django_db


def test_the_working_day_writer_saves_a_draft_every_second(demo, capsys):
    pages.write_like_a_desk(2.5)
    draft = Article.objects.get(headline="작업 중인 초고")
    assert draft.status == Article.Status.DRAFT
    assert draft.revisions.count() >= 3  # made, then saved each second
    assert "draft saves" in capsys.readouterr().err
