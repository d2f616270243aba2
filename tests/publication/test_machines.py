"""What search engines and feed readers get: JSON-LD, share cards, feeds, robots.txt, sitemaps."""

import datetime
import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import quote

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, ReporterFactory

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "news": "http://www.google.com/schemas/sitemap-news/0.9"}


def text(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def json_ld(page):
    """Every JSON-LD block of a page, parsed (a parse error fails the test)."""
    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', page, re.S)
    ]


def meta(page, key):
    found = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)">', page)
    return found and found.group(1)


def test_article_json_ld_is_a_complete_news_article(client, demo):
    [data] = json_ld(text(client.get(demo.get_absolute_url())))
    url = "http://testserver" + demo.get_absolute_url()
    assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
    assert data["headline"] == demo.headline
    assert data["description"] == demo.deck
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert data["datePublished"] == "2020-08-06T16:06:00+09:00" and data["dateModified"] == data["datePublished"]
    assert data["image"][0]["url"].startswith("http://testserver/photos/") and data["image"][0]["width"] == 1200
    [author] = data["author"]
    assert author["@type"] == "Person" and author["name"] == "강승원"
    assert author["url"] == "http://testserver" + quote("/reporters/강승원/")
    publisher = data["publisher"]
    assert publisher["@type"] == "NewsMediaOrganization" and publisher["name"] == "스마트시티저널"
    assert publisher["logo"]["url"].startswith("http://testserver/media/publication/")


def test_json_ld_cannot_be_closed_by_a_headline(client):
    article = ArticleFactory(published=True, headline='</script><script>alert("x")</script> & 더')
    page = text(client.get(article.get_absolute_url()))
    assert "</script><script>alert" not in page
    [data] = json_ld(page)
    assert data["headline"] == '</script><script>alert("x")</script> & 더'


def test_reporter_organisation_and_event_pages_describe_themselves(client, demo):
    [person] = json_ld(text(client.get(reverse("reporters:detail", args=["강승원"]))))
    assert person["@type"] == "Person" and person["email"] == "reporter@example.com"
    assert person["worksFor"]["@type"] == "NewsMediaOrganization"
    [organisation] = json_ld(text(client.get(reverse("organisations:detail", args=["tcs"]))))
    assert (
        organisation["@type"] == "Organization"
        and "Trilateral Cooperation Secretariat" in organisation["alternateName"]
    )
    [event] = json_ld(text(client.get(demo.events.get().get_absolute_url())))
    assert event["@type"] == "Event" and event["startDate"] == "2020-08-05T14:00:00+09:00"
    assert event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert [session["name"] for session in event["subEvent"]] == [
        "각국 스마트시티 추진 기관",
        "세 나라 수도의 스마트시티",
        "기업이 보는 스마트시티",
    ]
    assert {o["name"] for o in event["subEvent"][2]["performer"]} == {"삼성SDS", "알리바바", "NEC"}
    assert {o["name"] for o in event["organizer"]} == {"한중일3국협력사무국", "세계스마트지속가능도시기구"}


def test_open_graph_and_twitter_cards_are_complete(client, demo):
    page = text(client.get(demo.get_absolute_url()))
    assert meta(page, "og:site_name") == "스마트시티저널"
    assert meta(page, "og:type") == "article"
    assert meta(page, "og:title") == demo.headline
    assert meta(page, "og:description") == demo.deck
    assert meta(page, "og:url") == "http://testserver" + demo.get_absolute_url()
    assert meta(page, "og:image").startswith("http://testserver/photos/")
    assert (meta(page, "og:image:width"), meta(page, "og:image:height")) == ("1200", "675")
    assert meta(page, "article:published_time") == "2020-08-06T16:06:00+09:00"
    assert meta(page, "article:modified_time") == "2020-08-06T16:06:00+09:00"
    assert meta(page, "twitter:card") == "summary_large_image"
    assert meta(page, "twitter:image") == meta(page, "og:image")


def test_the_english_page_points_search_engines_at_the_korean_address(client, demo):
    korean = demo.get_absolute_url()
    page = text(client.get("/en" + korean))
    assert f'<link rel="canonical" href="http://testserver{korean}">' in page


