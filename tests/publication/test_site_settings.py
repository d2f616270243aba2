"""The paper's name and legal details: edited in the admin, cached, on every page."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse

from publication.models import Page, SiteSettings
from tests.factories import ArticleFactory
from tests.publication.test_machines import json_ld

pytestmark = pytest.mark.django_db

LEGAL = [
    "서울 아00000 (데모용 가상 번호)",
    "2020.01.02",
    "홍길동",
    "김편집",
    "이보호",
    "02-000-0000",
    "desk@example.com",
]


def text(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


@pytest.mark.parametrize("url", ["/", "article", "/section/world/", "/reporters/", "/events/", "/search/", "/about/"])
def test_every_page_shows_the_paper_and_its_legal_details(client, demo, url):
    page = text(client.get(demo.get_absolute_url() if url == "article" else url))
    footer = page[page.index('<footer class="footer">') :]
    for expected in [*LEGAL, "스마트시티저널", "저작권자 © 스마트시티저널 무단전재 및 재배포 금지"]:
        assert expected in footer, expected
    for kind in ["/about/", "/contact/", "/privacy/", "/youth-protection/"]:
        assert f'href="{kind}"' in footer
    assert "<title>" in page and "스마트시티저널</title>" in page


def test_the_copyright_line_is_also_under_the_article(client, demo):
    page = text(client.get(demo.get_absolute_url()))
    story = page[page.index('<article class="story">') : page.index("</article>")]
    assert "저작권자 © 스마트시티저널 무단전재 및 재배포 금지" in story


def test_a_change_in_the_admin_shows_on_the_next_page_even_with_the_page_cache(
    client, client_as_editor, demo, settings
):
    settings.PAGE_CACHE_SECONDS = 300
    assert "홍길동" in text(client.get("/"))
    site = SiteSettings.objects.get()
    data = {field.name: getattr(site, field.name) or "" for field in SiteSettings._meta.fields if field.name != "id"}
    data.update(publisher="박발행", registration_date="2020-01-02", logo="", indexnow_enabled="")
    response = client_as_editor.post(reverse("admin:publication_sitesettings_change", args=[1]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = text(client.get("/"))
    assert "박발행" in page and "홍길동" not in page


def test_cached_settings_cost_no_query(demo, django_assert_num_queries):
    SiteSettings.current()
    Page.footer_links()
    with django_assert_num_queries(0):
        assert SiteSettings.current().name == "스마트시티저널"
        assert len(Page.footer_links()) == 4


def test_pages_render_and_an_unknown_kind_is_a_404(client, demo):
    assert "개인정보처리방침" in text(client.get("/privacy/"))
    contact = text(client.get("/contact/"))
    assert "desk@example.com" in contact and "02-000-0000" in contact
    Page.objects.filter(kind="privacy").delete()
    assert client.get("/privacy/").status_code == 404
    assert 'href="/privacy/"' not in text(client.get("/"))  # no dead link in the footer
    assert client.get("/terms/").status_code == 404


def test_page_body_is_sanitised(client, demo):
    Page.objects.filter(kind="about").update(body='<p>소개</p><script>alert(1)</script><a href="javascript:x">x</a>')
    page = Page.objects.get(kind="about")
    page.save()
    html = text(client.get("/about/"))
    assert "<script>alert" not in html and "javascript:" not in html


def test_admin_header_is_the_papers_name(client_as_editor, demo):
    page = text(client_as_editor.get(reverse("admin:index")))
    assert "스마트시티저널" in page


def test_desk_can_edit_site_settings_and_reporters_cannot(client, editor, reporter, demo):
    url = reverse("admin:publication_sitesettings_change", args=[1])
    client.force_login(editor)
    assert client.get(url).status_code == 200
    client.force_login(reporter)
    assert client.get(url).status_code == 403
    assert client.get(reverse("admin:publication_sitesettings_changelist")).status_code == 403
    assert client.post(url, {"name": "가로챈 이름"}).status_code == 403
    assert SiteSettings.objects.get().name == "스마트시티저널"


def test_only_one_settings_record_exists(demo):
    SiteSettings(name="둘째").save()
    assert SiteSettings.objects.count() == 1


def test_verification_codes_appear_as_meta_tags(client, demo):
    SiteSettings.objects.filter(pk=1).update(
        naver_verification="naver-code", google_verification="google-code", bing_verification='bing"><script>'
    )
    SiteSettings.objects.get().save()
    page = text(client.get("/"))
    assert '<meta name="naver-site-verification" content="naver-code">' in page
    assert '<meta name="google-site-verification" content="google-code">' in page
    assert '<meta name="msvalidate.01" content="bing&quot;&gt;&lt;script&gt;">' in page


def test_demo_fills_the_details_and_never_overwrites_the_desks_edits(demo):
    site = SiteSettings.objects.get()
    assert "데모" in site.registration_number  # obviously invented
    assert site.logo and site.registration_date == datetime.date(2020, 1, 2)
    assert Page.objects.count() == 4
    SiteSettings.objects.filter(pk=1).update(name="우리신문", publisher="")
    call_command("load_demo")
    site = SiteSettings.objects.get()
    assert site.name == "우리신문"  # kept
    assert site.publisher == "홍길동"  # an empty field is filled
    assert Page.objects.count() == 4


def test_without_a_record_the_site_uses_the_default_name(client, db):
    ArticleFactory(published=True)
    page = text(client.get("/"))
    assert "저작권자 © 뉴스룸 무단전재 및 재배포 금지" in page


def test_before_any_details_are_saved_the_default_name_follows_the_language(client, db):
    assert "Copyright © Newsroom" in client.get("/en/").content.decode()  # cached first in English
    assert "저작권자 © 뉴스룸 무단전재 및 재배포 금지" in client.get("/").content.decode()


def cache_reads(monkeypatch):
    """Count the shared-cache reads of the site settings."""
    from newsroom import pagecache

    reads, read = [], pagecache.cache_get

    def counting(key, default=None):
        reads.append(key)
        return read(key, default)

    monkeypatch.setattr(pagecache, "cache_get", counting)
    return reads


def test_a_request_reads_the_site_settings_from_the_cache_once(monkeypatch):
    from publication.models import SETTINGS_CACHE_KEY, request_finished, request_started

    SiteSettings(name="스마트시티저널").save()
    SiteSettings.current()  # cached
    reads = cache_reads(monkeypatch)
    request_started()  # the receivers of Django's signals (sending them would also close the connection)
    first, again = SiteSettings.current(), SiteSettings.current()
    assert reads == [SETTINGS_CACHE_KEY] and first is again
    first.phone = "02-1234-5678"
    first.save()  # a save in the request drops its copy: the next read is the saved row
    assert SiteSettings.current() is not first and SiteSettings.current().phone == "02-1234-5678"
    request_finished()
    reads.clear()
    SiteSettings.current(), SiteSettings.current()  # outside a request (a command, a thread): the cache each time
    assert reads == [SETTINGS_CACHE_KEY, SETTINGS_CACHE_KEY]


def test_a_page_reads_the_site_settings_once(client, demo, settings, monkeypatch):
    from publication.models import SETTINGS_CACHE_KEY

    settings.PAGE_CACHE_SECONDS = 0
    client.get(demo.get_absolute_url())
    reads = cache_reads(monkeypatch)
    assert "스마트시티저널" in text(client.get(demo.get_absolute_url()))
    assert reads.count(SETTINGS_CACHE_KEY) == 1


def test_the_logo_size_is_kept_when_saved_and_named_without_opening_the_file(client, demo, monkeypatch):
    """JSON-LD names the logo's size on every article page: read from the record, not the image file."""
    from django.db.models.fields.files import ImageFieldFile

    site = SiteSettings.objects.get()
    assert (site.logo_width, site.logo_height) == (site.logo.width, site.logo.height)
    assert site.logo_width

    def no_file(self):
        raise AssertionError("the logo's file was opened for a page")

    monkeypatch.setattr(ImageFieldFile, "_get_image_dimensions", no_file)
    [data] = json_ld(text(client.get(demo.get_absolute_url())))
    logo = data["publisher"]["logo"]
    assert (logo["width"], logo["height"]) == (site.logo_width, site.logo_height)


def test_a_logo_that_cannot_be_read_saves_without_a_size(demo):
    site = SiteSettings.objects.get()
    site.logo.name = "publication/gone.png"  # the file is not in storage
    site.save()
    site.refresh_from_db()
    assert (site.logo_width, site.logo_height) == (None, None)
    site.logo = ""
    site.save()
    assert (site.logo_width, site.logo_height) == (None, None)
