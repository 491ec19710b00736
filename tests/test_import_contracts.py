"""The import contracts of .importlinter: broadsheet.comments and broadsheet.dictionary import nothing else
of broadsheet, function-level (lazy) imports included. `lint-imports` is import-linter's command."""

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / ".importlinter"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
APPS = {"comments-alone": "broadsheet.comments", "dictionary-alone": "broadsheet.dictionary"}


def lint_imports(cwd):
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    args = [str(LINT_IMPORTS), str(CONFIG), "--no-cache"]
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_the_contracts_are_kept():
    run = lint_imports(ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "2 kept, 0 broken" in run.stdout


@pytest.mark.parametrize("contract, app", APPS.items())
def test_each_contract_forbids_every_other_top_level_module(contract, app):
    """A package added to broadsheet/ later is forbidden too: the lists must name every one."""
    config = configparser.ConfigParser()
    config.read(CONFIG)
    forbidden = set(config[f"importlinter:contract:{contract}"]["forbidden_modules"].split())
    top_level = {
        f"broadsheet.{path.stem}"
        for path in (ROOT / "broadsheet").iterdir()
        if (path.suffix == ".py" and path.stem != "__init__") or (path / "__init__.py").exists()
    }
    assert forbidden == top_level - {app}


@pytest.mark.parametrize("app", ["comments", "dictionary"])
def test_a_lazy_import_of_the_site_breaks_the_contract(tmp_path, app):
    """The check sees an import inside a function, not only at the top of a module."""
    shutil.copytree(
        ROOT / "broadsheet",
        tmp_path / "broadsheet",
        ignore=shutil.ignore_patterns("__pycache__", "static", "locale"),
    )
    module = tmp_path / "broadsheet" / app / "lazy_probe.py"
    module.write_text(
        "def probe():\n    from broadsheet.newsroom import models\n\n    return models\n"
    )
    run = lint_imports(tmp_path)
    assert run.returncode != 0
    assert f"broadsheet.{app}.lazy_probe -> broadsheet.newsroom.models" in run.stdout
