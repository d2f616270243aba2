"""Revisions: every save is kept, two can be compared, and one can be restored."""

import pytest
from django.urls import reverse

from articles import editing
from articles.models import Revision
from tests.articles.workflow import article_in, change_form_data, change_url

pytestmark = pytest.mark.django_db


def save(client, article, **changes):
    response = client.post(change_url(article), change_form_data(article, **changes))
    assert response.status_code == 302, response.content.decode()[:2000]


def test_every_save_keeps_a_revision_with_who_and_what(client_as_editor, editor):
    article = article_in("draft", headline="첫 제목")
    save(client_as_editor, article, headline="둘째 제목")
    save(client_as_editor, article, body="<p>새 본문</p>")
    latest = article.revisions.first()
    assert [r.number for r in article.revisions.all()] == [3, 2, 1]
    assert (latest.created_by, latest.summary) == (editor, "본문")
    assert article.revisions.get(number=2).summary == "제목"


def test_diff_between_two_revisions_is_readable_and_escaped(client_as_editor):
    article = article_in("draft", body="<p>참석자는 300명이었다.</p>")
    save(client_as_editor, article, body="<p>참석자는 400명이었다.</p><p>&lt;script&gt;</p>")
    url = reverse("admin:articles_article_revisions", args=[article.pk]) + "?a=2&b=1"
    page = client_as_editor.get(url).content.decode()
    assert "참석자는 <del>300명이었다.</del><ins>400명이었다.</ins>" in page
    assert "<ins>&lt;script&gt;</ins>" in page


def test_compare_with_the_published_version(client_as_editor, editor):
    article = article_in("in_review", headline="출고 때 제목")
    save(client_as_editor, article)  # keeps the text as it was published
    article.publish(editor)
    save(client_as_editor, article, headline="출고 뒤 고친 제목")
    url = reverse("admin:articles_article_revisions", args=[article.pk]) + "?b=published"
    page = client_as_editor.get(url).content.decode()
    assert "출고 당시 판" in page
    assert "출고 <del>때</del><ins>뒤 고친</ins> 제목" in page


def test_restore_brings_back_text_and_bylines_as_a_new_revision(client_as_editor, reporter_profile):
    article = article_in("draft", headline="처음 제목", reporters=[reporter_profile])
    article.tags.set(["스마트시티"])
    save(client_as_editor, article, headline="망친 제목", tags="엉뚱한태그")
    first = article.revisions.get(number=1)
    response = client_as_editor.post(
        reverse("admin:articles_article_restore", args=[article.pk, first.number]), follow=True
    )
    assert "제1판을 되살려 제3판으로 저장했습니다" in response.content.decode()
    article.refresh_from_db()
    assert article.headline == "처음 제목"
    assert list(article.tags.names()) == ["스마트시티"]
    assert [b.reporter for b in article.bylines.all()] == [reporter_profile]
    assert Revision.objects.filter(article=article).count() == 3
    assert article.revisions.first().summary == "제1판으로 되돌림"


def test_reporter_cannot_restore_an_article_in_review(client_as_reporter, reporter_profile, editor):
    article = article_in("draft", headline="처음 제목", reporters=[reporter_profile])
    article.headline = "검토용 제목"
    editing.save_edit(article, editor, expected_version=0)
    article.submit(editor)
    client_as_reporter.post(reverse("admin:articles_article_restore", args=[article.pk, 1]))
    article.refresh_from_db()
    assert article.headline == "검토용 제목"


def test_the_version_readers_see_is_labelled_not_the_one_first_published(client_as_editor, editor):
    article = article_in("in_review", headline="출고 때 제목")
    save(client_as_editor, article)
    article.publish(editor)
    save(client_as_editor, article, headline="출고 뒤 고친 제목")  # a live article's edit is live at once
    page = client_as_editor.get(reverse("admin:articles_article_revisions", args=[article.pk])).content.decode()
    rows = {n: page.split(f'data-revision="{n}"')[1].split("</tr>")[0] for n in (1, 2, 3)}
    label = '<strong class="badge live">독자에게 보이는 판</strong>'
    assert label in rows[3]
    assert label not in rows[2] and "출고본" not in rows[2]
    assert "출고 당시 판" in rows[2]


def test_compare_any_version_with_what_readers_see(client_as_editor, editor):
    article = article_in("in_review", headline="첫 제목")
    save(client_as_editor, article, headline="둘째 제목")
    article.publish(editor)
    save(client_as_editor, article, headline="셋째 제목")
    url = reverse("admin:articles_article_revisions", args=[article.pk]) + "?a=1&b=live"
    page = client_as_editor.get(url).content.decode()
    assert "<del>첫</del><ins>셋째</ins> 제목" in page


def test_nothing_is_labelled_as_seen_by_readers_before_publication(client_as_editor):
    article = article_in("scheduled")
    save(client_as_editor, article, headline="예약된 판")
    page = client_as_editor.get(reverse("admin:articles_article_revisions", args=[article.pk])).content.decode()
    assert "badge live" not in page


def test_restore_asks_for_confirmation_first(client_as_editor):
    article = article_in("published", headline="처음 제목")
    save(client_as_editor, article, headline="지금 제목")
    url = reverse("admin:articles_article_restore", args=[article.pk, 1])
    page = client_as_editor.get(url).content.decode()
    assert "제1판으로 되돌릴까요" in page
    assert "독자 페이지가 바로 바뀝니다" in page  # it is live
    assert "<del>지금</del><ins>처음</ins> 제목" in page
    article.refresh_from_db()
    assert article.headline == "지금 제목"  # looking changes nothing
    client_as_editor.post(url)
    article.refresh_from_db()
    assert article.headline == "처음 제목"


def test_restoring_an_unknown_revision_is_a_404(client_as_editor):
    article = article_in("draft")
    assert client_as_editor.get(reverse("admin:articles_article_restore", args=[article.pk, 99])).status_code == 404
