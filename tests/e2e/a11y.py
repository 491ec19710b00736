"""The accessibility gate: axe-core (vendored, tests/e2e/vendor/) run in the page a journey has open.

Every reader page a journey opens can call ``assert_accessible(page)``; it fails on any serious or
critical finding and names each rule, its help text and the first offending elements.
"""

from pathlib import Path

AXE = Path(__file__).with_name("vendor") / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")


def axe_violations(page, *, impacts=BLOCKING):
    """axe-core's violations of the given impacts for the page as it stands now.

    The engine is evaluated through the DevTools protocol, which the page's strict CSP does not govern, so
    the page under test keeps its real policy.
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async () => { const r = await axe.run(document, {resultTypes: ['violations']});"
        " return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " targets: v.nodes.slice(0, 3).map(n => n.target.join(' '))})); }"
    )
    return [v for v in result if v["impact"] in impacts]


def assert_accessible(page):
    violations = axe_violations(page)
    assert not violations, "axe-core found:\n" + "\n".join(
        f"  {v['impact']}: {v['id']} — {v['help']} at {', '.join(v['targets'])}" for v in violations
    )
