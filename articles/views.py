"""Reader views for articles, sections and tags. Every list starts from published()."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from taggit.models import Tag

from articles.models import Article, Byline, Section
from newsroom.pagination import paginate


def article_detail(request, pk, slug=None):
    article = get_object_or_404(
        Article.objects.published()
        .select_related("section")
        .prefetch_related(
            Prefetch("bylines", queryset=Byline.objects.select_related("reporter")),
            "tags",
            "organisations",
            "events",
        ),
        pk=pk,
    )
    if slug != article.slug:
        return redirect(article, permanent=True)
    return render(request, "articles/article_detail.html", {"article": article})


def section_detail(request, slug):
    section = get_object_or_404(Section, slug=slug)
    page = paginate(request, Article.objects.published().filter(section=section).for_lists().newest_first())
    return render(request, "articles/section_detail.html", {"section": section, "page": page})


def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    page = paginate(request, Article.objects.published().filter(tags=tag).for_lists().newest_first())
    return render(request, "articles/tag_detail.html", {"tag": tag, "page": page})
