"""The /search/ page as a reader meets it: odd input, filters, pages, highlights, a fixed number of queries."""

import datetime

import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, ReporterFactory, SectionFactory

pytestmark = pytest.mark.django_db


def results(response):
    return [article.pk for article in response.context["page"]] if response.context["page"] else []


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "!!!",
        "\x00",
        "태풍\x00피해",
        "가" * 10_000,
        "' OR 1=1 --",
        "교통 & !재난 | (x:*",
        "\\ \\' ''",
        "스마트city智慧スマート",
        "🙂🌀",
        "<script>alert(1)</script>",
    ],
)
def test_odd_query_is_answered_without_error(client, query):
    ArticleFactory(published=True, headline="태풍 피해")
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"date_from": "2020-99-01"},
        {"date_from": "0001-01-01"},
        {"date_to": "99999-12-31"},
        {"date_from": "2024-05-01", "date_to": "2024-04-01"},
        {"reporter": "없는-기자"},
        {"section": "\x00"},
        {"section": ["world", "policy"]},
        {"page": "1", "q": ["교통", "태풍"]},  # a repeated parameter: the last one counts
    ],
)
def test_bad_filter_is_shown_as_an_error_and_the_words_still_searched(client, params):
    article = ArticleFactory(published=True, headline="태풍 북상")
    response = client.get("/search/", {"q": "태풍", **params})
    assert response.status_code == 200
    assert article.pk in results(response)


def test_bad_date_says_so(client):
    response = client.get("/search/", {"q": "태풍", "date_from": "2020-99-01"})
    assert response.context["form"].errors["date_from"]
    assert 'class="errors"' in response.content.decode()


def test_long_query_is_cut_with_a_note(client):
    article = ArticleFactory(published=True, headline="태풍 북상")
    response = client.get("/search/", {"q": "태풍 " + "가" * 500})
    assert "검색어가 너무 길어 앞 100자만 찾았습니다." in response.content.decode()
    assert results(response) == [article.pk]


def test_query_is_kept_in_the_box_and_matches_are_marked(client):
    body = "<p>스마트시티 <b>사업</b>이 시작됐다.</p>"
    ArticleFactory(published=True, headline="부산 스마트시티는 어디로", body=body)
    content = client.get("/search/", {"q": "스마트시티"}).content.decode()
    assert 'value="스마트시티"' in content
    assert "부산 <mark>스마트시티</mark>는 어디로" in content
    assert "<mark>스마트시티</mark> 사업이 시작됐다." in content
    assert "검색 결과 1건" in content


def test_filters_narrow_by_section_reporter_and_dates(client):
    world, policy = SectionFactory(slug="world", name="국제"), SectionFactory(slug="policy", name="정책")
    reporter = ReporterFactory(slug="강승원")
    long_ago = timezone.now() - datetime.timedelta(days=400)
    wanted = ArticleFactory(published=True, headline="태풍 북상", section=world, reporters=[reporter])
    ArticleFactory(published=True, headline="태풍 대비", section=policy, reporters=[reporter])
    ArticleFactory(published=True, headline="태풍 피해", section=world)
    old = {"status": Article.Status.PUBLISHED, "published_at": long_ago, "section": world, "reporters": [reporter]}
    ArticleFactory(headline="태풍 과거", **old)
    since = (timezone.localdate() - datetime.timedelta(days=7)).isoformat()
    response = client.get("/search/", {"q": "태풍", "section": "world", "reporter": "강승원", "date_from": since})
    assert results(response) == [wanted.pk]


def test_pages_keep_the_query_and_the_count_of_queries_stays_fixed(client, settings, django_assert_max_num_queries):
    settings.PAGE_CACHE_SECONDS = 0  # the page as rendered: a stored page would need the next publication time
    for _ in range(25):
        ArticleFactory(published=True, headline="태풍 소식", tags=["재난"])
    client.get("/search/")  # the footer's site details are cached after the first page, as on a running site
    with django_assert_max_num_queries(4):
        response = client.get("/search/", {"q": "태풍 재난", "section": ""})
    first = results(response)
    assert len(first) == 20
    assert "검색 결과 25건" in response.content.decode()
    assert 'href="?q=%ED%83%9C%ED%92%8D+%EC%9E%AC%EB%82%9C&amp;section=&amp;page=2"' in response.content.decode()
    with django_assert_max_num_queries(4):
        second = results(client.get("/search/", {"q": "태풍 재난", "page": "2"}))
    assert len(second) == 5
    assert set(first).isdisjoint(second)


