from django.urls import path

from . import views

app_name = "dictionary"
urlpatterns = [
    path("vocabulary/", views.vocabulary, name="vocabulary"),
    path("vocabulary.csv", views.vocabulary_csv, name="vocabulary-csv"),
]
