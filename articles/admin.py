import datetime

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles import autosave, editing, revisions
from articles.models import (
    CONTENT_FIELDS,
    REVIEW_QUEUE_ORDER,
    TRANSITION_LABELS,
    TRANSITIONS,
    Article,
    Autosave,
    Byline,
    Correction,
    EditConflict,
    Section,
    Transition,
)
from articles.preview import signed_preview_url
from articles.templatetags.richtext import richtext
from articles.widgets import TagSuggestWidget
from newsroom.templatetags.newsroom import kst, kst_short
from photos.admin import photo_thumbnail
from reporters.models import Reporter

# The search app hands its engine over in its ready() (search/apps.py): articles never imports search.
TEXT_SEARCH = {}


def register_text_search(engine):
    """engine(queryset, text) -> queryset: what the article list's search box runs."""
    TEXT_SEARCH["engine"] = engine


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class BylineForm(forms.ModelForm):
    def has_changed(self):
        # A new article's byline filled in for the reporter counts as typed, or Django would drop it.
        return super().has_changed() or (self.instance.pk is None and bool(self["reporter"].value()))


class BylineInline(admin.TabularInline):
    model = Byline
    form = BylineForm
    extra = 0
    min_num = 1
    autocomplete_fields = ["reporter"]
    ordering = ["order"]


# Handed back to the writer when a save is refused, so nothing typed is lost (the photo stays in the library).
TYPED_FIELDS = [name for name in CONTENT_FIELDS if name != "lead_photo"]


class ArticleAdminForm(forms.ModelForm):
    """The edit form; status and publish time are not fields here, the workflow buttons set them."""

    class Meta:
        model = Article
        fields = "__all__"  # noqa: DJ007 - ArticleAdmin.fieldsets choose the fields shown
        widgets = {"version": forms.HiddenInput, "tags": TagSuggestWidget}

    def clean_tags(self):
        names = self.cleaned_data["tags"]
        autosave.check_tag_names(names)
        return names

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and "version" in cleaned:
            self.check_version(cleaned["version"])
        return cleaned

    def check_version(self, version):
        """Refuse a save based on an old version, keeping what the user typed in the form."""
        # Row lock until the admin's transaction ends, so nobody saves between this check and ours.
        current = Article.objects.select_for_update().values_list("version", flat=True).get(pk=self.instance.pk)
        if current != version:
            # The next save, after the user has seen the warning, goes through with their text.
            self.data = self.data.copy()
            self.data[self.add_prefix("version")] = current
            raise EditConflict(self.instance)


