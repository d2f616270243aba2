"""Security seen from the browser: the CSP guard itself, two-factor enrolment, the lockout page."""

import re
from base64 import b32decode

import pytest
from django.urls import reverse
from django_otp.oath import totp

from articles.models import Article
from tests.browser import conftest as browser_conftest
from tests.browser.actions import log_in
from tests.factories import editor_user, reporter_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.csp_violations_expected
def test_the_guard_sees_a_csp_violation(live_server, page):
    """The autouse guard in tests/browser/conftest.py fails any test whose page breaks the policy."""

    def inline_script_page(route):
        route.fulfill(
            status=200,
            headers={"Content-Type": "text/html", "Content-Security-Policy": "script-src 'self'; style-src 'self'"},
            body="<!doctype html><p style='color:red'>x</p><script>document.title = 'ran'</script>",
        )

    page.route(f"{live_server.url}/csp-probe/", inline_script_page)
    page.goto(f"{live_server.url}/csp-probe/")
    page.wait_for_timeout(300)
    assert page.title() != "ran"
    seen = "\n".join(browser_conftest.CSP_VIOLATIONS)
    assert "script-src" in seen
    assert "style-src" in seen


def test_reader_pages_run_under_the_policy(live_server, page, screenshot):
    from articles.demo import load_demo

    load_demo()
    article = Article.objects.get(slug="한중일-스마트시티-첫-온라인-세미나")
    for url in ["/", article.get_absolute_url(), "/search/?q=스마트시티", "/reporters/", "/events/", "/no-such-page/"]:
        page.goto(live_server.url + url)
    assert "Content-Security-Policy" not in page.content()
    screenshot(page, "csp-reader-404")


def test_editor_enrols_with_the_qr_code_then_logs_in_with_a_code(live_server, page, screenshot):
    editor_user(username="desk")
    page.goto(f"{live_server.url}{reverse('admin:login')}")
    page.fill("#id_username", "desk")
    page.fill("#id_password", "pass-word-123")
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(re.escape(reverse("admin:two_factor_setup"))))
    assert page.locator(".qr img").evaluate("img => img.naturalWidth") > 100  # the QR code drew
    screenshot(page, "two-factor-setup")

    secret = page.inner_text(".secret")
    page.fill("#id_otp_token", f"{totp(b32decode(secret)):06d}")
    page.click("#two-factor-form input[type=submit]")
    page.wait_for_selector(".backup-codes")
    assert page.locator(".backup-codes li").count() == 10
    screenshot(page, "two-factor-backup-codes")
    page.click("text=계속하기")
    page.wait_for_url(f"{live_server.url}{reverse('admin:index')}")
    assert page.locator("#user-tools a", has_text="2단계 인증").count() == 1


def test_admin_pages_run_under_their_policy(live_server, page):
    reporter_user(username="kang")
    editor_user(username="desk")
    log_in(page, live_server, "desk")  # through the code step: log_in() types the code
    page.goto(f"{live_server.url}{reverse('admin:articles_article_add')}")
    page.locator(".ProseMirror >> visible=true").first.click()  # the rich-text editor started
    page.keyboard.type("본문")
    page.click("#id_organisations + .select2")  # select2 opens its drop-down (sections are a plain select)
    page.wait_for_selector(".select2-results")
    for url in ["articles/article/", "axes/accessattempt/", "two-factor/", "password_change/"]:
        page.goto(f"{live_server.url}{reverse('admin:index')}{url}")
        assert page.locator("#content").count() == 1, url


def test_lockout_page_in_korean(live_server, page, screenshot):
    reporter_user(username="kang")
    for _ in range(5):
        page.goto(f"{live_server.url}{reverse('admin:login')}")
        page.fill("#id_username", "kang")
        page.fill("#id_password", "wrong")
        page.click("input[type=submit]")
    assert "로그인 시도가 너무 많아" in page.inner_text("#content")
    screenshot(page, "login-lockout")
