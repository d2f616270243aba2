"""What a person does in the admin, as the browser tests spell it."""

import re

from django.contrib.auth import get_user_model
from django.urls import reverse

from tests import twofactor


def log_in(page, live_server, username, password="pass-word-123"):
    """Log in through the admin's login form (and its second step, with a code from the user's
    authenticator app, made for them if they must have one) and wait for its front page."""
    user = get_user_model().objects.filter(username=username).first()
    device = twofactor.authenticator(user) if user and user.is_staff and twofactor.needs_device(user) else None
    page.goto(f"{live_server.url}{reverse('admin:login')}")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    if device is not None:
        page.wait_for_url(re.compile(re.escape(reverse("admin:two_factor_verify"))))
        page.fill("#id_otp_token", twofactor.current_code(device))
        page.click("#two-factor-form input[type=submit]")
    page.wait_for_url(f"{live_server.url}{reverse('admin:index')}")


def choose(page, select_id, text):
    """Pick an option in one of the admin's autocomplete (select2) boxes, as a person would."""
    page.click(f"#{select_id} + .select2")
    page.keyboard.type(text)
    page.click(f".select2-results__option:has-text('{text}')")
