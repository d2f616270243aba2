"""Setting the focal point by clicking the picture (photos/focal-point.js; no inline script)."""

from django import forms


class FocalPointWidget(forms.NumberInput):
    """The focal point's x as a number, with the picture to click above it (x and y are set together)."""

    template_name = "photos/widgets/focal_point.html"

    def __init__(self, attrs=None):
        super().__init__({"step": "0.001", "min": "0", "max": "1", **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["preview_url"] = self.attrs.get("data-preview-url", "")
        return context

    @property
    def media(self):
        return forms.Media(js=["photos/focal-point.js"], css={"all": ["photos/admin.css"]})
