"""`make prod`: it says plainly when nginx's workers could not reach the collected static files (a clone in a
folder only its owner may enter answered 403 on every stylesheet); a job it starts may end, a service not."""

import importlib.util
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parent.parent


def load_prod():
    spec = importlib.util.spec_from_file_location("deploy_prod", ROOT / "deploy" / "prod.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_private_folder_on_the_way_is_named(tmp_path):
    prod = load_prod()
    static = tmp_path / "clone" / "static_collected"
    static.mkdir(parents=True)
    tmp_path.chmod(0o755)
    (tmp_path / "clone").chmod(0o700)
    assert prod.unreachable_folder(static, top=tmp_path) == tmp_path / "clone"
    (tmp_path / "clone").chmod(0o755)
    assert prod.unreachable_folder(static, top=tmp_path) is None


def test_a_finished_job_is_dropped_and_a_stopped_service_stops_the_stack(tmp_path, capsys):
    """The dictionary's table is written beside the serving site: its end is not the stack's."""
    prod = load_prod()
    stack = prod.Stack(SimpleNamespace(data_dir=str(tmp_path)))
    stack.start_job("table", [sys.executable, "-c", "pass"])
    stack.start_job("broken table", [sys.executable, "-c", "raise SystemExit(3)"])
    for _, proc in stack.children:
        proc.wait()
    stack.check_children()
    assert stack.children == [] and "broken table failed (3)" in capsys.readouterr().out
    stack.start("uvicorn", [sys.executable, "-c", "pass"])
    stack.children[0][1].wait()
    with pytest.raises(prod.Failed, match="uvicorn exited with 0"):
        stack.check_children()
