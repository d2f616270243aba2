from django.db import models
from django.utils.translation import gettext_lazy as _

from newsroom.reversing import reverse


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
