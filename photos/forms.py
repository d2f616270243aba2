"""The upload form: every check in photos.uploads runs before anything is stored."""

from django import forms
from django.core.files.uploadedfile import UploadedFile

from photos.models import Photo
from photos.uploads import prepare_upload
from photos.widgets import FocalPointWidget

ACCEPT = "image/jpeg,image/png,image/webp,image/gif,image/heic,image/heif,.heic,.heif"


class PhotoForm(forms.ModelForm):
    # A plain file field: Pillow's own "not a valid image" check would speak before ours, and less clearly.
    image = forms.FileField(
        label=Photo._meta.get_field("image").verbose_name,
        help_text=Photo._meta.get_field("image").help_text,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )

    class Meta:
        model = Photo
        fields = ["image", "caption", "credit", "alt_text", "focal_x", "focal_y"]
        widgets = {"focal_x": FocalPointWidget, "focal_y": forms.NumberInput(attrs={"step": "0.001"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # A photo keeps its file (PhotoAdmin.get_fields): a different picture is a new photo.
            self.fields.pop("image", None)

    def clean_image(self):
        upload = self.cleaned_data["image"]
        if isinstance(upload, UploadedFile):
            content, _size = prepare_upload(upload)
            return content
        return upload
