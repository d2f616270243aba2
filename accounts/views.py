"""Two-factor pages of the admin (enrol, verify, manage) and the lockout page."""

import base64
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp import match_token

from accounts import twofactor
from accounts.forms import TokenForm


def _next_url(request, site):
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(url, {request.get_host()}, require_https=request.is_secure()):
        return url
    return reverse("admin:index", current_app=site.name)


def _page(request, site, template, title, **context):
    context = {**site.each_context(request), "title": title, "next": _next_url(request, site), **context}
    return render(request, template, context)


def verify(request, site):
    """Second step of the login: a code from the authenticator app, or a backup code."""
    if not twofactor.is_enrolled(request.user):
        return HttpResponseRedirect(reverse("admin:two_factor_setup", current_app=site.name))
    form = TokenForm(request.POST or None)
    if form.is_valid():
        device = match_token(request.user, form.cleaned_data["otp_token"])
        if device is not None:
            otp_login(request, device)
            if device.name == twofactor.BACKUP_DEVICE_NAME:
                left = twofactor.remaining_backup_codes(request.user)
                messages.warning(request, _("백업 코드를 썼습니다. 남은 백업 코드: %(count)d개.") % {"count": left})
            return HttpResponseRedirect(_next_url(request, site))
        form.add_error("otp_token", _("인증 코드가 맞지 않거나 이미 쓴 코드입니다. 잠시 뒤 새 코드로 다시 해 보세요."))
    return _page(request, site, "accounts/verify.html", _("2단계 인증"), form=form)


def setup(request, site):
    """Enrol an authenticator app: scan the QR code, type one code to prove it works."""
    if twofactor.is_enrolled(request.user):
        name = "two_factor" if request.user.is_verified() else "two_factor_verify"
        return HttpResponseRedirect(reverse(f"admin:{name}", current_app=site.name))
    device = twofactor.pending_app_device(request.user)
    form = TokenForm(request.POST or None)
    if form.is_valid():
        if device.verify_token(form.cleaned_data["otp_token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            codes = twofactor.new_backup_codes(request.user)
            otp_login(request, device)
            return _page(request, site, "accounts/backup_codes.html", _("백업 코드"), codes=codes)
        form.add_error("otp_token", _("코드가 맞지 않습니다. 인증 앱의 시계가 맞는지 보고, 새 코드로 다시 해 보세요."))
    return _page(
        request,
        site,
        "accounts/setup.html",
        _("2단계 인증 등록"),
        form=form,
        qr_code=qr_data_uri(device.config_url),
        secret=base64.b32encode(device.bin_key).decode(),
        required=twofactor.is_required(request.user),
    )


def overview(request, site):
    """The signed-in person's two-factor status: enrol, new backup codes, turn off."""
    user = request.user
    form = TokenForm(request.POST or None)
    action = request.POST.get("action")
    if action == "backup_codes":
        codes = twofactor.new_backup_codes(user)
        return _page(request, site, "accounts/backup_codes.html", _("백업 코드"), codes=codes)
    if action == "turn_off" and form.is_valid():
        if match_token(user, form.cleaned_data["otp_token"]) is not None:
            twofactor.turn_off(user)
            messages.success(request, _("2단계 인증을 껐습니다."))
            return HttpResponseRedirect(reverse("admin:two_factor", current_app=site.name))
        form.add_error("otp_token", _("인증 코드가 맞지 않습니다."))
    return _page(
        request,
        site,
        "accounts/overview.html",
        _("2단계 인증"),
        form=form if action == "turn_off" else TokenForm(),
        enrolled=twofactor.is_enrolled(user),
        required=twofactor.is_required(user),
        backup_codes_left=twofactor.remaining_backup_codes(user),
    )


def qr_data_uri(text):
    """The otpauth:// URL as an SVG QR code in a data: URI (no inline markup, no request to anyone)."""
    buffer = BytesIO()
    qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8).save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out login: a Korean page saying when to try again (429)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {**admin.site.each_context(request), "title": _("로그인이 잠겼습니다"), "minutes": minutes}
    return render(request, "accounts/lockout.html", context, status=429)
