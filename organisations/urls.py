from django.urls import path

from organisations import views

app_name = "organisations"

urlpatterns = [
    path("", views.organisation_list, name="list"),
    path("<uslug:slug>/", views.organisation_detail, name="detail"),
]
