"""Editors choose the lead and the featured stories; the rest fills itself from published() alone."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from publication.frontpage import FEATURED_SLOTS
from publication.models import FrontPage, FrontPageStory
from tests.factories import ArticleFactory, EventFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh(settings):
    settings.PAGE_CACHE_SECONDS = 0


def hours_ago(hours):
    return timezone.now() - datetime.timedelta(hours=hours)


def story(headline, hours, **kwargs):
    return ArticleFactory(published=True, headline=headline, published_at=hours_ago(hours), **kwargs)


def place(article, order=0, lead=False):
    front_page, _ = FrontPage.objects.get_or_create(pk=1)
    return FrontPageStory.objects.create(front_page=front_page, article=article, order=order, is_lead=lead)


def block(html, css_class):
    """The HTML of the first element with this class, up to its section's end."""
    start = html.index(f'class="{css_class}"')
    return html[start : html.index("</section>", start)]


def headlines(html):
    return re.findall(r"<h[23]><a href=\"[^\"]+\">([^<]+)</a></h[23]>", html)


def test_the_editors_lead_and_featured_order_win_over_recency(client):
    old_lead = story("편집자가 고른 머리기사", 50)
    second, first = story("둘째 주요 기사", 40), story("첫째 주요 기사", 30)
    newest = story("가장 새 기사", 1)
    place(old_lead, lead=True)
    place(second, order=2)
    place(first, order=1)
    page = client.get("/").content.decode()
    assert headlines(block(page, "lead")) == ["편집자가 고른 머리기사"]
    featured = headlines(block(page, "featured"))
    assert featured[:3] == ["첫째 주요 기사", "둘째 주요 기사", "가장 새 기사"]  # the empty slot fills with the newest
    assert page.count("편집자가 고른 머리기사</a>") == 1  # never twice on the page
    assert newest.headline in page


@pytest.mark.parametrize("state", ["draft", "scheduled", "unpublished", "in_review"])
def test_an_unpublished_choice_never_shows_and_its_slot_fills_with_the_newest(client, state):
    traits = {} if state == "draft" else {state: True}
    place(ArticleFactory(**traits, headline="보이면 안 되는 기사"), lead=True)
    place(ArticleFactory(**traits, headline="이것도 안 되는 기사"), order=1)
    story("새 기사", 2)
    page = client.get("/").content.decode()
    assert "보이면 안 되는 기사" not in page and "이것도 안 되는 기사" not in page
    assert headlines(block(page, "lead")) == ["새 기사"]


def test_without_choices_the_newest_story_leads(client):
    story("어제 기사", 20)
    story("오늘 기사", 1)
    page = client.get("/").content.decode()
    assert headlines(block(page, "lead")) == ["오늘 기사"]
    assert headlines(block(page, "featured")) == ["어제 기사"]


def test_little_content_leaves_no_empty_headings(client):
    page = client.get("/").content.decode()
    for heading in ["주요 기사", "최신 기사", "다가오는 행사", "최근 행사"]:
        assert heading not in page
    assert "아직 기사가 없습니다." in page
    story("하나뿐인 기사", 1)
    page = client.get("/").content.decode()
    assert "하나뿐인 기사" in page
    for heading in ["주요 기사", "최신 기사", "다가오는 행사", "최근 행사"]:
        assert heading not in page


def test_sections_get_their_own_blocks_with_their_newest_stories(client):
    policy, industry = (
        SectionFactory(name="정책", slug="policy", order=1),
        SectionFactory(name="산업", slug="industry", order=2),
    )
    for number in range(FEATURED_SLOTS + 12):
        story(f"채움 기사 {number}", 100 + number, section=industry)
    story("정책 기사", 300, section=policy)
    page = client.get("/").content.decode()
    blocks = page[page.index('class="section-blocks"') :]
    assert blocks.index(">정책</a>") < blocks.index(">산업</a>")
    assert "정책 기사" in blocks


@pytest.mark.parametrize("state", ["draft", "scheduled", "unpublished", "in_review"])
def test_stories_readers_may_not_see_stay_off_latest_and_section_blocks(client, state):
    industry = SectionFactory(name="산업", slug="industry")
    for number in range(3):
        story(f"보이는 기사 {number}", 10 + number, section=industry)
    traits = {} if state == "draft" else {state: True}
    ArticleFactory(**traits, headline="보이면 안 되는 기사", section=industry)
    page = client.get("/").content.decode()
    assert "보이면 안 되는 기사" not in page
    assert "보이는 기사 2" in page


