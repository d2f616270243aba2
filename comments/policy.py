"""What the site says about comments as a whole: the one place that reads the site-wide policy.

The desk sets it in the site settings (publication.SiteSettings, section "독자 댓글"); until a record
is saved, COMMENTS_ENABLED_DEFAULT and COMMENTS_MODERATION give its starting values.
"""

from dataclasses import dataclass

from publication.models import SiteSettings

PRE_MODERATION = "pre"  # every comment waits for the desk
POST_MODERATION = "post"  # shown at once, moderated afterwards


@dataclass(frozen=True)
class SiteDefaults:
    enabled: bool  # do articles take comments unless the desk says otherwise?
    moderation: str  # PRE_MODERATION or POST_MODERATION

    @property
    def holds_for_approval(self):
        return self.moderation != POST_MODERATION


def site_defaults():
    """The site-wide comment default and moderation policy (cached with the site settings: no query)."""
    record = SiteSettings.current()
    moderation = POST_MODERATION if record.comments_moderation == POST_MODERATION else PRE_MODERATION
    return SiteDefaults(enabled=record.comments_enabled, moderation=moderation)
