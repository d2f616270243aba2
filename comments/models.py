"""Readers' comments on articles, the per-article switch, and the desk's lists of banned words and addresses."""

import ipaddress

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Case, Count, IntegerField, OuterRef, Q, Subquery, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from comments.policy import site_defaults
from newsroom import pagecache


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("승인 대기")
    PUBLISHED = "published", _("게시(검토 전)")
    APPROVED = "approved", _("승인")
    HIDDEN = "hidden", _("숨김")


PUBLIC_STATUSES = [CommentStatus.PUBLISHED, CommentStatus.APPROVED]
WAITING_STATUSES = [CommentStatus.PENDING, CommentStatus.PUBLISHED]
# The moderation queue: what waits for approval, then what is shown but unreviewed, then the rest.
QUEUE_RANK = Case(
    When(status=CommentStatus.PENDING, then=Value(0)),
    When(status=CommentStatus.PUBLISHED, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


def can_moderate(user):
    """Approve, hide and delete any comment: the desk (데스크)."""
    return user.is_active and user.has_perm("comments.moderate_comment")


def refresh_pages():
    """Once the write is committed, cached reader pages are rebuilt with the comments now public."""
    transaction.on_commit(pagecache.bump)


class CommentQuerySet(models.QuerySet):
    def public(self):
        """Comments readers see under the article."""
        return self.filter(status__in=PUBLIC_STATUSES)

    def waiting(self):
        """Comments the desk has not looked at yet: held for approval, or shown but unreviewed."""
        return self.filter(status__in=WAITING_STATUSES)

    def visible_to(self, user):
        """What a desk user may see in the admin: everything for the desk, own articles' comments for reporters."""
        if can_moderate(user):
            return self
        if user.is_active and user.has_perm("comments.view_comment"):
            return self.filter(article__in=Article.objects.owned_by(user).values("pk"))
        return self.none()

    def for_queue(self):
        """Pending first, newest first within each state, with how many comments came from the same address."""
        same_address = (
            Comment.objects.filter(ip=OuterRef("ip")).order_by().values("ip").annotate(n=Count("pk")).values("n")
        )
        return self.annotate(queue_rank=QUEUE_RANK, address_comments=Subquery(same_address)).order_by(
            "queue_rank", "-created_at"
        )

    def moderate(self, status, by):
        """Set the state of every comment here as `by`; pages are refreshed if readers' view changes."""
        if not can_moderate(by):
            raise PermissionDenied
        with transaction.atomic():
            changed = self.exclude(status=status)
            touches_public = changed.filter(status__in=PUBLIC_STATUSES).exists() or status in PUBLIC_STATUSES
            count = changed.update(status=status, moderated_by=by, moderated_at=timezone.now())
            if count and touches_public:
                refresh_pages()
        return count

    def remove(self, by):
        """Delete these comments as `by`."""
        if not can_moderate(by):
            raise PermissionDenied
        with transaction.atomic():
            if self.filter(status__in=PUBLIC_STATUSES).exists():
                refresh_pages()
            return self.delete()

    def erase_personal_data(self, older_than):
        """Blank the IP address and e-mail of comments written before `older_than`; returns how many."""
        stale = self.filter(created_at__lt=older_than).filter(Q(ip__isnull=False) | ~Q(email=""))
        return stale.update(ip=None, email="")


class Comment(models.Model):
    Status = CommentStatus

    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="comments",
        verbose_name=_("기사"),
        help_text=_("댓글이 달린 기사입니다."),
    )
    name = models.CharField(_("이름"), max_length=40, help_text=_("독자가 적은 이름입니다. 댓글 위에 보입니다."))
    email = models.EmailField(
        _("이메일"),
        blank=True,
        help_text=_("독자가 적은 연락처입니다. 독자에게는 보이지 않고, 보관 기간이 지나면 지워집니다."),
    )
    body = models.TextField(_("내용"), help_text=_("독자가 쓴 글입니다. 꾸밈 없는 글자로만 보입니다."))
    status = models.CharField(
        _("상태"),
        max_length=20,
        choices=Status.choices,
        default=Status.PENDING,
        help_text=_("승인 대기·게시(검토 전)·승인·숨김. 승인한 댓글에서만 링크를 누를 수 있습니다."),
    )
    ip = models.GenericIPAddressField(
        _("IP 주소"),
        null=True,
        blank=True,
        help_text=_("글을 보낸 주소입니다. 도배를 막는 데 쓰고, 보관 기간이 지나면 지워집니다."),
    )
    held_because = models.CharField(
        _("보류 이유"), max_length=200, blank=True, help_text=_("금지어나 금지 주소 때문에 보류된 경우 그 이유입니다.")
    )
    created_at = models.DateTimeField(_("작성 시각"), default=timezone.now, help_text=_("독자가 글을 보낸 시각입니다."))
    moderated_at = models.DateTimeField(
        _("처리 시각"), null=True, blank=True, help_text=_("데스크가 마지막으로 상태를 바꾼 시각입니다.")
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("처리한 사람"),
        help_text=_("마지막으로 상태를 바꾼 데스크 계정입니다."),
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("댓글")
        verbose_name_plural = _("댓글")
        indexes = [
            models.Index(fields=["article", "status", "created_at"], name="comment_article_status"),
            models.Index(fields=["status", "created_at"], name="comment_queue"),
            models.Index(fields=["ip"], name="comment_ip"),
        ]
        permissions = [("moderate_comment", _("댓글을 승인·숨김·삭제할 수 있음"))]

    def __str__(self):
        return f"{self.name}: {self.body[:30]}"

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#comment-{self.pk}"

    @property
    def is_public(self):
        """Readers see it under the article."""
        return self.status in PUBLIC_STATUSES

    @property
    def links_allowed(self):
        """Only a comment the desk approved gets clickable links."""
        return self.status == self.Status.APPROVED


class ArticleCommentOption(models.Model):
    """The desk's choice for one article; without a row the site-wide default applies."""

    class Mode(models.TextChoices):
        DEFAULT = "default", _("사이트 기본값을 따름")
        OPEN = "open", _("댓글 받음")
        CLOSED = "closed", _("댓글 닫음")

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="comment_option", verbose_name=_("기사")
    )
    mode = models.CharField(
        _("댓글"),
        max_length=10,
        choices=Mode.choices,
        default=Mode.DEFAULT,
        help_text=_("이 기사에 독자 댓글을 받을지 정합니다. 닫아도 이미 보이는 댓글은 그대로 보입니다."),
    )

    class Meta:
        verbose_name = _("기사 댓글 설정")
        verbose_name_plural = _("기사 댓글 설정")

    def __str__(self):
        return f"{self.article}: {self.get_mode_display()}"


def comments_open(article, mode=None):
    """Whether readers may comment on this article now: it is live and comments are on for it."""
    if not article.is_published:
        return False
    if mode is None:
        mode = ArticleCommentOption.objects.filter(article=article).values_list("mode", flat=True).first()
    if mode in (None, ArticleCommentOption.Mode.DEFAULT):
        return site_defaults().enabled
    return mode == ArticleCommentOption.Mode.OPEN


class BanAction(models.TextChoices):
    HOLD = "hold", _("승인 대기로 보냄")
    REFUSE = "refuse", _("거절함")


class Ban(models.Model):
    """An entry of one of the desk's lists: what happens to a matching comment, and why."""

    action = models.CharField(
        _("처리"),
        max_length=10,
        choices=BanAction.choices,
        default=BanAction.HOLD,
        help_text=_("'승인 대기'는 데스크가 보고 정하게 하고, '거절'은 등록하지 않습니다."),
    )
    note = models.CharField(
        _("메모"), max_length=200, blank=True, help_text=_("왜 막는지 데스크끼리 남기는 메모입니다.")
    )

    class Meta:
        abstract = True


class BannedWord(Ban):
    word = models.CharField(
        _("금지어"),
        max_length=100,
        unique=True,
        help_text=_("이름이나 내용에 이 말이 들어간 댓글을 막습니다. 대소문자는 가리지 않습니다."),
    )

    class Meta:
        ordering = ["word"]
        verbose_name = _("금지어")
        verbose_name_plural = _("금지어")

    def __str__(self):
        return self.word

    def matches(self, *texts):
        needle = self.word.casefold()
        return any(needle in text.casefold() for text in texts)


def validate_network(value):
    try:
        ipaddress.ip_network(value, strict=False)
    except ValueError:
        raise ValidationError(_("IP 주소(예: 203.0.113.7)나 대역(예: 203.0.113.0/24)을 적어 주세요.")) from None


class BannedAddress(Ban):
    address = models.CharField(
        _("금지 주소"),
        max_length=50,
        unique=True,
        validators=[validate_network],
        help_text=_("IP 주소(203.0.113.7) 또는 대역(203.0.113.0/24, IPv6도 됨)입니다."),
    )

    class Meta:
        ordering = ["address"]
        verbose_name = _("금지 주소")
        verbose_name_plural = _("금지 주소")

    def __str__(self):
        return self.address

    def matches(self, ip):
        if not ip:
            return False
        try:
            return ipaddress.ip_address(ip) in ipaddress.ip_network(self.address, strict=False)
        except ValueError:
            return False
