from django.urls import path

from .live import live_stream

urlpatterns = [
    path("live/<str:key>/", live_stream, name="comments_live"),  # Server-Sent Events (live.py)
]
