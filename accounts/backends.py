"""Login throttling that also keeps a record of the attempts it refuses."""

from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied
from axes.helpers import get_client_username
from axes.models import AccessFailureLog


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' gatekeeper (first in AUTHENTICATION_BACKENDS).

    axes leaves attempts made during a lockout out of its failure log, so that they do not
    extend the lock; administrators still want to see someone hammering at a locked account.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        try:
            return super().authenticate(request, username=username, password=password, **kwargs)
        except AxesBackendPermissionDenied:
            AccessFailureLog.objects.create(
                username=get_client_username(request, {"username": username}),
                ip_address=getattr(request, "axes_ip_address", None),
                user_agent=getattr(request, "axes_user_agent", "")[:255],
                http_accept=getattr(request, "axes_http_accept", "")[:1025],
                path_info=getattr(request, "axes_path_info", "")[:255],
                locked_out=True,
            )
            raise
