"""What the front page shows: the editors' line-up, filled with the newest stories, then latest, sections, events.

Five queries whatever the archive's size: the curated stories, the newest
stories, one query for every section's block (links only, each section's newest by its index),
the bylines of the stories that print them, and one for upcoming and recent
events together.
"""

from dataclasses import dataclass, field

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import F, OuterRef, Prefetch, prefetch_related_objects
from django.db.models.expressions import RawSQL
from django.utils import timezone

from articles.models import Article, Byline, Section
from articles.models.article import BYLINES_ATTR
from events.models import Event
from photos.templatetags.photos import PICTURE_FIELDS

FEATURED_SLOTS = 4
LATEST_COUNT = 8
SECTION_BLOCK_SIZE = 4
UPCOMING_EVENTS = 3
RECENT_EVENTS = 4
# A list shows headline, deck, photo, section and time: only those columns (and the bylines, prefetched).
LIST_FIELDS = (
    *("headline", "deck", "slug", "published_at", "section", "section__name", "section__slug", "lead_photo"),
    *(f"lead_photo__{name}" for name in PICTURE_FIELDS),
)
BYLINE_FIELDS = ("article_id", "order", "reporter__name", "reporter__slug", "reporter__title")
# A section block is a list of links: headline and time under the section's name.
BLOCK_FIELDS = ("pk", "slug", "headline", "published_at", "section", "section__name", "section__slug", "section__order")


@dataclass
class LineUp:
    lead: Article | None = None
    featured: list = field(default_factory=list)
    latest: list = field(default_factory=list)
    sections: list = field(default_factory=list)  # [(section, [articles])]
    upcoming_events: list = field(default_factory=list)
    recent_events: list = field(default_factory=list)

    def with_bylines(self):
        """The article objects whose bylines the page prints: the lead story and the latest list."""
        return [article for article in [self.lead, *self.latest] if article is not None]


def for_front_page(queryset):
    return queryset.select_related("section", "lead_photo").only(*LIST_FIELDS)


def curated_stories():
    """The editors' choices that readers may see now, the lead first, then featured in their order."""
    return list(
        for_front_page(Article.objects.published().filter(front_page_slots__front_page_id=1))
        .annotate(slot_is_lead=F("front_page_slots__is_lead"))
        .order_by("-front_page_slots__is_lead", "front_page_slots__order", "front_page_slots__id")
    )


def section_blocks(exclude_ids):
    """[(section, newest articles)] for every section with stories, in menu order: one query.

    Each section's newest few come from its own walk down `article_section_live_newest` (an
    array subquery per section, a handful of rows), so the cost is the same at 2,000 articles
    or 100,000; a window function over every published article read them all (150 ms at 100k).
    """
    newest = (
        Article.objects.published()
        .exclude(pk__in=exclude_ids)
        .filter(section=OuterRef("pk"))
        .order_by("-published_at", "-id")
        .values("pk")[:SECTION_BLOCK_SIZE]
    )
    sql, params = Section.objects.annotate(ids=ArraySubquery(newest)).values("ids").query.sql_with_params()
    ranked = (
        Article.objects.filter(pk__in=RawSQL(f"SELECT unnest(blocks.ids) FROM ({sql}) blocks", params))  # noqa: S608, S611 - our own compiled SQL
        .select_related("section")
        .only(*BLOCK_FIELDS)
        .order_by("section__order", "section__name", "-published_at", "-id")
    )
    blocks = {}
    for article in ranked:
        blocks.setdefault(article.section_id, (article.section, []))[1].append(article)
    return list(blocks.values())


def events():
    """(upcoming soonest first, recent latest first) in one query."""
    now = timezone.now()
    upcoming = Event.objects.filter(starts_at__gt=now).order_by("starts_at")[:UPCOMING_EVENTS]
    recent = Event.objects.filter(starts_at__lte=now).order_by("-starts_at")[:RECENT_EVENTS]
    both = list(upcoming.union(recent, all=True))
    return (
        sorted((e for e in both if e.starts_at > now), key=lambda e: e.starts_at),
        sorted((e for e in both if e.starts_at <= now), key=lambda e: e.starts_at, reverse=True),
    )


def line_up():
    """The whole front page."""
    curated = curated_stories()
    lead = next((article for article in curated if article.slot_is_lead), None)
    featured = [article for article in curated if not article.slot_is_lead][:FEATURED_SLOTS]
    wanted = (lead is None) + FEATURED_SLOTS - len(featured) + LATEST_COUNT
    newest = list(
        for_front_page(Article.objects.published().exclude(pk__in=[a.pk for a in curated])).newest_first()[:wanted]
    )
    if lead is None and newest:
        lead = newest.pop(0)
    while len(featured) < FEATURED_SLOTS and newest:
        featured.append(newest.pop(0))
    page = LineUp(lead=lead, featured=featured, latest=newest[:LATEST_COUNT])
    # Sections repeat the latest list (a reader scanning one section expects its newest), never the top stories.
    page.sections = section_blocks([article.pk for article in [lead, *featured] if article is not None])
    bylines = Prefetch(
        "bylines", queryset=Byline.objects.select_related("reporter").only(*BYLINE_FIELDS), to_attr=BYLINES_ATTR
    )
    prefetch_related_objects(page.with_bylines(), bylines)
    page.upcoming_events, page.recent_events = events()
    return page
