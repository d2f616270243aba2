"""Signed preview links: let someone without an account read an unpublished article for a while."""

import datetime

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone

SALT = "articles.preview"
# Photo URLs on a signed preview page carry the page's token under this name (articles.views.photo_file).
PHOTO_PREVIEW_PARAM = "preview"


def signed_preview_url(article):
    """A /preview/s/<token>/ path for the article and the moment it stops working."""
    token = signing.TimestampSigner(salt=SALT).sign(str(article.pk))
    expires = timezone.now() + datetime.timedelta(seconds=settings.PREVIEW_LINK_MAX_AGE)
    return reverse("articles:preview_signed", kwargs={"token": token}), expires


def article_id_from_token(token):
    """The article id a token was made for, or None when it is altered or expired."""
    try:
        return int(signing.TimestampSigner(salt=SALT).unsign(token, max_age=settings.PREVIEW_LINK_MAX_AGE))
    except (signing.BadSignature, ValueError):
        # SignatureExpired is a BadSignature: expired and altered links look the same to the visitor.
        return None
