"""The desk moderates in the admin; reporters only read the comments on their own articles."""

import pytest
from django.urls import reverse

from comments.models import ArticleCommentOption, BanAction, BannedAddress, BannedWord, Comment
from tests.factories import ArticleFactory, ReporterFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:comments_comment_changelist")


def add(article, body, status=Comment.Status.PENDING, ip="192.0.2.1", **kwargs):
    return Comment.objects.create(article=article, name="독자", body=body, status=status, ip=ip, **kwargs)


def bulk(client, action, *comments):
    return client.post(CHANGELIST, {"action": action, "_selected_action": [c.pk for c in comments], "post": "yes"})


def test_the_queue_shows_pending_first_with_address_and_its_count(client_as_editor, article):
    add(article, "승인된 옛 글", Comment.Status.APPROVED)
    add(article, "게시된 글", Comment.Status.PUBLISHED, ip="198.51.100.5")
    add(article, "기다리는 글")
    page = client_as_editor.get(CHANGELIST).content.decode()
    assert page.index("기다리는 글") < page.index("게시된 글") < page.index("승인된 옛 글")
    assert "192.0.2.1" in page and "198.51.100.5" in page
    assert f'{CHANGELIST}?ip=192.0.2.1">2</a>' in page  # two comments came from this address
    assert article.headline in page


def test_filter_by_article_state_and_address(client_as_editor, article):
    other = ArticleFactory(published=True)
    add(article, "이 기사 글")
    add(other, "다른 기사 글", Comment.Status.APPROVED, ip="198.51.100.9")
    page = client_as_editor.get(CHANGELIST, {"article__id__exact": article.pk}).content.decode()
    assert "이 기사 글" in page and "다른 기사 글" not in page
    page = client_as_editor.get(CHANGELIST, {"status": "approved"}).content.decode()
    assert "다른 기사 글" in page and "이 기사 글" not in page
    page = client_as_editor.get(CHANGELIST, {"ip": "198.51.100.9"}).content.decode()
    assert "다른 기사 글" in page and "이 기사 글" not in page


def test_editor_approves_hides_and_deletes_in_bulk(client_as_editor, editor, article):
    first, second, third = add(article, "하나"), add(article, "둘"), add(article, "셋")
    assert bulk(client_as_editor, "approve", first, second).status_code == 302
    first.refresh_from_db()
    assert (first.status, first.moderated_by) == (Comment.Status.APPROVED, editor)
    assert bulk(client_as_editor, "hide", second).status_code == 302
    assert Comment.objects.get(pk=second.pk).status == Comment.Status.HIDDEN
    assert bulk(client_as_editor, "delete_selected", third).status_code == 302
    assert not Comment.objects.filter(pk=third.pk).exists()


