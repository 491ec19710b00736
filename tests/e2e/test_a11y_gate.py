"""The accessibility gate itself can fail: a page with known serious findings is caught, a clean one passes."""

import pytest

from .a11y import assert_accessible, axe_violations

pytestmark = [pytest.mark.e2e, pytest.mark.stack_dependent]


def test_gate_names_serious_findings(browser):
    page = browser.new_page()
    page.set_content(
        '<html><body><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><button></button></body></html>'
    )
    found = {v["id"] for v in axe_violations(page)}
    assert {"image-alt", "button-name"} <= found
    with pytest.raises(AssertionError, match="image-alt"):
        assert_accessible(page)
    page.close()


def test_gate_passes_a_clean_page(browser):
    page = browser.new_page()
    page.set_content(
        '<html lang="en"><head><title>Clean</title></head><body><main><h1>Clean</h1>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="A dot"></main></body></html>'
    )
    assert_accessible(page)
    page.close()
