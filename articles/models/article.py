"""Articles, their bylines and the one definition of what readers may see."""

import re

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItem

from articles.models.section import Section
from articles.models.workflow import REVIEW_QUEUE_ORDER, ArticleStatus, ArticleWorkflow
from articles.richtext import RichTextField
from events.models import Event, Session
from newsroom.reversing import reverse
from organisations.models import Organisation
from photos.models import Photo
from reporters.models import Reporter

# The big columns no list shows: lists and links leave them in the table.
NOT_IN_LISTS = ("body",)
# How many related articles an article page lists, and the columns a link to an article needs.
RELATED_ARTICLES = 5
LINK_FIELDS = ("pk", "slug", "headline", "published_at", "section_id")
# Pages and lists prefetch bylines into a plain list attribute (Prefetch's to_attr): Django then skips
# building a related manager and a filtered queryset for each article, which cost more than the query.
BYLINES_ATTR = "prefetched_bylines"
BODY_PHOTO = re.compile(r"""<figure\b[^>]*\bdata-photo-id=["']?(\d{1,18})""", re.IGNORECASE)


def body_photo_ids(body):
    """Ids of the library photos a body refers to, in order, once each."""
    return list(dict.fromkeys(int(match) for match in BODY_PHOTO.findall(body or "")))


def live(prefix="", at=None):
    """The one definition of what readers may see (published(); `prefix` reaches it across a relation)."""
    return Q(**{f"{prefix}status": ArticleStatus.PUBLISHED, f"{prefix}published_at__lte": at or timezone.now()})


# live() for the hand-written statements (articles/page.py, publication/frontpage.py): an article row
# aliased `a`, with the parameters %(published)s (ArticleStatus.PUBLISHED) and %(now)s. Change both together.
LIVE_SQL = "a.status = %(published)s AND a.published_at <= %(now)s"


class ArticleQuerySet(models.QuerySet):
    def published(self, at=None):
        """Articles readers may see: published, with a publish time that has come."""
        return self.filter(live(at=at))

    def next_publication(self):
        """When the next scheduled article goes live, or None: reader pages may be cached until then."""
        upcoming = self.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())
        return upcoming.aggregate(at=models.Min("published_at"))["at"]

    def for_lists(self):
        """What a list of articles shows: no body; section, lead photo and bylines in the same query
        (articles/lists.py). Filters, order and slices still apply."""
        from articles.lists import Stories  # it builds on this module's models

        clone = self._chain()
        clone._iterable_class = Stories
        return clone

    def review_queue(self):
        """Articles waiting for an editor, whoever has waited longest first."""
        return self.filter(status=Article.Status.IN_REVIEW).order_by(*REVIEW_QUEUE_ORDER)

    def owned_by(self, user):
        """Articles the user created or writes under a byline on."""
        return self.filter(Q(created_by=user) | Q(bylines__reporter__user=user)).distinct()

    def previewable(self):
        """Articles a signed preview link may show: anything not withdrawn (a takedown ends every link)."""
        return self.exclude(status=Article.Status.UNPUBLISHED)

    def for_feed(self):
        """What a feed entry shows: the text, bylines and corrections."""
        return self.select_related("section", "lead_photo").prefetch_related(
            models.Prefetch("bylines", queryset=Byline.objects.select_related("reporter"), to_attr=BYLINES_ATTR),
            "corrections",
        )

    def newest_of_event(self, event, size):
        """A list (not a queryset) of the event's newest `size` live stories, ready for a list
        (articles.lists.event_stories()): what the event page shows, whatever this queryset filters,
        read from its database. Through `event.articles`, events need not import articles."""
        from articles.lists import event_stories  # it builds on this module's models

        return event_stories(event, size, self.db)

    def for_page(self):
        """What an article page reads in its first query: the article, its section and lead photo.

        The page's other relations come in one more query: articles.page.load_relations().
        """
        return self.select_related("section", "lead_photo")

    def tagged(self, tag):
        """Articles carrying the tag, as a per-row EXISTS: a newest-first list walks the list index and
        stops after a page, instead of joining every article that carries a common tag (10,000 of them)."""
        carries = TaggedItem.objects.filter(
            object_id=OuterRef("pk"), tag=tag, content_type=ContentType.objects.get_for_model(Article)
        )
        return self.filter(Exists(carries))

    def newest_first(self):
        """Latest publication first; the id breaks ties so pages never overlap."""
        return self.order_by("-published_at", "-id")


