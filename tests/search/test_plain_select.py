"""The search form's <select>s and date inputs are built in Python: the same markup as Django's
template-rendered Select and DateInput."""

import pytest
from django import forms
from django.test.html import parse_html

from search.forms import PlainSelect, SearchForm

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "data",
    [
        {"q": "스마트시티"},
        {"q": "스마트시티", "section": "world", "reporter": "강승원"},
        {"q": "스마트시티", "section": '"><script>alert(1)</script>'},  # refused: shown with its error
    ],
)
def test_same_markup_as_djangos_select(demo, data):
    form = SearchForm(data)
    form.is_valid()
    for name in ["section", "reporter"]:
        field = form[name]
        stock = field.as_widget(widget=forms.Select(choices=form.fields[name].choices))
        assert parse_html(str(field)) == parse_html(stock)  # attribute order and whitespace aside
        assert "<script>" not in str(field)


def test_the_chosen_option_is_selected(demo):
    form = SearchForm({"q": "세미나", "section": "world"})
    form.is_valid()
    assert '<option value="world" selected>' in str(form["section"])
    assert '<option value="" selected>' in str(form["reporter"])


@pytest.mark.parametrize(
    "data",
    [
        {"q": "스마트시티"},
        {"q": "스마트시티", "date_from": "2020-08-06", "date_to": "2020-08-31"},
        {"q": "스마트시티", "date_from": '"><script>alert(1)</script>', "date_to": "2020-99-01"},  # shown with errors
    ],
)
def test_same_markup_as_djangos_date_input(demo, data):
    form = SearchForm(data)
    form.is_valid()
    for name in ["date_from", "date_to"]:
        field = form[name]
        stock = field.as_widget(widget=forms.DateInput(attrs={"type": "date"}))
        assert parse_html(str(field)) == parse_html(stock)  # attribute order aside
        assert "<script>" not in str(field)
    assert str(SearchForm()["date_from"]) == '<input type="date" name="date_from" id="id_date_from">'


@pytest.mark.parametrize("value", ["", "b", ["b"], None, '"><script>'])
def test_hostile_choices_read_as_djangos(value):
    """Labels and values come from the database (reporter names): escaped exactly as Django escapes them, and
    only the first option equal to the value is selected, as Select does."""
    choices = [("", "전체"), ("b", '<b>"기자"&amp;</b>'), ("b", "다시 b"), ('"><script>', "x' onmouseover='y")]
    attrs = {"id": "id_reporter", "data-x": '"<&>'}
    plain = PlainSelect(choices=choices).render("reporter", value, attrs)
    stock = forms.Select(choices=choices).render("reporter", value, attrs)
    assert parse_html(plain) == parse_html(stock)
    assert "<script>" not in plain and "<b>" not in plain
