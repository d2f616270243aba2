"""Debian's chromium driven by Playwright against pytest-django's live server."""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        watch_for_csp_violations(browser)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="ko-KR", timezone_id="Asia/Seoul", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture
def screenshot():
    """Save a full-page screenshot under test-artifacts/ for a person to look at."""
    ARTIFACTS.mkdir(exist_ok=True)

    def take(page, name):
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


# --- Content-Security-Policy: any violation in any page of any browser test fails that test. ---
CSP_VIOLATIONS = []
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
    + ` at ${event.sourceFile || event.documentURI}:${event.lineNumber}`);
});
"""


def _on_console(message):
    text = message.text
    if "Content Security Policy" in text or text.startswith("CSP violation:"):
        CSP_VIOLATIONS.append(text)


def _watch_context(context):
    context.add_init_script(REPORT_VIOLATIONS)
    context.on("console", _on_console)
    return context


def watch_for_csp_violations(browser):
    """Every context the browser makes, in fixtures or in tests, reports CSP violations."""
    new_context, new_page = browser.new_context, browser.new_page

    def watched_new_context(*args, **kwargs):
        return _watch_context(new_context(*args, **kwargs))

    def watched_new_page(*args, **kwargs):
        page = new_page(*args, **kwargs)
        _watch_context(page.context)
        return page

    browser.new_context, browser.new_page = watched_new_context, watched_new_page


@pytest.fixture(autouse=True)
def _no_csp_violations(request):
    """Fail the test when a page it opened broke the Content-Security-Policy (console or event)."""
    CSP_VIOLATIONS.clear()
    yield
    if request.node.get_closest_marker("csp_violations_expected") is None:
        seen, CSP_VIOLATIONS[:] = list(dict.fromkeys(CSP_VIOLATIONS)), []
        assert not seen, "Content-Security-Policy violations:\n" + "\n".join(seen)
