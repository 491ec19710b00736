"""The HTML and JSON-LD gates themselves can fail: broken markup and an incomplete NewsArticle are caught."""

from .gates import html_errors, json_ld_blocks, json_ld_problems

VALID = '<!DOCTYPE html><html lang="en"><head><title>Fine</title></head><body><p>Fine.</p></body></html>'


def test_html_gate_names_each_error_and_passes_valid_markup():
    broken = VALID.replace("<p>Fine.</p>", "<p><div></span>")
    errors = html_errors(broken)
    assert any("unexpected-end-tag" in e for e in errors) and len(errors) >= 2
    assert html_errors(VALID) == []
    assert (
        html_errors(VALID.replace("<!DOCTYPE html>", "")) != []
    )  # no doctype: quirks mode is an error too


def test_json_ld_gate_reads_blocks_and_names_missing_fields():
    html = VALID.replace(
        "<title>",
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H",'
        ' "author": [{"@type": "Person"}]}</script><title>',
    )
    [block] = json_ld_blocks(html)
    problems = json_ld_problems(block)
    assert (
        "$ (NewsArticle) lacks datePublished" in problems
        and "$.author[0] (Person) lacks name" in problems
    )
    complete = {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "Home", "item": "http://x/"}
        ],
    }
    assert json_ld_problems(complete) == []
