"""A person's unsaved copy of the article form, kept while they type."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles.models.article import Article


class Autosave(models.Model):
    """The latest copy of one person's article form: never the article itself, never a revision, never public."""

    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="autosaves",
        verbose_name=_("기사"),
        help_text=_("비어 있으면 아직 한 번도 저장하지 않은 새 기사입니다."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("쓴 사람"),
        help_text=_("이 사본은 이 사람에게만 보입니다."),
    )
    data = models.JSONField(_("입력 내용"), help_text=_("제목·부제·주소 이름·섹션·본문·태그 입력란의 내용입니다."))
    base_version = models.PositiveIntegerField(
        _("바탕 판 번호"), null=True, blank=True, help_text=_("쓰기 시작할 때 기사의 판 번호입니다.")
    )
    saved_at = models.DateTimeField(_("자동 저장 시각"), default=timezone.now)

    class Meta:
        verbose_name = _("자동 저장본")
        verbose_name_plural = _("자동 저장본")
        constraints = [
            models.UniqueConstraint(fields=["article", "user"], name="autosave_once_per_article_and_user"),
            models.UniqueConstraint(
                fields=["user"], condition=Q(article__isnull=True), name="autosave_one_new_article_per_user"
            ),
        ]

    def __str__(self):
        headline = self.data.get("headline") or gettext("제목 없음")
        return gettext("%(headline)s 자동 저장본") % {"headline": headline}
