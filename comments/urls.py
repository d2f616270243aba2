from django.urls import path

from comments import views

app_name = "comments"

urlpatterns = [
    path("challenge/", views.challenge, name="challenge"),
    path("<int:pk>/", views.comment_form, name="form"),
    path("<int:pk>/post/", views.post, name="post"),
    path("posted/<str:token>/", views.posted, name="posted"),
]
