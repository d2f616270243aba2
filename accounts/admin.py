"""Second-factor devices in the admin, in Korean: who has one, its state, delete it, unlock it.

Nobody adds or edits a device here (enrolling shows the secret, and only its owner may see
it, on the enrol page), and no page shows a TOTP key or a backup code. django-otp's own
admin pages (English, with the key and the codes) are unregistered.
"""

from collections import Counter

from django import forms
from django.contrib import admin
from django.contrib.auth import get_permission_codename
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

# Imported first so that their registrations exist to be undone (the admin imports
# accounts.admin before the django-otp plugins' own admin modules).
from django_otp.plugins.otp_static import admin as static_admin
from django_otp.plugins.otp_totp import admin as totp_admin

from accounts import twofactor
from accounts.models import AppDevice, BackupCodeSet

admin.site.unregister(totp_admin.TOTPDevice)
admin.site.unregister(static_admin.StaticDevice)

HELP_TEXTS = {
    "person": _("이 기기로 로그인하는 사람의 로그인 이름(과 이름)."),
    "created": _("등록을 시작한 때."),
    "last_used": _("이 기기의 코드로 마지막으로 로그인한 때."),
    "failures": _("틀린 코드를 잇달아 넣은 횟수. 맞는 코드를 넣으면 0으로 돌아갑니다."),
    "last_failure": _("마지막으로 틀린 코드를 넣은 때."),
    "lock": _(
        "틀릴 때마다 다음 시도까지 기다릴 시간이 두 배로 늘어납니다. "
        "목록에서 ‘실패 횟수 초기화’를 고르면 바로 풀립니다."
    ),
    "status": _("등록 중인 기기는 인증 앱의 코드를 한 번 확인하기 전이라 로그인에 쓰이지 않습니다."),
    "codes_left": _("아직 쓰지 않은 일회용 백업 코드 수. 코드 자체는 주인만 한 번 봅니다."),
}


class ConfirmedFilter(admin.SimpleListFilter):
    title = _("등록 상태")
    parameter_name = "confirmed"

    def lookups(self, request, model_admin):
        return [("1", _("등록 마침")), ("0", _("등록 중"))]

    def queryset(self, request, queryset):
        if self.value() in ("0", "1"):
            return queryset.filter(confirmed=self.value() == "1")
        return queryset


class FailuresFilter(admin.SimpleListFilter):
    title = _("틀린 코드")
    parameter_name = "failures"

    def lookups(self, request, model_admin):
        return [("1", _("잇달아 틀림"))]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.filter(throttling_failure_count__gt=0)
        return queryset


class DeviceAdmin(admin.ModelAdmin):
    """What the two kinds of device share: read-only pages, delete, and the unlock action."""

    search_fields = ["user__username", "user__first_name", "user__last_name", "user__email"]
    search_help_text = _("로그인 이름, 이름, 이메일로 찾습니다.")
    actions = ["reset_throttling"]
    list_per_page = 50

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user")

    # Superusers, and whoever holds either the proxy's permission or django-otp's own.
    def _may(self, request, action):
        return any(
            request.user.has_perm(f"{opts.app_label}.{get_permission_codename(action, opts)}")
            for opts in (self.opts, self.opts.concrete_model._meta)
        )

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_view_permission(self, request, obj=None):
        return self._may(request, "view") or self._may(request, "change")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return self._may(request, "delete")

    def has_reset_throttling_permission(self, request):
        return self._may(request, "change")

    @admin.action(description=_("실패 횟수 초기화 (잠금 풀기)"), permissions=["reset_throttling"])
    def reset_throttling(self, request, queryset):
        devices = list(queryset)
        twofactor.reset_throttling(queryset)
        for device in devices:
            self.log_change(request, device, gettext("실패 횟수를 초기화했습니다."))
        self.message_user(
            request,
            ngettext(
                "기기 %(count)d개의 잠금을 풀었습니다. 바로 다시 코드를 넣을 수 있습니다.",
                "기기 %(count)d개의 잠금을 풀었습니다. 바로 다시 코드를 넣을 수 있습니다.",
                len(devices),
            )
            % {"count": len(devices)},
        )

    def get_deleted_objects(self, objs, request):
        """What a deletion removes, listed in Korean and without a single code."""
        devices = self.deleted_with(objs)
        listing = [format_html("{}: {}", device._meta.verbose_name, describe(device)) for device in devices]
        counts = Counter(str(device._meta.verbose_name_plural) for device in devices)
        perms_needed = {
            str(device._meta.verbose_name)
            for device in devices
            if not self.admin_site.get_model_admin(type(device)).has_delete_permission(request)
        }
        return listing, dict(counts), perms_needed, []

    def deleted_with(self, objs):
        return list(objs)

    @admin.display(description=_("계정"), ordering="user__username")
    def person(self, device):
        user = device.user
        name = user.get_full_name()
        return f"{name} ({user.get_username()})" if name else user.get_username()

    @admin.display(description=_("만든 때"), ordering="created_at")
    def created(self, device):
        return moment(device.created_at)

    @admin.display(description=_("마지막 사용"), ordering="last_used_at")
    def last_used(self, device):
        return moment(device.last_used_at)

    @admin.display(description=_("연속 실패"), ordering="throttling_failure_count")
    def failures(self, device):
        return device.throttling_failure_count

    @admin.display(description=_("마지막 실패"), ordering="throttling_failure_timestamp")
    def last_failure(self, device):
        return moment(device.throttling_failure_timestamp)

    @admin.display(description=_("잠금"), ordering="throttling_failure_timestamp")
    def lock(self, device):
        allowed, details = device.verify_is_allowed()
        if allowed or "locked_until" not in details:
            return _("풀림")
        return gettext("%(until)s까지 잠김") % {"until": moment(details["locked_until"])}


