"""What the benchmarks share: a database of their own, and articles loaded with COPY, indexed by the site's code.

bench/search.py fills it with text built for measuring recall (topics at known
shares); bench/pages.py with a realistic archive (`load_realistic`): ten years
of publication times, four sections, twenty reporters, bodies of 1,500–4,000
characters, tags, organisations and events. Either way the search entries come
from `search.index.document`, the function the site itself indexes with.
"""

import csv
import io
import multiprocessing
import os
import random
import sys
from urllib.parse import urlsplit, urlunsplit

NULL = "<null>"
ARTICLE_COLUMNS = (
    "id, headline, deck, slug, body, status, created_at, updated_at, published_at, revised_at, section_id, version"
)
ENTRY_COLUMNS = "article_id, document, title, live_at"
COPY_OPTIONS = "WITH (FORMAT csv, NULL '<null>')"


def use_database(name, fresh=False):
    """Point this process (and its children, through DATABASE_URL) at database `name`, then migrate.

    The database lives on the site's server (the embedded PostgreSQL when
    DATABASE_URL is unset), or is BENCH_DATABASE_URL when that is set. Returns its URL.
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    from newsroom import devenv

    devenv.apply()
    if os.environ.get("BENCH_DATABASE_URL"):
        url = os.environ["BENCH_DATABASE_URL"]
    else:
        import psycopg2

        admin = psycopg2.connect(os.environ["DATABASE_URL"])
        admin.autocommit = True
        with admin.cursor() as cursor:
            if fresh:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if not cursor.fetchone():
                cursor.execute(f'CREATE DATABASE "{name}"')
        admin.close()
        url = urlunsplit(urlsplit(os.environ["DATABASE_URL"])._replace(path="/" + name))
    os.environ["DATABASE_URL"] = url
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    return url


def copy_rows(cursor, table, columns, rows):
    """COPY rows (lists of values; None is NULL) into table."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([NULL if value is None else value for value in row])
    buffer.seek(0)
    cursor.copy_expert(f"COPY {table} ({columns}) FROM STDIN {COPY_OPTIONS}", buffer)


def article_row(pk, headline, deck, body, tags, status, published_at, section_id, vectors=None):
    """(articles_article row, search_entry row) for COPY, indexed by the site's own code."""
    from search.index import document

    vector, title = vectors or document(headline, deck, body, tags, published_at)
    times = [published_at, published_at, published_at, None]  # created, updated, published, revised
    live_at = published_at if status == "published" else None  # Entry.live_at, as search/index.py writes it
    return [pk, headline, deck, f"a-{pk}", body, status, *times, section_id, 0], [pk, vector, title, live_at]


def copy_articles(cursor, rows):
    """COPY (article, entry) pairs from article_row()."""
    copy_rows(cursor, "articles_article", ARTICLE_COLUMNS, [article for article, _ in rows])
    copy_rows(cursor, "search_entry", ENTRY_COLUMNS, [entry for _, entry in rows])


def without_search_index(cursor, load):
    """Run load() with the big GIN index dropped, then build it once: far quicker than row by row."""
    cursor.execute("DROP INDEX IF EXISTS search_entry_document")
    load()
    cursor.execute("CREATE INDEX search_entry_document ON search_entry USING gin (document) WITH (fastupdate = off)")


def progress(done, total):
    print(f"  loaded {done:,} / {total:,}", file=sys.stderr, end="\r" if done < total else "\n")


# --- A realistic archive: a Korean safety trade paper -------------------------------------------

# Everyday nouns of the paper. The measured words are left out and added at known shares (SHARES).
NOUNS = (
    "서울시 정부 시민 도시 기술 정책 사업 계획 발표 회의 주민 지역 개발 환경 에너지 주택 시장 기업 산업 "
    "경제 투자 일자리 청년 노인 복지 교육 학교 병원 도로 철도 지하철 버스 주차 공원 하천 현장 점검 "
    "데이터 플랫폼 서비스 센서 통신 네트워크 보안 행정 의회 위원회 전문가 연구원 대학 협력 국제 사고 "
    "기후 탄소 배출 전기차 충전소 수소 태양광 건물 재개발 공공 민간 인구 고령화 관광 문화 축제 근로자 "
    "미래 혁신 전략 제도 법안 규제 조례 예측 분석 관리 운영 시설 장비 설치 확대 지원 참여 공유 개선 "
    "소방 경찰 예방 훈련 매뉴얼 보험 건설 공사 화재 점검표 위험 대책 기준 인증 교육생 지자체 장관"
).split()
PARTICLES = ["", "", "", "은", "는", "이", "가", "을", "를", "의", "에", "에서", "으로", "와", "과", "도", "만"]
ENDINGS = ["밝혔다", "발표했다", "추진한다", "논의했다", "강조했다", "계획이다", "예정이다", "설명했다", "전망이다"]
# The words the page benchmark searches for, and the share of articles that hold each.
COMMON_WORD, FREQUENT_WORD, FIVE_PERCENT_WORD, RARE_WORD = "안전", "교통", "태풍", "자율주행버스"
SHARES = [(COMMON_WORD, 0.85), (FREQUENT_WORD, 0.45), (FIVE_PERCENT_WORD, 0.05)]
# The rare word is in about this many articles whatever the archive's size, so its results page shows
# the same (two pages of hits) at 2,000 articles and at 100,000, and the two sizes compare like for like.
RARE_COUNT = 40


def shares(n):
    """(word, share of articles) for an archive of n articles."""
    return [*SHARES, (RARE_WORD, min(1.0, RARE_COUNT / n))]


