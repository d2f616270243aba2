"""What an article page shows of its comments, in one query whatever their number."""

from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db import connections, router
from django.http import Http404
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from articles.models import Article
from comments.forms import CommentForm
from comments.models import PUBLIC_STATUSES, ArticleCommentOption, Comment, comments_open
from comments.policy import site_defaults
from newsroom.jsonrows import instance, quote, table
from newsroom.prepared import Prepared

PAGE_PARAMETER = "comments"


@dataclass
class ArticleComments:
    article: Article
    count: int
    open: bool
    page: Page | None
    holds_for_approval: bool
    keep_days: int
    form: CommentForm  # made when first read: the article page's form fields are a site-wide fragment


def page_number(raw):
    """The requested page of comments; junk is a 404, as for every reader list."""
    if not raw:
        return 1
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 6 or int(raw) < 1:
        raise Http404(_("잘못된 쪽 번호입니다."))
    return int(raw)


# The columns a shown comment needs (SectionMarkup.comment in comments/templatetags/comments.py).
SHOWN = ("id", "name", "body", "status", "created_at")


@cache
def statement():
    """Count, switch and one page of public comments in one statement (three ORM queries cost 1.5 ms)."""
    comments, options = table(Comment), table(ArticleCommentOption)
    public = "article_id = %(article)s AND status = ANY(%(public)s)"  # Comment.objects.public()
    columns = ", ".join(quote(Comment._meta.get_field(name).column) for name in SHOWN)
    return Prepared(f"""
        SELECT (SELECT count(*) FROM {comments} WHERE {public}),
               (SELECT mode FROM {options} WHERE article_id = %(article)s),
               (SELECT coalesce(json_agg(row_to_json(c) ORDER BY c.created_at, c.id), '[]') FROM (
                  SELECT {columns} FROM {comments} WHERE {public}
                   ORDER BY created_at, id LIMIT %(limit)s OFFSET %(offset)s) c)
    """)  # noqa: S608 - table and column names from model metadata; every value is a parameter


def count_mode_and_page(article, number):
    """(number of public comments, the article's switch or None, page `number` of them or None when there
    are none). A page past the end is a 404."""
    per_page, db = settings.COMMENTS_PER_PAGE, router.db_for_read(Comment)
    parameters = {
        "article": article.pk,
        "public": [status.value for status in PUBLIC_STATUSES],
        "limit": per_page,
        "offset": (number - 1) * per_page,
    }
    with connections[db].cursor() as cursor:
        statement().execute(cursor, parameters)
        count, mode, rows = cursor.fetchone()
    paginator = Paginator([], per_page)
    paginator.count = count  # known already: no COUNT(*) of a list
    if number > max(paginator.num_pages, 1):
        raise Http404(_("없는 쪽입니다."))
    page = Page([instance(Comment, row, db) for row in rows], number, paginator) if count else None
    return count, mode, page


def article_comments(article, raw_page=None):
    """Count, switch and one page of public comments for an article page, in one query."""
    count, mode, page = count_mode_and_page(article, page_number(raw_page))
    return ArticleComments(
        article=article,
        count=count,
        open=comments_open(article, mode or ArticleCommentOption.Mode.DEFAULT),
        page=page,
        holds_for_approval=site_defaults().holds_for_approval,
        keep_days=settings.COMMENTS_PERSONAL_DATA_DAYS,
        form=SimpleLazyObject(CommentForm),  # a form's fields are deep-copied: 0.2 ms a page for nothing
    )
