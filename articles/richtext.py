"""The article body: a ProseMirror editor in the admin, sanitised on the server.

The editor's extensions and the server-side allowlist come from one
configuration (django-prose-editor derives the nh3 rules from it), so what a
reporter can make in the editor is exactly what survives sanitising. The
field sanitises in ``pre_save`` as well as in forms: no code path (admin,
shell, demo loader, a future API) can store a script, an event handler or a
``javascript:`` URL.
"""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField, create_sanitizer

BODY_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    # A photo from the library, by reference: <figure data-photo-id="12"></figure> (settings.py, library-photo.js).
    "LibraryPhoto": {
        "label": _("사진"),
        "placeholder": _("사진 #"),
        "libraryUrl": reverse_lazy("admin:photos_photo_changelist"),
    },
}

sanitize_body = create_sanitizer(BODY_EXTENSIONS)


class RichTextField(ProseEditorField):
    """A ProseEditorField that is sanitised on every save, not only in forms."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", BODY_EXTENSIONS)
        kwargs.setdefault("sanitize", True)
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = sanitize_body(getattr(model_instance, self.attname) or "")
        setattr(model_instance, self.attname, value)
        return value
