from django import forms
from django.contrib import admin
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Byline, Section
from articles.search import admin_search
from newsroom.admin_utils import thumbnail
from newsroom.context_processors import SECTIONS_CACHE_KEY

# Changing these after publication prints "수정 …" on the article page.
CONTENT_FIELDS = {"headline", "deck", "body", "photo", "photo_caption", "photo_credit", "photo_alt"}


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        cache.delete(SECTIONS_CACHE_KEY)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        cache.delete(SECTIONS_CACHE_KEY)


class BylineInline(admin.TabularInline):
    model = Byline
    extra = 0
    min_num = 1
    autocomplete_fields = ["reporter"]
    ordering = ["order"]


class ArticleAdminForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = "__all__"  # noqa: DJ007 - ArticleAdmin.fieldsets choose the fields shown

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == Article.Status.PUBLISHED and not cleaned.get("published_at"):
            cleaned["published_at"] = timezone.now()
        return cleaned


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    list_display = ["headline", "photo_column", "section", "byline_column", "status", "published_at", "updated_at"]
    list_filter = ["status", "section", "bylines__reporter", "published_at"]
    search_fields = ["headline", "deck", "body", "tags__name"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["section", "organisations", "events", "sessions"]
    readonly_fields = ["created_at", "updated_at", "revised_at"]
    inlines = [BylineInline]
    list_per_page = 50
    fieldsets = [
        (None, {"fields": ["headline", "deck", "slug", "section", "body"]}),
        (_("대표 사진"), {"fields": ["photo", "photo_caption", "photo_credit", "photo_alt"]}),
        (_("분류"), {"fields": ["tags", "organisations", "events", "sessions"]}),
        (_("출고"), {"fields": ["status", "published_at", "created_at", "updated_at", "revised_at"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("section").prefetch_related("bylines__reporter")

    def get_search_results(self, request, queryset, search_term):
        # The readers' engine, so editors find drafts by 스마트시티 inside 스마트시티는, as readers do.
        if not search_term.strip():
            return super().get_search_results(request, queryset, search_term)
        return admin_search(queryset, search_term), False

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.has_perm("articles.publish_article"):
            # Only editors decide when an article goes out.
            fields += ["status", "published_at"]
        return fields

    def save_model(self, request, obj, form, change):
        was_public = change and Article.objects.published().filter(pk=obj.pk).exists()
        if was_public and CONTENT_FIELDS & set(form.changed_data):
            obj.revised_at = timezone.now()
        super().save_model(request, obj, form, change)

    @admin.display(description=_("사진"))
    def photo_column(self, obj):
        return thumbnail(obj.photo_thumb if obj.photo else None, obj.photo_alt)

    @admin.display(description=_("기자"))
    def byline_column(self, obj):
        return ", ".join(byline.reporter.name for byline in obj.ordered_bylines())
