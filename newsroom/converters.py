"""URL converters."""


class UnicodeSlugConverter:
    """Like Django's ``slug`` converter but accepts Korean, Chinese and Japanese slugs."""

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value
