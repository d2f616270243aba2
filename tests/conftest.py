import pytest
from django.core.cache import cache

from newsroom import pagecache
from tests.factories import UserFactory, editor_user, reporter_user


@pytest.fixture(autouse=True)
def _isolated(settings, tmp_path, monkeypatch):
    """Uploads go to a temporary folder and no test sees another's cache."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        "photos": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "photos"},
        },
    }
    # AVIF takes a second a photo to encode; tests that need it turn it on (tests/photos/test_rendering.py).
    settings.PHOTO_AVIF = False
    cache.clear()
    pagecache.forget_local()  # this process's copies go with the shared cache they came from
    monkeypatch.setattr(pagecache, "_cache_down_until", 0.0)  # a test that broke the cache leaves it working
    yield
    cache.clear()
    pagecache.forget_local()


@pytest.fixture
def reporter(db):
    """A user in the 기자 group."""
    return reporter_user(username="reporter-user")


@pytest.fixture
def editor(db):
    """A user in the 데스크 group."""
    return editor_user(username="editor-user")


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", superuser=True)


@pytest.fixture
def client_as_reporter(client, reporter):
    client.force_login(reporter)
    return client


@pytest.fixture
def client_as_editor(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def client_as_superuser(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def demo(db):
    """The demo content that `manage.py load_demo` creates."""
    from articles.demo import load_demo

    load_demo()
    from articles.models import Article

    return Article.objects.get(slug="한중일-스마트시티-첫-온라인-세미나")


@pytest.fixture
def reporter_profile(reporter):
    """The byline (Reporter) the 기자 user writes under."""
    from tests.factories import ReporterFactory

    return ReporterFactory(user=reporter, name="강승원", slug="강승원")


@pytest.fixture
def other_reporter(db):
    """A second user in the 기자 group, with a byline of their own."""
    from tests.factories import ReporterFactory

    user = reporter_user(username="other-reporter")
    ReporterFactory(user=user, name="다른기자", slug="다른기자")
    return user


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """Hashing passwords properly takes a quarter second per user; tests make hundreds."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _second_factor_for_test_logins(request, monkeypatch):
    """force_login, client.login and the client_as_* fixtures give sessions past the second factor.

    Tests that prove the two-factor enforcement opt out with @pytest.mark.real_two_factor.
    """
    if request.node.get_closest_marker("real_two_factor") is None:
        from tests import twofactor

        twofactor.install(monkeypatch)
