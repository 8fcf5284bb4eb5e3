from django.urls import path

from . import views

urlpatterns = [
    path("", views.post_list, name="post_list"),
    path("search/", views.search, name="search"),
    path("post/<slug:slug>/", views.post_detail, name="post_detail"),
    path("post/<slug:slug>/comment/", views.add_comment, name="add_comment"),
    path("preview/", views.link_preview, name="link_preview"),
    path("media/<path:name>", views.media_file, name="media_file"),
    path("subscribe/", views.subscribe, name="subscribe"),
    path("staff/export/", views.export_subscribers, name="export_subscribers"),
    path("staff/stats/", views.stats, name="stats"),
    path("go/", views.outbound, name="outbound"),
]
