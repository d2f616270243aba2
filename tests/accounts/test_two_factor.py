"""Editors and administrators need a second factor (TOTP, or a backup code) for every admin page."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib import admin
from django.test import Client
from django.urls import URLPattern, URLResolver, reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import twofactor
from tests import twofactor as test_twofactor
from tests.factories import UserFactory, editor_user, reporter_user

pytestmark = [pytest.mark.django_db, pytest.mark.real_two_factor]

PASSWORD = "pass-word-123"
# The second step itself, and logout (tested below), are all a password alone opens.
TWO_FACTOR_PAGES = {"two_factor_setup", "two_factor_verify", "logout"}


def password_login(client, username):
    """The first step, as a person takes it: the admin's login form."""
    response = client.post(
        reverse("admin:login"), {"username": username, "password": PASSWORD, "next": reverse("admin:index")}
    )
    assert response.status_code == 302
    return response


def admin_urls(resolver=None, prefix=""):
    """Every URL of the admin site, its parameters filled with 1 (name, path)."""
    for pattern in (resolver or admin.site.urls[0]) if resolver is None else resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from admin_urls(pattern, route)
        elif isinstance(pattern, URLPattern):
            yield pattern.name, "/" + re.sub(r"<[^>]+>", "1", route).lstrip("^").rstrip("$").replace("\\Z", "")


def all_admin_urls():
    base = reverse("admin:index")
    urls = [(name, base + path.lstrip("/")) for name, path in admin_urls()]
    assert len(urls) > 50, urls  # every registered model's pages, not a handful
    return urls


@pytest.mark.parametrize("enrolled", [False, True], ids=["without-device", "with-device-not-verified"])
def test_editor_with_a_password_only_reaches_no_admin_page(client, enrolled, demo):
    editor = editor_user(username="desk")
    if enrolled:
        test_twofactor.authenticator(editor)
    password_login(client, "desk")
    step = reverse("admin:two_factor_verify" if enrolled else "admin:two_factor_setup")
    for name, url in all_admin_urls():
        response = client.get(url)
        if name in TWO_FACTOR_PAGES:
            continue
        assert response.status_code in (302, 405), (url, response.status_code)
        if response.status_code == 302:
            assert response.url.startswith(step), (url, response.url)
        post = client.post(url, {})
        assert post.status_code in (302, 405), (url, post.status_code)


def test_superuser_needs_the_second_factor_too(client):
    UserFactory(username="root", superuser=True)
    response = password_login(client, "root")
    assert response.url.startswith(reverse("admin:two_factor_setup"))
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 302


def test_login_asks_for_the_code_and_a_right_code_opens_the_admin(client):
    device = test_twofactor.authenticator(editor_user(username="desk"))
    response = password_login(client, "desk")
    assert response.url == reverse("admin:two_factor_verify") + "?next=%2Fadmin%2F"
    page = client.get(response.url)
    assert "인증 앱에 보이는 6자리 코드" in page.content.decode()

    wrong = client.post(
        response.url, {"otp_token": "000000" if test_twofactor.current_code(device) != "000000" else "1"}
    )
    assert wrong.status_code == 200
    assert "인증 코드가 맞지 않거나" in wrong.content.decode()
    assert client.get(reverse("admin:index")).status_code == 302

    right = client.post(response.url, {"otp_token": test_twofactor.current_code(device), "next": "/admin/"})
    assert right.status_code == 302
    assert right.url == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == 200


def test_verification_refuses_to_send_people_to_another_site(client):
    device = test_twofactor.authenticator(editor_user(username="desk"))
    password_login(client, "desk")
    response = client.post(
        reverse("admin:two_factor_verify"),
        {"otp_token": test_twofactor.current_code(device), "next": "https://evil.example/"},
    )
    assert response.url == reverse("admin:index")


def test_enrolment_shows_a_qr_code_then_backup_codes(client):
    editor_user(username="desk")
    password_login(client, "desk")
    setup = client.get(reverse("admin:two_factor_setup"))
    page = setup.content.decode()
    assert 'src="data:image/svg+xml;base64,' in page
    assert setup.context["secret"] in page
    device = TOTPDevice.objects.get(user__username="desk", confirmed=False)
    assert "issuer=%EB%89%B4%EC%8A%A4%EB%A3%B8" in device.config_url  # 뉴스룸, the name the app shows
    assert client.get(reverse("admin:two_factor_setup")).context["secret"] == setup.context["secret"]  # stable

    done = client.post(reverse("admin:two_factor_setup"), {"otp_token": test_twofactor.current_code(device)})
    assert done.status_code == 200
    codes = done.context["codes"]
    assert len(codes) == twofactor.BACKUP_CODE_COUNT
    assert all(code in done.content.decode() for code in codes)
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("admin:index")).status_code == 200


