"""What the workflow leaves behind: transitions (the audit trail), revisions and corrections."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles.models.article import Article
from articles.models.workflow import STATE_CHOICES


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