class Article(ArticleWorkflow, models.Model):
    Status = ArticleStatus

    headline = models.CharField(_("제목"), max_length=200, help_text=_("기사 제목입니다. 40자 안팎이 읽기 좋습니다."))
    deck = models.CharField(
        _("부제"), max_length=300, blank=True, help_text=_("제목 아래 붙는 한두 줄 요약입니다. 없으면 비워 두세요.")
    )
    slug = models.SlugField(
        _("주소 이름"),
        max_length=120,
        allow_unicode=True,
        help_text=_("기사 주소 끝에 붙는 이름입니다. 바꿔도 예전 주소는 새 주소로 넘어갑니다."),
    )
    body = RichTextField(_("본문"), blank=True, help_text=_("기사 본문입니다. 굵게·링크·소제목·표를 쓸 수 있습니다."))
    lead_photo = models.ForeignKey(
        Photo,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="lead_of",
        verbose_name=_("대표 사진"),
        help_text=_("기사 맨 위와 목록에 나오는 사진입니다. 사진함에서 고르거나 + 단추로 새로 올리세요."),
    )
    section = models.ForeignKey(
        Section,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("섹션"),
        help_text=_("기사가 실릴 섹션입니다."),
    )
    tags = TaggableManager(_("태그"), blank=True, help_text=_("쉼표로 나눠 적으세요. 예: 스마트시티, 한중일"))
    reporters = models.ManyToManyField(
        Reporter, through="Byline", related_name="articles", blank=True, verbose_name=_("기자")
    )
    organisations = models.ManyToManyField(
        Organisation,
        related_name="articles",
        blank=True,
        verbose_name=_("언급 기관"),
        help_text=_("기사에 나오는 기관입니다. 기관 페이지에 이 기사가 걸립니다."),
    )
    events = models.ManyToManyField(
        Event, related_name="articles", blank=True, verbose_name=_("취재 행사"), help_text=_("기사가 다룬 행사입니다.")
    )
    sessions = models.ManyToManyField(
        Session,
        related_name="articles",
        blank=True,
        verbose_name=_("취재 세션"),
        help_text=_("행사 가운데 기사가 다룬 세션입니다."),
    )
    status = models.CharField(
        _("상태"),
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
        help_text=_("기사가 어느 단계에 있는지입니다. 화면 위쪽 '출고 흐름'의 단추(검토 요청·출고 등)로만 바뀝니다."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="created_articles",
        verbose_name=_("작성자"),
        help_text=_("이 기사를 처음 만든 계정입니다. 바이라인의 기자와 함께 기사를 고칠 수 있습니다."),
    )
    created_at = models.DateTimeField(_("작성"), auto_now_add=True, help_text=_("기사를 처음 저장한 시각입니다."))
    updated_at = models.DateTimeField(
        _("마지막 저장"), auto_now=True, help_text=_("기사를 마지막으로 저장한 시각입니다.")
    )
    submitted_at = models.DateTimeField(
        _("검토 요청 시각"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("마지막으로 검토를 요청한 시각입니다. 데스크 검토 대기열은 오래된 순으로 보입니다."),
    )
    version = models.PositiveIntegerField(
        _("판 번호"),
        default=0,
        help_text=_("저장할 때마다 1씩 늘어납니다. 두 사람이 동시에 고쳐도 한쪽 내용이 사라지지 않게 해 줍니다."),
    )
    published_at = models.DateTimeField(
        _("출고 시각"), null=True, blank=True, help_text=_("독자에게 보이기 시작하는 시각(KST)입니다.")
    )
    revised_at = models.DateTimeField(
        _("수정 시각"), null=True, blank=True, editable=False, help_text=_("출고 뒤 내용을 고친 마지막 시각입니다.")
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("기사")
        verbose_name_plural = _("기사")
        indexes = [
            # Every reader list filters on status and orders newest first with the id as tie-break
            # (keyset pages, newsroom/pagination.py); sections add their own column in front.
            models.Index(fields=["status", "-published_at", "-id"], name="article_live_newest"),
            models.Index(fields=["section", "status", "-published_at", "-id"], name="article_section_live_newest"),
        ]
        permissions = [
            ("publish_article", _("기사를 출고·예약·취소할 수 있음")),
            ("review_article", _("기사를 검토하고 수정 요청할 수 있음")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="published_article_has_publish_time",
                violation_error_message=_("출고한 기사에는 출고 시각이 있어야 합니다."),
            ),
        ]

    def __str__(self):
        return self.headline

    def get_absolute_url(self):
        return reverse("articles:detail", kwargs={"pk": self.pk, "slug": self.slug})

    @property
    def is_published(self):
        """Agrees with ArticleQuerySet.published(): readers can see it now."""
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def was_revised(self):
        """True when the text changed after publication (the page shows 수정 …)."""
        return bool(self.revised_at and self.published_at and self.revised_at > self.published_at)

    def photo_ids_in_body(self):
        """Ids of the library photos placed in the body (<figure data-photo-id="…">), in order, once each."""
        return body_photo_ids(self.body)

    def ordered_bylines(self):
        """Bylines in print order; uses the ones prefetched for pages and lists when there are."""
        bylines = getattr(self, BYLINES_ATTR, None)
        return sorted(self.bylines.all() if bylines is None else bylines, key=lambda byline: byline.order)


class Byline(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bylines", verbose_name=_("기사"))
    reporter = models.ForeignKey(
        Reporter,
        on_delete=models.PROTECT,
        related_name="bylines",
        verbose_name=_("기자"),
        help_text=_("이 기사를 쓴 기자입니다. 여럿이면 한 줄씩 더하세요."),
    )
    order = models.PositiveSmallIntegerField(_("순서"), default=0, help_text=_("바이라인에 나오는 차례입니다."))

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("바이라인")
        verbose_name_plural = _("바이라인")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "reporter"],
                name="byline_reporter_once_per_article",
                violation_error_message=_("같은 기자를 한 기사에 두 번 넣을 수 없습니다."),
            ),
        ]

    def __str__(self):
        return str(self.reporter)


class PhotoUse(models.Model):
    """One article's use of one library photo, as its lead or inside its body.

    Kept from every save (articles/photo_uses.py), it answers two questions in
    one query each: may a reader see this photo (is any article using it
    published?), and which articles stop a photo from being deleted (PROTECT).
    """

    class Role(models.TextChoices):
        LEAD = "lead", _("대표 사진")
        BODY = "body", _("본문 사진")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="photo_uses", verbose_name=_("기사"))
    photo = models.ForeignKey(Photo, on_delete=models.PROTECT, related_name="uses", verbose_name=_("사진"))
    role = models.CharField(_("쓰임"), max_length=10, choices=Role.choices)

    class Meta:
        verbose_name = _("사진 쓰임")
        verbose_name_plural = _("사진 쓰임")
        constraints = [
            models.UniqueConstraint(fields=["article", "photo", "role"], name="photo_use_once_per_role"),
        ]

    def __str__(self):
        return f"{self.article} ({self.get_role_display()})"
