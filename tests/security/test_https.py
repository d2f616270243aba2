"""HTTPS=1 turns on HSTS, the SSL redirect, secure cookies and trust in the proxy's X-Forwarded-Proto."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from tests.factories import image_upload

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "0",
    "HTTPS": "1",
    "SECRET_KEY": "x7Gq2-production-like-secret-key-for-the-deploy-check-0123456789abcdefXYZ",
    "ALLOWED_HOSTS": "news.example.com",
    "CSRF_TRUSTED_ORIGINS": "https://news.example.com",
}


def run_settings(env, *code):
    """Run Python with the project's settings under the given environment; return its output."""
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "newsroom.settings", **env}
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser tests for their own process
    for name in ["HSTS_SECONDS", "HSTS_PRELOAD", "HSTS_INCLUDE_SUBDOMAINS", "BEHIND_PROXY", "SECURE_COOKIES"]:
        if name not in env:
            environment.pop(name, None)
    return subprocess.run(
        [sys.executable, *code], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120, check=False
    )


def test_deploy_check_is_clean_with_production_settings():
    result = run_settings(PRODUCTION, "manage.py", "check", "--deploy")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr + result.stdout
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_deploy_check_warns_without_https():
    result = run_settings({**PRODUCTION, "HTTPS": "0"}, "manage.py", "check", "--deploy")
    assert "security.W004" in result.stderr + result.stdout  # no HSTS
    assert "security.W008" in result.stderr + result.stdout  # no SSL redirect


SHOW = "import django; django.setup(); from django.conf import settings as s; print({})"


def show(env, expression):
    result = run_settings(env, "-c", SHOW.format(expression))
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_https_turns_on_hsts_redirect_cookies_and_the_proxy_header():
    shown = show(
        PRODUCTION,
        "[s.SECURE_HSTS_SECONDS, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SECURE_PROXY_SSL_HEADER]",
    )
    assert shown == "[31536000, True, True, True, ('HTTP_X_FORWARDED_PROTO', 'https')]"
    assert show({**PRODUCTION, "HSTS_SECONDS": "600"}, "s.SECURE_HSTS_SECONDS") == "600"
    assert show({**PRODUCTION, "HTTPS": "0"}, "[s.SECURE_HSTS_SECONDS, s.SECURE_SSL_REDIRECT]") == "[0, False]"


def test_turning_preload_off_is_a_choice_not_a_warning():
    result = run_settings({**PRODUCTION, "HSTS_PRELOAD": "0"}, "manage.py", "check", "--deploy")
    assert "WARNING" not in result.stderr + result.stdout
    assert show({**PRODUCTION, "HSTS_PRELOAD": "0"}, "s.SECURE_HSTS_PRELOAD") == "False"


@pytest.fixture
def behind_https_proxy(settings):
    """What HTTPS=1 sets, inside this test process."""
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.ALLOWED_HOSTS = ["news.example.com"]


PROXIED = {"HTTP_X_FORWARDED_PROTO": "https", "HTTP_HOST": "news.example.com"}


@pytest.mark.django_db
def test_absolute_urls_say_https_behind_the_proxy(client, demo, behind_https_proxy):
    demo.photo = image_upload()
    demo.save()
    page = client.get(demo.get_absolute_url(), **PROXIED)
    assert page.status_code == 200
    html = page.content.decode()
    assert re.search(r'<link rel="canonical" href="https://news\.example\.com/', html)
    assert re.search(r'<meta property="og:image" content="https://news\.example\.com/', html)
    assert "http://news.example.com" not in html
    assert page["Strict-Transport-Security"].startswith("max-age=31536000")

    for url in [reverse("articles:feed"), reverse("sitemap"), "/sitemap-articles.xml"]:
        body = client.get(url, **PROXIED).content.decode()
        assert "https://news.example.com/" in body, url
        assert "http://news.example.com" not in body, url


@pytest.mark.django_db
def test_plain_http_through_the_proxy_is_redirected_to_https(client, behind_https_proxy):
    response = client.get("/search/", HTTP_X_FORWARDED_PROTO="http", HTTP_HOST="news.example.com")
    assert response.status_code == 301
    assert response.url == "https://news.example.com/search/"