def test_section_blocks_leave_out_the_top_stories_and_still_show_four(client):
    industry = SectionFactory(name="산업", slug="industry")
    top = [story(f"위 기사 {number}", number, section=industry) for number in range(1 + FEATURED_SLOTS)]
    rest = [story(f"아래 기사 {number}", 10 + number, section=industry) for number in range(6)]
    page = client.get("/").content.decode()
    blocks = page[page.index('class="section-blocks"') :]
    assert not any(article.headline in blocks for article in top)
    assert [article.headline in blocks for article in rest] == [True] * 4 + [False] * 2


def test_upcoming_and_recent_events(client):
    EventFactory(title="내일 포럼", starts_at=timezone.now() + datetime.timedelta(days=1))
    EventFactory(title="어제 세미나", starts_at=hours_ago(24))
    page = client.get("/").content.decode()
    assert page.index("다가오는 행사") < page.index("내일 포럼") < page.index("최근 행사") < page.index("어제 세미나")


def test_the_desk_orders_the_front_page_in_one_admin_screen(client_as_editor):
    lead, featured = story("머리로 올릴 기사", 5), story("주요로 올릴 기사", 6)
    url = reverse("admin:publication_frontpage_change", args=[1])
    assert client_as_editor.get(reverse("admin:publication_frontpage_changelist")).status_code == 302
    prefix = "stories"
    data = {
        f"{prefix}-TOTAL_FORMS": "2",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
        f"{prefix}-0-article": lead.pk,
        f"{prefix}-0-is_lead": "on",
        f"{prefix}-0-order": "0",
        f"{prefix}-1-article": featured.pk,
        f"{prefix}-1-order": "1",
    }
    response = client_as_editor.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert list(FrontPageStory.objects.values_list("article__headline", "is_lead")) == [
        ("머리로 올릴 기사", True),
        ("주요로 올릴 기사", False),
    ]


def test_two_leads_are_refused_with_a_form_error(client_as_editor):
    one, two = story("하나", 5), story("둘", 6)
    prefix = "stories"
    data = {
        f"{prefix}-TOTAL_FORMS": "2",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
        f"{prefix}-0-article": one.pk,
        f"{prefix}-0-is_lead": "on",
        f"{prefix}-0-order": "0",
        f"{prefix}-1-article": two.pk,
        f"{prefix}-1-is_lead": "on",
        f"{prefix}-1-order": "1",
    }
    FrontPage.objects.get_or_create(pk=1)
    response = client_as_editor.post(reverse("admin:publication_frontpage_change", args=[1]), data)
    assert response.status_code == 200
    assert "머리기사는 하나만 고를 수 있습니다." in response.content.decode()
    assert not FrontPageStory.objects.exists()


def test_front_page_query_count_is_fixed_whatever_the_archive(client, django_assert_max_num_queries):
    sections = [SectionFactory(slug=f"s{n}", name=f"섹션{n}") for n in range(3)]

    def count():
        client.get("/")
        with django_assert_max_num_queries(2) as captured:  # the line-up is one statement (frontpage.py)
            client.get("/")
        return len(captured)

    for n in range(3):
        story(f"기사 {n}", n + 1, section=sections[n % 3])
    place(ArticleFactory(published=True), lead=True)
    small = count()
    for n in range(30):
        story(f"더 많은 기사 {n}", n + 10, section=sections[n % 3])
    EventFactory.create_batch(5)
    assert count() == small


def test_reporters_cannot_change_the_front_page(client, reporter):
    article = story("기자가 올리려는 기사", 1)
    client.force_login(reporter)
    assert client.get(reverse("admin:publication_frontpage_changelist")).status_code == 403
    FrontPage.objects.get_or_create(pk=1)
    data = {
        "stories-TOTAL_FORMS": "1",
        "stories-INITIAL_FORMS": "0",
        "stories-MIN_NUM_FORMS": "0",
        "stories-MAX_NUM_FORMS": "1000",
        "stories-0-article": article.pk,
        "stories-0-is_lead": "on",
        "stories-0-order": "0",
    }
    assert client.post(reverse("admin:publication_frontpage_change", args=[1]), data).status_code == 403
    assert not FrontPageStory.objects.exists()
