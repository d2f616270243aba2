from urllib.parse import quote

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def text(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_front_page_leads_with_the_seminar_article(client, demo):
    page = text(client.get("/"))
    assert demo.headline in page
    assert "강승원 기자" in page
    assert "한중일 스마트시티 온라인 세미나" in page  # recent events box


def test_article_page_shows_everything_a_reader_expects(client, demo):
    page = text(client.get(demo.get_absolute_url()))
    for expected in [
        demo.headline,
        demo.deck,
        "강승원 기자",
        "입력 <time",
        "2020/08/06 [16:06]",
        demo.lead_photo.caption,
        "뉴스룸 그래픽",
        "미치가미 히사시",
        "#스마트시티",
        "세계스마트지속가능도시기구",
        "한중일 스마트시티 온라인 세미나",
    ]:
        assert expected in page, expected
    assert "수정 <time" not in page
    assert reverse("reporters:detail", args=["강승원"]) in page


def test_article_page_shows_revised_time_after_a_change_following_publication(client, demo):
    from datetime import timedelta

    demo.revised_at = demo.published_at + timedelta(days=1, hours=2, minutes=30)
    demo.save()
    page = text(client.get(demo.get_absolute_url()))
    assert "수정 <time" in page
    assert "2020/08/07 [18:36]" in page


def test_stale_slug_redirects_permanently_to_the_current_url(client, demo):
    response = client.get(f"/news/{demo.pk}/old-headline/")
    assert response.status_code == 301
    assert response["Location"] == demo.get_absolute_url()
    short = client.get(f"/news/{demo.pk}/")
    assert short.status_code == 301
    assert short["Location"] == demo.get_absolute_url()


def test_event_page_lists_sessions_with_their_organisations(client, demo):
    event = demo.events.get()
    page = text(client.get(event.get_absolute_url()))
    assert page.index("각국 스마트시티 추진 기관") < page.index("세 나라 수도의 스마트시티") < page.index("기업이 보는")
    for name in ["스마트도시협회", "베이징시", "NEC", "초청 관계자 약 400명", "온라인", demo.headline]:
        assert name in page, name


def test_event_page_lists_the_newest_of_the_stories_linked_to_it_last(client, demo, monkeypatch):
    """An event with thousands of stories costs what one with ten does: only the last links are read."""
    from tests.factories import ArticleFactory

    monkeypatch.setattr("articles.lists.LINKED_CANDIDATES", 2)
    event = demo.events.get()
    later = [ArticleFactory(published=True, headline=f"나중에 붙은 기사 {n}") for n in range(2)]
    for article in later:
        article.events.add(event)
    page = text(client.get(event.get_absolute_url()))
    assert all(article.headline in page for article in later)
    assert demo.headline not in page  # linked first: past the bound


def test_organisation_page_shows_head_and_articles(client, demo):
    page = text(client.get(reverse("organisations:detail", args=["tcs"])))
    assert "사무총장 미치가미 히사시" in page
    assert "Trilateral Cooperation Secretariat" in page
    assert "국제" in page
    assert demo.headline in page
    assert "한중일 스마트시티 온라인 세미나" in page  # events it organised


@pytest.mark.parametrize(
    "url",
    [
        "/section/world/",
        "/tag/" + quote("스마트시티") + "/",
        "/reporters/" + quote("강승원") + "/",
        "/organisations/tcs/",
        "/organisations/nec/",
    ],
)
def test_lists_show_the_demo_article(client, demo, url):
    assert demo.headline in text(client.get(url))


def test_organisation_and_event_lists(client, demo):
    assert "한중일3국협력사무국" in text(client.get("/organisations/"))
    assert "한중일 스마트시티 온라인 세미나" in text(client.get("/events/"))


@pytest.mark.parametrize("page", ["abc", "0", "-1", "999", "1" * 40, "１"])
def test_bad_page_numbers_are_404_not_500(client, demo, page):
    assert client.get("/events/", {"page": page}).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/news/999999/x/",
        "/section/nope/",
        "/tag/nope/",
        "/reporters/nope/",
        "/organisations/nope/",
        "/events/nope/",
        "/section/" + "가" * 500 + "/",
    ],
)
def test_unknown_things_are_404(client, db, url):
    assert client.get(url).status_code == 404


# Drafts, scheduled and withdrawn articles on every reader page, feed and sitemap:
# tests/articles/test_workflow_visibility.py.
