"""An editor changing a live article is told that readers see the change at once."""

import pytest

from tests.articles.workflow import article_in, change_url

pytestmark = pytest.mark.django_db

BANNER = "저장하면 독자 페이지가 바로 바뀝니다"


def test_editing_a_live_article_shows_the_banner(client_as_editor):
    page = client_as_editor.get(change_url(article_in("published"))).content.decode()
    assert 'class="live-banner" role="alert"' in page and BANNER in page


@pytest.mark.parametrize("state", ["draft", "in_review", "unpublished"])
def test_no_banner_when_readers_do_not_see_the_article(client_as_editor, state):
    assert BANNER not in client_as_editor.get(change_url(article_in(state))).content.decode()


def test_a_scheduled_article_says_when_the_saved_text_goes_out(client_as_editor):
    page = client_as_editor.get(change_url(article_in("scheduled"))).content.decode()
    assert "KST에 독자에게 나갑니다" in page and BANNER not in page


def test_a_reporter_reading_a_live_article_gets_no_banner_about_saving(client_as_reporter, reporter_profile):
    article = article_in("published", reporters=[reporter_profile])
    assert BANNER not in client_as_reporter.get(change_url(article)).content.decode()
