from django.urls import path

from articles import views
from articles.feeds import LatestArticlesFeed, ReporterFeed, SectionFeed, TagFeed, atom

app_name = "articles"

urlpatterns = [
    path("news/<int:pk>/", views.article_detail, name="detail_short"),
    path("news/<int:pk>/<uslug:slug>/", views.article_detail, name="detail"),
    path("section/<uslug:slug>/", views.section_detail, name="section"),
    path("tag/<uslug:slug>/", views.tag_detail, name="tag"),
    path("feed/", LatestArticlesFeed(), name="feed"),
    path("feed/atom/", atom(LatestArticlesFeed), name="feed_atom"),
    path("section/<uslug:slug>/feed/", SectionFeed(), name="section_feed"),
    path("section/<uslug:slug>/feed/atom/", atom(SectionFeed), name="section_feed_atom"),
    path("tag/<uslug:slug>/feed/", TagFeed(), name="tag_feed"),
    path("tag/<uslug:slug>/feed/atom/", atom(TagFeed), name="tag_feed_atom"),
    # The reporter's feed lives here, not in reporters/urls.py: reporters never imports articles.
    path("reporters/<uslug:slug>/feed/", ReporterFeed(), name="reporter_feed"),
    path("reporters/<uslug:slug>/feed/atom/", atom(ReporterFeed), name="reporter_feed_atom"),
    path("preview/<int:pk>/", views.preview, name="preview"),
    path("preview/s/<str:token>/", views.preview_signed, name="preview_signed"),
    path("photos/<str:key>/v<int:version>/<str:filename>", views.photo_file, name="photo"),
    path("photos/<str:key>/original", views.photo_original, name="photo_original"),
]
