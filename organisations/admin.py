from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from newsroom.admin_utils import thumbnail
from organisations.models import Organisation


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "acronym", "logo_column", "kind", "country", "headquarters"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "name_en", "name_native", "acronym"]
    prepopulated_fields = {"slug": ["acronym"]}
    fieldsets = [
        (None, {"fields": ["name", "name_en", "name_native", "acronym", "slug", "kind"]}),
        (_("소재·연혁"), {"fields": ["country", "headquarters", "founded", "website"]}),
        (_("대표자"), {"fields": ["head_title", "head_name"]}),
        (_("소개"), {"fields": ["description", "logo"]}),
    ]

    @admin.display(description=_("로고"))
    def logo_column(self, obj):
        return thumbnail(obj.logo_thumb if obj.logo else None, obj.name)
