"""A challenge whose answer the tests know. The check itself stays on: a wrong answer is still refused."""

ANSWER = "SMART"


def fixed_challenge():
    """(what the picture shows, the expected answer), as django-simple-captcha's challenge functions return."""
    return ANSWER, ANSWER


def fix_challenge(monkeypatch):
    # django-simple-captcha reads its settings once at import, so the test setting is applied where it reads them.
    monkeypatch.setattr("captcha.conf.settings.CAPTCHA_CHALLENGE_FUNCT", "tests.comments.challenge.fixed_challenge")
