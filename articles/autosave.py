"""Autosave: a person's draft copy of the article form, stored every ~30 seconds while they type.

The browser (static/articles/desk.js) posts the form's text fields; they are
checked here like any hostile input and kept in one `Autosave` row per article
and person (one more for a new, never-saved article). Nothing here touches the
article: restoring a copy is an edit like any other and goes through
`articles.editing.save_edit`, so it keeps a revision.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext
from taggit.models import Tag
from taggit.utils import parse_tags

from articles import editing
from articles.manuscript import count
from articles.models import Article, Autosave, Section
from reporters.models import Reporter

# The form fields a copy keeps: the text a person types (photos are uploads, kept by saving).
FIELDS = ["headline", "deck", "slug", "section", "body", "tags"]


def max_length(name):
    return Article._meta.get_field(name).max_length


class AutosaveForm(forms.Form):
    """What the browser may post: the form's text, within the article's own limits."""

    headline = forms.CharField(required=False, strip=False, max_length=max_length("headline"))
    deck = forms.CharField(required=False, strip=False, max_length=max_length("deck"))
    slug = forms.CharField(required=False, max_length=max_length("slug"))
    section = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    body = forms.CharField(required=False, strip=False, max_length=settings.AUTOSAVE_MAX_BODY_CHARS)
    tags = forms.CharField(required=False, max_length=2000)
    version = forms.IntegerField(required=False, min_value=0, max_value=2**31 - 1)


def store(article, user, form):
    """Keep the person's latest copy; returns the row."""
    data = {name: form.cleaned_data[name] for name in FIELDS}
    data["section"] = data["section"] or None
    data["tags"] = data["tags"] or ""
    data["body"] = data["body"] or ""
    copy, _created = Autosave.objects.update_or_create(
        article=article,
        user=user,
        defaults={"data": data, "base_version": form.cleaned_data["version"], "saved_at": timezone.now()},
    )
    return copy


def waiting(article, user):
    """The person's copy worth offering: newer than the article's last save and different from it."""
    copy = Autosave.objects.filter(article=article, user=user).first()
    if copy is None or article is None:
        return copy
    current = {name: str(getattr(article, name) or "") for name in ["headline", "deck", "slug", "body"]}
    differs = any(str(copy.data.get(name) or "") != value for name, value in current.items())
    return copy if differs and copy.saved_at > article.updated_at else None


def discard(article, user):
    Autosave.objects.filter(article=article, user=user).delete()


def summary(copy):
    """What the offer to restore shows about a copy: its headline and length."""
    return {"headline": copy.data.get("headline") or gettext("제목 없음"), **count(copy.data.get("body"))}


def tag_names(text):
    """The tags typed in a copy, refused as the form refuses them."""
    names = parse_tags(text or "")
    check_tag_names(names)
    return names


def check_tag_names(names):
    """Refuse tags that could have no address or do not fit, before taggit stores them."""
    limit = Tag._meta.get_field("name").max_length
    for name in names:
        if len(name) > limit:
            raise ValidationError(
                gettext("태그는 %(limit)s자를 넘을 수 없습니다: %(tag)s…") % {"limit": limit, "tag": name[:20]}
            )
        if not slugify(name, allow_unicode=True):
            raise ValidationError(gettext("글자나 숫자가 없는 태그는 쓸 수 없습니다: %(tag)s") % {"tag": name})


def restore(copy, by):
    """Put the copy into its article (or make the new article) through the service function; returns it."""
    article = copy.article or Article()
    data = copy.data
    for name in ["headline", "deck", "body"]:
        setattr(article, name, data.get(name) or "")
    if not article.headline.strip():
        raise ValidationError(
            gettext("제목이 없는 자동 저장본은 되살릴 수 없습니다. 내용을 복사해 새 기사에 붙여 넣으세요.")
        )
    article.slug = slugify(data.get("slug") or "", allow_unicode=True) or slugify(article.headline, allow_unicode=True)
    article.slug = (article.slug or "article")[: max_length("slug")]
    article.section = Section.objects.filter(pk=data.get("section") or 0).first() or article.section
    article.full_clean(exclude=[f.name for f in Article._meta.fields if f.name not in FIELDS])
    names = tag_names(data.get("tags"))
    new = article.pk is None

    def relations(saved):
        saved.tags.set(names)
        reporter = Reporter.objects.filter(user=by).first()
        if new and reporter:
            saved.bylines.create(reporter=reporter, order=0)

    expected = copy.base_version if copy.base_version is not None else article.version
    editing.save_edit(
        article, by, expected_version=expected, relations=relations, summary=gettext("자동 저장본을 되살림")
    )
    copy.delete()
    return article