def test_approving_refreshes_the_cached_article_page(
    client, editor, article, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 300
    comment = add(article, "승인되면 보일 글")
    assert "승인되면 보일 글" not in client.get(article.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        Comment.objects.filter(pk=comment.pk).moderate(Comment.Status.APPROVED, editor)
    assert "승인되면 보일 글" in client.get(article.get_absolute_url()).content.decode()


def test_editor_changes_the_state_on_the_comment_page(client_as_editor, editor, article):
    comment = add(article, "하나")
    url = reverse("admin:comments_comment_change", args=[comment.pk])
    page = client_as_editor.get(url).content.decode()
    assert "192.0.2.1" in page
    assert client_as_editor.post(url, {"status": "approved", "body": "바꿔치기"}).status_code == 302
    comment.refresh_from_db()
    assert (comment.status, comment.body, comment.moderated_by) == (Comment.Status.APPROVED, "하나", editor)


def test_the_admin_front_page_says_how_many_wait(client_as_editor, article):
    add(article, "하나")
    add(article, "둘", Comment.Status.PUBLISHED)
    add(article, "셋", Comment.Status.APPROVED)
    page = client_as_editor.get(reverse("admin:index")).content.decode()
    assert "검토를 기다리는 댓글 2건" in page
    queue = client_as_editor.get(CHANGELIST, {"waiting": "1"}).content.decode()
    assert "하나" in queue and "둘" in queue and "셋" not in queue


@pytest.fixture
def own_and_other(reporter_profile, other_reporter):
    own = ArticleFactory(published=True, reporters=[reporter_profile], headline="내 기사")
    other = ArticleFactory(published=True, reporters=[ReporterFactory()], headline="남의 기사")
    return add(own, "내 기사에 달린 글", email="reader@example.com"), add(other, "남의 기사에 달린 글")


def test_reporter_sees_only_comments_on_own_articles_without_personal_data(client_as_reporter, own_and_other):
    mine, theirs = own_and_other
    page = client_as_reporter.get(CHANGELIST).content.decode()
    assert "내 기사에 달린 글" in page and "남의 기사에 달린 글" not in page
    assert "192.0.2.1" not in page and 'name="action"' not in page  # no bulk actions offered
    assert "남의 기사" not in page  # not even in the article filter
    detail = client_as_reporter.get(reverse("admin:comments_comment_change", args=[mine.pk]))
    assert detail.status_code == 200
    assert "reader@example.com" not in detail.content.decode() and "192.0.2.1" not in detail.content.decode()
    assert (
        "남의 기사에 달린 글"
        not in client_as_reporter.get(
            reverse("admin:comments_comment_change", args=[theirs.pk]), follow=True
        ).content.decode()
    )
    assert client_as_reporter.get(CHANGELIST, {"ip": "192.0.2.1"}).status_code in (302, 400)


def test_reporter_cannot_moderate_even_by_posting_directly(client_as_reporter, own_and_other):
    mine, _ = own_and_other
    for action in ["approve", "hide", "delete_selected"]:
        bulk(client_as_reporter, action, mine)
    url = reverse("admin:comments_comment_change", args=[mine.pk])
    assert client_as_reporter.post(url, {"status": "approved"}).status_code == 403
    delete = reverse("admin:comments_comment_delete", args=[mine.pk])
    assert client_as_reporter.post(delete, {"post": "yes"}).status_code == 403
    mine.refresh_from_db()
    assert mine.status == Comment.Status.PENDING


def test_reporter_cannot_open_the_ban_lists(client_as_reporter):
    assert client_as_reporter.get(reverse("admin:comments_bannedword_changelist")).status_code == 403
    assert client_as_reporter.get(reverse("admin:comments_bannedaddress_changelist")).status_code == 403


def test_only_the_desk_switches_comments_off_on_the_article_page(client_as_editor, client, reporter_profile, reporter):
    article = ArticleFactory(reporters=[reporter_profile], created_by=reporter)
    page = client_as_editor.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert "comment_option-0-mode" in page
    client.force_login(reporter)
    page = client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert "comment_option-0-mode" not in page


def test_anonymous_users_are_sent_to_log_in(client):
    assert client.get(CHANGELIST).status_code == 302


@pytest.mark.parametrize("action", [BanAction.HOLD, BanAction.REFUSE])
def test_banned_words_hold_or_refuse(client, article, post_comment, settings, action):
    settings.COMMENTS_MODERATION = "post"
    BannedWord.objects.create(word="도박사이트", action=action)
    response = post_comment(client, article, body="여기 도박사이트 광고")
    if action == BanAction.REFUSE:
        assert response.status_code == 400 and "여기 도박사이트 광고" in response.content.decode()
        assert "운영 원칙에 어긋나는 표현" in response.content.decode()
        assert not Comment.objects.exists()
    else:
        comment = Comment.objects.get()
        assert comment.status == Comment.Status.PENDING and "도박사이트" in comment.held_because


@pytest.mark.parametrize("action", [BanAction.HOLD, BanAction.REFUSE])
def test_banned_addresses_and_networks_hold_or_refuse(client, article, post_comment, settings, action):
    settings.COMMENTS_MODERATION = "post"
    BannedAddress.objects.create(address="203.0.113.0/24", action=action)
    response = post_comment(client, article, address="203.0.113.77", body="막힌 주소의 글")
    if action == BanAction.REFUSE:
        assert response.status_code == 400 and "막힌 주소의 글" in response.content.decode()
        assert not Comment.objects.exists()
    else:
        assert Comment.objects.get().status == Comment.Status.PENDING
    assert post_comment(client, article, address="192.0.2.1").status_code == 302


def test_a_banned_address_must_be_an_address(client_as_editor):
    url = reverse("admin:comments_bannedaddress_add")
    response = client_as_editor.post(url, {"address": "not an ip", "action": "refuse"})
    assert response.status_code == 200 and "IP 주소" in response.content.decode()
    assert not BannedAddress.objects.exists()


def test_editor_closes_comments_on_the_article_page_and_other_saves_leave_the_switch(client_as_editor):
    from tests.articles.workflow import change_form_data

    article = ArticleFactory(published=True)
    url = reverse("admin:articles_article_change", args=[article.pk])
    inline = {
        "comment_option-TOTAL_FORMS": 1,
        "comment_option-INITIAL_FORMS": 0,
        "comment_option-0-article": article.pk,
        "comment_option-0-mode": "closed",
    }
    response = client_as_editor.post(url, change_form_data(article, **inline))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert ArticleCommentOption.objects.get(article=article).mode == "closed"
    assert client_as_editor.post(url, change_form_data(article, headline="고친 제목")).status_code == 302
    assert ArticleCommentOption.objects.get(article=article).mode == "closed"
