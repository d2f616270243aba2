from django.urls import path

from reporters import views

app_name = "reporters"

urlpatterns = [
    path("", views.reporter_list, name="list"),
    path("<uslug:slug>/", views.reporter_detail, name="detail"),
]
