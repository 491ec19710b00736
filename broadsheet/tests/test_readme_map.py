"""The README's map of the code names every top-level module and package under broadsheet/."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _map_block():
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## A map of the code", 1)[1]
    return section.split("```", 2)[1]


def test_every_top_level_module_and_package_is_on_the_map():
    block = _map_block()
    listed = set(re.findall(r"([A-Za-z_][\w]*(?:\.py|/))", block))
    present = {
        p.name + ("/" if p.is_dir() else "")
        for p in (ROOT / "broadsheet").iterdir()
        if (p.suffix == ".py" or p.is_dir()) and not p.name.startswith("__")
    }
    assert present - listed == set()
