import pytest
from django.urls import reverse

from tests.comments.challenge import ANSWER, fix_challenge
from tests.factories import ArticleFactory


@pytest.fixture(autouse=True)
def _known_challenge(monkeypatch):
    fix_challenge(monkeypatch)


@pytest.fixture
def article(db):
    return ArticleFactory(published=True, headline="스마트시티 세미나 열려")


@pytest.fixture
def post_comment():
    """Fetch a challenge as the page's script does, then post a comment with the known answer."""

    def post(client, article, answer=ANSWER, key=None, address="192.0.2.1", forwarded=None, **fields):
        if key is None:
            key = client.get(reverse("comments:challenge"), REMOTE_ADDR=address).json()["key"]
        data = {"name": "독자", "email": "", "body": "좋은 기사 잘 읽었습니다.", **fields}
        data.update(captcha_0=key, captcha_1=answer)
        extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
        return client.post(reverse("comments:post", args=[article.pk]), data, REMOTE_ADDR=address, **extra)

    return post
