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
    search_fields = ["title", "event__title"]
    autocomplete_fields = ["event", "organisations"]

    def get_queryset(self, request):
        # A session's name includes its event's: the list and the autocomplete box both need it.
        return super().get_queryset(request).select_related("event")
