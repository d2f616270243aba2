"""Closing the tab before the next autosave still keeps what was typed."""

import time

import pytest
from playwright.sync_api import expect

from articles.models import Autosave
from reporters.models import Reporter
from tests.browser.actions import log_in
from tests.factories import ArticleFactory, reporter_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_closing_the_tab_saves_a_copy_at_once(live_server, page, settings):
    settings.AUTOSAVE_INTERVAL_SECONDS = 3600  # only the closing tab can have saved it
    user = reporter_user(username="kang")
    kang = Reporter.objects.create(user=user, name="강승원", slug="강승원")
    article = ArticleFactory(headline="처음 제목", reporters=[kang], created_by=user)
    log_in(page, live_server, "kang")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    page.fill("#id_headline", "탭을 닫기 직전에 고친 제목")
    context = page.context
    page.close(run_before_unload=True)
    # The closing tab's keepalive request may reach a busy server after the next page's request does:
    # reopen once the copy has arrived, as a person coming back later would.
    for _ in range(50):
        if Autosave.objects.exists():
            break
        time.sleep(0.2)
    again = context.new_page()
    again.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    expect(again.locator(".autosave-offer")).to_contain_text("탭을 닫기 직전에 고친 제목")
    assert Autosave.objects.get().data["headline"] == "탭을 닫기 직전에 고친 제목"
