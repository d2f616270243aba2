from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from newsroom.reversing import reverse
from organisations.models import Organisation


class Event(models.Model):
    class Kind(models.TextChoices):
        SEMINAR = "seminar", _("세미나")
        FORUM = "forum", _("포럼")
        CONFERENCE = "conference", _("콘퍼런스")
        BRIEFING = "briefing", _("브리핑")
        WORKSHOP = "workshop", _("워크숍")
        EXHIBITION = "exhibition", _("전시회")
        OTHER = "other", _("기타")

    class Format(models.TextChoices):
        ONLINE = "online", _("온라인")
        OFFLINE = "offline", _("오프라인")
        HYBRID = "hybrid", _("온·오프라인 병행")

    title = models.CharField(_("행사 이름"), max_length=255, help_text=_("예: 한중일 스마트시티 온라인 세미나"))
    slug = models.SlugField(
        _("주소 이름"), max_length=120, unique=True, allow_unicode=True, help_text=_("행사 페이지 주소에 쓰입니다.")
    )
    kind = models.CharField(
        _("종류"), max_length=20, choices=Kind.choices, default=Kind.SEMINAR, help_text=_("행사의 형식입니다.")
    )
    organisers = models.ManyToManyField(
        Organisation,
        related_name="organised_events",
        blank=True,
        verbose_name=_("주최·주관"),
        help_text=_("행사를 연 기관입니다. 공동 주최면 모두 고르세요."),
    )
    starts_at = models.DateTimeField(_("시작"), help_text=_("한국 시간(KST)으로 적으세요."))
    ends_at = models.DateTimeField(_("종료"), null=True, blank=True, help_text=_("모르면 비워 두세요."))
    format = models.CharField(
        _("진행 방식"),
        max_length=10,
        choices=Format.choices,
        default=Format.OFFLINE,
        help_text=_("현장에서 열렸는지, 화상으로 열렸는지입니다."),
    )
    venue = models.CharField(
        _("장소"), max_length=255, blank=True, help_text=_("오프라인 장소나 온라인 플랫폼 이름. 예: 줌(Zoom)")
    )
    audience = models.CharField(_("참석 규모"), max_length=255, blank=True, help_text=_("예: 초청 관계자 약 400명"))
    description = models.TextField(
        _("소개"),
        blank=True,
        max_length=8000,
        help_text=_("행사 페이지에 나오는 소개글입니다. 목적과 주요 내용을 적으세요."),
    )

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("행사")
        verbose_name_plural = _("행사")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=F("starts_at")),
                name="event_ends_after_it_starts",
                violation_error_message=_("행사 종료 시각이 시작 시각보다 앞설 수 없습니다."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.slug})


class Session(models.Model):
    event = models.ForeignKey(
        Event,
        on_delete=models.CASCADE,
        related_name="sessions",
        verbose_name=_("행사"),
        help_text=_("이 세션이 속한 행사입니다."),
    )
    order = models.PositiveSmallIntegerField(_("순서"), default=1, help_text=_("1부터 차례로 매기세요."))
    title = models.CharField(_("세션 제목"), max_length=255, help_text=_("예: 세션 1 — 각국 스마트시티 기관"))
    description = models.TextField(
        _("내용"), blank=True, max_length=4000, help_text=_("세션에서 발표하거나 논의한 내용을 짧게 적으세요.")
    )
    organisations = models.ManyToManyField(
        Organisation,
        related_name="sessions",
        blank=True,
        verbose_name=_("참여 기관"),
        help_text=_("이 세션에서 발표하거나 토론한 기관입니다."),
    )
    starts_at = models.DateTimeField(
        _("시작"), null=True, blank=True, help_text=_("한국 시간(KST)입니다. 모르면 비워 두세요.")
    )
    ends_at = models.DateTimeField(_("종료"), null=True, blank=True, help_text=_("모르면 비워 두세요."))

    class Meta:
        ordering = ["event", "order"]
        verbose_name = _("세션")
        verbose_name_plural = _("세션")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "order"],
                name="session_order_unique_per_event",
                violation_error_message=_("같은 행사에 같은 순서의 세션이 이미 있습니다."),
            ),
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(starts_at__isnull=True) | Q(ends_at__gte=F("starts_at")),
                name="session_ends_after_it_starts",
                violation_error_message=_("세션 종료 시각이 시작 시각보다 앞설 수 없습니다."),
            ),
        ]

    def __str__(self):
        return f"{self.event.title} · {self.order}. {self.title}"
