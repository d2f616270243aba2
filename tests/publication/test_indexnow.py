"""IndexNow: announced after commit, in the background, never in the editor's way; tested against a local server."""

import datetime
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import time_machine
from django.utils import timezone

from articles.models import Correction
from publication import indexnow
from publication.models import IndexNowLog, SiteSettings
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db(transaction=True)  # on_commit must really run, and the thread sees committed rows

KEY = "demo-indexnow-key-0123"


class Endpoint(ThreadingHTTPServer):
    """A stand-in for the IndexNow endpoint on 127.0.0.1 that remembers what it received."""

    def __init__(self, status=202, delay=0):
        self.received, self.status, self.delay = [], status, delay
        super().__init__(("127.0.0.1", 0), Handler)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}/indexnow"


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        time.sleep(self.server.delay)
        self.server.received.append((self.path, self.headers["Content-Type"], json.loads(body)))
        self.send_response(self.server.status)
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


@pytest.fixture
def endpoint(settings):
    server = Endpoint()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.INDEXNOW_ENDPOINT = server.url
    settings.INDEXNOW_TIMEOUT = 2
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def switched_on(db):
    SiteSettings(
        name="스마트시티저널", site_url="https://news.example.kr", indexnow_key=KEY, indexnow_enabled=True
    ).save()


def wait_for_announcements():
    for thread in list(indexnow.running):
        thread.join(10)


def test_publishing_announces_the_url_after_commit(endpoint, switched_on, editor):
    article = ArticleFactory(in_review=True)
    article.publish(editor)
    wait_for_announcements()
    [(path, content_type, payload)] = endpoint.received
    url = "https://news.example.kr" + article.get_absolute_url()
    assert path == "/indexnow" and content_type.startswith("application/json")
    assert payload == {
        "host": "news.example.kr",
        "key": KEY,
        "keyLocation": f"https://news.example.kr/{KEY}.txt",
        "urlList": [url],
    }
    [log] = IndexNowLog.objects.all()
    assert (log.url, log.reason, log.status_code, log.article_id) == (url, "published", 202, article.pk)
    assert log.succeeded


def test_a_correction_and_a_withdrawal_are_announced(endpoint, switched_on, editor):
    article = ArticleFactory(published=True)
    Correction.objects.create(article=article, text="바로잡습니다.")
    wait_for_announcements()
    article.unpublish(editor)
    wait_for_announcements()
    assert list(IndexNowLog.objects.order_by("id").values_list("reason", flat=True)) == ["corrected", "withdrawn"]
    assert len(endpoint.received) == 2


def test_a_scheduled_draft_or_withdrawn_article_is_never_announced_as_live(endpoint, switched_on, editor):
    scheduled = ArticleFactory(in_review=True)
    scheduled.publish(editor, at=timezone.now() + datetime.timedelta(hours=2))
    Correction.objects.create(article=ArticleFactory(), text="초고 정정")
    Correction.objects.create(article=ArticleFactory(unpublished=True), text="내린 기사 정정")
    wait_for_announcements()
    assert endpoint.received == []
    assert not IndexNowLog.objects.exists()


@pytest.mark.parametrize(
    "changes", [{"indexnow_enabled": False}, {"indexnow_key": ""}, {"site_url": ""}], ids=["off", "no key", "no url"]
)
def test_nothing_is_announced_until_switched_on_with_a_key(endpoint, editor, changes):
    values = {"name": "신문", "site_url": "https://news.example.kr", "indexnow_key": KEY, "indexnow_enabled": True}
    SiteSettings(**{**values, **changes}).save()
    ArticleFactory(in_review=True).publish(editor)
    wait_for_announcements()
    assert endpoint.received == []


def test_a_broken_endpoint_never_fails_the_editor(settings, switched_on, editor):
    settings.INDEXNOW_ENDPOINT = "http://127.0.0.1:9/indexnow"  # nothing listens on the discard port
    article = ArticleFactory(in_review=True)
    article.publish(editor)  # no exception
    wait_for_announcements()
    article.refresh_from_db()
    assert article.is_published
    [log] = IndexNowLog.objects.all()
    assert log.status_code is None and log.response and not log.succeeded


def test_a_slow_endpoint_does_not_block_the_editor(endpoint, switched_on, editor):
    endpoint.delay = 1.5
    article = ArticleFactory(in_review=True)
    started = time.monotonic()
    article.publish(editor)
    assert time.monotonic() - started < 1
    wait_for_announcements()
    assert IndexNowLog.objects.get().status_code == 202


def test_a_refusal_is_logged_with_its_answer(endpoint, switched_on, editor):
    endpoint.status = 403
    ArticleFactory(in_review=True).publish(editor)
    wait_for_announcements()
    log = IndexNowLog.objects.get()
    assert log.status_code == 403 and not log.succeeded


def test_the_key_file_is_served_only_for_the_key_in_use(client, switched_on):
    response = client.get(f"/{KEY}.txt")
    assert response.status_code == 200 and response.content.decode() == KEY
    assert response["Content-Type"].startswith("text/plain")
    assert client.get("/another-key-0000.txt").status_code == 404
    SiteSettings.objects.filter(pk=1).update(indexnow_enabled=False)
    SiteSettings.objects.get().save()
    assert client.get(f"/{KEY}.txt").status_code == 404


def test_the_desk_reads_the_log_in_the_admin(client_as_editor, switched_on):
    IndexNowLog.objects.create(url="https://news.example.kr/news/1/a/", reason="published", status_code=202)
    page = client_as_editor.get("/admin/publication/indexnowlog/").content.decode()
    assert "https://news.example.kr/news/1/a/" in page


def test_a_bad_key_is_a_form_error(client_as_editor):
    SiteSettings(name="신문").save()
    response = client_as_editor.post(
        "/admin/publication/sitesettings/1/change/", {"name": "신문", "indexnow_key": "짧은<키>"}
    )
    assert response.status_code == 200
    assert "IndexNow 키는 영문·숫자·하이픈(-)으로 8~128자여야 합니다." in response.content.decode()


def test_a_scheduled_article_is_announced_when_its_moment_comes(client, endpoint, switched_on, editor, settings):
    settings.PAGE_CACHE_SECONDS = 300
    ArticleFactory(published=True, headline="먼저 나간 기사")
    article = ArticleFactory(in_review=True)
    moment = timezone.now().replace(microsecond=0) + datetime.timedelta(minutes=5)
    article.publish(editor, at=moment)
    client.get("/")  # a reader's visit before the moment announces nothing
    wait_for_announcements()
    assert endpoint.received == []
    with time_machine.travel(moment + datetime.timedelta(seconds=30), tick=False):
        client.get("/")  # the first visit after the moment notices it, with no cron job
        client.get("/section/" + article.section.slug + "/")
        wait_for_announcements()
    [(_path, _type, payload)] = endpoint.received  # once, however many visits noticed it
    assert payload["urlList"] == ["https://news.example.kr" + article.get_absolute_url()]
    assert IndexNowLog.objects.get().reason == "published"
