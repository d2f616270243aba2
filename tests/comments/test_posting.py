"""A reader posts a comment: what they are told, and what the desk and other readers then see."""

import pytest
from captcha.models import CaptchaStore
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from comments.models import Comment
from tests.comments.challenge import ANSWER

pytestmark = pytest.mark.django_db


def follow(client, response):
    assert response.status_code == 302, response.content.decode()[:2000]
    return client.get(response["Location"])


def test_comment_waits_for_approval_by_default(client, article, post_comment):
    response = follow(client, post_comment(client, article, name="김독자", email="reader@example.com"))
    assert "승인을 기다립니다" in response.content.decode()
    comment = Comment.objects.get()
    assert (comment.status, comment.name, comment.email, comment.ip) == (
        Comment.Status.PENDING,
        "김독자",
        "reader@example.com",
        "192.0.2.1",
    )
    assert "좋은 기사 잘 읽었습니다" not in client.get(article.get_absolute_url()).content.decode()


def test_with_post_moderation_the_comment_shows_at_once_even_on_a_cached_page(
    client, article, post_comment, settings, django_capture_on_commit_callbacks
):
    settings.COMMENTS_MODERATION = "post"
    settings.PAGE_CACHE_SECONDS = 300
    url = article.get_absolute_url()
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        response = follow(client, post_comment(client, article, body="바로 보이는 댓글"))
    assert "등록되었습니다" in response.content.decode()
    page = client.get(url)
    assert "X-Page-Cache" not in page  # the new public comment ended the cached copy
    assert "바로 보이는 댓글" in page.content.decode()
    assert Comment.objects.get().status == Comment.Status.PUBLISHED


def test_the_posted_page_follows_the_comment_once_the_desk_approves(client, article, post_comment, editor):
    response = post_comment(client, article)
    Comment.objects.all().moderate(Comment.Status.APPROVED, editor)
    page = client.get(response["Location"]).content.decode()
    assert "등록되었습니다" in page and f"#comment-{Comment.objects.get().pk}" in page


def test_a_forged_posted_link_is_a_404(client):
    assert client.get(reverse("comments:posted", args=["not-a-token"])).status_code == 404


def refused(response, status=400):
    assert response.status_code == status, response.status_code
    assert not Comment.objects.exists()
    return response.content.decode()


def test_a_wrong_answer_is_refused_with_the_text_kept(client, article, post_comment):
    page = refused(post_comment(client, article, answer="WRONG", body="내가 쓴 긴 글"))
    assert "도배방지 글자가 그림과 다릅니다" in page
    assert "내가 쓴 긴 글" in page
    assert 'name="captcha_0" value="' in page and "/captcha/image/" in page  # a fresh picture to try again


def test_the_test_mode_password_does_not_pass(client, article, post_comment):
    refused(post_comment(client, article, answer="passed"))


def test_an_expired_challenge_is_refused_with_its_own_message(client, article, post_comment):
    key = client.get(reverse("comments:challenge")).json()["key"]
    CaptchaStore.objects.filter(hashkey=key).update(expiration="2020-01-01T00:00:00Z")
    page = refused(post_comment(client, article, key=key, body="시간이 지난 글"))
    assert "시간이 지났습니다" in page and "시간이 지난 글" in page


def test_a_challenge_cannot_be_used_twice(client, article, post_comment):
    key = client.get(reverse("comments:challenge")).json()["key"]
    assert post_comment(client, article, key=key).status_code == 302
    assert post_comment(client, article, key=key).status_code == 400
    assert Comment.objects.count() == 1


def test_a_missing_answer_is_refused(client, article, post_comment):
    assert "그림에 보이는 글자를 입력해 주세요" in refused(post_comment(client, article, answer=""))


@pytest.mark.parametrize("body", ["", "   \n  "])
def test_an_empty_comment_is_refused(client, article, post_comment, body):
    assert "댓글 내용을 적어 주세요" in refused(post_comment(client, article, body=body))


def test_an_oversize_comment_is_refused_with_the_text_kept(client, article, post_comment, settings):
    settings.COMMENTS_MAX_LENGTH = 50
    body = "가" * 51
    page = refused(post_comment(client, article, body=body))
    assert "50자까지" in page and "51자" in page and body in page


def test_too_many_links_are_refused(client, article, post_comment, settings):
    settings.COMMENTS_MAX_LINKS = 2
    body = "https://a.example/ http://b.example/ www.c.example"
    page = refused(post_comment(client, article, body=body))
    assert "링크는 2개까지" in page and body in page
    assert post_comment(client, article, body="https://a.example/ 와 www.b.example").status_code == 302


def test_a_name_is_required_and_an_email_must_be_one(client, article, post_comment):
    assert "이름을 적어 주세요" in refused(post_comment(client, article, name=""))
    assert "이메일 주소 형식이 아닙니다" in refused(post_comment(client, article, email="not-an-address"))


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"captcha_0": "x" * 5000, "captcha_1": "a", "name": "n", "body": "b"},
        {"captcha_0": "", "captcha_1": ANSWER, "name": "n" * 500, "body": "b"},
        {"name": "이름", "body": "내용", "captcha_1": ANSWER},
    ],
)
def test_junk_posts_get_a_form_error_never_a_500(client, article, data):
    response = client.post(reverse("comments:post", args=[article.pk]), data)
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_posting_needs_a_post(client, article):
    assert client.get(reverse("comments:post", args=[article.pk])).status_code == 405


def test_csrf_is_checked_and_the_challenge_hands_out_the_token(article):
    browser = Client(enforce_csrf_checks=True)
    challenge = browser.get(reverse("comments:challenge")).json()
    data = {"name": "독자", "body": "토큰 있는 글", "captcha_0": challenge["key"], "captcha_1": ANSWER}
    url = reverse("comments:post", args=[article.pk])
    assert browser.post(url, data).status_code == 403
    data["captcha_0"] = browser.get(reverse("comments:challenge")).json()["key"]
    assert browser.post(url, {**data, "csrfmiddlewaretoken": challenge["csrf_token"]}).status_code == 302


def test_the_challenge_endpoint_is_never_cached_and_gives_a_new_key_each_time(client):
    first, second = client.get(reverse("comments:challenge")), client.get(reverse("comments:challenge"))
    assert "no-store" in first["Cache-Control"]
    assert first.json()["key"] != second.json()["key"]
    image = client.get(first.json()["image_url"])
    assert image.status_code == 200 and image["Content-Type"] == "image/png"


def test_fetching_challenges_is_limited_per_address(client, settings):
    settings.COMMENTS_RATE_PER_MINUTE = 1  # six challenges a minute
    cache.clear()
    codes = [client.get(reverse("comments:challenge")).status_code for _ in range(7)]
    assert codes == [200] * 6 + [429]


def test_the_posted_page_shows_the_comment_as_text(client, article, post_comment):
    page = follow(client, post_comment(client, article, body="<script>alert(1)</script>\n둘째 줄")).content.decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;<br>둘째 줄" in page


def test_the_librarys_unlimited_refresh_view_is_not_served(client):
    response = client.get("/captcha/refresh/", headers={"x-requested-with": "XMLHttpRequest"})
    assert response.status_code == 404
