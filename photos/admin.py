"""The photo library in the admin: thumbnails, search by caption and credit, the focal point by a click."""

from django.contrib import admin
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from photos.forms import PhotoForm
from photos.models import Photo
from photos.services import save_photo
from photos.templatetags.photos import rendition_url


def photo_thumbnail(photo, crop="square", width=160):
    """A small <img> of a photo for admin lists (the staff-only view serves unpublished ones), or a dash."""
    if not photo or "jpg" not in photo.formats or not photo.rendition_widths(crop):
        return "—"
    widths = photo.rendition_widths(crop)
    chosen = next((w for w in widths if w >= width), widths[-1])
    url = rendition_url(photo, crop, chosen, "jpg")
    return format_html('<img class="photo-thumb" src="{}" alt="{}" loading="lazy">', url, photo.alt_text)


class UsedFilter(admin.SimpleListFilter):
    title = _("기사에 쓰임")
    parameter_name = "used"

    def lookups(self, request, model_admin):
        return [("yes", _("기사에 쓰인 사진")), ("no", _("아직 안 쓴 사진"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(uses__isnull=False).distinct()
        if self.value() == "no":
            return queryset.filter(uses__isnull=True)
        return queryset


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin):
    form = PhotoForm
    list_display = ["thumbnail_column", "caption", "credit", "size_column", "uses_column", "uploaded_by", "uploaded_at"]
    list_display_links = ["thumbnail_column", "caption"]
    list_filter = [UsedFilter, "uploaded_at", "uploaded_by"]
    search_fields = ["caption", "credit", "alt_text"]
    date_hierarchy = "uploaded_at"
    readonly_fields = ["size_column", "uploaded_by", "uploaded_at", "original_link"]
    list_per_page = 60
    ordering = ["-uploaded_at", "-id"]

    class Media:
        css = {"all": ["photos/admin.css"]}

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("uploaded_by").annotate(use_count=Count("uses"))

    def get_fields(self, request, obj=None):
        # A photo keeps its file: a different picture is a new photo, so articles never change under readers.
        fields = ["caption", "credit", "alt_text", "focal_x", "focal_y"]
        if obj is None:
            return ["image", *fields]
        return [*fields, "size_column", "original_link", "uploaded_by", "uploaded_at"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if obj is not None and "jpg" in obj.formats and obj.rendition_widths("full"):
            preview = rendition_url(obj, "full", obj.rendition_widths("full")[:2][-1], "jpg")
            form.base_fields["focal_x"].widget.attrs["data-preview-url"] = preview
        return form

    def has_change_permission(self, request, obj=None):
        # A published photo's caption is the desk's to change, like the article it runs in.
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or obj.can_edit(request.user))

    def get_urls(self):
        thumbnail = self.admin_site.admin_view(self.thumbnail_view)
        return [path("<int:pk>/thumbnail/", thumbnail, name="photos_photo_thumbnail"), *super().get_urls()]

    def thumbnail_view(self, request, pk):
        """A redirect to a photo's small rendition, for the body editor's placeholder (staff only)."""
        photo = self.get_object(request, str(pk))
        if photo is None or not self.has_view_or_change_permission(request, photo):
            raise Http404
        widths = photo.rendition_widths("full")
        if "jpg" not in photo.formats or not widths:
            raise Http404
        return redirect(rendition_url(photo, "full", widths[0], "jpg"))

    def save_model(self, request, obj, form, change):
        save_photo(obj, by=request.user)

    @admin.display(description=_("사진"))
    def thumbnail_column(self, obj):
        return photo_thumbnail(obj)

    @admin.display(description=_("크기"))
    def size_column(self, obj):
        return f"{obj.width}×{obj.height}"

    @admin.display(description=_("쓴 기사 수"), ordering="use_count")
    def uses_column(self, obj):
        return getattr(obj, "use_count", None)

    @admin.display(description=_("원본"))
    def original_link(self, obj):
        url = reverse("articles:photo_original", args=[obj.key])
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', url, _("정리된 원본 보기"))
