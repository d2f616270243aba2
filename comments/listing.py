"""What an article page shows of its comments, in two queries whatever their number."""

from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.http import Http404
from django.utils.translation import gettext as _

from articles.models import Article
from comments.forms import CommentForm
from comments.models import ArticleCommentOption, Comment, comments_open
from comments.policy import site_defaults

PAGE_PARAMETER = "comments"


@dataclass
class ArticleComments:
    article: Article
    count: int
    open: bool
    page: Page | None
    holds_for_approval: bool
    keep_days: int
    form: CommentForm


def page_number(raw):
    """The requested page of comments; junk is a 404, as for every reader list."""
    if not raw:
        return 1
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 6 or int(raw) < 1:
        raise Http404(_("잘못된 쪽 번호입니다."))
    return int(raw)


def count_and_mode(article):
    """The number of public comments and the article's switch (None: no row), in one query."""
    public = Comment.objects.public().filter(article=OuterRef("pk")).order_by().values("article")
    count, mode = (
        Article.objects.filter(pk=article.pk)
        .annotate(
            n=Subquery(public.annotate(n=Count("pk")).values("n"), output_field=IntegerField()),
            mode=Subquery(ArticleCommentOption.objects.filter(article=OuterRef("pk")).values("mode")),
        )
        .values_list("n", "mode")
        .get()
    )
    return count or 0, mode


def comments_page(article, count, number):
    """One page of public comments, oldest first; None when there are none. A page past the end is a 404."""
    if not count:
        if number > 1:
            raise Http404(_("없는 쪽입니다."))
        return None
    queryset = Comment.objects.public().filter(article=article).only("name", "body", "status", "created_at")
    paginator = Paginator(queryset, settings.COMMENTS_PER_PAGE)
    paginator.count = count  # known already: no second COUNT(*)
    if number > paginator.num_pages:
        raise Http404(_("없는 쪽입니다."))
    return paginator.page(number)


def article_comments(article, raw_page=None):
    """Count, switch and one page of public comments for an article page, in two queries."""
    count, mode = count_and_mode(article)
    return ArticleComments(
        article=article,
        count=count,
        open=comments_open(article, mode or ArticleCommentOption.Mode.DEFAULT),
        page=comments_page(article, count, page_number(raw_page)),
        holds_for_approval=site_defaults().holds_for_approval,
        keep_days=settings.COMMENTS_PERSONAL_DATA_DAYS,
        form=CommentForm(),
    )