def test_wrong_code_does_not_enrol(client):
    editor_user(username="desk")
    password_login(client, "desk")
    client.get(reverse("admin:two_factor_setup"))
    response = client.post(reverse("admin:two_factor_setup"), {"otp_token": "12345"})
    assert "코드가 맞지 않습니다" in response.content.decode()
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    assert client.get(reverse("admin:index")).status_code == 302


def test_a_password_alone_cannot_replace_an_enrolled_device(client):
    test_twofactor.authenticator(editor_user(username="desk"))
    password_login(client, "desk")
    response = client.get(reverse("admin:two_factor_setup"))
    assert response.url == reverse("admin:two_factor_verify")
    assert TOTPDevice.objects.filter(user__username="desk").count() == 1


def test_a_backup_code_works_once(client):
    user = editor_user(username="desk")
    test_twofactor.authenticator(user)
    code = twofactor.new_backup_codes(user)[0]
    password_login(client, "desk")
    response = client.post(reverse("admin:two_factor_verify"), {"otp_token": code})
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200
    assert StaticToken.objects.filter(device__user=user).count() == twofactor.BACKUP_CODE_COUNT - 1

    again = Client()
    password_login(again, "desk")
    assert again.post(reverse("admin:two_factor_verify"), {"otp_token": code}).status_code == 200
    assert again.get(reverse("admin:index")).status_code == 302


def test_reporter_without_a_device_goes_straight_in(client):
    reporter_user(username="kang")
    response = password_login(client, "kang")
    assert response.url == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == 200


def test_reporter_who_turned_it_on_must_use_it(client):
    test_twofactor.authenticator(reporter_user(username="kang"))
    response = password_login(client, "kang")
    assert response.url.startswith(reverse("admin:two_factor_verify"))


def test_a_setting_requires_it_for_everyone(client, settings):
    settings.TWO_FACTOR_FOR_ALL = True
    reporter_user(username="kang")
    response = password_login(client, "kang")
    assert response.url.startswith(reverse("admin:two_factor_setup"))
    assert client.get(reverse("admin:articles_article_changelist")).status_code == 302


def test_verified_person_manages_backup_codes_and_turns_it_off(client):
    user = reporter_user(username="kang")
    device = test_twofactor.authenticator(user)
    password_login(client, "kang")
    client.post(reverse("admin:two_factor_verify"), {"otp_token": test_twofactor.current_code(device)})
    overview = client.get(reverse("admin:two_factor"))
    assert "2단계 인증이 켜져 있습니다" in overview.content.decode()
    codes = client.post(reverse("admin:two_factor"), {"action": "backup_codes"}).context["codes"]
    assert len(codes) == twofactor.BACKUP_CODE_COUNT

    refused = client.post(reverse("admin:two_factor"), {"action": "turn_off", "otp_token": "0"})
    assert "인증 코드가 맞지 않습니다" in refused.content.decode()
    assert twofactor.is_enrolled(user)
    with time_machine.travel(timezone.now() + timedelta(seconds=5)):  # past the throttle a wrong code starts
        client.post(reverse("admin:two_factor"), {"action": "turn_off", "otp_token": codes[0]})
    assert not twofactor.is_enrolled(user)


def test_unverified_person_can_still_log_out(client):
    test_twofactor.authenticator(editor_user(username="desk"))
    password_login(client, "desk")
    response = client.post(reverse("admin:logout"))
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_guessing_codes_is_throttled(client):
    device = test_twofactor.authenticator(editor_user(username="desk"))
    password_login(client, "desk")
    client.post(reverse("admin:two_factor_verify"), {"otp_token": "000000"})
    client.post(reverse("admin:two_factor_verify"), {"otp_token": "111111"})
    code = f"{test_twofactor.totp_now(device):06d}"  # right, but too soon after two wrong guesses
    assert client.post(reverse("admin:two_factor_verify"), {"otp_token": code}).status_code == 200
    assert client.get(reverse("admin:index")).status_code == 302


def test_a_password_alone_does_not_open_staff_pages_outside_the_admin(client):
    """Staff previews of drafts trust request.user: a password-only editor is anonymous there."""
    from tests.factories import ArticleFactory

    draft = ArticleFactory(headline="아직 출고 안 된 특종")
    device = test_twofactor.authenticator(editor_user(username="desk"))
    password_login(client, "desk")
    response = client.get(reverse("articles:preview", args=[draft.pk]))
    assert response.status_code == 302
    assert "특종" not in response.content.decode()

    client.post(reverse("admin:two_factor_verify"), {"otp_token": test_twofactor.current_code(device)})
    assert "아직 출고 안 된 특종" in client.get(reverse("articles:preview", args=[draft.pk])).content.decode()


def test_reporters_without_a_device_keep_their_previews(client):
    from tests.factories import ArticleFactory

    draft = ArticleFactory(headline="기자의 초고")
    reporter_user(username="kang")
    password_login(client, "kang")
    assert client.get(reverse("articles:preview", args=[draft.pk])).status_code == 200
