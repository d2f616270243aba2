"""The admin site, with a second factor between the password and every page.

A password alone opens only the two-factor pages (enrol, verify) and logout for people who
need a second factor (accounts/twofactor.py); every other admin URL sends them there first.
"""

from functools import partial, wraps
from urllib.parse import urlencode

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from accounts import twofactor, views


class NewsroomAdminSite(admin.AdminSite):
    def has_permission(self, request):
        return super().has_permission(request) and not twofactor.owes_second_factor(request.user)

    def admin_view(self, view, cacheable=False):
        guarded = super().admin_view(view, cacheable)

        @wraps(view)
        def inner(request, *args, **kwargs):
            if twofactor.owes_second_factor(request.user):
                if request.path == reverse("admin:logout", current_app=self.name):
                    return view(request, *args, **kwargs)
                return self.second_factor_redirect(request, request.get_full_path())
            return guarded(request, *args, **kwargs)

        return csrf_protect(never_cache(inner))

    def login(self, request, extra_context=None):
        if twofactor.owes_second_factor(request.user):
            return self.second_factor_redirect(request, request.GET.get("next", ""))
        response = super().login(request, extra_context)
        if request.method == "POST" and twofactor.owes_second_factor(request.user):
            # The password was right; the second step picks up where the login would have gone.
            return self.second_factor_redirect(request, getattr(response, "url", ""))
        return response

    def second_factor_redirect(self, request, next_url):
        name = "two_factor_verify" if twofactor.is_enrolled(request.user) else "two_factor_setup"
        url = reverse(f"admin:{name}", current_app=self.name)
        return HttpResponseRedirect(f"{url}?{urlencode({'next': next_url})}" if next_url else url)

    def password_view(self, view):
        """A page for any signed-in staff member, second factor or not (enrolment, verification)."""

        @wraps(view)
        def inner(request, *args, **kwargs):
            if not (request.user.is_active and request.user.is_staff):
                return redirect_to_login(request.get_full_path(), reverse("admin:login", current_app=self.name))
            return view(request, *args, site=self, **kwargs)

        return csrf_protect(never_cache(inner))

    def get_urls(self):
        return [
            path("two-factor/verify/", self.password_view(views.verify), name="two_factor_verify"),
            path("two-factor/setup/", self.password_view(views.setup), name="two_factor_setup"),
            path("two-factor/", self.admin_view(partial(views.overview, site=self)), name="two_factor"),
            *super().get_urls(),
        ]
