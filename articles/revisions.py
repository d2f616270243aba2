"""Revisions: JSON snapshots of an article, readable diffs between two, and restoring one.

A snapshot holds every field an editor changes, bylines and tags included
(ids to restore, names to read), so a diff or a restore never has to follow
relations that may have changed since.

Why our own Revision model rather than django-reversion or django-simple-history:
an article's content lives partly in relations (Byline through-model with an
order, taggit tags, three plain M2Ms). reversion needs every related model
registered and `follow`ed and restores them as separate versions; simple-history
keeps M2M history only through extra per-field tables. One JSON row per save is a
single query to write, a plain dict to diff, and one function to restore, with no
new dependency and no signal handlers (STYLE: no side effects hidden in save()).
Revisions are written in one place, articles.editing.save_edit, which every edit
(the admin form, a restore, an autosaved copy, a script) goes through.
"""

import difflib
import html
import re

from django.db import transaction
from django.db.models import Max
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from articles.models import CONTENT_FIELDS, Article, Byline, Revision, Section
from photos.models import Photo
from reporters.models import Reporter

# What a revision keeps of the article's own fields: its content, and its address.
TEXT_FIELDS = [*(name for name in CONTENT_FIELDS if name != "lead_photo"), "slug"]
# Relations kept as [[id, name], ...]; tags as names.
RELATIONS = ["organisations", "events", "sessions"]
# Shown in this order in a diff, under the labels editors see on the form.
LABELS = {
    **{name: Article._meta.get_field(name).verbose_name for name in ["headline", "deck", "slug", "section", "body"]},
    "lead_photo": Article._meta.get_field("lead_photo").verbose_name,
    "bylines": Article._meta.get_field("reporters").verbose_name,
    "tags": Article._meta.get_field("tags").verbose_name,
    **{name: Article._meta.get_field(name).verbose_name for name in RELATIONS},
}

BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote|tr)>|<br\s*/?>|<hr\s*/?>", re.IGNORECASE)


def snapshot(article):
    """Everything an editor can change on the article, as JSON-ready data."""
    data = {field: str(getattr(article, field) or "") for field in TEXT_FIELDS}
    data["section"] = [article.section_id, str(article.section)] if article.section_id else None
    data["lead_photo"] = [article.lead_photo_id, str(article.lead_photo)] if article.lead_photo_id else None
    data["bylines"] = [[b.reporter_id, str(b.reporter)] for b in article.bylines.select_related("reporter")]
    data["tags"] = sorted(article.tags.names())
    for name in RELATIONS:
        data[name] = [[obj.pk, str(obj)] for obj in getattr(article, name).order_by("pk")]
    return data


def changed_labels(old, new):
    """The labels of the fields that differ between two snapshots."""
    return [str(LABELS[key]) for key in LABELS if (old or {}).get(key) != new.get(key)]


@transaction.atomic
def record(article, by, summary=""):
    """Keep a new revision of the article as it is now in the database."""
    # Lock the article row so two saves never take the same revision number.
    Article.objects.select_for_update().filter(pk=article.pk).exists()
    previous = article.revisions.first()
    data = snapshot(article)
    if not summary:
        labels = changed_labels(previous.data if previous else None, data)
        summary = ", ".join(labels) if previous else gettext("처음 저장")
        summary = summary or gettext("바뀐 내용 없음")
    number = (article.revisions.aggregate(n=Max("number"))["n"] or 0) + 1
    return Revision.objects.create(article=article, number=number, created_by=by, data=data, summary=summary[:300])


def apply(article, data):
    """Put a snapshot's own fields back on the article (not yet saved)."""
    for field in TEXT_FIELDS:
        setattr(article, field, data.get(field, ""))
    section = data.get("section")
    # A section deleted since the snapshot leaves the article without one rather than failing.
    article.section = Section.objects.filter(pk=section[0]).first() if section else None
    lead_photo = data.get("lead_photo")
    article.lead_photo = Photo.objects.filter(pk=lead_photo[0]).first() if lead_photo else None


def apply_relations(article, data):
    """Put a snapshot's bylines, tags and other relations back; vanished objects are skipped."""
    article.bylines.all().delete()
    existing = set(Reporter.objects.filter(pk__in=[pk for pk, _name in data["bylines"]]).values_list("pk", flat=True))
    Byline.objects.bulk_create(
        Byline(article=article, reporter_id=pk, order=order)
        for order, (pk, _name) in enumerate(data["bylines"])
        if pk in existing
    )
    article.tags.set(data["tags"])
    for name in RELATIONS:
        model = getattr(Article, name).field.related_model
        getattr(article, name).set(model.objects.filter(pk__in=[pk for pk, _name in data[name]]))


def as_text(key, value):
    """A field's value as lines a person reads: body without markup, lists one item a line."""
    if value is None:
        return []
    if key == "body":
        text = BLOCK_END.sub("\n", value)
        return [line.strip() for line in html.unescape(strip_tags(text)).splitlines() if line.strip()]
    if key in ("section", "lead_photo"):
        return [value[1]]
    if isinstance(value, list):
        return [item[1] if isinstance(item, list) else str(item) for item in value]
    return [value] if value else []


def inline_diff(old, new):
    """One line's changes as escaped HTML, words removed in <del> and added in <ins>."""
    a, b = re.split(r"(\s+)", old), re.split(r"(\s+)", new)
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            parts.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            parts.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
        if op == "equal":
            parts.append(escape("".join(a[i1:i2])))
    return "".join(parts)


def field_diff(key, old, new):
    """Changed lines of one field as safe HTML rows; unchanged lines are left out."""
    a, b = as_text(key, old), as_text(key, new)
    rows = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        # Lines replaced pairwise show word changes; lines left over were removed or added whole.
        paired = min(i2 - i1, j2 - j1) if op == "replace" else 0
        rows += [inline_diff(x, y) for x, y in zip(a[i1 : i1 + paired], b[j1 : j1 + paired], strict=True)]
        rows += [f"<del>{escape(line)}</del>" for line in a[i1 + paired : i2]]
        rows += [f"<ins>{escape(line)}</ins>" for line in b[j1 + paired : j2]]
    return [mark_safe(row) for row in rows]  # noqa: S308 - every piece of text above is escaped


def diff(old, new):
    """[(label, [html rows])] for every field that differs between two snapshots."""
    result = []
    for key, label in LABELS.items():
        rows = field_diff(key, old.get(key), new.get(key))
        if rows:
            result.append((label, rows))
    return result
