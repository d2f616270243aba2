"""The desk's moderation queue, the ban lists, and the per-article switch on the article's page."""

from django.contrib import admin, messages
from django.forms.models import BaseInlineFormSet
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles.admin import ArticleAdmin
from articles.models import Article
from comments.models import ArticleCommentOption, BannedAddress, BannedWord, Comment, can_moderate
from newsroom.templatetags.newsroom import kst


class WaitingFilter(admin.SimpleListFilter):
    title = _("검토")
    parameter_name = "waiting"

    def lookups(self, request, model_admin):
        return [("1", _("검토를 기다리는 댓글"))]

    def queryset(self, request, queryset):
        return queryset.waiting() if self.value() == "1" else queryset


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["status", "excerpt", "article_column", "name", "created_column", "ip", "address_column"]
    list_display_links = ["excerpt"]
    list_filter = [WaitingFilter, "status", ("article", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "body"]
    list_select_related = ["article"]
    list_per_page = 50
    actions = ["approve", "hide", "delete_selected"]
    fields = [
        "article",
        "name",
        "email",
        "ip",
        "created_at",
        "body",
        "held_because",
        "status",
        "moderated_by",
        "moderated_at",
    ]
    readonly_fields = [f for f in fields if f != "status"]
    ordering = ["-created_at"]  # the queue's own order (pending first) is set in get_queryset

    def get_queryset(self, request):
        return Comment.objects.visible_to(request.user).for_queue()

    def get_ordering(self, request):
        # Without a column picked, the changelist keeps the queue's order: pending first.
        return ["queue_rank", "-created_at"]

    def get_list_display(self, request):
        if can_moderate(request.user):
            return self.list_display
        # Reporters read what readers said about their story, not who the readers are.
        return ["status", "excerpt", "article_column", "name", "created_column"]

    def get_fields(self, request, obj=None):
        if can_moderate(request.user):
            return self.fields
        return ["article", "name", "created_at", "body", "status"]

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if can_moderate(request.user) else self.get_fields(request, obj)

    def get_actions(self, request):
        return super().get_actions(request) if can_moderate(request.user) else {}

    def has_add_permission(self, request):
        return False  # comments come from readers

    def has_view_permission(self, request, obj=None):
        if not super().has_view_permission(request, obj):
            return False
        return obj is None or Comment.objects.visible_to(request.user).filter(pk=obj.pk).exists()

    def has_change_permission(self, request, obj=None):
        return can_moderate(request.user) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return can_moderate(request.user) and super().has_delete_permission(request, obj)

    @admin.display(description=_("내용"))
    def excerpt(self, obj):
        return obj.body if len(obj.body) <= 60 else obj.body[:60] + "…"

    @admin.display(description=_("기사"), ordering="article__headline")
    def article_column(self, obj):
        return obj.article.headline

    @admin.display(description=_("작성 시각"), ordering="created_at")
    def created_column(self, obj):
        return kst(obj.created_at)

    @admin.display(description=_("이 주소의 댓글"))
    def address_column(self, obj):
        if not obj.ip:
            return "-"
        url = reverse("admin:comments_comment_changelist") + f"?ip={obj.ip}"
        return format_html('<a href="{}">{}</a>', url, obj.address_comments)

    def lookup_allowed(self, lookup, value, request=None):
        # The address column links to ?ip=…; only the desk may look comments up by address.
        if lookup == "ip":
            return request is not None and can_moderate(request.user)
        return super().lookup_allowed(lookup, value, request)

    def moderate(self, request, queryset, status, message):
        count = queryset.moderate(status, request.user)
        self.message_user(request, message % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("고른 댓글 승인"), permissions=["change"])
    def approve(self, request, queryset):
        self.moderate(request, queryset, Comment.Status.APPROVED, gettext("댓글 %(count)d건을 승인했습니다."))

    @admin.action(description=_("고른 댓글 숨기기"), permissions=["change"])
    def hide(self, request, queryset):
        self.moderate(request, queryset, Comment.Status.HIDDEN, gettext("댓글 %(count)d건을 숨겼습니다."))

    def save_model(self, request, obj, form, change):
        # The status is the only field the desk edits; it goes through the same path as the bulk actions.
        Comment.objects.filter(pk=obj.pk).moderate(form.cleaned_data["status"], request.user)

    def delete_model(self, request, obj):
        Comment.objects.filter(pk=obj.pk).remove(request.user)

    def delete_queryset(self, request, queryset):
        queryset.remove(request.user)


class BanAdmin(admin.ModelAdmin):
    list_display = ["__str__", "action", "note"]
    list_filter = ["action"]

    def has_module_permission(self, request):
        return can_moderate(request.user) and super().has_module_permission(request)


@admin.register(BannedWord)
class BannedWordAdmin(BanAdmin):
    search_fields = ["word", "note"]


@admin.register(BannedAddress)
class BannedAddressAdmin(BanAdmin):
    search_fields = ["address", "note"]


class LeaveAloneIfMissingFormSet(BaseInlineFormSet):
    """A save of the article that does not send this section (another screen, a script) leaves the switch as is."""

    def __init__(self, data=None, *args, prefix=None, **kwargs):
        name = prefix or self.get_default_prefix()
        if data is not None and f"{name}-TOTAL_FORMS" not in data:
            data = data.copy()
            data.update({f"{name}-TOTAL_FORMS": "0", f"{name}-INITIAL_FORMS": "0"})
        super().__init__(data, *args, prefix=prefix, **kwargs)


class CommentOptionInline(admin.StackedInline):
    model = ArticleCommentOption
    formset = LeaveAloneIfMissingFormSet
    can_delete = False
    verbose_name_plural = _("독자 댓글")

    def has_view_permission(self, request, obj=None):
        return can_moderate(request.user)

    def has_add_permission(self, request, obj=None):
        return can_moderate(request.user)

    def has_change_permission(self, request, obj=None):
        return can_moderate(request.user)


# The switch sits on the article's own page; articles knows nothing of comments, so it is added from here.
admin.site.unregister(Article)


@admin.register(Article)
class ArticleWithCommentsAdmin(ArticleAdmin):
    inlines = [*ArticleAdmin.inlines, CommentOptionInline]
