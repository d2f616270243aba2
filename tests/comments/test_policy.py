"""The site-wide comment policy is read in one place, and anything unclear means the safe choice."""

import pytest

from comments.policy import POST_MODERATION, PRE_MODERATION, site_defaults


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
