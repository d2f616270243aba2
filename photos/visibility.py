"""Whether readers can see a photo now: decided by the app that publishes things, handed in at start-up.

The photos app imports no other app (STYLE.md: dependencies point one way), but
who may still change a photo depends on publication. `articles` registers its
answer (ArticleQuerySet.published() over PhotoUse) in AppConfig.ready().
"""

_is_public = None


def register(function):
    """Set the function photo -> bool that says whether readers can see the photo now."""
    global _is_public
    _is_public = function


def is_public(photo):
    """True when readers can see the photo; unknown (nothing registered) counts as public, the careful answer."""
    return True if _is_public is None else _is_public(photo)
