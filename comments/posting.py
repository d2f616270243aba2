"""A reader's comment comes in: the one path from a submitted form to a stored comment."""

from django.db import transaction
from django.utils.translation import gettext as _

from comments.models import BanAction, BannedAddress, BannedWord, Comment, refresh_pages
from comments.policy import site_defaults


class Refused(Exception):
    """The desk's lists refuse this comment; the message is for the reader."""


def matching_bans(name, body, ip):
    """The banned words and addresses this comment runs into."""
    words = [ban for ban in BannedWord.objects.all() if ban.matches(name, body)]
    addresses = [ban for ban in BannedAddress.objects.all() if ban.matches(ip)]
    return words, addresses


@transaction.atomic
def post_comment(article, *, name, email, body, ip):
    """Store a comment under the site's moderation policy and the desk's bans; raises Refused."""
    words, addresses = matching_bans(name, body, ip)
    if any(ban.action == BanAction.REFUSE for ban in addresses):
        raise Refused(_("이 주소에서는 댓글을 쓸 수 없습니다. 문의는 편집국으로 해 주세요."))
    if any(ban.action == BanAction.REFUSE for ban in words):
        raise Refused(_("운영 원칙에 어긋나는 표현이 있어 등록할 수 없습니다. 내용을 고쳐 다시 보내 주세요."))
    reasons = [_("금지어 %(word)s") % {"word": ban.word} for ban in words]
    reasons += [_("금지 주소 %(address)s") % {"address": ban.address} for ban in addresses]
    held = ", ".join(reasons)
    waits = site_defaults().holds_for_approval or bool(held)
    comment = Comment.objects.create(
        article=article,
        name=name,
        email=email,
        body=body,
        ip=ip,
        status=Comment.Status.PENDING if waits else Comment.Status.PUBLISHED,
        held_because=held[:200],
    )
    if comment.is_public:
        refresh_pages()
    return comment
