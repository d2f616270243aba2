"""The paper itself: its name and legal details, its own pages, the front page's line-up, IndexNow's log."""

import threading

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from articles.richtext import RichTextField
from newsroom import pagecache
from newsroom.validators import validate_image_size

SETTINGS_CACHE_KEY = "publication:site-settings"
PAGES_CACHE_KEY = "publication:pages"
CACHE_SECONDS = 24 * 3600  # saves and deletes clear it at once; this only bounds a missed signal

indexnow_key_validator = RegexValidator(
    r"^[A-Za-z0-9-]{8,128}$", _("IndexNow 키는 영문·숫자·하이픈(-)으로 8~128자여야 합니다.")
)


def forget_cached(key):
    """Drop a cached record now and again after the transaction commits.

    Now, so this request and the tests see the change; after commit, because
    another request may have cached the old row while the transaction was open.
    """
    pagecache.cache_delete(key)
    transaction.on_commit(lambda: pagecache.cache_delete(key))


def forget_site_settings(**kwargs):
    """Signal receiver: the site settings changed."""
    forget_cached(SETTINGS_CACHE_KEY)
    this_request.__dict__.pop("site_settings", None)


# A request's own copy of the site settings. A page reads them half a dozen times (title, footer,
# JSON-LD, share links, the comment policy), each a shared-cache round trip and an unpickled row.
# Kept only between request_started and request_finished (PublicationConfig.ready), so a command or a
# thread outside a request always reads the shared cache; a save in this request drops it.
this_request = threading.local()


def request_started(**kwargs):
    this_request.__dict__.clear()
    this_request.active = True


def request_finished(**kwargs):
    this_request.__dict__.clear()


def forget_pages(**kwargs):
    """Signal receiver: a page was added, renamed or removed."""
    forget_cached(PAGES_CACHE_KEY)


def default_comments_enabled():
    """Until the desk saves the site settings, COMMENTS_ENABLED_DEFAULT decides (an installation's starting point)."""
    return settings.COMMENTS_ENABLED_DEFAULT


def default_comments_moderation():
    return "post" if settings.COMMENTS_MODERATION == "post" else "pre"


def image_size(image):
    """(width, height) of an image field's file, or (None, None) without one or when it cannot be read."""
    if not image:
        return None, None
    try:
        return image.width, image.height
    except (OSError, ValueError, TypeError):
        return None, None


