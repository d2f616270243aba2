"""The admin speaks Korean: no English words on the desk's pages, Django's stock wording reworded."""

import html
import json
import re

import pytest
from django.urls import reverse
from django.utils.html import strip_tags

from tests.accounts.devices import device_pages, people_with_devices
from tests.articles.workflow import article_in, change_form_data, change_url
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# Words that are Korean newsroom usage, or names, not untranslated interface text.
ALLOWED = {"KST", "HTML", "URL", "ID", "JPEG", "PNG", "WebP", "IndexNow"}
INVISIBLE = re.compile(r"<(script|style|template)\b.*?</\1>|<!--.*?-->", re.DOTALL | re.IGNORECASE)
ENGLISH_WORD = re.compile(r"\b[A-Za-z]{2,}\b")


def english_words(page):
    """English words a person reads: visible text plus title, placeholder, aria-label and alt attributes."""
    page = INVISIBLE.sub(" ", page)
    attributes = re.findall(r'\b(?:title|placeholder|aria-label|alt)="([^"]*)"', page)
    # An input button shows its value; a <button>'s value is sent, not seen.
    attributes += re.findall(r'<input[^>]*type="(?:submit|button)"[^>]*value="([^"]*)"', page)
    text = html.unescape(re.sub(r"<[^>]+>", " ", page))
    found = ENGLISH_WORD.findall(" ".join([text, *attributes]))
    return sorted(set(found) - ALLOWED)


@pytest.fixture
def story(reporter_profile, reporter, editor):
    # People are greeted by name; the fixtures' English log-in names are data, not interface text.
    for user, name in [(reporter, "승원"), (editor, "데스크")]:
        user.first_name = name
        user.save()
    article = article_in("in_review", headline="한중일 스마트시티 세미나", reporters=[reporter_profile])
    article.request_changes(editor, "참석자 수를 확인해 주세요")
    return article


def pages_for(story):
    return [
        "/admin/",
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_changelist") + "?mine=1",
        reverse("admin:articles_article_add"),
        change_url(story),
        reverse("admin:articles_article_revisions", args=[story.pk]),
    ]


def test_no_english_on_the_reporters_pages(client_as_reporter, story):
    client_as_reporter.post(change_url(story), change_form_data(story, headline="고친 제목"))
    for url in pages_for(story):
        page = client_as_reporter.get(url).content.decode()
        assert english_words(page) == [], url


def test_no_english_on_the_editors_pages(client_as_editor, story):
    client_as_editor.post(change_url(story), change_form_data(story, headline="고친 제목"))
    client_as_editor.post(reverse("admin:articles_article_preview_link", args=[story.pk]))
    urls = [*pages_for(story), reverse("admin:articles_article_restore", args=[story.pk, 1])]
    for url in urls:
        page = client_as_editor.get(url).content.decode()
        assert english_words(page) == [], url


def test_djangos_stock_messages_are_reworded(client_as_editor):
    article = article_in("draft", headline="세미나 기사")
    response = client_as_editor.post(change_url(article), {**change_form_data(article), "_continue": "1"}, follow=True)
    message = strip_tags(str(next(iter(response.context["messages"]))))
    assert message == "기사 「세미나 기사」 — 저장했습니다. 아래에서 계속 고칠 수 있습니다."


def test_the_body_editors_own_strings_are_in_the_admins_catalogue(client_as_editor):
    catalogue = client_as_editor.get("/admin/jsi18n/").content.decode()
    for korean in ["링크 편집", "주소", "바꾸기", "굵게", "소제목 %s"]:
        assert json.dumps(korean)[1:-1] in catalogue


HANGUL = re.compile(r"[\uac00-\ud7a3]+")


def test_the_english_admin_has_no_korean_interface_text(client, reporter, editor):
    from tests.factories import ReporterFactory, SectionFactory

    reporter.first_name, editor.first_name = "Kang", "Desk"
    reporter.save()
    editor.save()
    profile = ReporterFactory(user=reporter, name="Kang Seungwon", slug="kang", title="Reporter")
    story = article_in(
        "in_review",
        headline="Smart city seminar",
        body="<p>The seminar.</p>",
        reporters=[profile],
        section=SectionFactory(name="World"),
    )
    story.request_changes(editor, "Check the numbers")
    for user, extra in [(reporter, []), (editor, [reverse("admin:articles_article_restore", args=[story.pk, 1])])]:
        client.force_login(user)
        english = {"accept-language": "en"}
        client.post(change_url(story), change_form_data(story, headline="Smart city seminar"), headers=english)
        story.refresh_from_db()
        for url in [*pages_for(story), *extra]:
            page = client.get(url, headers=english).content.decode()
            visible = html.unescape(re.sub(r"<[^>]+>", " ", INVISIBLE.sub(" ", page)))
            assert HANGUL.findall(visible) == [], url


def test_no_english_on_the_second_factor_pages(client):
    devices = people_with_devices()
    client.force_login(UserFactory(username="관리자", superuser=True))
    for url, page in device_pages(client, *devices):
        assert english_words(page) == [], url


def test_the_english_admin_shows_second_factor_devices_in_english(client):
    devices = people_with_devices(enrolled="kim", enrolling="lee")
    client.force_login(UserFactory(username="admin", first_name="Admin", superuser=True))
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    for url, page in device_pages(client, *devices):
        visible = html.unescape(re.sub(r"<[^>]+>", " ", INVISIBLE.sub(" ", page)))
        assert HANGUL.findall(visible) == [], url
