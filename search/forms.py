"""The reader search form: every parameter comes from a stranger, so each is checked here."""

import datetime

from django import forms
from django.db.models import Exists, OuterRef
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from articles.context_processors import nav_sections
from articles.models import Article
from newsroom import pagecache
from newsroom.markup import escape
from reporters.models import Reporter
from search.tokenizer import CONTROL_RE

MAX_QUERY_LENGTH = 100
EARLIEST_DATE = datetime.date(1900, 1, 1)
LATEST_DATE = datetime.date(2100, 12, 31)
REPORTERS_CACHE_SECONDS = 300
FILTERS = ("section", "reporter", "date_from", "date_to")
EVERYTHING = ("", _("전체"))


def reporter_choices():
    """(slug, name) of reporters with a published article, kept per page-cache generation."""

    def compute():
        # Only reporters readers can find articles by: a draft-only byline does not make the list.
        # EXISTS stops at each reporter's first live article instead of joining every byline.
        live = Article.objects.published().filter(bylines__reporter=OuterRef("pk"))
        reporters = Reporter.objects.filter(Exists(live)).order_by("name")
        return list(reporters.values_list("slug", "name"))

    return pagecache.remember("search-reporters", compute, REPORTERS_CACHE_SECONDS)


def section_choices():
    return [EVERYTHING, *((section.slug, section.name) for section in nav_sections())]


def reporter_filter_choices():
    return [EVERYTHING, *reporter_choices()]


class QueryField(forms.CharField):
    """Free text: control characters (NUL included) become spaces instead of a form error."""

    def to_python(self, value):
        return " ".join(CONTROL_RE.sub(" ", super().to_python(value)).split())


class SearchDateField(forms.DateField):
    """A date within a range PostgreSQL and Python both handle."""

    def validate(self, value):
        super().validate(value)
        if value and not EARLIEST_DATE <= value <= LATEST_DATE:
            raise forms.ValidationError(_("날짜는 1900년부터 2100년 사이로 적어 주세요."), code="out_of_range")


class PlainSelect(forms.Select):
    """A <select> of flat choices built in Python: Django renders each <option> through a template of its
    own, and even its option dictionaries (Select.optgroups()) cost the search page about 1 ms for its
    twenty-odd reporters and sections. As Select does, the first option equal to the value is selected."""

    def render(self, name, value, attrs=None, renderer=None):
        values, chosen, options = self.format_value(value), False, []
        for option_value, label in self.choices:
            if isinstance(label, (list, tuple)):
                raise ValueError("PlainSelect takes flat choices, not groups")
            option_value = "" if option_value is None else str(option_value)
            selected = not chosen and option_value in values
            chosen = chosen or selected
            options.append(
                f'<option value="{escape(option_value)}"{" selected" if selected else ""}>{escape(label)}</option>'
            )
        attributes = flatatt(self.build_attrs(self.attrs, attrs))
        return mark_safe(f'<select name="{escape(name)}"{attributes}>{"".join(options)}</select>')  # noqa: S308


class PlainDateInput(forms.DateInput):
    """<input type="date"> built in Python, for the same reason as PlainSelect (0.2 ms each through templates)."""

    input_type = "date"

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        value = "" if widget["value"] is None else format_html(' value="{}"', widget["value"])
        return format_html(
            '<input type="{}" name="{}"{}{}>', widget["type"], widget["name"], value, flatatt(widget["attrs"])
        )


class SearchForm(forms.Form):
    q = QueryField(label=_("검색어"), required=False, strip=True)
    section = forms.ChoiceField(label=_("섹션"), required=False, widget=PlainSelect)
    reporter = forms.ChoiceField(label=_("기자"), required=False, widget=PlainSelect)
    date_from = SearchDateField(label=_("시작일"), required=False, widget=PlainDateInput)
    date_to = SearchDateField(label=_("종료일"), required=False, widget=PlainDateInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Read when first needed (a value to check, the selects to print): a plain search needs neither,
        # its filters being a site-wide fragment (templates/search/search.html).
        self.fields["section"].choices = section_choices
        self.fields["reporter"].choices = reporter_filter_choices
        self.truncated = False

    @property
    def filtered(self):
        """Whether the address gives any filter a value: without, the filters print the same on every search."""
        return any(self.data.get(name) for name in FILTERS)

    def clean_q(self):
        text = self.cleaned_data["q"]
        if len(text) > MAX_QUERY_LENGTH:
            # Cut rather than refuse: the reader still gets results, and a note says so.
            self.truncated = True
            text = text[:MAX_QUERY_LENGTH].strip()
        return text

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("종료일이 시작일보다 앞섭니다."))
        return cleaned

    def filters(self):
        """The filters that passed validation; a bad one is dropped (its error is shown), not fatal."""
        return {name: self.cleaned_data[name] for name in FILTERS if self.cleaned_data.get(name)}
