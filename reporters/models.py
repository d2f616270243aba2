from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFill

from newsroom.reversing import reverse
from newsroom.validators import validate_image_size


class ReporterQuerySet(models.QuerySet):
    def active(self):
        """Reporters who still write for the paper."""
        return self.filter(is_active=True)


class Reporter(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reporter",
        verbose_name=_("로그인 계정"),
        help_text=_("이 기자가 관리자 화면에 로그인할 때 쓰는 계정입니다. 외부 기고자는 비워 두세요."),
    )
    name = models.CharField(_("이름"), max_length=100, help_text=_("바이라인에 나오는 이름입니다. 예: 강승원"))
    title = models.CharField(
        _("직함"),
        max_length=50,
        default="기자",  # stored data, not interface text: not translated
        help_text=_("이름 뒤에 붙는 직함입니다. 예: 기자, 선임기자, 편집장"),
    )
    email = models.EmailField(_("이메일"), blank=True, help_text=_("기자 페이지와 기사 끝에 공개되는 주소입니다."))
    photo = models.ImageField(
        _("사진"),
        upload_to="reporters/%Y/",
        blank=True,
        validators=[validate_image_size],
        help_text=_("정사각형에 가까운 얼굴 사진(JPEG·PNG)이 가장 잘 어울립니다."),
    )
    photo_thumb = ImageSpecField(
        source="photo", processors=[ResizeToFill(160, 160)], format="JPEG", options={"quality": 85}
    )
    bio = models.TextField(
        _("소개"), blank=True, max_length=1000, help_text=_("기자 페이지에 나오는 짧은 소개글입니다.")
    )
    slug = models.SlugField(
        _("주소 이름"),
        max_length=100,
        unique=True,
        allow_unicode=True,
        help_text=_("기자 페이지 주소에 쓰입니다. 한글도 됩니다. 예: 강승원"),
    )
    is_active = models.BooleanField(
        _("재직 중"), default=True, help_text=_("퇴사한 기자는 끄세요. 지난 기사와 페이지는 그대로 남습니다.")
    )

    objects = ReporterQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("기자")
        verbose_name_plural = _("기자")

    def __str__(self):
        return f"{self.name} {self.title}"

    def get_absolute_url(self):
        return reverse("reporters:detail", kwargs={"slug": self.slug})