def test_empty_search_page_asks_for_words_and_runs_no_search(client, settings, django_assert_max_num_queries):
    settings.PAGE_CACHE_SECONDS = 0  # the page as rendered
    client.get("/search/")  # warm the cached footer details and section menu, as on a running site
    with django_assert_max_num_queries(2):
        response = client.get("/search/")
    assert response.status_code == 200
    assert response.context["page"] is None


def test_one_character_query_says_it_searches_titles_only(client):
    titled = ArticleFactory(published=True, headline="숲길 걷기")
    ArticleFactory(published=True, headline="무관", body="<p>숲에서</p>")
    response = client.get("/search/", {"q": "숲"})
    assert results(response) == [titled.pk]
    assert "한 글자 검색어는 제목·부제·태그에서만 찾습니다." in response.content.decode()


def test_page_says_when_no_article_has_every_word(client):
    some = ArticleFactory(published=True, headline="태풍 북상")
    response = client.get("/search/", {"q": "태풍 스마트시티"})
    assert results(response) == [some.pk]
    assert "모든 낱말이 들어간 기사가 없어" in response.content.decode()


def test_query_with_no_hits_says_nothing_was_found(client):
    ArticleFactory(published=True, headline="태풍 북상")
    content = client.get("/search/", {"q": "폭염"}).content.decode()
    assert "검색 결과 0건" in content
    assert "찾는 기사가 없습니다." in content
    assert "찾을 낱말이 없습니다" not in content


def test_dates_are_days_of_the_papers_zone(client):
    # 00:30 on 7 August in Seoul is still 6 August in UTC: the reader's day is the paper's.
    early = datetime.datetime(2020, 8, 7, 0, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=9)))
    article = ArticleFactory(status=Article.Status.PUBLISHED, published_at=early, headline="태풍 북상")
    same_day = {"q": "태풍", "date_from": "2020-08-07", "date_to": "2020-08-07"}
    assert results(client.get("/search/", same_day)) == [article.pk]
    for day in ("2020-08-06", "2020-08-08"):
        assert results(client.get("/search/", {"q": "태풍", "date_from": day, "date_to": day})) == []


@pytest.mark.parametrize("page", ["0", "3", "99", "1000000", "-1", "１"])
def test_a_page_past_the_results_or_not_a_page_is_a_404(client, page):
    for _ in range(25):
        ArticleFactory(published=True, headline="태풍 소식")
    assert client.get("/search/", {"q": "태풍", "page": "2"}).status_code == 200
    assert client.get("/search/", {"q": "태풍", "page": page}).status_code == 404


def test_a_match_near_the_start_opens_the_snippet_without_an_ellipsis(client):
    body = "<p>스마트시티 사업이 시작됐다.</p>" + "<p>" + "도시 정책 회의가 열렸다. " * 200 + "</p>"
    ArticleFactory(published=True, headline="무관한 제목", body=body)
    content = client.get("/search/", {"q": "스마트시티"}).content.decode()
    assert '<p class="snippet"><mark>스마트시티</mark> 사업이 시작됐다. 도시 정책 회의가 열렸다.' in content


def test_a_word_written_otherwise_in_the_html_still_gets_a_snippet(client):
    filler = "<p>" + "도시 정책 회의가 열렸다. " * 80 + "</p>"
    body = filler + "<p>R&amp;D 예산이 늘었다.</p>" + filler  # the HTML holds '&amp;', the reader types '&'
    ArticleFactory(published=True, headline="무관한 제목", body=body)
    content = client.get("/search/", {"q": "R&D"}).content.decode()
    assert "열렸다. <mark>R</mark>&amp;<mark>D</mark> 예산이 늘었다. 도시 정책" in content


def test_the_statement_carries_a_stretch_of_a_long_body_not_all_of_it():
    from search import queries
    from search.tokenizer import parse_query

    filler = "<p>" + "도시 정책 회의가 열렸다. " * 100 + "</p>"
    ArticleFactory(published=True, headline="무관한 제목", body=filler * 4 + "<p>자율주행버스 운행</p>" + filler * 4)
    results_, _ = queries.search(parse_query("자율주행버스"))
    (story,) = results_[0:20]
    window = story.snippet_window
    assert len(window["text"]) <= 3 * queries.SNIPPET_SOURCE + 1
    assert window["text"][window["match"] :].startswith("자율주행버스")
    source, before, after = queries.snippet_source(window)
    assert "자율주행버스 운행" in source and before and after


