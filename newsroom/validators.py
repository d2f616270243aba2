"""Validators shared by every app that takes uploads."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _


def validate_image_size(upload):
    """Refuse images larger than settings.MAX_IMAGE_UPLOAD_BYTES."""
    limit = settings.MAX_IMAGE_UPLOAD_BYTES
    if upload and upload.size > limit:
        raise ValidationError(
            _("이미지 파일이 너무 큽니다 (%(size)s). %(limit)s 이하로 올려 주세요."),
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="image_too_large",
        )
