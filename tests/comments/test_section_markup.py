"""The comments under a story are built in Python ({% comments_section %}) and read, byte for byte, as the
template they replaced (comments/section.html), in every state: none, a page of several, open or closed."""

import pytest
from django.template import Engine, RequestContext, engines
from django.test import RequestFactory
from django.utils import translation

from comments import listing
from comments.models import ArticleCommentOption, Comment
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

# templates/comments/section.html before it moved to comments/templatetags/comments.py.
SECTION_BEFORE = """{% load i18n static newsroom comments %}
<section class="comments" id="comments" aria-labelledby="comments-heading">
  <link rel="stylesheet" href="{% static 'comments/comments.css' %}">
  <h2 id="comments-heading">{% translate '독자 댓글' %} <span class="comment-total">{{ comments.count }}</span></h2>
  {% if comments.page %}
  <ol class="comment-list">
    {% for comment in comments.page %}{% include "comment.html" %}{% endfor %}
  </ol>
  {% if comments.page.has_other_pages %}
  <nav class="pager" aria-label="{% translate '댓글 쪽' %}">
    {% if comments.page.has_previous %}<a href="{% querystring comments=comments.page.previous_page_number %}#comments" rel="prev">← {% translate '이전 댓글' %}</a>{% endif %}
    <span>{% blocktranslate with number=comments.page.number total=comments.page.paginator.num_pages %}{{ number }} / {{ total }}쪽{% endblocktranslate %}</span>
    {% if comments.page.has_next %}<a href="{% querystring comments=comments.page.next_page_number %}#comments" rel="next">{% translate '다음 댓글' %} →</a>{% endif %}
  </nav>
  {% endif %}
  {% else %}
  <p class="empty">{% translate '아직 댓글이 없습니다.' %}</p>
  {% endif %}
  {% if comments.open %}
  {% include "comments/form.html" with article=comments.article form=comments.form holds_for_approval=comments.holds_for_approval keep_days=comments.keep_days deferred=True %}
  <noscript><p class="comment-nojs"><a href="{% url 'comments:form' comments.article.pk %}">{% translate '댓글 쓰기 화면으로 가기' %}</a> — {% translate '자바스크립트 없이 댓글을 쓰는 화면입니다.' %}</p></noscript>
  <script src="{% static 'comments/comments.js' %}" defer></script>
  {% elif comments.article.is_published %}
  <p class="comments-closed">{% translate '이 기사는 댓글을 받지 않습니다.' %}</p>
  {% endif %}
</section>
"""  # noqa: E501
# templates/comments/comment.html, which the section included for each comment (gone too).
COMMENT_BEFORE = """{% load newsroom comments %}<li class="comment" id="comment-{{ comment.pk }}">
  <p class="comment-meta"><strong class="comment-name">{{ comment.name }}</strong> <time datetime="{{ comment.created_at|date:'c' }}">{{ comment.created_at|kst }}</time></p>
  <div class="comment-body">{{ comment|comment_text }}</div>
</li>
"""  # noqa: E501
SECTION_NOW = "{% load comments %}{% comments_section comments %}"
HOSTILE = "<script>alert('x')</script> & \"따옴표\" http://example.com/a?b=1&c=2"


def render(source, query, article):
    request = RequestFactory().get("/news/1/x/", query)
    comments = listing.article_comments(article, request.GET.get(listing.PAGE_PARAMETER))
    site = engines["django"].engine
    engine = Engine(
        dirs=site.dirs,
        app_dirs=False,
        loaders=[
            ("django.template.loaders.locmem.Loader", {"comment.html": COMMENT_BEFORE}),
            "django.template.loaders.filesystem.Loader",
            "django.template.loaders.app_directories.Loader",
        ],
        libraries=site.libraries,
        builtins=["django.templatetags.i18n", "django.templatetags.static"],
    )
    template = (
        engine.from_string(source) if source == SECTION_BEFORE else engines["django"].from_string(source).template
    )
    return template.render(RequestContext(request, {"comments": comments}))


def add(article, n, **fields):
    for i in range(n):
        status = Comment.Status.APPROVED if i % 2 else Comment.Status.PUBLISHED
        Comment.objects.create(
            article=article, name=f"독자 {i} <b>", body=f"{HOSTILE}\n둘째 줄 {i}", status=status, **fields
        )


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize(
    ("comments", "query"),
    [(0, {}), (2, {}), (7, {"comments": "2"}), (7, {"comments": "3", "x": "<1>&y"}), (7, {"comments": "1"})],
)
def test_the_section_reads_as_the_template_wrote_it(settings, language, comments, query):
    settings.COMMENTS_PER_PAGE = 3
    article = ArticleFactory(published=True)
    add(article, comments)
    with translation.override(language):
        assert render(SECTION_NOW, query, article) == render(SECTION_BEFORE, query, article)


@pytest.mark.parametrize("mode", [ArticleCommentOption.Mode.CLOSED, ArticleCommentOption.Mode.OPEN])
def test_open_closed_and_unpublished_read_as_the_template_wrote_them(mode):
    live, draft = ArticleFactory(published=True), ArticleFactory()
    for article in (live, draft):
        ArticleCommentOption.objects.create(article=article, mode=mode)
        add(article, 1)
        assert render(SECTION_NOW, {}, article) == render(SECTION_BEFORE, {}, article)
    assert "<script>alert" not in render(SECTION_NOW, {}, live)
