from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFit

from newsroom.reversing import reverse
from newsroom.validators import validate_image_size


class Organisation(models.Model):
    class Kind(models.TextChoices):
        INTERGOVERNMENTAL = "intergovernmental", _("국제기구")
        ASSOCIATION = "association", _("협회·연구기관")
        NATIONAL_BODY = "national_body", _("중앙정부 기관")
        CITY_GOVERNMENT = "city_government", _("지방정부")
        COMPANY = "company", _("기업")
        OTHER = "other", _("기타")

    name = models.CharField(
        _("이름(한국어)"), max_length=200, help_text=_("기사에 쓰는 한국어 이름입니다. 예: 한중일3국협력사무국")
    )
    name_en = models.CharField(
        _("이름(영어)"),
        max_length=200,
        blank=True,
        help_text=_("공식 영어 이름입니다. 예: Trilateral Cooperation Secretariat"),
    )
    name_native = models.CharField(
        _("이름(현지어)"),
        max_length=200,
        blank=True,
        help_text=_("중국어·일본어 등 현지 표기가 있으면 적으세요. 예: 日中韓三国協力事務局"),
    )
    acronym = models.CharField(
        _("약칭"), max_length=30, blank=True, help_text=_("널리 쓰이는 약칭입니다. 예: TCS, WeGo, SCA")
    )
    kind = models.CharField(
        _("종류"), max_length=30, choices=Kind.choices, default=Kind.OTHER, help_text=_("기관의 성격입니다.")
    )
    country = CountryField(
        _("국가"),
        blank=True,
        help_text=_("기관이 속한 나라입니다. 여러 나라가 함께 세운 국제기구는 비워 두세요."),
    )
    headquarters = models.CharField(_("본부 소재지"), max_length=200, blank=True, help_text=_("예: 서울, 베이징, 도쿄"))
    founded = models.DateField(_("설립일"), null=True, blank=True, help_text=_("모르면 비워 두세요."))
    website = models.URLField(_("웹사이트"), blank=True, help_text=_("http:// 또는 https://로 시작하는 주소"))
    head_name = models.CharField(_("대표자 이름"), max_length=100, blank=True, help_text=_("예: 미치가미 히사시"))
    head_title = models.CharField(
        _("대표자 직함"), max_length=100, blank=True, help_text=_("예: 사무총장, 시장, 대표이사")
    )
    description = models.TextField(
        _("소개"), blank=True, max_length=4000, help_text=_("기관 페이지에 나오는 소개글입니다.")
    )
    logo = models.ImageField(
        _("로고"),
        upload_to="organisations/%Y/",
        blank=True,
        validators=[validate_image_size],
        help_text=_("배경이 투명하거나 흰 로고 이미지(PNG·JPEG)"),
    )
    logo_thumb = ImageSpecField(source="logo", processors=[ResizeToFit(240, 120)], format="PNG")
    slug = models.SlugField(
        _("주소 이름"),
        max_length=100,
        unique=True,
        allow_unicode=True,
        help_text=_("기관 페이지 주소에 쓰입니다. 예: tcs"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("기관·단체")
        verbose_name_plural = _("기관·단체")

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self):
        return reverse("organisations:detail", kwargs={"slug": self.slug})

    @property
    def is_international(self):
        """True when the body belongs to no single country."""
        return not self.country

    @property
    def head(self):
        """The head as a byline would print it, e.g. '사무총장 미치가미 히사시'."""
        return " ".join(part for part in (self.head_title, self.head_name) if part)
