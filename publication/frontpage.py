"""What the front page shows: the editors' line-up, filled with the newest stories, then latest, sections, events.

One statement whatever the archive's size (it took five ORM queries, 4 ms of them building SQL in
Python): the curated stories, the newest stories, every section's newest few (each by its own walk
down `article_section_live_newest`), the bylines of all those stories, and upcoming and recent
events, as JSON (`newsroom.jsonrows` turns the rows into model instances). Readers see only
published stories: `LIVE` spells `ArticleQuerySet.published()` in SQL, and
tests/publication/test_front_page.py shows drafts, scheduled and withdrawn stories stay off.
"""

from dataclasses import dataclass, field
from functools import cache

from django.db import connections, router
from django.utils import timezone

from articles.lists import column_list, columns, story, story_json
from articles.models import Article, Section
from articles.models.article import LIVE_SQL
from events.models import Event
from newsroom.jsonrows import instance, quote
from publication.models import FrontPageStory

FEATURED_SLOTS = 4
LATEST_COUNT = 8
SECTION_BLOCK_SIZE = 4
UPCOMING_EVENTS = 3
RECENT_EVENTS = 4
# A section block is a list of links: headline and time under the section's name.
BLOCK_FIELDS = ("id", "slug", "headline", "published_at", "section_id")
LIVE = LIVE_SQL  # ArticleQuerySet.published(), in SQL


@dataclass
class LineUp:
    lead: Article | None = None
    featured: list = field(default_factory=list)
    latest: list = field(default_factory=list)
    sections: list = field(default_factory=list)  # [(section, [articles])]
    upcoming_events: list = field(default_factory=list)
    recent_events: list = field(default_factory=list)


@cache
def statement():
    """The SQL, built from the models' tables and the columns each part shows."""
    article, section = quote(Article._meta.db_table), quote(Section._meta.db_table)
    event, slot = quote(Event._meta.db_table), quote(FrontPageStory._meta.db_table)
    story = story_json()
    return f"""
        SELECT
          (SELECT coalesce(json_agg(json_build_object('story', {story}, 'is_lead', f.is_lead)
                                    ORDER BY f.is_lead DESC, f."order", f.id), '[]')
             FROM {slot} f JOIN {article} a ON a.id = f.article_id WHERE f.front_page_id = 1 AND {LIVE}),
          (SELECT coalesce(json_agg({story} ORDER BY a.published_at DESC, a.id DESC), '[]')
             FROM {article} a WHERE a.id IN (
               SELECT a.id FROM {article} a
                WHERE {LIVE} AND NOT EXISTS (SELECT 1 FROM {slot} f WHERE f.article_id = a.id AND f.front_page_id = 1)
                ORDER BY a.published_at DESC, a.id DESC LIMIT %(newest)s)),
          (SELECT coalesce(json_agg(json_build_object('section', row_to_json(s), 'articles', block.links)
                                    ORDER BY s."order", s.name), '[]')
             FROM {section} s CROSS JOIN LATERAL (
               SELECT json_agg({columns("a", Article, BLOCK_FIELDS)} ORDER BY a.published_at DESC, a.id DESC) AS links
                 FROM (SELECT {column_list("a", Article, BLOCK_FIELDS)} FROM {article} a
                        WHERE a.section_id = s.id AND {LIVE}
                        ORDER BY a.published_at DESC, a.id DESC LIMIT %(block)s) a) block
            WHERE block.links IS NOT NULL),
          (SELECT coalesce(json_agg(row_to_json(e) ORDER BY e.starts_at), '[]') FROM (
             SELECT * FROM {event} WHERE starts_at > %(now)s ORDER BY starts_at LIMIT %(upcoming)s) e),
          (SELECT coalesce(json_agg(row_to_json(e) ORDER BY e.starts_at DESC), '[]') FROM (
             SELECT * FROM {event} WHERE starts_at <= %(now)s ORDER BY starts_at DESC LIMIT %(recent)s) e)
    """  # noqa: S608 - table and column names from model metadata; every value is a parameter


def line_up():
    """The whole front page, in one query."""
    db = router.db_for_read(Article)
    top = 1 + FEATURED_SLOTS  # the lead and featured stories, which section blocks leave out
    parameters = {
        "published": Article.Status.PUBLISHED.value,
        "now": timezone.now(),
        "newest": top + LATEST_COUNT,
        "block": SECTION_BLOCK_SIZE + top,
        "upcoming": UPCOMING_EVENTS,
        "recent": RECENT_EVENTS,
    }
    with connections[db].cursor() as cursor:
        cursor.execute(statement(), parameters)
        curated, newest, blocks, upcoming, recent = cursor.fetchone()
    shared = {}  # one instance per section and reporter (articles.lists.story())
    lead = next((story(row["story"], db, shared) for row in curated if row["is_lead"]), None)
    featured = [story(row["story"], db, shared) for row in curated if not row["is_lead"]][:FEATURED_SLOTS]
    newest = [story(row, db, shared) for row in newest]
    if lead is None and newest:
        lead = newest.pop(0)
    while len(featured) < FEATURED_SLOTS and newest:
        featured.append(newest.pop(0))
    page = LineUp(lead=lead, featured=featured, latest=newest[:LATEST_COUNT])
    # Sections repeat the latest list (a reader scanning one section expects its newest), never the top stories.
    shown = {article.pk for article in [lead, *featured] if article is not None}
    for block in blocks:
        section = instance(Section, block["section"], db)
        links = [instance(Article, row, db) for row in block["articles"] if row["id"] not in shown]
        for link in links:
            Article.section.field.set_cached_value(link, section)
        if links:
            page.sections.append((section, links[:SECTION_BLOCK_SIZE]))
    page.upcoming_events = [instance(Event, row, db) for row in upcoming]
    page.recent_events = [instance(Event, row, db) for row in recent]
    return page
