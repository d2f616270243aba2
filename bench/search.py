#!/usr/bin/env python3
"""Benchmark article search: latency per query kind, index size, recall against a substring scan.

    .venv/bin/python bench/search.py            # 100,000 articles (a few minutes to load)
    .venv/bin/python bench/search.py --n 5000   # a quick run

Works in its own database (newsroom_bench on the same server, or
BENCH_DATABASE_URL), never the development one. See bench/README.md.
"""

import argparse
import csv
import io
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
from bench import archive

BENCH_DB = "newsroom_bench"

# Nouns of a city-news desk. The query set's terms are left out here and come from TOPICS,
# so each matches a known share of the archive.
NOUNS = (
    "서울시 정부 시민 도시 기술 정책 사업 계획 발표 회의 주민 지역 개발 환경 에너지 주택 시장 기업 산업 "
    "경제 투자 일자리 청년 노인 복지 교육 학교 병원 안전 도로 철도 지하철 버스 주차 공원 하천 "
    "데이터 플랫폼 서비스 센서 통신 네트워크 보안 행정 의회 위원회 전문가 연구원 대학 협력 국제 "
    "기후 탄소 배출 전기차 충전소 수소 태양광 건물 재개발 공공 민간 인구 고령화 저출산 관광 문화 축제 "
    "미래 혁신 전략 제도 법안 규제 조례 예측 분석 관리 운영 시설 장비 설치 확대 지원 참여 공유 개선"
).split()
PARTICLES = ["", "", "", "은", "는", "이", "가", "을", "를", "의", "에", "에서", "으로", "와", "과", "도", "만"]
ENDINGS = ["밝혔다", "발표했다", "추진한다", "논의했다", "강조했다", "계획이다", "예정이다", "설명했다", "전망이다"]
ENGLISH = "smart city cities data platform mobility sensor network Seoul AI IoT digital twin urban policy".split()
# (term, share of articles): the frequent ones match about a tenth of the archive.
TOPICS = [
    ("태풍 피해", 0.10),
    ("대중교통", 0.10),
    ("교통 혼잡", 0.05),
    ("재난 대응", 0.05),
    ("예산", 0.10),
    ("인공지능", 0.10),
    ("스마트시티", 0.08),
    ("세미나", 0.03),
    ("smart cities", 0.06),
    ("WeGo", 0.01),
    ("자율주행버스", 0.001),
    ("北京市推进智慧城市建设", 0.02),
    ("東京都はスマートシティ戦略を発表した", 0.02),
]
QUERIES = [
    ("ko 1-syllable", ["교", "숲"]),
    ("ko 2-syllable", ["교통", "태풍", "재난", "예산"]),
    ("ko 3-4-syllable", ["대중교통", "세미나", "스마트시티", "인공지능"]),
    ("ko with particle", ["스마트시티는", "세미나가"]),
    ("ko multi-word", ["스마트시티 교통", "태풍 피해 복구", "서울시 대중교통 예산"]),
    ("english", ["smart city", "cities", "WeGo", "digital twin"]),
    ("chinese", ["智慧城市", "北京"]),
    ("japanese", ["スマートシティ", "東京都"]),
    ("rare", ["자율주행버스", "wego 세미나"]),
]


def sentence(rng):
    words = [rng.choice(NOUNS) + rng.choice(PARTICLES) for _ in range(rng.randint(4, 8))]
    if rng.random() < 0.15:
        words.insert(rng.randrange(len(words)), rng.choice(ENGLISH))
    return " ".join(words) + " " + rng.choice(ENDINGS) + "."