class TransitionForm(forms.Form):
    """What a transition button may send along: a note, or a time to publish at."""

    note = forms.CharField(label=_("수정 요청 메모"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    at = forms.DateTimeField(
        label=_("예약 시각 (KST)"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("한국 시간(Asia/Seoul)입니다. 비워 두면 지금 출고합니다."),
    )

    def clean_at(self):
        at = self.cleaned_data["at"]
        try:
            # An offset typed by hand can push the time past what datetimes can hold.
            return at and timezone.localtime(at)
        except OverflowError:
            raise ValidationError(gettext("예약 시각이 너무 멉니다.")) from None


class MineFilter(admin.SimpleListFilter):
    title = _("내 기사")
    parameter_name = "mine"

    def lookups(self, request, model_admin):
        return [("1", _("내가 쓴 기사"))]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.owned_by(request.user)
        return queryset


class ReviewQueueFilter(admin.SimpleListFilter):
    title = _("데스크 검토")
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [("review", _("검토 대기열 (오래된 순)"))]

    def queryset(self, request, queryset):
        if self.value() == "review":
            return queryset.review_queue()
        return queryset


class CorrectionInline(admin.TabularInline):
    model = Correction
    extra = 0
    fields = ["date", "text"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    list_display = [
        "headline",
        "photo_column",
        "section",
        "byline_column",
        "state_label",
        "feedback_column",
        "published_column",
        "updated_column",
    ]
    list_filter = [ReviewQueueFilter, MineFilter, "status", "section", "bylines__reporter", "published_at"]
    search_fields = ["headline", "deck", "body", "tags__name"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["section", "lead_photo", "organisations", "events", "sessions"]
    readonly_fields = ["state_column", "lead_photo_preview", "published_at", "created_at", "updated_at", "revised_at"]
    inlines = [BylineInline, CorrectionInline]
    list_per_page = 50

    class Media:
        css = {"all": ["articles/admin.css", "articles/desk.css"]}

    fieldsets = [
        (None, {"fields": ["headline", "deck", "slug", "section", "body", "version"]}),
        (_("대표 사진"), {"fields": ["lead_photo", "lead_photo_preview"]}),
        (_("분류"), {"fields": ["tags", "organisations", "events", "sessions"]}),
        (_("출고"), {"fields": ["state_column", "published_at", "created_at", "updated_at", "revised_at"]}),
    ]

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, BylineInline) and obj.pk is None and request.method == "GET":
            # A reporter starting an article writes it under their own byline.
            reporter = Reporter.objects.filter(user=request.user).values_list("pk", flat=True).first()
            if reporter:
                kwargs["initial"] = [{"reporter": reporter}]
        return kwargs

    def get_autocomplete_fields(self, request):
        # A handful of sections reads better as a plain list than as a search box.
        fields = super().get_autocomplete_fields(request)
        if not hasattr(request, "few_sections"):  # asked once per form field; count once per request
            request.few_sections = Section.objects.count() <= settings.ADMIN_SECTION_SELECT_LIMIT
        return [name for name in fields if name != "section"] if request.few_sections else fields

    def get_queryset(self, request):
        change_requests = Transition.objects.filter(to_state=Article.Status.CHANGES_REQUESTED)
        return (
            super()
            .get_queryset(request)
            .select_related("section", "lead_photo")
            .prefetch_related(
                "bylines__reporter", Prefetch("transitions", queryset=change_requests, to_attr="change_requests")
            )
        )

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and not self.has_change_permission(request, obj):
            # Read-only pages show the body as readers see it, and not the lock's version number.
            shown = {"body": "body_rendered"}
            fieldsets = [
                (name, {**opts, "fields": [shown.get(f, f) for f in opts["fields"] if f != "version"]})
                for name, opts in fieldsets
            ]
        return fieldsets

    def get_ordering(self, request):
        if request.GET.get("queue") == "review":
            return REVIEW_QUEUE_ORDER  # the changelist orders itself, so say it here too
        return super().get_ordering(request)

    def view_on_site(self, obj):
        # Only a live article has a public page; the workflow panel links to the preview instead.
        return obj.get_absolute_url() if obj.is_published else None

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or obj.can_edit(request.user))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or obj.can_delete(request.user))

    def get_search_results(self, request, queryset, search_term):
        # The readers' engine, so editors find drafts by 스마트시티 inside 스마트시티는, as readers do.
        engine = TEXT_SEARCH.get("engine")
        if not search_term.strip() or engine is None:
            return super().get_search_results(request, queryset, search_term)
        return engine(queryset, search_term), False

    def save_model(self, request, obj, form, change):
        # Saved with its relations and a revision in save_related, through the one service function.
        pass

    def save_formset(self, request, form, formset, change):
        for instance in formset.save(commit=False):
            if isinstance(instance, Correction) and instance.created_by_id is None:
                instance.created_by = request.user
            instance.save()
        for instance in formset.deleted_objects:
            instance.delete()
        formset.save_m2m()

    def save_related(self, request, form, formsets, change):
        def relations(article):
            super(ArticleAdmin, self).save_related(request, form, formsets, change)

        try:
            editing.save_edit(
                form.instance,
                request.user,
                expected_version=form.cleaned_data.get("version"),
                changed_fields=form.changed_data,
                relations=relations,
            )
        except EditConflict:
            # The form check holds a row lock, so this only happens if that check was bypassed.
            raise PermissionDenied(gettext("다른 사람이 먼저 저장했습니다. 다시 열어 고쳐 주세요.")) from None
        # Saved for real: the draft copy of this form has done its job.
        autosave.discard(form.instance if change else None, request.user)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, object_id)
        if article is None:
            return super().change_view(request, object_id, form_url, extra_context)
        if request.method == "POST" and self.has_view_permission(request, article):
            if not self.has_change_permission(request, article):
                return self.edit_refused(request, article)
        extra_context = {
            **(extra_context or {}),
            **self.workflow_context(request, article),
            **self.autosave_context(request, article),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def add_view(self, request, form_url="", extra_context=None):
        extra_context = {**(extra_context or {}), **self.autosave_context(request, None)}
        return super().add_view(request, form_url, extra_context)

    def autosave_context(self, request, article):
        """The autosave script's address, and the person's own copy waiting to be restored, if any."""
        if article is not None and not article.can_edit(request.user):
            return {}
        copy = autosave.waiting(article, request.user)
        args = [article.pk] if article else []
        suffix = "" if article else "_new"
        return {
            "autosave_url": reverse(f"admin:articles_article_autosave{suffix}", args=args),
            "autosave_interval": settings.AUTOSAVE_INTERVAL_SECONDS,
            "autosave_copy": copy,
            "autosave_summary": autosave.summary(copy) if copy else None,
            **{
                f"autosave_{action}_url": reverse(
                    f"admin:articles_article_autosave{suffix}_action", args=[*args, action]
                )
                for action in ("restore", "discard")
            },
        }

    def edit_refused(self, request, article):
        """Say in plain words why a save was refused, and hand back what was typed (403)."""
        if article.is_owned_by(request.user):
            reason = gettext("지금 상태(%(state)s)에서는 기자가 기사를 고칠 수 없습니다. 데스크에 수정을 부탁하세요.")
        else:
            reason = gettext("다른 사람의 기사는 고칠 수 없습니다.")
        typed = [(Article._meta.get_field(f).verbose_name, request.POST.get(f, ""), f == "body") for f in TYPED_FIELDS]
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("저장하지 못했습니다"),
            "opts": self.opts,
            "original": article,
            "reason": reason % {"state": article.get_state_display()},
            "typed": [row for row in typed if row[1]],
        }
        return TemplateResponse(request, "admin/articles/article/edit_refused.html", context, status=403)

    def workflow_context(self, request, article):
        """What the workflow panel above the form shows: buttons, history, feedback."""
        names = article.available_transitions(request.user)
        history = article.transitions.select_related("actor")
        last_request = next((t for t in history if t.to_state == Article.Status.CHANGES_REQUESTED), None)
        return {
            "transitions": [(name, TRANSITION_LABELS[name]) for name in names],
            "transition_form": TransitionForm(
                initial={"at": timezone.localtime(article.published_at) if article.is_scheduled else None}
            ),
            "history": history,
            "feedback": last_request if article.status == Article.Status.CHANGES_REQUESTED else None,
            "can_share_preview": article.can_review(request.user),
            "corrections": article.corrections.all(),
            "last_save": article.last_save(),
            "preview_link": shown_preview_link(request, article),
            "preview_link_hours": settings.PREVIEW_LINK_MAX_AGE // 3600,
        }

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("autosave/", wrap(self.autosave_view), name="articles_article_autosave_new"),
            path(
                "autosave/<slug:action>/", wrap(self.autosave_action_view), name="articles_article_autosave_new_action"
            ),
            path("<path:object_id>/autosave/", wrap(self.autosave_view), name="articles_article_autosave"),
            path(
                "<path:object_id>/autosave/<slug:action>/",
                wrap(self.autosave_action_view),
                name="articles_article_autosave_action",
            ),
            path(
                "<path:object_id>/workflow/<slug:action>/",
                wrap(self.transition_view),
                name="articles_article_transition",
            ),
            path("<path:object_id>/preview-link/", wrap(self.preview_link_view), name="articles_article_preview_link"),
            path("<path:object_id>/revisions/", wrap(self.revisions_view), name="articles_article_revisions"),
            path(
                "<path:object_id>/revisions/<int:number>/restore/",
                wrap(self.restore_view),
                name="articles_article_restore",
            ),
            *super().get_urls(),
        ]

    def get_viewable(self, request, object_id):
        """The article if this user may look at it in the admin, else 404."""
        article = self.get_object(request, object_id)
        if article is None or not self.has_view_or_change_permission(request, article):
            raise Http404
        return article

    def transition_view(self, request, object_id, action):
        """A workflow button: call the model's transition, which checks who and from which state."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if action not in TRANSITIONS:
            raise Http404
        article = self.get_viewable(request, object_id)
        form = TransitionForm(request.POST)
        try:
            if not form.is_valid():
                raise ValidationError([error for errors in form.errors.values() for error in errors])
            kwargs = {
                "request_changes": {"note": form.cleaned_data["note"]},
                "publish": {"at": form.cleaned_data["at"]},
            }
            getattr(article, action)(request.user, **kwargs.get(action, {}))
        except (PermissionDenied, ValidationError) as refusal:
            self.message_user(request, refusal_text(refusal), messages.ERROR)
        else:
            self.message_user(request, done_text(article, action), messages.SUCCESS)
        return redirect("admin:articles_article_change", article.pk)

    def preview_link_view(self, request, object_id):
        """Make a signed preview link for someone without an account (editors only)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self.get_viewable(request, object_id)
        if not article.can_review(request.user):
            raise PermissionDenied
        url, expires = signed_preview_url(article)
        # Kept for this person's session so the workflow panel can show it with a copy button.
        request.session[preview_link_key(article)] = {
            "url": request.build_absolute_uri(url),
            "expires": expires.isoformat(),
        }
        self.message_user(
            request,
            gettext("미리보기 링크를 만들었습니다. %(expires)s KST까지 쓸 수 있습니다.") % {"expires": kst(expires)},
            messages.SUCCESS,
        )
        return redirect("admin:articles_article_change", article.pk)

    def autosave_target(self, request, object_id):
        """The article a copy belongs to (None for a new one), if this person may edit it; else 403/404."""
        if object_id is None:
            if not self.has_add_permission(request):
                raise PermissionDenied
            return None
        article = self.get_viewable(request, object_id)
        if not article.can_edit(request.user):
            raise PermissionDenied
        return article

    def autosave_view(self, request, object_id=None):
        """Keep the browser's copy of the form (JSON answer for the script)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if int_or_none(request.META.get("CONTENT_LENGTH")) is None or int(request.META["CONTENT_LENGTH"]) > (
            settings.AUTOSAVE_MAX_BODY_CHARS * 4 + 65536
        ):
            return JsonResponse({"error": gettext("자동 저장본이 너무 큽니다.")}, status=413)
        article = self.autosave_target(request, object_id)
        form = autosave.AutosaveForm(request.POST)
        if not form.is_valid():
            return JsonResponse(
                {"error": gettext("자동 저장하지 못했습니다."), "fields": list(form.errors)}, status=400
            )
        copy = autosave.store(article, request.user, form)
        return JsonResponse(
            {
                "saved_at": copy.saved_at.isoformat(),
                "saved_at_display": timezone.localtime(copy.saved_at).strftime("%H:%M:%S"),
            }
        )

    def autosave_action_view(self, request, action, object_id=None):
        """Restore the person's own copy through the service function, or throw it away."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if action not in ("restore", "discard"):
            raise Http404
        article = self.autosave_target(request, object_id)
        copy = get_object_or_404(Autosave, article=article, user=request.user)
        back = (
            redirect("admin:articles_article_change", article.pk) if article else redirect("admin:articles_article_add")
        )
        if action == "discard":
            copy.delete()
            self.message_user(request, gettext("자동 저장본을 버렸습니다."))
            return back
        try:
            article = autosave.restore(copy, request.user)
        except (PermissionDenied, ValidationError) as refusal:
            self.message_user(request, refusal_text(refusal), messages.ERROR)
            return back
        self.message_user(request, gettext("자동 저장본을 되살려 저장했습니다. 저장 기록에 새 판으로 남았습니다."))
        return redirect("admin:articles_article_change", article.pk)

    def revisions_view(self, request, object_id):
        """List the revisions and show a diff between any two, or between one and what readers see."""
        article = self.get_viewable(request, object_id)
        saved = list(article.revisions.select_related("created_by"))
        by_number = {revision.number: revision for revision in saved}
        # The same objects as in the list, so the template can tell them apart by identity.
        live, published = (
            by_number.get(getattr(found, "number", None))
            for found in (article.live_revision(), article.published_revision())
        )
        compare = compare_pair(request, saved, {"live": live, "published": published})
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("%(article)s — 저장 기록") % {"article": article},
            "opts": self.opts,
            "original": article,
            "revisions": saved,
            "live": live,
            "published": published if published != live else None,
            "compare": compare,
            "diff": revisions.diff(compare[0].data, compare[1].data) if compare else None,
            "can_restore": article.can_edit(request.user),
        }
        return TemplateResponse(request, "admin/articles/article/revisions.html", context)

    def restore_view(self, request, object_id, number):
        """Show what restoring a revision would change (GET), and restore it as a new revision (POST)."""
        article = self.get_viewable(request, object_id)
        revision = get_object_or_404(article.revisions, number=number)
        if request.method == "POST":
            return self.restore(request, article, revision)
        current = revisions.snapshot(article)
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("제%(n)s판으로 되돌릴까요?") % {"n": number},
            "opts": self.opts,
            "original": article,
            "revision": revision,
            "diff": revisions.diff(current, revision.data),
            "can_restore": article.can_edit(request.user),
        }
        return TemplateResponse(request, "admin/articles/article/restore_confirm.html", context)

    def restore(self, request, article, revision):
        """Restore an earlier revision through the service function, saying what happened."""
        try:
            new = editing.restore(article, revision, request.user)
        except (PermissionDenied, ValidationError) as refusal:
            self.message_user(request, refusal_text(refusal), messages.ERROR)
            return redirect("admin:articles_article_revisions", article.pk)
        self.message_user(
            request,
            gettext("제%(old)s판을 되살려 제%(new)s판으로 저장했습니다.") % {"old": revision.number, "new": new.number},
        )
        return redirect("admin:articles_article_change", article.pk)

    @admin.display(description=_("상태"))
    def state_column(self, obj):
        if obj.is_scheduled:
            return gettext("예약 출고 · %(at)s KST") % {"at": kst(obj.published_at)}
        return obj.get_state_display()

    # The list's own short columns, so all of them fit at 1366 px (the form shows the full times).
    @admin.display(description=_("상태"), ordering="status")
    def state_label(self, obj):
        return obj.get_state_display()

    @admin.display(description=_("출고 시각"), ordering="published_at")
    def published_column(self, obj):
        return kst_short(obj.published_at) or "-"

    @admin.display(description=_("마지막 저장"), ordering="updated_at")
    def updated_column(self, obj):
        return kst_short(obj.updated_at)

    @admin.display(description=_("본문"))
    def body_rendered(self, obj):
        return richtext(obj.body)

    @admin.display(description=_("데스크 메모"))
    def feedback_column(self, obj):
        if obj.status != Article.Status.CHANGES_REQUESTED:
            return ""
        # Newest first (Transition.Meta.ordering): the note the reporter has to act on now.
        return obj.change_requests[0].note if obj.change_requests else ""

    @admin.display(description=_("사진"))
    def photo_column(self, obj):
        return photo_thumbnail(obj.lead_photo)

    @admin.display(description=_("지금 대표 사진"))
    def lead_photo_preview(self, obj):
        if obj is None or obj.lead_photo is None:
            return "—"
        photo = obj.lead_photo
        return format_html("{} {}", photo_thumbnail(photo, crop="full", width=320), photo.credit)

    @admin.display(description=_("기자"))
    def byline_column(self, obj):
        return ", ".join(byline.reporter.name for byline in obj.ordered_bylines())


