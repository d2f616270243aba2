from django.urls import re_path

from publication import views
from publication.models import Page

app_name = "publication"

# Only the four kinds of page exist, so these addresses cannot shadow any other at the site's root.
KINDS = "|".join(kind.value for kind in Page.Kind)

urlpatterns = [
    re_path(rf"^(?P<kind>{KINDS})/$", views.page_detail, name="page"),
]
