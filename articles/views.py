"""Reader views for articles, sections and tags, previews and photo files. Everything starts from published()."""

import re

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotFound
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from taggit.models import Tag

from articles.models import Article, Section
from articles.page import NEXT_ATTR, PREVIOUS_ATTR, RELATED_ATTR, load_relations, published_article
from articles.preview import PHOTO_PREVIEW_PARAM, article_id_from_token
from newsroom.pagecache import reader_page
from newsroom.pagination import keyset_page
from photos import renditions, serving
from photos.models import Photo


@reader_page
def article_detail(request, pk, slug=None):
    article = published_article(pk)
    if article is None:
        raise Http404
    if slug != article.slug:
        return redirect(article, permanent=True)
    return render(request, "articles/article_detail.html", article_context(load_relations(article)))


def article_context(article, **extra):
    """An article page's context: the article, related articles and its neighbours in the section (published
    only), as load_relations() read them."""
    return {
        "article": article,
        "related": getattr(article, RELATED_ATTR),
        "previous": getattr(article, PREVIOUS_ATTR),
        "next": getattr(article, NEXT_ATTR),
        **extra,
    }


def render_preview(request, article, token=None):
    """The reader's page for any article, with a banner, kept out of search engines."""
    response = render(
        request, "articles/article_detail.html", article_context(article, preview=True, photo_preview_token=token)
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def preview(request, pk):
    """Staff see any article exactly as readers will."""
    if not request.user.has_perm("articles.view_article"):
        raise PermissionDenied
    return render_preview(request, load_relations(get_object_or_404(Article.objects.for_page(), pk=pk)))


def preview_signed(request, token):
    """A signed, expiring link; expired or altered links are a plain 404."""
    pk = article_id_from_token(token)
    if pk is None:
        raise Http404
    article = load_relations(get_object_or_404(Article.objects.previewable().for_page(), pk=pk))
    return render_preview(request, article, token=token)


@reader_page
def section_detail(request, slug):
    section = get_object_or_404(Section, slug=slug)
    page = keyset_page(request, Article.objects.published().filter(section=section).for_lists().newest_first())
    return render(request, "articles/section_detail.html", {"section": section, "page": page})


@reader_page
def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    page = keyset_page(request, Article.objects.published().tagged(tag).for_lists().newest_first())
    if not page.object_list and not page.newer:
        # A tag used only on drafts must not reveal itself (its name can be the scoop).
        raise Http404
    return render(request, "articles/tag_detail.html", {"tag": tag, "page": page})


RENDITION_FILE = re.compile(r"(?P<crop>full|wide|square)-(?P<width>[1-9][0-9]{0,4})\.(?P<extension>avif|webp|jpg)")


def photo_visible(photo):
    """Readers may see a photo once an article using it (as lead or in its body) is published."""
    return Article.objects.published().filter(photo_uses__photo=photo).exists()


def photo_previewable(request, photo):
    """Staff may see any photo; a signed-preview reader, those of the article their link is for."""
    user = request.user
    if user.is_authenticated and user.is_staff and user.has_perm("photos.view_photo"):
        return True
    pk = article_id_from_token(request.GET.get(PHOTO_PREVIEW_PARAM, ""))
    return pk is not None and Article.objects.previewable().filter(pk=pk, photo_uses__photo=photo).exists()


def not_found():
    """A 404 nobody keeps: the same photo may be published a minute later."""
    response = HttpResponseNotFound()
    patch_cache_control(response, private=True, no_store=True)
    return response


def photo_file(request, key, version, filename):
    """One rendition of a library photo, for whoever may see it; not a page, so never page-cached."""
    match = RENDITION_FILE.fullmatch(filename)
    photo = Photo.objects.filter(key=key).first() if match else None
    if photo is None or version != photo.rendition_version or match["extension"] not in photo.formats:
        return not_found()
    crop, width = match["crop"], int(match["width"])
    if width not in photo.rendition_widths(crop):
        return not_found()
    public = photo_visible(photo)
    if not public and not photo_previewable(request, photo):
        return not_found()
    try:
        return serving.send(renditions.name(photo, crop, width, match["extension"]), public=public)
    except Http404:
        return not_found()


def photo_original(request, key):
    """The cleaned original, for staff only: readers get renditions."""
    user = request.user
    if not (user.is_authenticated and user.is_staff and user.has_perm("photos.view_photo")):
        return not_found()
    photo = Photo.objects.filter(key=key).first()
    if photo is None:
        return not_found()
    try:
        return serving.send(photo.image.name, public=False)
    except Http404:
        return not_found()
