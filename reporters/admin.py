from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from newsroom.admin_utils import thumbnail
from reporters.models import Reporter


@admin.register(Reporter)
class ReporterAdmin(admin.ModelAdmin):
    list_display = ["name", "title", "photo_column", "email", "user", "is_active"]
    list_filter = ["is_active", "title"]
    search_fields = ["name", "email", "user__username"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user"]

    @admin.display(description=_("사진"))
    def photo_column(self, obj):
        return thumbnail(obj.photo_thumb if obj.photo else None, obj.name)
