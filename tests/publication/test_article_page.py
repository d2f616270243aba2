"""The article page as Korean papers show it, and what it links to: published articles only."""

import datetime
import re

import pytest
from django.utils import timezone

from articles.models import Article
from articles.page import published_article
from tests.factories import (
    ArticleFactory,
    EventFactory,
    OrganisationFactory,
    ReporterFactory,
    SectionFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db


def text(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def hours_ago(hours):
    return timezone.now() - datetime.timedelta(hours=hours)


def test_the_page_has_what_a_korean_paper_shows(client, demo):
    page = text(client.get(demo.get_absolute_url()))
    for expected in [
        '<a class="kicker" href="/section/world/">국제</a>',
        demo.headline,
        demo.deck,
        "강승원 기자</a>",
        '<a href="mailto:reporter@example.com" class="email">reporter@example.com</a>',
        "입력 <time",
        "한중일 스마트시티 온라인 세미나를 표현한 그래픽",
        "ⓒ 뉴스룸 그래픽",
        "취재한 세션",
        "1. 각국 스마트시티 추진 기관",
        "3. 기업이 보는 스마트시티",
        "#스마트시티",
        "기사 속 기관",
        "저작권자 © 스마트시티저널 무단전재 및 재배포 금지",
        "글자 크게",
        "링크 복사",
    ]:
        assert expected in page, expected


def test_share_links_need_no_third_party_script(client, demo):
    page = text(client.get(demo.get_absolute_url()))
    assert "https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2Ftestserver%2Fnews%2F" in page
    assert "https://twitter.com/intent/tweet?url=http%3A%2F%2Ftestserver%2Fnews%2F" in page
    assert "mailto:?subject=" in page
    scripts = re.findall(r"<script[^>]*>", page)
    assert scripts[0] == '<script type="application/ld+json">'
    assert '<script src="/static/js/article.js" defer>' in scripts
    assert all(re.match(r'<script src="/static/[^"]+" defer>$', tag) for tag in scripts[1:])


def test_the_page_has_no_inline_script_handlers_or_style_attributes(client, demo):
    """A Content Security Policy is coming: only static files may carry code and style."""
    page = text(client.get(demo.get_absolute_url()))
    assert not re.search(r"\son[a-z]+=", page)
    assert " style=" not in page
    assert "javascript:" not in page
    inline = re.findall(r"<script(?![^>]*(?:src=|application/ld\+json))[^>]*>", page)
    assert inline == []


def test_body_links_are_underlined_and_the_page_has_a_print_style():
    css = open("static/css/site.css", encoding="utf-8").read()
    assert re.search(r"\.body a\s*\{[^}]*text-decoration:\s*underline", css)
    assert "@media print" in css


def test_description_meta_is_plain_text_escaped_once(client):
    article = ArticleFactory(published=True, deck="", body='<p>R&amp;D 투자 <b>3배</b> &lt;확대&gt; "따옴표"</p>')
    page = text(client.get(article.get_absolute_url()))
    assert '<meta name="description" content="R&amp;D 투자 3배 &lt;확대&gt; &quot;따옴표&quot;">' in page
    assert "&amp;amp;" not in page


@pytest.fixture
def world():
    return SectionFactory(name="국제", slug="world-news")


def test_related_articles_share_a_tag_organisation_or_event_newest_first(client, world):
    organisation, event = OrganisationFactory(), EventFactory()
    article = ArticleFactory(published=True, section=world, tags=["스마트시티"])
    article.organisations.add(organisation)
    article.events.add(event)
    ArticleFactory(published=True, headline="태그가 같은 기사", published_at=hours_ago(3), tags=["스마트시티"])
    by_org = ArticleFactory(published=True, headline="기관이 같은 기사", published_at=hours_ago(2))
    by_org.organisations.add(organisation)
    by_event = ArticleFactory(published=True, headline="행사가 같은 기사", published_at=hours_ago(4))
    by_event.events.add(event)
    ArticleFactory(published=True, headline="상관없는 기사", tags=["다른태그"])
    for hidden in [ArticleFactory(tags=["스마트시티"]), ArticleFactory(scheduled=True, tags=["스마트시티"])]:
        hidden.headline = "숨은 관련 기사"
        hidden.save()
    withdrawn = ArticleFactory(unpublished=True, headline="내린 관련 기사", tags=["스마트시티"])
    assert withdrawn
    page = text(client.get(article.get_absolute_url()))
    related = page[page.index('class="related"') :]
    related = related[: related.index("</section>")]
    assert re.findall(r">([^<>]+ 기사)</a>", related) == ["기관이 같은 기사", "태그가 같은 기사", "행사가 같은 기사"]
    assert "숨은 관련 기사" not in page and "내린 관련 기사" not in page and "상관없는 기사" not in page


def test_related_articles_come_from_each_tags_latest_links_only(client, world, monkeypatch):
    """A common tag carries thousands of stories: only the ones linked to it last are candidates."""
    monkeypatch.setattr("articles.page.RELATED_CANDIDATES", 2)
    article = ArticleFactory(published=True, section=world, tags=["교통"])
    linked_first = ArticleFactory(published=True, headline="먼저 붙은 기사", published_at=hours_ago(1), tags=["교통"])
    for n in range(2):
        ArticleFactory(published=True, headline=f"나중 기사 {n}", published_at=hours_ago(5 + n), tags=["교통"])
    page = text(client.get(article.get_absolute_url()))
    related = page[page.index('class="related"') :]
    assert "나중 기사 0" in related and "나중 기사 1" in related
    assert linked_first.headline not in related  # created first: past the bound, though published last
    for state in ["draft", "scheduled", "in_review", "unpublished"]:  # stories readers cannot see take no place
        ArticleFactory(**({} if state == "draft" else {state: True}), tags=["교통"])
    related = text(client.get(article.get_absolute_url()))
    assert "나중 기사 0" in related and "나중 기사 1" in related


def test_sessions_list_newest_event_first_then_in_order(client, world):
    article = ArticleFactory(published=True, section=world)
    older = EventFactory(title="지난해 포럼", starts_at=hours_ago(24 * 365))
    newer = EventFactory(title="올해 포럼", starts_at=hours_ago(24))
    for event in [older, newer]:  # created oldest first, so their ids run the other way from the page's order
        for order in (2, 1):
            article.sessions.add(SessionFactory(event=event, order=order, title=f"{event.title} 세션 {order}"))
    page = text(client.get(article.get_absolute_url()))
    titles = re.findall(r"· \d+\. ([^<]+ 세션 \d)</li>", page)
    assert titles == ["올해 포럼 세션 1", "올해 포럼 세션 2", "지난해 포럼 세션 1", "지난해 포럼 세션 2"]


def test_one_query_brings_every_relation_the_page_shows(demo, django_assert_num_queries):
    from articles.models import Article
    from articles.page import load_relations

    article = load_relations(Article.objects.for_page().get(pk=demo.pk))
    with django_assert_num_queries(0):
        shown = {
            "bylines": [byline.reporter.name for byline in article.ordered_bylines()],
            "tags": [tag.name for tag in article.tags.all()],
            "organisations": [str(organisation) for organisation in article.organisations.all()],
            "events": [event.title for event in article.events.all()],
            "sessions": [(session.event.slug, session.order) for session in article.sessions.all()],
            "corrections": list(article.corrections.all()),
        }
    fresh = Article.objects.get(pk=demo.pk)
    assert shown["bylines"] == [byline.reporter.name for byline in fresh.bylines.order_by("order", "id")]
    assert sorted(shown["tags"]) == sorted(tag.name for tag in fresh.tags.all()) and shown["tags"]
    assert shown["organisations"] == [str(organisation) for organisation in fresh.organisations.all()]
    assert shown["events"] == [event.title for event in fresh.events.all()] and shown["events"]
    assert shown["sessions"] == [(s.event.slug, s.order) for s in fresh.sessions.order_by("event", "order")]
    assert shown["sessions"]
    events = list(article.events.all())
    assert events[0].starts_at == fresh.events.all()[0].starts_at  # columns come back as the fields read them


def test_an_article_with_nothing_shared_has_no_related_heading(client):
    article = ArticleFactory(published=True)
    assert "관련 기사" not in text(client.get(article.get_absolute_url()))


def test_previous_and_next_stay_in_the_section_and_in_published(client, world):
    older = ArticleFactory(published=True, section=world, headline="앞 기사", published_at=hours_ago(10))
    ArticleFactory(section=world, headline="사이 초고", published_at=None)
    article = ArticleFactory(published=True, section=world, published_at=hours_ago(5))
    ArticleFactory(unpublished=True, section=world, headline="내린 기사", published_at=hours_ago(4))
    ArticleFactory(published=True, headline="다른 섹션 기사", published_at=hours_ago(3))
    newer = ArticleFactory(published=True, section=world, headline="뒤 기사", published_at=hours_ago(2))
    ArticleFactory(scheduled=True, section=world, headline="예약 기사")
    page = text(client.get(article.get_absolute_url()))
    nav = page[page.index('class="neighbours"') :]
    assert f'href="{older.get_absolute_url()}" rel="prev"' in nav and "앞 기사" in nav
    assert f'href="{newer.get_absolute_url()}" rel="next"' in nav and "뒤 기사" in nav
    for hidden in ["사이 초고", "내린 기사", "다른 섹션 기사", "예약 기사"]:
        assert hidden not in page


def test_sessions_the_article_covers_link_to_their_event(client):
    session = SessionFactory(title="수도 세션")
    article = ArticleFactory(published=True, reporters=[ReporterFactory(email="kang@example.com")])
    article.sessions.add(session)
    page = text(client.get(article.get_absolute_url()))
    assert (
        f'<a href="{session.event.get_absolute_url()}">{session.event.title}</a> · {session.order}. 수도 세션' in page
    )
    assert "kang@example.com" in page


def test_the_page_reads_exactly_the_articles_readers_may_see(client, editor):
    """articles.page.published_article() spells published().for_page() in SQL: each state, each side of now."""
    now = timezone.now()
    cases = {
        "live": ArticleFactory(published=True, published_at=now - datetime.timedelta(minutes=1)),
        "scheduled": ArticleFactory(published=True, published_at=now + datetime.timedelta(minutes=5)),
        "draft": ArticleFactory(),
        "in review": ArticleFactory(status=Article.Status.IN_REVIEW),
        "withdrawn": ArticleFactory(published=True),
    }
    cases["withdrawn"].unpublish(editor)
    for name, article in cases.items():
        expected = Article.objects.published().filter(pk=article.pk).exists()
        assert (published_article(article.pk) is not None) == expected == (name == "live"), name
        assert client.get(article.get_absolute_url()).status_code == (200 if expected else 404), name
    live = published_article(cases["live"].pk)
    reference = Article.objects.for_page().get(pk=live.pk)
    assert [getattr(live, f.attname) for f in Article._meta.concrete_fields] == [
        getattr(reference, f.attname) for f in Article._meta.concrete_fields
    ]
    assert (live.section, live.lead_photo) == (reference.section, reference.lead_photo)
