"""What the site says about comments as a whole: the one place that reads the site-wide policy.

Today the answers come from Django settings; once the site-settings record (publication.SiteSettings)
exists, only site_defaults() changes.
"""

from dataclasses import dataclass

from django.conf import settings

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
    """The site-wide comment default and moderation policy."""
    moderation = POST_MODERATION if settings.COMMENTS_MODERATION == POST_MODERATION else PRE_MODERATION
    return SiteDefaults(enabled=settings.COMMENTS_ENABLED_DEFAULT, moderation=moderation)
