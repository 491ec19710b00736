"""The strict Content-Security-Policy: on the public site, not on the Wagtail admin (which needs inline code)."""

import pytest
from django.core import checks

pytestmark = pytest.mark.django_db


def test_public_pages_carry_the_strict_policy_and_the_admin_does_not(client):
    policy = client.get("/api/comments/session")["Content-Security-Policy"]
    directives = {d.strip() for d in policy.split(";")}  # django-csp does not promise an order
    assert "script-src 'self'" in directives and "unsafe-inline" not in policy
    admin = client.get("/admin/login/")
    assert admin.status_code == 200 and "Content-Security-Policy" not in admin


def test_no_csp_setting_in_a_format_django_csp_ignores():
    assert not [m for m in checks.run_checks() if m.id.startswith("csp.")]
