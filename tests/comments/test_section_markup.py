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
# templates/comments/form.html before its fields became a site-wide fragment (comments/form_fields.html).
FORM_BEFORE = """{% load i18n %}{# The comment form. deferred: on the cached article page, where a script fetches the challenge and CSRF token and then shows the form. #}
<form class="comment-form" method="post" action="{% url 'comments:post' article.pk %}"{% if deferred %} hidden data-challenge-url="{% url 'comments:challenge' %}"{% endif %}>
  <h3>{% translate '댓글 쓰기' %}</h3>
  {% if deferred %}<input type="hidden" name="csrfmiddlewaretoken" value="">{% else %}{% csrf_token %}{% endif %}
  {% if refusal %}<p class="errors" role="alert">{{ refusal }}</p>{% endif %}
  {% if form.non_field_errors %}<ul class="errors" role="alert">{% for error in form.non_field_errors %}<li>{{ error }}</li>{% endfor %}</ul>{% endif %}
  <div class="comment-fields">
    <p><label for="id_name">{% translate '이름' %}</label> <input type="text" name="name" id="id_name" maxlength="40" required autocomplete="nickname" value="{{ form.name.value|default:'' }}">{% for error in form.name.errors %}<span class="errors">{{ error }}</span>{% endfor %}</p>
    <p><label for="id_email">{% translate '이메일(선택)' %}</label> <input type="email" name="email" id="id_email" maxlength="254" autocomplete="email" aria-describedby="email-help" value="{{ form.email.value|default:'' }}">
      <small id="email-help">{% translate '독자에게 보이지 않습니다. 편집국이 연락할 때만 씁니다.' %}</small>{% for error in form.email.errors %}<span class="errors">{{ error }}</span>{% endfor %}</p>
  </div>
  <p><label for="id_body">{% translate '댓글' %}</label>
    <textarea name="body" id="id_body" rows="5" maxlength="{{ form.body.field.widget.attrs.maxlength }}" required aria-describedby="body-help">{{ form.body.value|default:'' }}</textarea>
    <small id="body-help">{{ form.body.help_text }}</small>{% for error in form.body.errors %}<span class="errors">{{ error }}</span>{% endfor %}</p>
  <fieldset class="challenge">
    <legend>{% translate '도배방지 이미지' %}</legend>
    <img class="challenge-image"{% if challenge.image_url %} src="{{ challenge.image_url }}"{% endif %} alt="{% translate '도배방지 이미지: 그림 속 글자를 아래 칸에 입력하세요' %}">
    <button type="button" class="challenge-refresh" data-challenge-url="{% url 'comments:challenge' %}" hidden>{% translate '새 그림' %}</button>
    <a class="challenge-audio" href="{{ challenge.audio_url|default:'' }}"{% if not challenge.audio_url %} hidden{% endif %}>{% translate '소리로 듣기' %}</a>
    <p class="errors challenge-error" role="alert" hidden>{% translate '도배방지 그림을 불러오지 못했습니다. 잠시 뒤 새 그림을 눌러 주세요.' %}</p>
    <input type="hidden" name="captcha_0" value="{{ challenge.key|default:'' }}">
    <p><label for="id_captcha_1">{% translate '그림 속 글자' %}</label> <input type="text" name="captcha_1" id="id_captcha_1" required autocomplete="off" autocapitalize="off" autocorrect="off" spellcheck="false" maxlength="20" aria-describedby="challenge-help">
      <small id="challenge-help">{% translate '대소문자는 가리지 않습니다. 글자가 잘 안 보이면 새 그림을 받으세요.' %}</small>{% for error in form.captcha.errors %}<span class="errors">{{ error }}</span>{% endfor %}</p>
  </fieldset>
  <p class="comment-policy">
    {% if holds_for_approval %}{% translate '댓글은 데스크가 확인한 뒤 기사 아래에 보입니다.' %}{% else %}{% translate '댓글은 바로 보이며, 운영 원칙에 어긋나면 데스크가 숨길 수 있습니다.' %}{% endif %}
    {% translate '링크는 데스크가 승인한 댓글에서만 눌러집니다.' %}
    {% blocktranslate with days=keep_days %}이메일은 공개하지 않으며, IP 주소와 이메일은 도배 방지와 연락에만 쓰고 {{ days }}일 뒤 지웁니다.{% endblocktranslate %}
  </p>
  <p><button type="submit">{% translate '댓글 등록' %}</button></p>
</form>
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


@pytest.mark.parametrize("deferred", [True, False])
@pytest.mark.parametrize("holds", [True, False])
def test_the_form_reads_as_before_its_fields_became_a_shared_fragment(deferred, holds):
    """Deferred (the article page) and not (the page for writing without JavaScript: errors, typed text, refusal)."""
    from comments.forms import CommentForm

    article = ArticleFactory(published=True)
    form = CommentForm() if deferred else CommentForm(data={"name": "<b>독자</b>", "body": HOSTILE, "captcha_1": ""})
    if not deferred:
        form.is_valid()
    context = {"article": article, "form": form, "holds_for_approval": holds, "keep_days": 90, "deferred": deferred}
    if not deferred:
        context.update(
            refusal="잠시 뒤 다시 <써> 주세요.", challenge={"image_url": "/c/1.png", "key": "k&1", "audio_url": ""}
        )
    request = RequestFactory().get("/")
    for _ in range(2):  # the second time, the fields come from the shared fragment
        new = engines["django"].get_template("comments/form.html").template.render(RequestContext(request, context))
        old = engines["django"].from_string(FORM_BEFORE).template.render(RequestContext(request, context))
        assert new.replace(csrf(new), "") == old.replace(csrf(old), "")


def csrf(html):
    """The CSRF token's value, different on every render."""
    marker = 'name="csrfmiddlewaretoken" value="'
    return html.split(marker)[1].split('"')[0] if marker in html else ""


def test_a_new_moderation_policy_shows_on_the_next_page_although_the_fields_are_shared(client, settings):
    from publication.models import SiteSettings

    settings.PAGE_CACHE_SECONDS = 0
    article = ArticleFactory(published=True)
    for moderation, shown in (("pre", "데스크가 확인한 뒤"), ("post", "댓글은 바로 보이며")):
        site = SiteSettings.current()
        site.comments_moderation = moderation
        site.save()
        assert shown in client.get(article.get_absolute_url()).content.decode()
