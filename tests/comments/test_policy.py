"""The site-wide comment policy is read in one place, and anything unclear means the safe choice."""

import pytest

from comments.policy import POST_MODERATION, PRE_MODERATION, site_defaults
from publication.models import SiteSettings

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("setting", "expected", "holds"),
    [
        ("pre", PRE_MODERATION, True),
        ("post", POST_MODERATION, False),
        ("", PRE_MODERATION, True),
        ("Post!", PRE_MODERATION, True),
    ],
)
def test_moderation_policy_defaults_to_holding_every_comment(settings, setting, expected, holds):
    settings.COMMENTS_MODERATION = setting
    assert (site_defaults().moderation, site_defaults().holds_for_approval) == (expected, holds)


@pytest.mark.parametrize("enabled", [True, False])
def test_the_site_wide_default_comes_from_the_setting(settings, enabled):
    settings.COMMENTS_ENABLED_DEFAULT = enabled
    assert site_defaults().enabled is enabled


def test_the_desks_site_settings_decide_once_saved(settings, client_as_editor):
    settings.COMMENTS_ENABLED_DEFAULT = True
    settings.COMMENTS_MODERATION = "pre"
    record = SiteSettings.current()
    record.name = "스마트시티저널"
    record.comments_enabled = False
    record.comments_moderation = POST_MODERATION
    record.save()
    assert site_defaults().enabled is False
    assert site_defaults().moderation == POST_MODERATION
    assert not site_defaults().holds_for_approval


def test_the_site_settings_screen_offers_the_comment_policy(client_as_editor):
    page = client_as_editor.get("/admin/publication/sitesettings/", follow=True).content.decode()
    assert 'name="comments_enabled"' in page
    assert 'name="comments_moderation"' in page