def fake_article(rng):
    """(headline, deck, body html, tags) of one synthetic article, ~1,200 characters of body."""
    paragraphs = [" ".join(sentence(rng) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(4, 7))]
    headline = " ".join(rng.choice(NOUNS) for _ in range(rng.randint(3, 6)))
    for topic, share in TOPICS:
        if rng.random() < share:
            spot = rng.randrange(3)
            if spot == 0:
                headline = f"{topic}{rng.choice(PARTICLES)} {headline}"
            else:
                paragraphs.insert(rng.randrange(len(paragraphs) + 1), f"{topic}{rng.choice(PARTICLES)} {sentence(rng)}")
    deck = sentence(rng) if rng.random() < 0.5 else ""
    tags = rng.sample(NOUNS, 3)
    return headline[:200], deck[:300], "".join(f"<p>{p}</p>" for p in paragraphs), tags


def setup_database(fresh):
    """Point Django at a database of its own (made anew when fresh) and migrate it."""
    archive.use_database(BENCH_DB, fresh)


def copy_batch(cursor, rng, ids, now, section_id):
    """COPY one batch of synthetic articles, and their normalised text for the substring scan."""
    from django.utils import timezone

    from search.index import plain_text
    from search.tokenizer import normalise

    articles, texts = [], io.StringIO()
    text_rows = csv.writer(texts)
    for i in ids:
        headline, deck, body, tags = fake_article(rng)
        status = "published" if i % 20 else "draft"  # one in twenty is a draft readers never see
        published = now - timezone.timedelta(minutes=i)
        articles.append(archive.article_row(i + 1, headline, deck, body, tags, status, published, section_id))
        title_text = normalise(" \n ".join([headline, deck, " , ".join(tags)]))
        text_rows.writerow([i + 1, title_text + " \n " + normalise(plain_text(body)), title_text])
    texts.seek(0)
    archive.copy_articles(cursor, articles)
    cursor.copy_expert("COPY bench_text (id, text, title) FROM STDIN WITH (FORMAT csv)", texts)


def load(n, seed):
    """Empty the table and COPY n synthetic articles in, index included; returns seconds taken."""
    from django.db import connection
    from django.utils import timezone

    from articles.models import Section

    started = time.perf_counter()
    rng = random.Random(seed)
    section = Section.objects.get_or_create(slug="bench", defaults={"name": "벤치"})[0]
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE articles_article CASCADE")
        cursor.execute("DROP TABLE IF EXISTS bench_text")
        cursor.execute("CREATE TABLE bench_text (id bigint PRIMARY KEY, text text NOT NULL, title text NOT NULL)")

        def load_all():
            for first in range(0, n, 5000):
                copy_batch(cursor, rng, range(first, min(n, first + 5000)), now, section.pk)
                archive.progress(min(n, first + 5000), n)

        archive.without_search_index(cursor, load_all)
        cursor.execute("SELECT setval(pg_get_serial_sequence('articles_article', 'id'), %s)", [n + 1])
        cursor.execute("VACUUM ANALYZE articles_article")
        cursor.execute("VACUUM ANALYZE bench_text")
    return time.perf_counter() - started


def run_page(query):
    """What the search page asks of the database: the count and the first page with snippets."""
    from search.queries import search, with_snippets

    results, _ = search(query)
    count = results.count()
    with_snippets(results[0:20], query)
    return count


