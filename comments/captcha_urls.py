"""django-simple-captcha's picture and sound URLs, without its refresh view: new challenges come only from
comments:challenge, which is limited per address (each one is a database row)."""

from captcha import urls

urlpatterns = [pattern for pattern in urls.urlpatterns if pattern.name != "captcha-refresh"]