class SiteSettings(models.Model):
    """The one record of who publishes the paper: shown in every page's footer, feeds and metadata."""

    name = models.CharField(
        _("제호"),
        max_length=100,
        help_text=_("신문 이름입니다. 모든 쪽의 머리와 바닥, 피드, 검색엔진 정보에 쓰입니다."),
    )
    logo = models.ImageField(
        _("로고"),
        upload_to="publication/",
        blank=True,
        validators=[validate_image_size],
        help_text=_("머리에 나오는 로고(PNG 권장, 가로 600px 이하)입니다. 없으면 제호를 글자로 보여 줍니다."),
    )
    # The logo's size, read from the file when the settings are saved (save()): JSON-LD names it on every
    # article page, and reading it there (ImageFieldFile.width) opened the image once per page. Not
    # ImageField's width_field: that reads the file whenever a record without a size is loaded, and a
    # missing file would then fail every page.
    logo_width = models.PositiveIntegerField(_("로고 너비"), null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(_("로고 높이"), null=True, blank=True, editable=False)
    description = models.CharField(
        _("한 줄 소개"),
        max_length=200,
        blank=True,
        help_text=_("검색 결과와 공유 카드에 나오는 신문 소개입니다. 예: 스마트시티·도시 정책 전문 뉴스"),
    )
    site_url = models.URLField(
        _("사이트 주소"),
        blank=True,
        help_text=_("독자가 접속하는 주소입니다. 예: https://news.example.kr — IndexNow 알림에 쓰입니다."),
    )
    email = models.EmailField(_("대표 이메일"), blank=True, help_text=_("독자 문의와 제보를 받는 주소입니다."))
    registration_number = models.CharField(
        _("등록번호"), max_length=50, blank=True, help_text=_("인터넷신문 등록번호입니다. 예: 서울 아00000")
    )
    registration_date = models.DateField(
        _("등록일"), null=True, blank=True, help_text=_("인터넷신문으로 등록한 날입니다.")
    )
    publisher = models.CharField(_("발행인"), max_length=50, blank=True, help_text=_("발행인의 이름입니다."))
    editor = models.CharField(_("편집인"), max_length=50, blank=True, help_text=_("편집인의 이름입니다."))
    youth_protection_officer = models.CharField(
        _("청소년보호책임자"), max_length=50, blank=True, help_text=_("청소년보호책임자의 이름입니다.")
    )
    address = models.CharField(_("발행소 주소"), max_length=200, blank=True, help_text=_("발행소의 도로명 주소입니다."))
    phone = models.CharField(
        _("전화번호"), max_length=30, blank=True, help_text=_("대표 전화번호입니다. 예: 02-000-0000")
    )
    naver_verification = models.CharField(
        _("네이버 서치어드바이저 확인 코드"),
        max_length=100,
        blank=True,
        help_text=_("네이버 서치어드바이저가 준 HTML 태그의 content 값만 붙여 넣으세요."),
    )
    google_verification = models.CharField(
        _("구글 서치 콘솔 확인 코드"),
        max_length=100,
        blank=True,
        help_text=_("구글 서치 콘솔이 준 HTML 태그의 content 값만 붙여 넣으세요."),
    )
    bing_verification = models.CharField(
        _("빙 웹마스터 확인 코드"),
        max_length=100,
        blank=True,
        help_text=_("빙 웹마스터 도구가 준 HTML 태그(msvalidate.01)의 content 값만 붙여 넣으세요."),
    )
    indexnow_key = models.CharField(
        _("IndexNow 키"),
        max_length=128,
        blank=True,
        validators=[indexnow_key_validator],
        help_text=_("네이버·빙에 새 기사를 바로 알리는 IndexNow의 키입니다. 비워 두면 알리지 않습니다."),
    )
    comments_enabled = models.BooleanField(
        _("기사에 댓글 받기"),
        default=default_comments_enabled,
        help_text=_(
            "켜 두면 기사마다 따로 닫지 않는 한 독자 댓글을 받습니다. 기사 편집 화면에서 기사별로 바꿀 수 있습니다."
        ),
    )
    comments_moderation = models.CharField(
        _("댓글 검토 방식"),
        max_length=4,
        choices=[("pre", _("데스크가 승인한 댓글만 게시")), ("post", _("바로 게시하고 나중에 검토"))],
        default=default_comments_moderation,
        help_text=_("승인한 댓글만 보이게 할지, 먼저 보이고 데스크가 나중에 검토할지 정합니다."),
    )
    indexnow_enabled = models.BooleanField(
        _("IndexNow 알림 켜기"),
        default=False,
        help_text=_(
            "켜면 기사를 출고·정정·출고 취소할 때 그 주소를 검색엔진에 알립니다. 키와 사이트 주소가 있어야 합니다."
        ),
    )

    class Meta:
        verbose_name = _("사이트 설정")
        verbose_name_plural = _("사이트 설정")
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="site_settings_single_row")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.pk = 1  # one record only; the admin opens it directly
        self.logo_width, self.logo_height = image_size(self.logo)
        super().save(*args, **kwargs)

    @classmethod
    def current(cls):
        """The site settings, from the cache when possible (no query per page); defaults before any are saved."""
        # With the cache down this reads the database every time, and never fails the page.
        record = this_request.__dict__.get("site_settings")
        if record is None:
            record = pagecache.cache_get(SETTINGS_CACHE_KEY)
            if record is None:
                record = cls.objects.filter(pk=1).first() or False  # False: "none saved yet", cached too
                pagecache.cache_set(SETTINGS_CACHE_KEY, record, CACHE_SECONDS)
            if getattr(this_request, "active", False):
                this_request.site_settings = record
        # Before the desk saves any details, the default name is made per request, in the reader's language.
        return record or cls(pk=1, name=str(settings.SITE_NAME))

    @property
    def indexnow_active(self):
        """IndexNow announces only when switched on with a key and the site's address."""
        return bool(self.indexnow_enabled and self.indexnow_key and self.site_url)

    def copyright_line(self):
        """저작권자 © 제호 무단전재 및 재배포 금지"""
        return gettext("저작권자 © %(name)s 무단전재 및 재배포 금지") % {"name": self.name}