def baseline_ids(query, every):
    """Published articles whose normalised text holds every term: CJK as a substring, Latin as a whole word.

    Latin words are compared whole, not as substrings: 'city' should not find
    'publicity'. Stemming makes the engine find more than this ('cities' for
    'city'), which shows as precision below 1, not as lost recall.
    """
    from django.db import connection

    conditions, params = [], []
    column = "t.title" if query.is_single_character() else "t.text"
    for term in query.terms:
        for piece in term.text.replace("-", " ").split():
            if piece.isascii():
                # Not \m...\M: a Korean particle right after a Latin word ("wego는") is not a word boundary there.
                conditions.append(f"{column} ~ ('(^|[^a-z0-9])' || %s || '([^a-z0-9]|$)')")
            else:
                conditions.append(f"strpos({column}, %s) > 0")
            params.append(piece)
    joiner = " AND " if every else " OR "
    sql = (
        "SELECT t.id FROM bench_text t JOIN articles_article a ON a.id = t.id "  # noqa: S608 - fixed fragments
        f"WHERE a.status = 'published' AND a.published_at <= now() AND ({joiner.join(conditions)})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {row[0] for row in cursor.fetchall()}


def measure(text, repeat):
    """(hits, expected, recall, precision, p50 ms, p95 ms, timings) for one query.

    Hits are all the articles the page lists (and counts).
    """
    from search.queries import search
    from search.tokenizer import parse_query

    query = parse_query(text)
    run_page(query)  # warm the cache, as a live site is
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        run_page(query)
        timings.append((time.perf_counter() - started) * 1000)
    _, every = search(query)
    found = all_hits(query, every)
    expected = baseline_ids(query, every)
    recall = len(found & expected) / len(expected) if expected else 1.0
    precision = len(found & expected) / len(found) if found else 1.0
    return len(found), len(expected), recall, precision, percentile(timings, 50), percentile(timings, 95), timings


def all_hits(query, every):
    """Ids of every article the search matches, not only the newest window the page ranks."""
    from django.db import connection
    from django.utils import timezone

    from search.queries import hits_sql

    conditions, params = hits_sql(query, "AND" if every else "OR", {}, timezone.now())
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT e.article_id FROM search_entry e WHERE {conditions}", params)  # noqa: S608
        return {pk for (pk,) in cursor.fetchall()}


def percentile(values, pct):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def sizes():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_relation_size('search_entry_document'), sum(pg_column_size(document)),"
            " pg_total_relation_size('search_entry'), count(*) FROM search_entry"
        )
        return cursor.fetchone()


def report(n, repeat, extra=()):
    print(
        f"{'kind':<17} {'query':<22} {'hits':>7} {'substr':>7} {'recall':>6} {'prec.':>6} {'p50 ms':>7} {'p95 ms':>7}"
    )
    by_kind = {}
    for kind, texts in [*QUERIES, *([("extra", extra)] if extra else [])]:
        for text in texts:
            hits, expected, recall, precision, p50, p95, timings = measure(text, repeat)
            by_kind.setdefault(kind, []).extend(timings)
            row = f"{hits:>7} {expected:>7} {recall:>6.3f} {precision:>6.3f} {p50:>7.1f} {p95:>7.1f}"
            print(f"{kind:<17} {text:<22} {row}")
    print(f"\n{'kind':<17} {'p50 ms':>7} {'p95 ms':>7}   (count + first page of 20 with snippets)")
    for kind, timings in by_kind.items():
        print(f"{kind:<17} {percentile(timings, 50):>7.1f} {percentile(timings, 95):>7.1f}")
    gin, vectors, table, rows = sizes()
    mib = 1024 * 1024
    print(f"\narticles {rows:,}; GIN index {gin / mib:.1f} MiB; stored tsvectors {vectors / mib:.1f} MiB;", end=" ")
    print(f"search_entry with TOAST and indexes {table / mib:.1f} MiB")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=100_000, help="articles to generate (default 100,000)")
    parser.add_argument("--repeat", type=int, default=20, help="timed runs of each query (default 20)")
    parser.add_argument("--seed", type=int, default=20200805)
    parser.add_argument("--reuse", action="store_true", help="keep the articles of the last run when there are n")
    parser.add_argument("--extra", nargs="*", default=[], help="more queries to measure, e.g. --extra 정책 서울시")
    args = parser.parse_args()
    setup_database(fresh=not args.reuse)
    from articles.models import Article

    if not (args.reuse and Article.objects.count() == args.n):
        print(f"loading {args.n:,} articles in {load(args.n, args.seed):.0f} s", file=sys.stderr)
    report(args.n, args.repeat, args.extra)


if __name__ == "__main__":
    main()
