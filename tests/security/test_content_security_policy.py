"""Every response carries a Content-Security-Policy: strict for readers, its own for the admin."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def policy(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


READER_URLS = ["/", "/search/?q=스마트시티", "/reporters/", "/organisations/", "/events/", "/feed/", "/sitemap.xml"]


@pytest.mark.parametrize("url", READER_URLS)
def test_reader_pages_allow_no_inline_script(client, demo, url):
    response = client.get(url)
    assert response.status_code == 200
    directives = policy(response)
    assert directives["script-src"][0] == "'self'"
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert "'unsafe-inline'" not in directives["style-src"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]


def test_article_page_and_not_found_page_have_the_policy(client, demo):
    assert "frame-ancestors 'none'" in client.get(demo.get_absolute_url())["Content-Security-Policy"]
    assert "object-src 'none'" in client.get("/no-such-page/")["Content-Security-Policy"]


def test_templates_hold_no_inline_script_style_or_handlers(client, demo):
    """What the policy would block, found in the HTML before a browser has to."""
    for url in [*READER_URLS[:5], demo.get_absolute_url()]:
        page = client.get(url).content.decode()
        # A script tag either loads one of our files or holds JSON-LD data; nothing runs inline.
        assert not re.search(r"<script(?![^>]*\b(?:src=|type=\"application/ld\+json\"))", page), url
        assert not re.search(r"<style|\sstyle=|\son[a-z]+=|javascript:", page), url


def test_admin_has_its_own_policy_still_strict_for_scripts(client_as_editor):
    response = client_as_editor.get(reverse("admin:articles_article_add"))
    directives = policy(response)
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]


def test_the_rich_text_editors_import_map_carries_the_nonce(client_as_editor):
    response = client_as_editor.get(reverse("admin:articles_article_add"))
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    importmap = re.search(r'<script type="importmap"[^>]*>', response.content.decode()).group(0)
    assert f'nonce="{nonce}"' in importmap


def test_two_factor_and_lockout_pages_have_the_admin_policy(client):
    response = client.get(reverse("admin:login"))
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_media_on_a_cdn_and_embed_hosts_extend_the_policy():
    from tests.security.test_https import show

    env = {
        "CSP_FRAME_SRC": "https://www.youtube-nocookie.com",
        "CSP_REPORT_URI": "https://csp.example.com/report",
    }
    directives = show(env, 's.CONTENT_SECURITY_POLICY["DIRECTIVES"]')
    assert "'frame-src': [\"'self'\", 'https://www.youtube-nocookie.com']" in directives
    assert "'report-uri': 'https://csp.example.com/report'" in directives
    assert "'script-src': [\"'self'\", csp.constants.NONCE]" in directives  # nothing else runs


def test_file_origins_come_from_absolute_urls():
    from newsroom.settings import url_origins

    assert url_origins("/static/", "https://cdn.example.com/media/") == ["https://cdn.example.com"]