class Page(models.Model):
    """One of the paper's own pages: about, contact, privacy policy, youth protection policy."""

    class Kind(models.TextChoices):
        ABOUT = "about", _("신문 소개")
        CONTACT = "contact", _("연락처")
        PRIVACY = "privacy", _("개인정보처리방침")
        YOUTH = "youth-protection", _("청소년보호정책")

    kind = models.CharField(
        _("종류"),
        max_length=20,
        choices=Kind.choices,
        unique=True,
        help_text=_("어떤 쪽인지 고르세요. 바닥글의 링크가 이 쪽으로 이어집니다."),
    )
    title = models.CharField(_("제목"), max_length=100, help_text=_("쪽 맨 위에 나오는 제목입니다."))
    body = RichTextField(_("본문"), blank=True, help_text=_("쪽의 내용입니다. 링크·소제목·표를 쓸 수 있습니다."))
    updated_at = models.DateTimeField(_("마지막 수정"), auto_now=True, help_text=_("마지막으로 저장한 시각입니다."))

    class Meta:
        ordering = ["kind"]
        verbose_name = _("안내 쪽")
        verbose_name_plural = _("안내 쪽")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("publication:page", kwargs={"kind": self.kind})

    @classmethod
    def footer_links(cls):
        """[(url, title)] of the pages that exist, in the footer's order; cached like the site settings."""
        titles = pagecache.cache_get(PAGES_CACHE_KEY)
        if titles is None:
            titles = dict(cls.objects.values_list("kind", "title"))
            pagecache.cache_set(PAGES_CACHE_KEY, titles, CACHE_SECONDS)
        # Addresses are made per request (no query): /about/ on Korean pages, /en/about/ on English ones.
        return [
            (reverse("publication:page", kwargs={"kind": kind}), titles[kind]) for kind in cls.Kind if kind in titles
        ]


class FrontPage(models.Model):
    """The front page's line-up, edited on one screen: the lead story and the featured stories in order."""

    updated_at = models.DateTimeField(
        _("마지막 편집"), auto_now=True, help_text=_("편성을 마지막으로 저장한 시각입니다.")
    )

    class Meta:
        verbose_name = _("첫 화면")
        verbose_name_plural = _("첫 화면 편집")
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="front_page_single_row")]

    def __str__(self):
        return gettext("첫 화면")

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)


class FrontPageStory(models.Model):
    """A story the editors placed on the front page: the lead, or a featured story at a position."""

    front_page = models.ForeignKey(
        FrontPage, on_delete=models.CASCADE, related_name="stories", verbose_name=_("첫 화면"), default=1
    )
    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="front_page_slots",
        verbose_name=_("기사"),
        help_text=_("첫 화면에 올릴 기사입니다. 출고 전 기사는 출고되는 순간부터 보입니다."),
    )
    is_lead = models.BooleanField(
        _("머리기사"), default=False, help_text=_("첫 화면 맨 위에 크게 싣습니다. 하나만 고를 수 있습니다.")
    )
    order = models.PositiveSmallIntegerField(
        _("순서"), default=0, help_text=_("주요 기사의 차례입니다. 작은 숫자가 앞에 옵니다.")
    )

    class Meta:
        ordering = ["-is_lead", "order", "id"]
        verbose_name = _("첫 화면 기사")
        verbose_name_plural = _("첫 화면 기사")
        constraints = [
            models.UniqueConstraint(
                fields=["front_page"],
                condition=Q(is_lead=True),
                name="front_page_one_lead",
                violation_error_message=_("머리기사는 하나만 고를 수 있습니다."),
            ),
            models.UniqueConstraint(
                fields=["front_page", "article"],
                name="front_page_article_once",
                violation_error_message=_("같은 기사를 첫 화면에 두 번 올릴 수 없습니다."),
            ),
        ]

    def __str__(self):
        return str(self.article)


class IndexNowLog(models.Model):
    """One announcement of a changed address to the IndexNow endpoint, and what it answered."""

    class Reason(models.TextChoices):
        PUBLISHED = "published", _("출고")
        CORRECTED = "corrected", _("정정")
        WITHDRAWN = "withdrawn", _("출고 취소")

    at = models.DateTimeField(_("시각"), auto_now_add=True, db_index=True, help_text=_("알린 시각입니다."))
    # A plain number, not a foreign key: the log outlives a deleted article and never waits on its row lock.
    article_id = models.BigIntegerField(_("기사 번호"), null=True, blank=True, help_text=_("알린 기사의 번호입니다."))
    url = models.URLField(_("주소"), max_length=500, help_text=_("검색엔진에 알린 기사 주소입니다."))
    reason = models.CharField(_("까닭"), max_length=20, choices=Reason.choices, help_text=_("알린 까닭입니다."))
    status_code = models.PositiveSmallIntegerField(
        _("응답 코드"),
        null=True,
        blank=True,
        help_text=_("200·202면 받아들인 것입니다. 비어 있으면 연결하지 못했습니다."),
    )
    response = models.TextField(_("응답"), blank=True, help_text=_("검색엔진의 응답이나 연결 오류 내용입니다."))

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("IndexNow 알림 기록")
        verbose_name_plural = _("IndexNow 알림 기록")

    def __str__(self):
        return f"{self.get_reason_display()} {self.url}"

    @property
    def succeeded(self):
        """The endpoint accepted the announcement (200 or 202)."""
        return self.status_code in (200, 202)