def test_a_window_that_opens_or_closes_inside_a_tag_shows_no_piece_of_it(client):
    def link(fill):
        return f'<a href="https://example.com/{fill * 500}">링크</a>'

    around = "가" * 10 + "자율주행버스 운행" + "나" * 20
    body = "<p>" + "가" * 600 + link("x") + around + link("y") + "다" * 1000 + "</p>"
    ArticleFactory(published=True, headline="무관한 제목", body=body)
    content = client.get("/search/", {"q": "자율주행버스"}).content.decode()
    snippet = content[content.index('<p class="snippet">') :]
    snippet = snippet[: snippet.index("</p>")]
    assert "링크가가가가가가가가가가<mark>자율주행버스</mark> 운행나나" in snippet
    assert "xxx" not in snippet and "yyy" not in snippet and "&lt;" not in snippet and "&quot;" not in snippet
    assert snippet.startswith('<p class="snippet">…') and snippet.endswith("…")


@pytest.mark.parametrize(
    ("tail", "kept"),
    [
        ('<a href="https://exam', ""),  # a tag the window closes inside
        ("R&am", "R"),  # an entity
        ("R&amp;D 예산", "R&amp;D 예산"),  # whole: kept
        ("<b>예산</b>", "<b>예산</b>"),
    ],
)
def test_a_window_closing_inside_a_tag_or_entity_drops_the_piece(tail, kept):
    from search.queries import SNIPPET_SOURCE, snippet_source

    head = "가" * 10 + "자율주행버스 "
    filler = "나" * (2 * SNIPPET_SOURCE - len(tail) - 7)
    window = {"text": head + filler + tail + "+", "match": 10, "opens": 0}  # "+": the body goes on
    assert snippet_source(window) == (head + filler + kept, False, True)


@pytest.mark.parametrize(
    "body",
    [
        "<h2>제목</h2><p>본문 <strong>굵게</strong> R&amp;D &lt;script&gt; 3 &gt; 2</p>"
        "<ul><li>하나</li><li>둘</li></ul>",
        '<p>링크 <a href="https://example.com/?a=1&amp;b=2" title="x > y">여기</a></p><blockquote>인용</blockquote>',
        "<p>보이지 않는<script>alert(1)</script> 스크립트와 <!-- 주석 --> 줄<br>바꿈</p>"
        "<table><tr><td>칸</td></tr></table>",
        '<figure data-photo-id="abc"></figure><p>사진 뒤 &nbsp; 공백   여럿\n줄</p>',
    ],
)
def test_window_text_reads_a_sanitised_body_as_the_index_does(body):
    from articles.richtext import sanitize_body
    from search.index import plain_text
    from search.queries import window_text

    clean = sanitize_body(body)
    assert window_text(clean) == plain_text(clean)
    for cut in range(0, len(clean), 7):  # windows start at a tag's end or in text (snippet_source drops the rest)
        piece = clean[cut:]
        if "<" in piece and ">" in piece[: piece.index("<")]:
            continue
        assert window_text(piece) == plain_text(piece), piece


def test_a_plain_search_prints_its_filters_from_a_shared_fragment_and_a_filtered_one_its_own(client, monkeypatch):
    from search import forms

    section = SectionFactory(slug="world", name="국제")
    ArticleFactory(published=True, section=section, headline="스마트시티 소식")
    client.get("/search/", {"q": "스마트시티"})  # the filters' fragment is made
    read = []
    for name in ("nav_sections", "reporter_choices"):
        original = getattr(forms, name)
        monkeypatch.setattr(forms, name, lambda original=original, name=name: read.append(name) or original())
    plain = client.get("/search/", {"q": "스마트시티"}).content.decode()
    assert '<option value="world">국제</option>' in plain
    assert read == []  # no choices were read: nothing to check, nothing to print
    filtered = client.get("/search/", {"q": "스마트시티", "section": "world"}).content.decode()
    assert '<option value="world" selected>국제</option>' in filtered
    assert "nav_sections" in read
    section.name = "세계"
    section.save()  # a change readers see: the next plain search shows it
    assert '<option value="world">세계</option>' in client.get("/search/", {"q": "스마트시티"}).content.decode()