def preview_link_key(article):
    return f"articles.preview_link.{article.pk}"


def shown_preview_link(request, article):
    """The signed preview link this person made for the article, while it still works."""
    link = request.session.get(preview_link_key(article))
    if not isinstance(link, dict) or not article.can_review(request.user):
        return None
    try:
        expires = datetime.datetime.fromisoformat(link["expires"])
    except (KeyError, TypeError, ValueError):
        return None
    if expires <= timezone.now():
        return None
    return {"url": link.get("url", ""), "expires": expires}


def refusal_text(refusal):
    """A refusal's message in plain words."""
    if isinstance(refusal, ValidationError):
        return " ".join(refusal.messages)
    return str(refusal) or gettext("권한이 없습니다.")


def done_text(article, action):
    """What the user sees after a transition went through."""
    if article.is_scheduled:
        when = kst(article.published_at)
        return gettext("%(when)s (KST)에 출고하도록 예약했습니다.") % {"when": when}
    return gettext("'%(action)s' 처리했습니다. 지금 상태: %(state)s") % {
        "action": TRANSITION_LABELS[action],
        "state": article.get_state_display(),
    }


def compare_pair(request, saved, named):
    """The two revisions to compare, older first, from ?a=&b= (numbers, or a name: live, published).

    A name alone compares that version with the newest; without choices, the newest two.
    """
    by_number = {revision.number: revision for revision in saved}

    def pick(key):
        value = request.GET.get(key)
        return named.get(value) or by_number.get(int_or_none(value))

    a, b = pick("a"), pick("b")
    if b and not a and request.GET.get("b") in named and saved:
        a = saved[0]
    if a and b:
        return (a, b) if a.number <= b.number else (b, a)
    return (saved[1], saved[0]) if len(saved) >= 2 else None


def int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
