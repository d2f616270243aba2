"""The desk edits the paper's details, its own pages and the front page here."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.models import BaseInlineFormSet
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from publication.models import FrontPage, FrontPageStory, IndexNowLog, Page, SiteSettings


class SingleRecordAdmin(admin.ModelAdmin):
    """A model with exactly one row: the list opens that row, and it cannot be deleted."""

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        self.model.objects.get_or_create(pk=1, defaults=self.defaults())
        return redirect(reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[1]))

    def defaults(self):
        return {}

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SiteSettings)
class SiteSettingsAdmin(SingleRecordAdmin):
    fieldsets = [
        (None, {"fields": ["name", "logo", "description", "site_url", "email"]}),
        (
            _("법정 표시 사항"),
            {
                "description": _("신문 등 진흥에 관한 법률에 따라 모든 쪽 아래에 나오는 정보입니다."),
                "fields": [
                    "registration_number",
                    "registration_date",
                    "publisher",
                    "editor",
                    "youth_protection_officer",
                    "address",
                    "phone",
                ],
            },
        ),
        (_("독자 댓글"), {"fields": ["comments_enabled", "comments_moderation"]}),
        (
            _("검색엔진"),
            {
                "fields": [
                    "naver_verification",
                    "google_verification",
                    "bing_verification",
                    "indexnow_key",
                    "indexnow_enabled",
                ]
            },
        ),
    ]

    def defaults(self):
        return {"name": str(SiteSettings.current().name)}


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "updated_at"]
    search_fields = ["title", "body"]

    def view_on_site(self, obj):
        return obj.get_absolute_url()


class FrontPageStoryFormSet(BaseInlineFormSet):
    def clean(self):
        """One lead and each article once, checked across the rows before the database refuses them."""
        super().clean()
        rows = [form.cleaned_data for form in self.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")]
        if sum(1 for row in rows if row.get("is_lead")) > 1:
            raise ValidationError(gettext("머리기사는 하나만 고를 수 있습니다."))
        articles = [row["article"].pk for row in rows if row.get("article")]
        if len(articles) != len(set(articles)):
            raise ValidationError(gettext("같은 기사를 첫 화면에 두 번 올릴 수 없습니다."))


class FrontPageStoryInline(admin.TabularInline):
    model = FrontPageStory
    formset = FrontPageStoryFormSet
    fields = ["article", "is_lead", "order"]
    autocomplete_fields = ["article"]
    extra = 3
    verbose_name = _("첫 화면 기사")
    verbose_name_plural = _("머리기사와 주요 기사 (순서 칸의 작은 숫자가 앞에 옵니다)")


@admin.register(FrontPage)
class FrontPageAdmin(SingleRecordAdmin):
    inlines = [FrontPageStoryInline]
    fields = []
    readonly_fields = ["updated_at"]

    def view_on_site(self, obj):
        return reverse("front_page")


@admin.register(IndexNowLog)
class IndexNowLogAdmin(admin.ModelAdmin):
    list_display = ["at", "reason", "url", "status_code"]
    list_filter = ["reason", "status_code"]
    search_fields = ["url"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
