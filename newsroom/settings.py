"""Settings for the Newsroom project, read from the environment.

See .env.example for every variable. DEBUG is off unless asked for. Importing
this module has no side effects: DATABASE_URL and SECRET_KEY must be set. The
development entry points (manage.py, the tests) set them for a checkout
through newsroom/devenv.py, starting the embedded PostgreSQL; a production
server started without them refuses to start.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from django_prose_editor.config import html_tags
from js_asset import static_lazy

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_required(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"{name} is not set. Production must set it (see .env.example); "
            "in a development checkout, manage.py and make set it for you."
        )
    return value


DEBUG = env_bool("DEBUG")
SECRET_KEY = env_required("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "accounts.apps.NewsroomAdminConfig",  # django.contrib.admin with the two-factor admin site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django_countries",
    "django_prose_editor",
    "imagekit",
    "taggit",
    "newsroom",
    "reporters",
    "organisations",
    "events",
    "photos",
    "articles",
    "search",
    "accounts",
    "accounts.apps.AxesConfig",
    "django_otp",
    "accounts.apps.TOTPConfig",
    "accounts.apps.StaticConfig",
    "csp",
    "publication",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Site (issue 7): answers If-None-Match/If-Modified-Since with 304, page cache hits included.
    "django.middleware.http.ConditionalGetMiddleware",
    "accounts.middleware.ContentSecurityPolicyMiddleware",
    "newsroom.middleware.QueryStringLimitMiddleware",
    "newsroom.middleware.NulBytesMiddleware",
    "newsroom.middleware.DatabaseOutageMiddleware",
    "newsroom.middleware.FileNameLengthMiddleware",
    "newsroom.middleware.SiteNotFoundPageMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Issue 11: anonymous readers' pages come from the page cache before URL resolution and what is below.
    "newsroom.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Site (issue 7): readers get Korean unless the address starts with /en/; the admin follows the user.
    "newsroom.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "newsroom.context_processors.site",
                "articles.context_processors.sections",
                "publication.context_processors.publication",
            ],
        },
    },
]

DATABASES = {"default": dj_database_url.parse(env_required("DATABASE_URL"), conn_max_age=60, conn_health_checks=True)}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "ko"
LANGUAGES = [("ko", _("한국어")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Seoul")
FORMAT_MODULE_PATH = ["newsroom.formats"]
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Uploads above this size are refused with a form error (see newsroom/validators.py).
MAX_IMAGE_UPLOAD_BYTES = int(os.environ.get("MAX_IMAGE_UPLOAD_BYTES", 10 * 1024 * 1024))
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Photos (issue 8): originals and renditions live in a storage of their own that is never served
# as it is; readers get renditions only through the view that checks publication
# (articles.views.photo_file). Local folder by default, a private S3-compatible bucket by setting.
PHOTO_ROOT = Path(os.environ.get("PHOTO_ROOT", BASE_DIR / ".data" / "photos"))
PHOTO_MAX_BYTES = int(os.environ.get("PHOTO_MAX_BYTES", MAX_IMAGE_UPLOAD_BYTES))
PHOTO_MAX_PIXELS = int(os.environ.get("PHOTO_MAX_PIXELS", 50_000_000))
PHOTO_AVIF = env_bool("PHOTO_AVIF", True)
# How long browsers and CDNs may keep a published photo; a withdrawn story's photo can outlive it by this much.
PHOTO_CACHE_SECONDS = int(os.environ.get("PHOTO_CACHE_SECONDS", 300))
# With nginx in front: the internal location that maps to PHOTO_ROOT (X-Accel-Redirect); empty: Django sends files.
PHOTO_ACCEL_PREFIX = os.environ.get("PHOTO_ACCEL_PREFIX", "")
PHOTO_S3_BUCKET = os.environ.get("PHOTO_S3_BUCKET", "")
STORAGES["photos"] = (
    {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": PHOTO_S3_BUCKET,
            "endpoint_url": os.environ.get("PHOTO_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("PHOTO_S3_REGION") or None,
            "access_key": os.environ.get("PHOTO_S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("PHOTO_S3_SECRET_ACCESS_KEY") or None,
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": True,
        },
    }
    if PHOTO_S3_BUCKET
    else {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": PHOTO_ROOT}}
)

# The body editor's "library photo" node: <figure data-photo-id="12"> survives sanitising and
# is rendered for readers with the photo's renditions and caption (articles/richtext.py).
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [static_lazy("articles/library-photo.js")],
        "extensions": {"LibraryPhoto": html_tags(["figure"], {"figure": ["data-photo-id"]})},
    }
]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
TAGGIT_CASE_INSENSITIVE = True
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG)

CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            # A cache that does not answer must not hold a reader's page up: pages render without it.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
        if os.environ.get("REDIS_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    ),
    # imagekit remembers which renditions exist; per process is enough, and a Redis outage cannot break a page.
    "imagekit": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}
IMAGEKIT_CACHE_BACKEND = "imagekit"

# Anonymous readers' pages are served from the cache for up to this long (0 turns it off);
# content changes and scheduled publications end it sooner (newsroom/pagecache.py).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", 0 if DEBUG else 300))
# A cached page is kept this long after it stops being fresh, to be served while the database is down.
PAGE_CACHE_STALE_SECONDS = int(os.environ.get("PAGE_CACHE_STALE_SECONDS", 24 * 3600))
# Each process serves the pages it has seen from its own memory, checking the shared generation at most
# this often (0: every request asks the shared cache); another process's change shows within it.
PAGE_CACHE_LOCAL_SECONDS = float(os.environ.get("PAGE_CACHE_LOCAL_SECONDS", 1))
PAGE_CACHE_LOCAL_BYTES = int(os.environ.get("PAGE_CACHE_LOCAL_BYTES", 16 * 1024 * 1024))
# How many worker processes serve the site (gunicorn reads it too); with more than one, the cache
# must be shared (REDIS_URL), or workers disagree about what is published (a check warns).
WEB_CONCURRENCY = int(os.environ.get("WEB_CONCURRENCY", 1))

# Read replica: with DATABASE_REPLICA_URL, anonymous readers' pages read a streaming replica of
# the primary; staff, writes and whatever follows a write read the primary (newsroom/dbrouter.py).
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = {
        **dj_database_url.parse(os.environ["DATABASE_REPLICA_URL"], conn_max_age=60, conn_health_checks=True),
        "TEST": {"MIRROR": "default"},
    }
    DATABASE_ROUTERS = ["newsroom.dbrouter.ReplicaRouter"]
    MIDDLEWARE = [*MIDDLEWARE, "newsroom.dbrouter.ReplicaMiddleware"]
# The reader pages' own statements are prepared once per connection and run on generic plans
# (newsroom/prepared.py); Django itself prepares nothing, so this setting touches only those.
for _database in DATABASES.values():
    _options = _database.setdefault("OPTIONS", {})
    _options["options"] = f"{_options.get('options', '')} -c plan_cache_mode=force_generic_plan".strip()
# After a request that wrote, the same browser reads the primary for this long (a cookie).
REPLICA_STICKY_SECONDS = int(os.environ.get("REPLICA_STICKY_SECONDS", 10))

# Caching proxy in front of several app servers (deploy/nginx.conf.template): anonymous reader pages
# say "public, max-age=0, s-maxage=SHARED_CACHE_SECONDS", so a proxy keeps them this long, then
# revalidates; a withdrawn story leaves it within that time (newsroom/proxycache.py). 0 turns it off.
SHARED_CACHE_SECONDS = int(os.environ.get("SHARED_CACHE_SECONDS", 0 if DEBUG else 5))
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1, "newsroom.proxycache.SharedCacheMiddleware"
)

SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"

# The paper's name until the desk saves its details in the admin (publication.SiteSettings).
SITE_NAME = os.environ.get("SITE_NAME", _("뉴스룸"))

# Site (issue 7): IndexNow tells Naver, Bing and others of published, corrected and withdrawn articles.
# The key and the on/off switch are in the admin's site settings; these say where and how long to wait.
INDEXNOW_ENDPOINT = os.environ.get("INDEXNOW_ENDPOINT", "https://searchadvisor.naver.com/indexnow")
INDEXNOW_TIMEOUT = float(os.environ.get("INDEXNOW_TIMEOUT", 10))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Signed preview links for people without an account stop working after this many seconds (48 hours).
PREVIEW_LINK_MAX_AGE = int(os.environ.get("PREVIEW_LINK_MAX_AGE", 48 * 3600))
LOGIN_URL = "admin:login"

# Reader comments (issue 9, app `comments`). The desk sets the site-wide default and the moderation policy
# in the site settings (publication.SiteSettings); these two give their values until a record is saved.
INSTALLED_APPS += ["captcha", "comments"]
# New articles take comments unless the desk turns them off per article.
COMMENTS_ENABLED_DEFAULT = env_bool("COMMENTS_ENABLED_DEFAULT", True)
# "pre": every comment waits for the desk's approval; "post": shown at once, moderated afterwards.
COMMENTS_MODERATION = os.environ.get("COMMENTS_MODERATION", "pre")
COMMENTS_MAX_LENGTH = int(os.environ.get("COMMENTS_MAX_LENGTH", 1000))
COMMENTS_MAX_LINKS = int(os.environ.get("COMMENTS_MAX_LINKS", 2))
COMMENTS_PER_PAGE = 20
# Posts one address may make (refused above it, counted in the cache).
COMMENTS_RATE_PER_MINUTE = int(os.environ.get("COMMENTS_RATE_PER_MINUTE", 5))
COMMENTS_RATE_PER_HOUR = int(os.environ.get("COMMENTS_RATE_PER_HOUR", 30))
# How many reverse proxies in front of the app append to X-Forwarded-For (0: use the connection's address).
COMMENTS_TRUSTED_PROXIES = int(os.environ.get("COMMENTS_TRUSTED_PROXIES", 0))
# IP addresses and e-mails are erased from comments older than this (manage.py erase_comment_personal_data).
COMMENTS_PERSONAL_DATA_DAYS = int(os.environ.get("COMMENTS_PERSONAL_DATA_DAYS", 90))
CAPTCHA_TIMEOUT = 10  # minutes a challenge stays valid
CAPTCHA_LENGTH = 5
CAPTCHA_FONT_SIZE = 30
# A spoken challenge needs the `flite` program; without it readers get a new picture instead.
CAPTCHA_FLITE_PATH = os.environ.get("CAPTCHA_FLITE_PATH") or None

# --- Security baseline (issue 10): see README "Security" and docs/ARCHITECTURE.md ---------------
from datetime import timedelta  # noqa: E402

from csp.constants import NONCE, NONE, SELF  # noqa: E402

# The admin lives under this path; moving it off /admin/ keeps most scanners away.
ADMIN_URL = os.environ.get("ADMIN_URL", "admin/").strip("/") + "/"

# HTTPS=1: the site is served over TLS (directly or behind a proxy that sets X-Forwarded-Proto).
HTTPS = env_bool("HTTPS")
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", 31536000)) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", True)
# Trust the proxy's word about the scheme only when we are told one is in front of us.
if env_bool("BEHIND_PROXY", HTTPS):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", HTTPS)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# A deliberate choice to leave HSTS's subdomains or preload off is not a warning every deploy.
SILENCED_SYSTEM_CHECKS = [
    *([] if SECURE_HSTS_INCLUDE_SUBDOMAINS else ["security.W005"]),
    *([] if SECURE_HSTS_PRELOAD else ["security.W021"]),
]

# A session ends after this many idle seconds (every request renews it). Default: 8 hours.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_IDLE_SECONDS", 8 * 3600))
SESSION_SAVE_EVERY_REQUEST = True

# Login throttling (django-axes): after LOGIN_FAILURE_LIMIT wrong passwords for one user name, or
# from one address, logins stop for LOGIN_COOLOFF_MINUTES; editors clear locks in the admin.
AUTHENTICATION_BACKENDS = ["accounts.backends.LockoutBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", 30)))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# A success must not wipe failures: it would clear every failure from the same address, too.
AXES_RESET_ON_SUCCESS = False
# The lock ends when the page says it will, however often someone retries meanwhile.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "accounts.lockout.client_ip"
AXES_SENSITIVE_PARAMETERS = ["password", "otp_token"]
AXES_COOLOFF_MESSAGE = _(
    "로그인 시도가 너무 많아 잠시 막았습니다. 나중에 다시 시도하거나 데스크에 잠금 해제를 부탁하세요."
)

# Two-factor (django-otp, TOTP): required for superusers and these groups, or for every staff
# account with TWO_FACTOR_FOR_ALL=1; others may turn it on for themselves.
TWO_FACTOR_GROUPS = env_list("TWO_FACTOR_GROUPS", "데스크")
TWO_FACTOR_FOR_ALL = env_bool("TWO_FACTOR_FOR_ALL")


def OTP_TOTP_ISSUER(device):  # django-otp calls this setting with the device
    return str(SITE_NAME)


OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1


# Content-Security-Policy (django-csp 4): reader pages run only our own files and nonce-tagged tags;
# the admin (rich-text editor, select2) gets its own policy in accounts/middleware.py.
# Media or static files on another host (a CDN) are allowed by their URL's origin; CSP_IMG_SRC and
# CSP_FRAME_SRC add hosts for pictures and embedded players; CSP_REPORT_URI receives violation reports.
def url_origins(*urls):
    return [f"{scheme}://{rest.split('/', 1)[0]}" for url in urls for scheme, _, rest in [url.partition("://")] if rest]


FILE_ORIGINS = url_origins(STATIC_URL, MEDIA_URL)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE, *url_origins(STATIC_URL)],
        "style-src": [SELF, *url_origins(STATIC_URL)],
        "img-src": [SELF, "data:", *FILE_ORIGINS, *env_list("CSP_IMG_SRC")],
        "font-src": [SELF, *url_origins(STATIC_URL)],
        "media-src": [SELF, *FILE_ORIGINS],
        "frame-src": [SELF, *env_list("CSP_FRAME_SRC")],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
        **({"report-uri": os.environ["CSP_REPORT_URI"]} if os.environ.get("CSP_REPORT_URI") else {}),
    }
}
CONTENT_SECURITY_POLICY_ADMIN = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    # ProseMirror injects a <style> element and the admin's lists set style attributes; scripts stay strict.
    "style-src": [SELF, "'unsafe-inline'", *url_origins(STATIC_URL)],
    # An upload's preview before it is saved is a blob: URL.
    "img-src": [*CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"], "blob:"],
}

# `make backup` writes dated archives of the database and the media here (newsroom/backups.py).
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", BASE_DIR / "backups"))

# The desk (issue 12): under DEBUG a missing page is the site's own 404 page, as in production;
# DEBUG_TECHNICAL_404=1 shows Django's page listing the URL patterns instead.
DEBUG_TECHNICAL_404 = env_bool("DEBUG_TECHNICAL_404")
# Up to this many sections, the article form's section is a plain drop-down; beyond, a search box.
ADMIN_SECTION_SELECT_LIMIT = int(os.environ.get("ADMIN_SECTION_SELECT_LIMIT", 30))
# While a person types, the article form keeps a draft copy every this many seconds (articles/autosave.py);
# a copy's body may be at most this many characters.
AUTOSAVE_INTERVAL_SECONDS = int(os.environ.get("AUTOSAVE_INTERVAL_SECONDS", 30))
AUTOSAVE_MAX_BODY_CHARS = 500_000