def korean_help_form(model):
    """A form with no fields whose Meta carries HELP_TEXTS: the admin reads read-only fields' help
    texts from the form, and django-otp's own are English."""
    return forms.modelform_factory(model, fields=(), help_texts=HELP_TEXTS)


@admin.register(AppDevice)
class AppDeviceAdmin(DeviceAdmin):
    """Deleting a lost phone's device resets the person: their backup codes go too, so the
    next login sends them to the enrol page (which hands out new codes)."""

    form = korean_help_form(AppDevice)
    list_display = ["person", "status", "created", "last_used", "lock"]
    list_filter = [ConfirmedFilter, FailuresFilter]
    fields = ["person", "status", "created", "last_used", "failures", "last_failure", "lock"]
    readonly_fields = fields
    ordering = ["user__username"]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("key")

    @admin.display(description=_("등록 상태"), ordering="confirmed")
    def status(self, device):
        return _("등록 마침") if device.confirmed else _("등록 중 (코드 확인 전)")

    def deleted_with(self, objs):
        users = {device.user_id for device in objs}
        return [
            *AppDevice.objects.filter(user__in=users).select_related("user").defer("key"),
            *BackupCodeSet.objects.filter(user__in=users).select_related("user").with_codes_left(),
        ]

    def delete_model(self, request, obj):
        twofactor.turn_off(obj.user)

    def delete_queryset(self, request, queryset):
        for user in {device.user for device in queryset}:
            twofactor.turn_off(user)


@admin.register(BackupCodeSet)
class BackupCodeSetAdmin(DeviceAdmin):
    form = korean_help_form(BackupCodeSet)
    list_display = ["person", "codes_left", "created", "last_used", "lock"]
    list_filter = [FailuresFilter]
    fields = ["person", "codes_left", "created", "last_used", "failures", "last_failure", "lock"]
    readonly_fields = fields
    ordering = ["user__username"]

    def get_queryset(self, request):
        return super().get_queryset(request).with_codes_left()

    @admin.display(description=_("남은 코드"), ordering="codes_left")
    def codes_left(self, device):
        return codes_left(device)


def moment(when):
    """A time as the change page shows it too (the admin localises only list columns)."""
    return formats.date_format(timezone.localtime(when), "DATETIME_FORMAT") if when else "-"


def codes_left(backup_codes):
    count = backup_codes.codes_left
    return ngettext("%(count)d개", "%(count)d개", count) % {"count": count}


def describe(device):
    """A device as a deletion lists it: its owner, and for backup codes how many (never which)."""
    return f"{device} ({codes_left(device)})" if isinstance(device, BackupCodeSet) else str(device)
