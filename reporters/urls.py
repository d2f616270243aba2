from django.urls import path

from reporters import views

app_name = "reporters"

urlpatterns = [
    path("<uslug:slug>/", views.reporter_detail, name="detail"),
]
