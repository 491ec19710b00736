"""The site's URLs reach the region's script only as data attributes, from COMMENTS_* settings."""

import html
import json
import re

import pytest
from django.template.loader import render_to_string

SETTINGS = (
    "API_BASE",
    "PROVIDERS_URL",
    "LANGUAGE_SWITCH_URL",
    "LANGUAGES",
)  # LOGOUT_URL: the site's, a URL it has


def attributes(markup):
    return {
        name: html.unescape(value)
        for name, value in re.findall(r'data-([a-z-]+)="([^"]*)"', markup)
    }


@pytest.mark.parametrize(
    "values, expected",
    [
        ({}, {"api": "/api/comments", "providers-url": "", "language-url": "", "languages": "[]"}),
        (
            {"API_BASE": "/elsewhere/talk", "PROVIDERS_URL": "/sign-in/buttons/"},
            {
                "api": "/elsewhere/talk",
                "providers-url": "/sign-in/buttons/",
                "language-url": "",
                "languages": "[]",
            },
        ),
        (
            {
                "LANGUAGE_SWITCH_URL": "set_language",
                "LANGUAGES": [("en", "English"), ("ko", "한국어")],
            },
            {
                "language-url": "/i18n/setlang/",
                "languages": json.dumps([["en", "English"], ["ko", "한국어"]]),
            },
        ),
        (
            {"LANGUAGE_SWITCH_URL": "set_language"},
            {"language-url": "", "languages": "[]"},
        ),  # no languages: no switch
        (
            {"LANGUAGES": [("en", "English")]},
            {"language-url": "", "languages": "[]"},
        ),  # no URL: no switch
    ],
)
def test_region_data_attributes_follow_the_settings(db, settings, values, expected):
    for name in SETTINGS:  # the app's defaults, whatever the site set
        if hasattr(settings, f"COMMENTS_{name}"):
            delattr(settings, f"COMMENTS_{name}")
    for name, value in values.items():
        setattr(settings, f"COMMENTS_{name}", value)
    found = attributes(render_to_string("comments/region.html", {"thread_key": "test-thread"}))
    assert {name: found[name] for name in expected} == expected


def test_the_logout_form_posts_to_the_setting(db, settings):
    settings.COMMENTS_LOGOUT_URL = "/leave/"
    markup = render_to_string("comments/region.html", {"thread_key": "test-thread"})
    assert '<form method="post" action="/leave/" class="cr-logout" data-logout>' in markup
