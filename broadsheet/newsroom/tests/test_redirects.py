"""Wagtail's redirects answer a page's old address; the JSON API's 404s (a word the dictionary lacks) are
answers of their own and cost no redirect lookup."""

import pytest
from django.test import Client
from wagtail.contrib.redirects.models import Redirect

pytestmark = pytest.mark.django_db


def test_an_old_address_still_redirects(home):
    Redirect.objects.create(old_path="/2019/old-story", redirect_link="/national/", site=None)
    response = Client().get("/2019/old-story/")
    assert response.status_code == 301 and response["Location"] == "/national/"


def test_a_word_the_dictionary_lacks_is_an_answer_not_a_redirect(home, django_assert_num_queries):
    Redirect.objects.create(old_path="/api/dictionary/qxzzv", redirect_link="/national/", site=None)
    client = Client()
    client.get("/api/dictionary/house")  # the glossary is read once per process and version
    with django_assert_num_queries(0):
        response = client.get("/api/dictionary/qxzzv")
    assert response.status_code == 404 and response.json()["word"] == "qxzzv"