@pytest.mark.parametrize(
    ("page", "feeds"),
    [
        ("/", ["/feed/", "/feed/atom/"]),
        ("/section/world/", ["/section/world/feed/", "/section/world/feed/atom/"]),
        (
            "/tag/" + quote("스마트시티") + "/",
            [f"/tag/{quote('스마트시티')}/feed/", f"/tag/{quote('스마트시티')}/feed/atom/"],
        ),
        (
            "/reporters/" + quote("강승원") + "/",
            [f"/reporters/{quote('강승원')}/feed/", f"/reporters/{quote('강승원')}/feed/atom/"],
        ),
    ],
)
def test_each_page_advertises_its_feeds_and_they_serve_the_article(client, demo, page, feeds):
    html = text(client.get(page))
    rss, atom = feeds
    assert '<link rel="alternate" type="application/rss+xml"' in html and f'href="{rss}"' in html
    assert f'href="{atom}"' in html
    rss_feed = client.get(rss)
    assert rss_feed["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(rss_feed.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    assert demo.headline in [item.findtext("title") for item in root.iter("item")]
    atom_feed = client.get(atom)
    assert atom_feed["Content-Type"].startswith("application/atom+xml")
    entries = ET.fromstring(atom_feed.content).findall("{http://www.w3.org/2005/Atom}entry")
    assert demo.headline in [entry.findtext("{http://www.w3.org/2005/Atom}title") for entry in entries]


def test_feeds_of_unknown_things_are_404(client, demo):
    for url in ["/section/nope/feed/", "/tag/nope/feed/atom/", "/reporters/nope/feed/"]:
        assert client.get(url).status_code == 404


def test_a_tag_on_drafts_only_has_no_feed(client):
    ArticleFactory(tags=["특종"])
    assert client.get(f"/tag/{quote('특종')}/feed/").status_code == 404


def test_robots_txt_names_the_sitemaps(client):
    robots = client.get("/robots.txt")
    assert robots["Content-Type"].startswith("text/plain")
    body = robots.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Sitemap: http://testserver/news-sitemap.xml" in body
    assert "Disallow: /admin/" in body and "Disallow: /preview/" in body
    assert client.head("/robots.txt").status_code == 200 and client.post("/robots.txt").status_code == 405


def test_every_page_names_its_icon_and_favicon_ico_leads_to_it(client):
    """Browsers ask /favicon.ico whatever the page says: a redirect to the icon, not a 404 page per visitor."""
    icon = re.search(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">', client.get("/").content.decode())[1]
    for page in ("/section/safety/", "/en/", "/search/"):
        assert f'<link rel="icon" href="{icon}"' in client.get(page).content.decode()
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"] == icon
    assert "max-age=86400" in response["Cache-Control"] and "public" in response["Cache-Control"]
    with open(finders.find("img/favicon.svg"), "rb") as svg:
        assert ET.parse(svg).getroot().tag == "{http://www.w3.org/2000/svg}svg"
    assert client.head("/favicon.ico").status_code == 302  # link checkers and monitors ask with HEAD
    assert client.post("/favicon.ico").status_code == 405
    assert client.get("/en/favicon.ico").status_code == 404  # one address, as for robots.txt


def test_sitemap_index_lists_every_kind_and_each_serves_urls(client, demo):
    index = ET.fromstring(client.get("/sitemap.xml").content)
    locations = [loc.text for loc in index.iterfind("s:sitemap/s:loc", NS)]
    kinds = ["articles", "sections", "reporters", "organisations", "events"]
    assert locations == [f"http://testserver/sitemap-{kind}.xml" for kind in kinds]
    expected = {
        "articles": demo.get_absolute_url(),
        "sections": "/section/world/",
        "reporters": "/reporters/" + quote("강승원") + "/",
        "organisations": "/organisations/tcs/",
        "events": demo.events.get().get_absolute_url(),
    }
    for kind, path in expected.items():
        urls = [
            loc.text for loc in ET.fromstring(client.get(f"/sitemap-{kind}.xml").content).iterfind("s:url/s:loc", NS)
        ]
        assert "http://testserver" + path in urls, kind
    assert client.get("/sitemap-nope.xml").status_code == 404


def test_news_sitemap_has_the_last_48_hours_only(client, demo):
    fresh = ArticleFactory(
        published=True, headline="따끈한 R&D 기사", published_at=timezone.now() - datetime.timedelta(hours=3)
    )
    ArticleFactory(published=True, headline="사흘 전 기사", published_at=timezone.now() - datetime.timedelta(hours=49))
    response = client.get("/news-sitemap.xml")
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    urls = root.findall("s:url", NS)
    assert [url.findtext("s:loc", namespaces=NS) for url in urls] == ["http://testserver" + fresh.get_absolute_url()]
    news = urls[0].find("news:news", NS)
    assert news.findtext("news:publication/news:name", namespaces=NS) == "스마트시티저널"
    assert news.findtext("news:publication/news:language", namespaces=NS) == "ko"
    assert news.findtext("news:title", namespaces=NS) == "따끈한 R&D 기사"
    published = datetime.datetime.fromisoformat(news.findtext("news:publication_date", namespaces=NS))
    assert published == fresh.published_at.replace(microsecond=0)


@pytest.mark.parametrize("state", ["draft", "scheduled", "unpublished"])
def test_machines_never_see_an_article_readers_may_not(client, demo, state):
    traits = {} if state == "draft" else {state: True}
    hidden = ArticleFactory(
        **traits, headline="숨은 기사", section=demo.section, reporters=[ReporterFactory(slug="숨은기자")]
    )
    hidden.tags.set(["스마트시티"])
    assert not Article.objects.published().filter(pk=hidden.pk).exists()
    for url in [
        "/news-sitemap.xml",
        "/sitemap-articles.xml",
        "/feed/atom/",
        "/section/world/feed/",
        f"/tag/{quote('스마트시티')}/feed/atom/",
        f"/reporters/{quote('숨은기자')}/feed/",
        demo.get_absolute_url(),
    ]:
        body = client.get(url).content.decode()
        assert "숨은 기사" not in body and f"/news/{hidden.pk}/" not in body, url
