"""Corrections: '수정' on edited published articles, and public correction notes, oldest first."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles.models import Correction
from tests.articles.workflow import article_in, change_form_data, change_url

pytestmark = pytest.mark.django_db


def test_editing_a_published_article_shows_the_revised_time(client, client_as_editor):
    article = article_in("published")
    page = client.get(article.get_absolute_url()).content.decode()
    assert "수정" not in page.split('class="dates"')[1].split("</p>")[0]
    moment = timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(minutes=5)
    with time_machine.travel(moment, tick=False):
        client_as_editor.post(change_url(article), change_form_data(article, body="<p>고친 본문</p>"))
    page = client.get(article.get_absolute_url()).content.decode()
    local = timezone.localtime(moment)
    assert f'수정 <time datetime="{local.isoformat()}">{local:%Y/%m/%d [%H:%M]}</time>' in page


def test_editing_a_draft_does_not_mark_it_revised(client_as_editor):
    article = article_in("draft")
    client_as_editor.post(change_url(article), change_form_data(article, body="<p>고친 본문</p>"))
    article.refresh_from_db()
    assert article.revised_at is None


def test_correction_notes_show_under_the_article_oldest_first(client):
    article = article_in("published")
    Correction.objects.create(article=article, date=datetime.date(2026, 11, 21), text="두 번째 정정")
    Correction.objects.create(article=article, date=datetime.date(2026, 11, 20), text="첫 번째 정정")
    page = client.get(article.get_absolute_url()).content.decode()
    assert "바로잡습니다" in page
    assert page.index("2026/11/20") < page.index("첫 번째 정정") < page.index("두 번째 정정")


def test_correction_notes_are_in_the_feed_entry(client):
    article = article_in("published", deck="요약")
    Correction.objects.create(article=article, date=datetime.date(2026, 11, 20), text="참석자 수를 바로잡았습니다.")
    feed = client.get(reverse("articles:feed")).content.decode()
    assert "[정정 2026/11/20] 참석자 수를 바로잡았습니다." in feed


def test_reporters_cannot_add_correction_notes(client_as_reporter, reporter_profile):
    article = article_in("draft", reporters=[reporter_profile])
    data = change_form_data(
        article, **{"corrections-TOTAL_FORMS": 1, "corrections-0-date": "2026-11-20", "corrections-0-text": "몰래"}
    )
    client_as_reporter.post(change_url(article), data)
    assert not article.corrections.exists()


@pytest.mark.parametrize("url_name", ["article", "feed"])
def test_correction_notes_add_no_queries_per_note(client, url_name):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_with(notes):
        article = article_in("published")
        for n in range(notes):
            Correction.objects.create(article=article, text=f"정정 {n}")
        url = article.get_absolute_url() if url_name == "article" else reverse("articles:feed")
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        article.delete()
        return len(captured)

    queries_with(0)  # warms the section menu cache
    assert queries_with(1) == queries_with(4)
