"""Content-Security-Policy on every response: the readers' policy, and the admin's own."""

from csp.middleware import CSPMiddleware
from django import forms
from django.conf import settings
from js_asset import Media


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
