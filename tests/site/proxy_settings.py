"""Settings for the app servers behind nginx in test_proxy.py: the real settings plus two cookie-setting pages."""

from bench.settings import *  # noqa: F403

ROOT_URLCONF = "tests.site.proxy_urls"
