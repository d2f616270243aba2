"""Security on every request: the Content-Security-Policy, and the second factor outside the admin."""

from csp.middleware import CSPMiddleware
from django import forms
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils.functional import SimpleLazyObject
from js_asset import Media

from accounts import twofactor


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with CONTENT_SECURITY_POLICY_ADMIN under ADMIN_URL.

    The admin's form media (the rich-text editor's import map is an inline script) gets the
    request's nonce, so the admin needs no 'unsafe-inline' for scripts either.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN
        return parts

    def process_template_response(self, request, response):
        media = (response.context_data or {}).get("media")
        if isinstance(media, forms.Media) and hasattr(request, "csp_nonce"):
            response.context_data["media"] = Media.from_media(media, nonce=request.csp_nonce)
        return response


def is_admin_path(path):
    return path.startswith("/" + settings.ADMIN_URL)


class SecondFactorMiddleware:
    """Outside the admin, a password-only session of someone who owes a second factor is anonymous.

    The admin sends such a person to the code step itself (accounts/admin_site.py); every other
    view that trusts request.user (staff previews of drafts, a draft's photo) must not let a
    stolen password through either, whichever app it lives in. Install after OTPMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_admin_path(request.path_info):
            user = request.user
            request.user = SimpleLazyObject(lambda: AnonymousUser() if twofactor.owes_second_factor(user) else user)
        return self.get_response(request)
