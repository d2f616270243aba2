"""The photo library: one Photo per picture, reused by any number of articles."""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from photos import renditions, visibility
from photos.storage import photo_storage


def new_key():
    """A random, unguessable name for the photo's files and URLs."""
    return secrets.token_urlsafe(16)


def original_name(photo, filename):
    """Originals are stored under the photo's random key; the phone's file name is never kept."""
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"originals/{photo.key[:2]}/{photo.key}.{extension}"


class PhotoQuerySet(models.QuerySet):
    def newest_first(self):
        """Latest upload first."""
        return self.order_by("-uploaded_at", "-id")


class Photo(models.Model):
    key = models.CharField(_("파일 키"), max_length=32, unique=True, default=new_key, editable=False)
    image = models.ImageField(
        _("사진 파일"),
        upload_to=original_name,
        storage=photo_storage,
        width_field="width",
        height_field="height",
        help_text=_("JPEG·PNG·WebP·GIF 또는 아이폰 HEIC 사진입니다. 위치(GPS) 정보는 지우고 보관합니다."),
    )
    caption = models.CharField(
        _("사진 설명"), max_length=300, blank=True, help_text=_("사진 아래에 나오는 설명입니다.")
    )
    credit = models.CharField(
        _("사진 출처"), max_length=100, blank=True, help_text=_("예: 한중일3국협력사무국 제공, 강승원 기자")
    )
    alt_text = models.CharField(
        _("대체 텍스트"),
        max_length=300,
        blank=True,
        help_text=_("사진을 볼 수 없는 독자(화면 낭독기)에게 읽어 주는 사진 묘사입니다."),
    )
    focal_x = models.FloatField(
        _("초점 가로 위치"),
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("사진을 16:9나 정사각형으로 자를 때 꼭 남길 곳입니다. 사진을 눌러 정하세요."),
    )
    focal_y = models.FloatField(
        _("초점 세로 위치"),
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("사진을 16:9나 정사각형으로 자를 때 꼭 남길 곳입니다. 사진을 눌러 정하세요."),
    )
    width = models.PositiveIntegerField(_("너비"), default=0, editable=False)
    height = models.PositiveIntegerField(_("높이"), default=0, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="uploaded_photos",
        verbose_name=_("올린 사람"),
    )
    uploaded_at = models.DateTimeField(_("올린 시각"), auto_now_add=True)
    # Bumped whenever the renditions are made again (a new focal point), so their URLs change too.
    rendition_version = models.PositiveIntegerField(_("사본 판"), default=0, editable=False)
    # Formats the renditions were made in ("avif webp jpg"); empty until they are made.
    rendition_formats = models.CharField(_("사본 형식"), max_length=40, blank=True, editable=False)

    objects = PhotoQuerySet.as_manager()

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = _("사진")
        verbose_name_plural = _("사진")

    def __str__(self):
        return self.caption or self.alt_text or _("사진 %(id)s") % {"id": self.pk}

    def can_edit(self, user):
        """The desk changes any photo; a reporter only one they uploaded, while no reader can see it yet."""
        if not user.has_perm("photos.change_photo"):
            return False
        if user.has_perm("photos.delete_photo"):
            return True
        return self.pk is None or (self.uploaded_by_id == user.pk and not visibility.is_public(self))

    @property
    def formats(self):
        """The formats the renditions exist in, best first."""
        return self.rendition_formats.split()

    def rendition_widths(self, crop):
        """The widths this photo's renditions for `crop` come in (never wider than the original)."""
        return renditions.widths(self, crop)

    def rendition_size(self, crop, width):
        """(width, height) of one rendition."""
        return renditions.size(self, crop, width)
