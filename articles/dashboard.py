"""What the admin's front page shows each person: their own articles, or the desk's queue and schedule.

Each list is one query (plus one prefetch), whatever the archive size.
"""

import datetime

from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.manuscript import sheets
from articles.models import Article, Byline, Transition

# How many rows each list shows at most; the changelist has the rest.
LIMIT = 50

ArticleStatus = Article.Status
LIST_FIELDS = ["id", "headline", "status", "published_at", "submitted_at", "updated_at", "created_by_id"]


def today_start():
    """Midnight today in the site's zone."""
    return timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)


def reporter_groups(user):
    """The person's own articles by what they need: drafts, sent back (with the note), waiting, scheduled, out today."""
    now, start = timezone.now(), today_start()
    notes = Transition.objects.filter(to_state=ArticleStatus.CHANGES_REQUESTED).only("article_id", "note", "at")
    wanted = Q(status__in=[ArticleStatus.DRAFT, ArticleStatus.CHANGES_REQUESTED, ArticleStatus.IN_REVIEW]) | Q(
        status=ArticleStatus.PUBLISHED, published_at__gte=start
    )
    articles = (
        Article.objects.owned_by(user)
        .filter(wanted)
        .only(*LIST_FIELDS)
        .prefetch_related(Prefetch("transitions", queryset=notes, to_attr="change_requests"))
        .order_by("-updated_at")[:LIMIT]
    )
    groups = {key: [] for key in ("changes_requested", "draft", "in_review", "scheduled", "published_today")}
    for article in articles:
        if article.status == ArticleStatus.PUBLISHED:
            groups["scheduled" if article.published_at > now else "published_today"].append(article)
        else:
            groups[article.status].append(article)
    for article in groups["changes_requested"]:
        article.desk_note = article.change_requests[0] if article.change_requests else None
    groups["scheduled"].sort(key=lambda article: article.published_at)
    return [(key, GROUP_TITLES[key], groups[key]) for key in GROUP_TITLES]


GROUP_TITLES = {
    "changes_requested": _("수정 요청 받은 기사"),
    "draft": _("쓰고 있는 기사"),
    "in_review": _("검토 요청한 기사"),
    "scheduled": _("예약 출고된 기사"),
    "published_today": _("오늘 출고된 기사"),
}


def photo_status(article):
    """The lead photo as the desk checks it: missing, missing its caption or alt text, or ready."""
    photo = article.lead_photo
    if photo is None:
        return "missing", _("사진 없음")
    if not (photo.caption and photo.alt_text):
        return "incomplete", _("설명·대체 텍스트 없음")
    return "ready", _("사진 있음")


def review_queue():
    """Articles waiting for the desk, longest wait first, with their length and photo status."""
    queue = list(
        Article.objects.review_queue()
        .select_related("lead_photo")
        .only(*LIST_FIELDS, "body", "lead_photo__caption", "lead_photo__alt_text")
        .prefetch_related(Prefetch("bylines", queryset=Byline.objects.select_related("reporter")))[:LIMIT]
    )
    for article in queue:
        article.sheets = sheets(article.body)
        article.photo_state, article.photo_label = photo_status(article)
    return queue


def schedule():
    """What goes live today and later, in order: already out today, and every scheduled article."""
    start = today_start()
    articles = (
        Article.objects.filter(status=ArticleStatus.PUBLISHED, published_at__gte=start)
        .only(*LIST_FIELDS)
        .order_by("published_at", "id")[:LIMIT]
    )
    now, tomorrow = timezone.now(), start + datetime.timedelta(days=1)
    return [(article, article.published_at <= now, article.published_at < tomorrow) for article in articles]
