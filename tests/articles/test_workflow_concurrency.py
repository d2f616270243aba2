"""No lost edits: the second of two concurrent saves is refused and keeps what was typed."""

import pytest

from articles import editing
from articles.models import Article, Revision
from tests.articles.workflow import article_in, change_form_data, change_url
from tests.factories import editor_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_editors(client, editor):
    from django.test import Client

    first, second = Client(), client
    first.force_login(editor_user(username="first-editor", first_name="김데스크"))
    second.force_login(editor)
    return first, second


def test_second_concurrent_save_is_refused_and_keeps_the_text(two_editors):
    first, second = two_editors
    article = article_in("in_review", headline="원래 제목")
    opened = change_form_data(article)  # both open the form at the same version

    assert first.post(change_url(article), {**opened, "headline": "첫 번째 사람의 제목"}).status_code == 302
    response = second.post(change_url(article), {**opened, "headline": "두 번째 사람의 제목", "deck": "둘째 부제"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "김데스크님이" in page
    assert "(KST)에 이 기사를 먼저 저장했습니다" in page
    assert 'value="두 번째 사람의 제목"' in page
    assert 'value="둘째 부제"' in page
    article.refresh_from_db()
    assert (article.headline, article.version) == ("첫 번째 사람의 제목", 1)
    # The text before the first save, and the first person's save; nothing from the refused one.
    assert Revision.objects.filter(article=article).count() == 2
    assert Revision.objects.filter(article=article, data__headline="두 번째 사람의 제목").count() == 0


def test_saving_again_after_the_warning_goes_through(two_editors):
    first, second = two_editors
    article = article_in("in_review")
    opened = change_form_data(article)
    first.post(change_url(article), {**opened, "headline": "첫 번째 사람의 제목"})
    refused = second.post(change_url(article), {**opened, "headline": "두 번째 사람의 제목"})

    # The re-shown form carries the current version, so saving it again is a deliberate overwrite.
    version = refused.context["adminform"].form["version"].value()
    assert str(version) == "1"
    again = {**opened, "headline": "두 번째 사람의 제목", "version": version}
    assert second.post(change_url(article), again).status_code == 302
    article.refresh_from_db()
    assert (article.headline, article.version) == ("두 번째 사람의 제목", 2)


def test_model_refuses_a_stale_version(editor):
    from articles.models import EditConflict

    article = article_in("draft")
    stale = Article.objects.get(pk=article.pk)
    article.headline = "먼저"
    editing.save_edit(article, editor, expected_version=0)
    stale.headline = "나중"
    with pytest.raises(EditConflict):
        editing.save_edit(stale, editor, expected_version=0)
    article.refresh_from_db()
    assert article.headline == "먼저"
