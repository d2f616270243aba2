from django.contrib import admin

from events.models import Event, Session


class SessionInline(admin.StackedInline):
    model = Session
    extra = 0
    ordering = ["order"]
    autocomplete_fields = ["organisations"]
    fields = ["order", "title", "description", "organisations", ("starts_at", "ends_at")]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "format", "starts_at", "venue"]
    list_filter = ["kind", "format", "starts_at"]
    search_fields = ["title", "venue", "organisers__name", "organisers__acronym"]
    date_hierarchy = "starts_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["organisers"]
    inlines = [SessionInline]


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    """Sessions are edited under their event; this list exists for search and autocomplete."""

    list_display = ["title", "event", "order"]
    list_select_related = ["event"]
    search_fields = ["title", "event__title"]
    autocomplete_fields = ["event", "organisations"]

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        return queryset.select_related("event"), may_have_duplicates
