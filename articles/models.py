import datetime

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFill, ResizeToFit
from taggit.managers import TaggableManager

from articles.richtext import RichTextField
from events.models import Event, Session
from newsroom.validators import validate_image_size
from organisations.models import Organisation
from reporters.models import Reporter


class Section(models.Model):
    name = models.CharField(_("이름"), max_length=50, unique=True, help_text=_("예: 정책, 산업, 국제, 안전"))
    slug = models.SlugField(
        _("주소 이름"), max_length=50, unique=True, allow_unicode=True, help_text=_("섹션 페이지 주소에 쓰입니다.")
    )
    order = models.PositiveSmallIntegerField(_("메뉴 순서"), default=0, help_text=_("작은 숫자가 메뉴 앞에 옵니다."))

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("섹션")
        verbose_name_plural = _("섹션")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:section", kwargs={"slug": self.slug})


class ArticleQuerySet(models.QuerySet):
    def published(self, at=None):
        """Articles readers may see: published, with a publish time that has come."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=at or timezone.now())

    def for_lists(self):
        """What a list of articles shows: section, bylines and thumbnails, in fixed queries."""
        return self.select_related("section").prefetch_related(
            models.Prefetch("bylines", queryset=Byline.objects.select_related("reporter"))
        )

    def review_queue(self):
        """Articles waiting for an editor, whoever has waited longest first."""
        return self.filter(status=Article.Status.IN_REVIEW).order_by(*REVIEW_QUEUE_ORDER)

    def owned_by(self, user):
        """Articles the user created or writes under a byline on."""
        return self.filter(Q(created_by=user) | Q(bylines__reporter__user=user)).distinct()

    def previewable(self):
        """Articles a signed preview link may show: anything not withdrawn (a takedown ends every link)."""
        return self.exclude(status=Article.Status.UNPUBLISHED)

    def newest_first(self):
        """Latest publication first; the id breaks ties so pages never overlap."""
        return self.order_by("-published_at", "-id")


# Changing these after publication prints "수정 …" on the article page.
CONTENT_FIELDS = {"headline", "deck", "body", "photo", "photo_caption", "photo_credit", "photo_alt"}

# How far ahead an article may be scheduled; further is a typing slip, not a plan.
MAX_SCHEDULE_AHEAD = datetime.timedelta(days=366)

# A published article whose time has not come; not a stored status, so no job has to flip it.
SCHEDULED = "scheduled"

DRAFT, IN_REVIEW, CHANGES_REQUESTED, PUBLISHED, UNPUBLISHED = (
    "draft",
    "in_review",
    "changes_requested",
    "published",
    "unpublished",
)

# The review queue's order: whoever has waited longest first.
REVIEW_QUEUE_ORDER = ["submitted_at", "id"]

# Set only by transitions, never by an edit.
WORKFLOW_FIELDS = {"status", "published_at", "submitted_at", "created_by", "created_at"}

# Reporters may change their own article only in these states.
AUTHOR_EDITABLE = {DRAFT, CHANGES_REQUESTED}

# name: (states it may start from, permission predicate on Article). Order is the buttons' order.
TRANSITIONS = {
    "submit": ({DRAFT, CHANGES_REQUESTED}, "can_edit"),
    "request_changes": ({IN_REVIEW}, "can_review"),
    "publish": ({DRAFT, IN_REVIEW, CHANGES_REQUESTED, SCHEDULED, UNPUBLISHED}, "can_publish"),
    "cancel_schedule": ({SCHEDULED}, "can_publish"),
    "unpublish": ({PUBLISHED}, "can_publish"),
}

# Verbs on buttons; the same Korean words are also state names, hence the context.
TRANSITION_LABELS = {
    "submit": pgettext_lazy("workflow action", "검토 요청"),
    "request_changes": pgettext_lazy("workflow action", "수정 요청"),
    "publish": pgettext_lazy("workflow action", "출고"),
    "cancel_schedule": pgettext_lazy("workflow action", "예약 취소"),
    "unpublish": pgettext_lazy("workflow action", "출고 취소"),
}


class EditConflict(ValidationError):
    """Someone saved the article after this editor opened it."""

    def __init__(self, article):
        last = article.last_save()
        who = (last.author_name if last else "") or gettext("다른 사람")
        when = timezone.localtime(last.created_at).strftime("%Y/%m/%d [%H:%M:%S]") if last else "?"
        super().__init__(
            gettext(
                "%(who)s님이 %(when)s (KST)에 이 기사를 먼저 저장했습니다. 입력하신 내용은 아래에 그대로 있습니다. "
                "저장된 판과 비교한 뒤 다시 저장하면 내 내용으로 바뀝니다."
            )
            % {"who": who, "when": when},
            code="edit_conflict",
        )


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("작성 중")
        IN_REVIEW = "in_review", _("검토 대기")
        CHANGES_REQUESTED = "changes_requested", _("수정 요청")
        PUBLISHED = "published", _("출고")
        UNPUBLISHED = "unpublished", _("출고 취소")

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
    photo = models.ImageField(
        _("대표 사진"),
        upload_to="articles/%Y/%m/",
        blank=True,
        validators=[validate_image_size],
        help_text=_("기사 맨 위와 목록에 나오는 사진(JPEG·PNG·WebP)입니다."),
    )
    photo_large = ImageSpecField(
        source="photo", processors=[ResizeToFit(1200, 1200, upscale=False)], format="JPEG", options={"quality": 85}
    )
    photo_thumb = ImageSpecField(
        source="photo", processors=[ResizeToFill(320, 200)], format="JPEG", options={"quality": 80}
    )
    photo_caption = models.CharField(
        _("사진 설명"), max_length=300, blank=True, help_text=_("사진 아래에 나오는 설명입니다.")
    )
    photo_credit = models.CharField(
        _("사진 출처"), max_length=100, blank=True, help_text=_("예: 한중일3국협력사무국 제공, 강승원 기자")
    )
    photo_alt = models.CharField(
        _("대체 텍스트"),
        max_length=300,
        blank=True,
        help_text=_("사진을 볼 수 없는 독자(화면 낭독기)에게 읽어 주는 사진 묘사입니다."),
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
    # Derived: CJK bigrams and stemmed words of headline/deck/tags/body, kept by articles/search.py.
    search_vector = SearchVectorField(_("검색 색인"), null=True, editable=False)
    # Derived: the same for headline, deck and tags alone; small, so ranking can read it for every hit.
    search_title = SearchVectorField(_("제목 검색 색인"), null=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("기사")
        verbose_name_plural = _("기사")
        indexes = [
            models.Index(fields=["status", "-published_at"], name="article_status_published"),
            GinIndex(fields=["search_vector"], name="article_search_vector"),
            GinIndex(fields=["search_title"], name="article_search_title"),
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

    def ordered_bylines(self):
        """Bylines in print order; uses the prefetch cache when there is one."""
        return sorted(self.bylines.all(), key=lambda byline: byline.order)

    # Workflow: who may do what, from which state. See STYLE.md, "Workflow lives on the model".

    @property
    def state(self):
        """The status as people speak of it: a published article with a future time is 'scheduled'."""
        if self.status == self.Status.PUBLISHED and not self.is_published:
            return SCHEDULED
        return self.status

    def get_state_display(self):
        """The state's label, e.g. '예약 출고'."""
        return STATE_LABELS[self.state]

    def is_owned_by(self, user):
        """True when the user created the article or writes under a byline on it."""
        if not user.is_authenticated:
            return False
        if self.created_by_id == user.pk:
            return True
        return self.pk is not None and self.bylines.filter(reporter__user=user).exists()

    def can_publish(self, user):
        """Editors publish, schedule, reschedule and withdraw."""
        return user.has_perm("articles.publish_article")

    def can_delete(self, user):
        """Editors may delete only what never reached readers; published stories keep their record."""
        return user.has_perm("articles.delete_article") and self.published_at is None

    def can_review(self, user):
        """Editors review: send back with a note, or share a preview link."""
        return user.has_perm("articles.review_article")

    def can_edit(self, user):
        """Editors change any article; reporters only their own, while in draft or sent back."""
        if not user.has_perm("articles.change_article"):
            return False
        if self.can_publish(user):
            return True
        return self.status in AUTHOR_EDITABLE and self.is_owned_by(user)

    def can_transition(self, name, user):
        """True when the user may make this transition from the article's current state."""
        from_states, predicate = TRANSITIONS[name]
        return self.state in from_states and getattr(self, predicate)(user)

    def available_transitions(self, user):
        """The transitions this user may make now, in the order the buttons show them."""
        return [name for name in TRANSITIONS if self.can_transition(name, user)]

    def submit(self, by):
        """Send the article to the editors' review queue."""
        self._transition("submit", by, self.Status.IN_REVIEW, submitted_at=timezone.now())

    def request_changes(self, by, note):
        """Send the article back to its reporter with a note saying what to fix."""
        note = (note or "").strip()
        problem = None if note else gettext("수정 요청에는 기자에게 전할 메모가 꼭 있어야 합니다.")
        self._transition("request_changes", by, self.Status.CHANGES_REQUESTED, note=note, problem=problem)

    def publish(self, by, at=None):
        """Publish now, or schedule for `at`; readers see it from that moment, no cron needed."""
        now = timezone.now()
        problem = None
        if at is not None and at <= now:
            problem = gettext("예약 시각은 지금보다 뒤여야 합니다. 지금 내보내려면 '지금 출고'를 누르세요.")
        elif at is not None and at > now + MAX_SCHEDULE_AHEAD:
            problem = gettext("예약은 %(days)s일 안쪽으로만 할 수 있습니다.") % {"days": MAX_SCHEDULE_AHEAD.days}
        if at is None and self.status == self.Status.UNPUBLISHED and self.published_at:
            # Put back after a withdrawal: the story keeps its first 입력 time and its place in lists.
            at = self.published_at
        self._transition("publish", by, self.Status.PUBLISHED, published_at=at or now, problem=problem)

    def cancel_schedule(self, by):
        """Take a scheduled article off the schedule and back to the review queue."""
        self._transition("cancel_schedule", by, self.Status.IN_REVIEW, published_at=None)

    def unpublish(self, by):
        """Withdraw a published article from every reader page, feed and sitemap."""
        self._transition("unpublish", by, self.Status.UNPUBLISHED)

    def _transition(self, name, by, to_status, note="", problem=None, **changes):
        """Check on the locked row, then change it and write the audit row, all or nothing."""
        with transaction.atomic():
            # Lock the row so two editors clicking at once cannot both move it.
            current = Article.objects.select_for_update().get(pk=self.pk)
            current.check_transition(name, by, problem)
            from_state = current.state
            changes["status"] = to_status
            Article.objects.filter(pk=self.pk).update(**changes)
            for field, value in changes.items():
                setattr(self, field, value)
            # The revision current now is what "compare with the published version" compares with.
            self.transitions.create(
                actor=by,
                from_state=from_state,
                to_state=self.state,
                note=note,
                published_at=self.published_at,
                revision=self.revisions.first(),
            )

    def check_transition(self, name, by, problem=None):
        """Raise PermissionDenied (who) or ValidationError (from which state, or the request's problem)."""
        from_states, predicate = TRANSITIONS[name]
        action = TRANSITION_LABELS[name]
        if not getattr(self, predicate)(by):
            raise PermissionDenied(gettext("%(action)s 권한이 없습니다.") % {"action": action})
        if self.state not in from_states:
            raise ValidationError(
                gettext("지금 상태(%(state)s)에서는 %(action)s할 수 없습니다.")
                % {"state": self.get_state_display(), "action": action}
            )
        if problem:
            raise ValidationError(problem)

    def save_edit(self, by, expected_version=None, changed_fields=()):
        """Save an edit unless someone else saved since `expected_version` (an optimistic lock)."""
        allowed = by.has_perm("articles.add_article") if self.pk is None else self.can_edit(by)
        if not allowed:
            raise PermissionDenied(gettext("이 기사를 고칠 권한이 없습니다."))
        with transaction.atomic():
            if self.pk is None:
                self.created_by = by
            else:
                # Compare-and-swap: only one of two concurrent saves finds the version it started from.
                claimed = Article.objects.filter(pk=self.pk, version=expected_version).update(version=F("version") + 1)
                if not claimed:
                    raise EditConflict(self)
                self.version = expected_version + 1
                if self.is_published and CONTENT_FIELDS & set(changed_fields):
                    self.revised_at = timezone.now()
            # Only transitions move the workflow fields: a copy loaded before one must not undo it.
            self.save(update_fields=None if self._state.adding else self.edit_fields())

    def restore(self, revision, by):
        """Bring back an earlier revision's content; the restore is saved as a new revision."""
        from articles import revisions

        if not self.can_edit(by):
            raise PermissionDenied(gettext("이 기사를 고칠 권한이 없습니다."))
        with transaction.atomic():
            revisions.apply(self, revision.data)
            self.save_edit(by, self.version, changed_fields=CONTENT_FIELDS)
            revisions.apply_relations(self, revision.data)
            return revisions.record(self, by, summary=gettext("제%(n)s판으로 되돌림") % {"n": revision.number})

    def last_save(self):
        """The latest revision: who saved last and when."""
        return self.revisions.select_related("created_by").first()

    @classmethod
    def edit_fields(cls):
        """The fields an edit saves: everything but the workflow's own."""
        return [f.name for f in cls._meta.concrete_fields if not f.primary_key and f.name not in WORKFLOW_FIELDS]

    def published_revision(self):
        """The revision readers were shown at the last publication, if any."""
        now = timezone.now()
        later = None  # transitions come newest first
        for move in self.transitions.select_related("revision"):
            went_out = move.to_state in (PUBLISHED, SCHEDULED) and move.published_at and move.published_at <= now
            # A schedule cancelled or changed before its time never reached readers.
            superseded = later is not None and later.at < move.published_at if went_out else True
            if went_out and not superseded and move.revision_id:
                return move.revision
            later = move
        return None


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


