"""`make prod` says plainly when nginx's workers could not reach the collected static files (a clone in a
folder only its owner may enter answered 403 on every stylesheet)."""

import importlib.util
from pathlib import Path

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
