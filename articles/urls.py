from django.urls import path

from articles import views
from articles.feeds import LatestArticlesFeed

app_name = "articles"

urlpatterns = [
    path("news/<int:pk>/", views.article_detail, name="detail_short"),
    path("news/<int:pk>/<uslug:slug>/", views.article_detail, name="detail"),
    path("section/<uslug:slug>/", views.section_detail, name="section"),
    path("tag/<uslug:slug>/", views.tag_detail, name="tag"),
    path("feed/", LatestArticlesFeed(), name="feed"),
    path("preview/<int:pk>/", views.preview, name="preview"),
    path("preview/s/<str:token>/", views.preview_signed, name="preview_signed"),
    path("photos/<str:key>/v<int:version>/<str:filename>", views.photo_file, name="photo"),
    path("photos/<str:key>/original", views.photo_original, name="photo_original"),
]