LIST_TAG = "스마트시티"  # on about a tenth of the articles
TAGS = "산업안전 교통안전 재난 건설 소방 화재 안전교육 규제 정책 기후 에너지 철도 항공 해양 물류".split()
SECTION_WEIGHTS = {"safety": 34, "policy": 25, "industry": 23, "world": 18}  # the big one: safety
REPORTERS = 20
YEARS = 10
DRAFT_SHARE = 0.03


def sentence(rng):
    words = [rng.choice(NOUNS) + rng.choice(PARTICLES) for _ in range(rng.randint(4, 9))]
    return " ".join(words) + " " + rng.choice(ENDINGS) + "."


def realistic_text(rng, word_shares):
    """(headline, deck, body html) of 1,500-4,000 characters, the measured words at their shares."""
    length = rng.randint(1500, 4000)
    paragraphs, size = [], 0
    while size < length:
        paragraph = " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))
        paragraphs.append(paragraph)
        size += len(paragraph)
    headline = " ".join(rng.choice(NOUNS) for _ in range(rng.randint(3, 6)))
    for word, share in word_shares:
        if rng.random() < share:
            if rng.random() < 0.2:
                headline = f"{word}{rng.choice(PARTICLES)} {headline}"
            spot = rng.randrange(len(paragraphs))
            paragraphs[spot] = f"{word}{rng.choice(PARTICLES)} {paragraphs[spot]}"
    deck = sentence(rng) if rng.random() < 0.6 else ""
    return headline[:200], deck[:300], "".join(f"<p>{p}</p>" for p in paragraphs)


def load_realistic(n, seed=20200806, batch=2000):
    """Add n articles (a few drafts among them) to a database holding the demo content."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone
    from taggit.models import Tag

    from articles.models import Article, Section
    from events.models import Event
    from organisations.models import Organisation
    from reporters.models import Reporter
    from search.index import document

    rng = random.Random(seed)
    word_shares = shares(n)
    sections = {section.slug: section.pk for section in Section.objects.all()}
    section_ids = [sections[slug] for slug in SECTION_WEIGHTS]
    weights = list(SECTION_WEIGHTS.values())
    reporters = [Reporter.objects.get(slug="강승원").pk] + [
        Reporter.objects.get_or_create(slug=f"기자{i:02}", defaults={"name": f"기자{i:02}", "title": "기자"})[0].pk
        for i in range(1, REPORTERS)
    ]
    tags = {name: Tag.objects.get_or_create(name=name, defaults={"slug": name})[0].pk for name in [LIST_TAG, *TAGS]}
    organisation = Organisation.objects.get(slug="tcs").pk
    event = Event.objects.order_by("pk").first().pk
    content_type = ContentType.objects.get_for_model(Article).pk
    now = timezone.now()
    span = YEARS * 365 * 86400
    # A newsroom writes its stories one after another: ids follow publication times, oldest first, as in
    # a real archive (a month's stories sit together on disk, which is what reading a month costs).
    moments = sorted(now - timezone.timedelta(seconds=rng.randrange(60, span)) for _ in range(n))
    first = (Article.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    # Indexing is most of the work: every core shares it. Fork with no database connection open,
    # so no child can close the parent's.
    connection.close()
    pool = multiprocessing.get_context("fork").Pool(os.cpu_count())
    with pool, transaction.atomic(), connection.cursor() as cursor:
        # Django's foreign keys are checked at commit; the index cannot be built with checks pending.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")

        def load():
            for start in range(first, first + n, batch):
                ids = range(start, min(first + n, start + batch))
                articles, bylines, tagged, organisations, events = [], [], [], [], []
                texts = [realistic_text(rng, word_shares) for _ in ids]
                names_of = [
                    rng.sample(TAGS, rng.randint(1, 3)) + ([LIST_TAG] if rng.random() < 0.1 else []) for _ in ids
                ]
                states = ["draft" if rng.random() < DRAFT_SHARE else "published" for _ in ids]
                times = moments[start - first : start - first + len(ids)]
                jobs = [(*text, names, at) for text, names, at in zip(texts, names_of, times, strict=True)]
                vectors = pool.starmap(document, jobs)
                for pk, (headline, deck, body), names, vector, status, published in zip(
                    ids, texts, names_of, vectors, states, times, strict=True
                ):
                    section = rng.choices(section_ids, weights)[0]
                    row = article_row(pk, headline, deck, body, names, status, published, section, vector)
                    articles.append(row)
                    for order, reporter in enumerate(rng.sample(reporters, 2 if rng.random() < 0.1 else 1)):
                        bylines.append([pk, reporter, order])
                    tagged += [[tags[name], content_type, pk] for name in names]
                    if rng.random() < 0.05:
                        organisations.append([pk, organisation])
                    if rng.random() < 0.01:
                        events.append([pk, event])
                copy_articles(cursor, articles)
                copy_rows(cursor, "articles_byline", '"article_id", "reporter_id", "order"', bylines)
                copy_rows(cursor, "taggit_taggeditem", "tag_id, content_type_id, object_id", tagged)
                copy_rows(cursor, "articles_article_organisations", "article_id, organisation_id", organisations)
                copy_rows(cursor, "articles_article_events", "article_id, event_id", events)
                progress(ids[-1] - first + 1, n)

        without_search_index(cursor, load)
        cursor.execute("SELECT setval(pg_get_serial_sequence('articles_article', 'id'), %s)", [first + n])
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
