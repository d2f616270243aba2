"""Reader views for articles, sections and tags, and previews. Every reader list starts from published()."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from taggit.models import Tag

from articles.models import Article, Section
from articles.preview import article_id_from_token
from newsroom.pagecache import reader_page
from newsroom.pagination import keyset_page


@reader_page
def article_detail(request, pk, slug=None):
    article = get_object_or_404(Article.objects.published().for_page(), pk=pk)
    if slug != article.slug:
        return redirect(article, permanent=True)
    return render(request, "articles/article_detail.html", article_context(article))


def article_context(article, **extra):
    """An article page's context: the article, related articles and its neighbours in the section (published only)."""
    previous, following = Article.objects.published().neighbours(article)
    related = Article.objects.published().related_to(article)
    return {"article": article, "related": related, "previous": previous, "next": following, **extra}


def render_preview(request, article):
    """The reader's page for any article, with a banner, kept out of search engines."""
    response = render(request, "articles/article_detail.html", article_context(article, preview=True))
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def preview(request, pk):
    """Staff see any article exactly as readers will."""
    if not request.user.has_perm("articles.view_article"):
        raise PermissionDenied
    return render_preview(request, get_object_or_404(Article.objects.for_page(), pk=pk))


def preview_signed(request, token):
    """A signed, expiring link; expired or altered links are a plain 404."""
    pk = article_id_from_token(token)
    if pk is None:
        raise Http404
    return render_preview(request, get_object_or_404(Article.objects.previewable().for_page(), pk=pk))


@reader_page
def section_detail(request, slug):
    section = get_object_or_404(Section, slug=slug)
    page = keyset_page(request, Article.objects.published().filter(section=section).for_lists().newest_first())
    return render(request, "articles/section_detail.html", {"section": section, "page": page})


@reader_page
def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    page = keyset_page(request, Article.objects.published().filter(tags=tag).for_lists().newest_first())
    if not page.object_list and not page.newer:
        # A tag used only on drafts must not reveal itself (its name can be the scoop).
        raise Http404
    return render(request, "articles/tag_detail.html", {"tag": tag, "page": page})
