"""The front page, at the site's root in each language; named "front_page" without a namespace."""

from django.urls import path

from publication import views

urlpatterns = [
    path("", views.front_page, name="front_page"),
]
