import pytest
from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.django_db

MODELS = sorted(admin.site._registry, key=lambda model: model._meta.label)
# Written by readers or by logins (django-axes' logs), never added by hand: their add page is refused.
NO_ADD_PAGE = {"comments.Comment", "axes.AccessAttempt", "axes.AccessLog", "axes.AccessFailureLog"}


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.label)
def test_changelist_and_add_page_render_for_a_superuser(client_as_superuser, demo, model):
    opts = model._meta
    # A one-record model's list opens its record (site settings, front page).
    changelist = client_as_superuser.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"), follow=True)
    assert changelist.status_code == 200
    add = client_as_superuser.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
    # Records only the system writes (logs) and one-record models have no add page.
    assert add.status_code == (200 if admin.site._registry[model].has_add_permission(add.wsgi_request) else 403)
    if opts.label in NO_ADD_PAGE:
        assert add.status_code == 403


def test_demo_article_change_page_renders_with_its_photo(client_as_superuser, demo):
    response = client_as_superuser.get(reverse("admin:articles_article_change", args=[demo.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "한중일 스마트시티" in page
    assert f"/photos/{demo.lead_photo.key}/" in page  # its thumbnail, through the checked view


def test_admin_is_in_korean(client_as_superuser):
    response = client_as_superuser.get(reverse("admin:index"))
    page = response.content.decode()
    assert "사이트 관리" in page  # Django's own Korean, so the interface language really is Korean
    assert "Site administration" not in page
