"""Admin widgets for articles."""

from django import forms
from django.urls import reverse_lazy
from taggit.forms import TagWidget


class TagSuggestWidget(TagWidget):
    """django-taggit's comma-separated input, with suggestions from existing tags.

    Suggestions come from the admin's own autocomplete endpoint (the same one
    the reporter and organisation boxes use, with its permission checks), so a
    reporter sees only what the Tag admin lets them view.
    """

    def __init__(self, attrs=None):
        attrs = {
            "data-tag-suggest": reverse_lazy("admin:autocomplete"),
            "autocomplete": "off",
            "size": 60,
            **(attrs or {}),
        }
        super().__init__(attrs)

    @property
    def media(self):
        return forms.Media(js=["articles/tag-suggest.js"])