STATE_LABELS = {**dict(Article.Status.choices), SCHEDULED: _("예약 출고")}
STATE_CHOICES = [*Article.Status.choices, (SCHEDULED, _("예약 출고"))]


class Transition(models.Model):
    """One move through the workflow: who, when, from, to, and the note sent with it."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="transitions", verbose_name=_("기사"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("처리한 사람"),
        help_text=_("단추를 누른 계정입니다."),
    )
    at = models.DateTimeField(_("시각"), default=timezone.now, help_text=_("단추를 누른 시각입니다."))
    from_state = models.CharField(
        _("이전 상태"), max_length=20, choices=STATE_CHOICES, help_text=_("바뀌기 전 상태입니다.")
    )
    to_state = models.CharField(_("새 상태"), max_length=20, choices=STATE_CHOICES, help_text=_("바뀐 뒤 상태입니다."))
    note = models.TextField(_("메모"), blank=True, help_text=_("수정 요청 때 데스크가 기자에게 남긴 말입니다."))
    published_at = models.DateTimeField(
        _("출고 시각"), null=True, blank=True, help_text=_("이 처리 뒤의 출고(예약) 시각입니다.")
    )
    revision = models.ForeignKey(
        "Revision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("당시 판"),
        help_text=_("처리할 때 기사의 마지막 저장본입니다. '출고본과 비교'에 쓰입니다."),
    )

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("처리 기록")
        verbose_name_plural = _("처리 기록")

    def __str__(self):
        return f"{self.article}: {self.get_from_state_display()} → {self.get_to_state_display()}"


class Revision(models.Model):
    """A snapshot of an article as saved: who, when, what changed, and all of its content."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions", verbose_name=_("기사"))
    number = models.PositiveIntegerField(_("판"), help_text=_("기사마다 1부터 세는 저장 번호입니다."))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("저장한 사람"),
        help_text=_("이 판을 저장한 계정입니다."),
    )
    created_at = models.DateTimeField(_("저장 시각"), default=timezone.now, help_text=_("이 판을 저장한 시각입니다."))
    summary = models.CharField(
        _("바뀐 항목"), max_length=300, blank=True, help_text=_("앞 판과 비교해 바뀐 항목입니다.")
    )
    data = models.JSONField(_("내용"), help_text=_("제목·본문·바이라인·태그 등 이 판의 모든 내용입니다."))

    class Meta:
        ordering = ["-number"]
        verbose_name = _("판")
        verbose_name_plural = _("판")
        constraints = [models.UniqueConstraint(fields=["article", "number"], name="revision_number_once_per_article")]

    def __str__(self):
        return gettext("%(article)s 제%(number)s판") % {"article": self.article, "number": self.number}

    @property
    def author_name(self):
        """The saver's name as colleagues know it."""
        user = self.created_by
        return (user.get_full_name() or user.get_username()) if user else ""


class Correction(models.Model):
    """A public correction note shown under the article and in its feed entry."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="corrections", verbose_name=_("기사"))
    date = models.DateField(_("정정 날짜"), default=timezone.localdate, help_text=_("독자에게 보이는 정정 날짜입니다."))
    text = models.TextField(
        _("정정 내용"),
        help_text=_(
            "무엇을 어떻게 바로잡았는지 독자에게 알리는 글입니다. 예: 참석자 수를 300명에서 400명으로 바로잡았습니다."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("작성자"),
        help_text=_("정정 알림을 단 계정입니다."),
    )

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("정정 알림")
        verbose_name_plural = _("정정 알림")

    def __str__(self):
        return f"{self.date:%Y/%m/%d} {self.text[:40]}"
