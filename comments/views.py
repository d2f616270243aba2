"""Posting comments. Nothing here is cached: the article page stays cacheable because the challenge,
the CSRF token and every answer come from these small views instead."""

from captcha.helpers import captcha_audio_url, captcha_image_url
from captcha.models import CaptchaStore
from django.conf import settings
from django.core import signing
from django.http import Http404, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from articles.models import Article
from comments.forms import CommentForm
from comments.models import Comment, comments_open
from comments.policy import site_defaults
from comments.posting import Refused, post_comment
from comments.ratelimit import challenge_limits, client_address, over_limit, post_limits

POSTED_SALT = "comments.posted"
POSTED_MAX_AGE = 24 * 3600


def new_challenge():
    """A fresh challenge: its key and where to fetch its picture (and sound, if the site can speak)."""
    key = CaptchaStore.generate_key()
    audio = captcha_audio_url(key) if settings.CAPTCHA_FLITE_PATH else None
    return {"key": key, "image_url": captcha_image_url(key), "audio_url": audio}


@never_cache
@require_GET
def challenge(request):
    """A new challenge and CSRF token as JSON, for the form on the (cached) article page."""
    if over_limit(client_address(request), challenge_limits(), "challenge"):
        return JsonResponse({"error": _("요청이 너무 잦습니다. 잠시 뒤 다시 해 주세요.")}, status=429)
    return JsonResponse({**new_challenge(), "csrf_token": get_token(request)})


def published_article(pk):
    return get_object_or_404(Article.objects.published(), pk=pk)


def form_page(request, article, form, status=200, refusal=None):
    """The comment form on a page of its own: for readers without JavaScript and for every refusal."""
    context = {
        "article": article,
        "form": form,
        "open": comments_open(article),
        "refusal": refusal,
        "challenge": new_challenge(),
        "holds_for_approval": site_defaults().holds_for_approval,
        "keep_days": settings.COMMENTS_PERSONAL_DATA_DAYS,
    }
    response = render(request, "comments/form_page.html", context, status=status)
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
@require_GET
def comment_form(request, pk):
    return form_page(request, published_article(pk), CommentForm())


@never_cache
@require_POST
def post(request, pk):
    """Take a reader's comment; every refusal re-shows the form with what they typed and says why."""
    article = published_article(pk)
    form = CommentForm(request.POST)
    if not comments_open(article):
        return form_page(request, article, form, 403, _("이 기사는 댓글을 받지 않습니다."))
    ip = client_address(request)
    if over_limit(ip, post_limits(), "post"):
        refusal = _("댓글을 너무 자주 보냈습니다. 1분에 %(minute)d개, 1시간에 %(hour)d개까지 쓸 수 있습니다.") % {
            "minute": settings.COMMENTS_RATE_PER_MINUTE,
            "hour": settings.COMMENTS_RATE_PER_HOUR,
        }
        return form_page(request, article, form, 429, refusal)
    if not form.is_valid():
        return form_page(request, article, form, 400)
    data = form.cleaned_data
    try:
        comment = post_comment(article, name=data["name"], email=data["email"], body=data["body"], ip=ip)
    except Refused as refusal:
        return form_page(request, article, form, 400, str(refusal))
    token = signing.dumps(comment.pk, salt=POSTED_SALT)
    return redirect(reverse("comments:posted", args=[token]))


@never_cache
@require_GET
def posted(request, token):
    """What became of the reader's comment: shown already, or waiting for the desk."""
    try:
        pk = signing.loads(token, salt=POSTED_SALT, max_age=POSTED_MAX_AGE)
    except signing.BadSignature:
        raise Http404 from None
    comment = get_object_or_404(Comment.objects.select_related("article"), pk=pk)
    response = render(request, "comments/posted.html", {"comment": comment, "article": comment.article})
    response["X-Robots-Tag"] = "noindex"
    return response
