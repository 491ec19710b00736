from django.urls import path

from . import views
from .live import live_stream  # Server-Sent Events for readers on the page (live.py)

app_name = "comments"

urlpatterns = [
    path("transparency/", views.transparency, name="transparency"),
    path("live/<str:key>/", live_stream, name="live"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("<str:key>/", views.thread_page, name="thread"),
    path("<str:key>/post/", views.comment_post, name="post"),
    path("<str:key>/<int:comment_id>/report/", views.comment_report, name="report"),
    path("<str:key>/<int:comment_id>/vote/", views.comment_vote, name="vote"),
    path("<str:key>/<int:comment_id>/appeal/", views.comment_appeal, name="appeal"),
    path("<str:key>/<int:comment_id>/delete/", views.comment_delete, name="delete"),
]
