"""The articles' URLs under another path, to show that newsroom.reversing follows a changed URLconf."""

from django.urls import include, path

urlpatterns = [path("elsewhere/", include("articles.urls"))]
