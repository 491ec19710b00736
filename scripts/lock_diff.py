"""Prints what changed between two uv.lock files: `package old -> new`, added and removed packages."""

import sys
import tomllib


def versions(path):
    with open(path, "rb") as lock:
        return {p["name"]: p.get("version", "?") for p in tomllib.load(lock)["package"]}


def main(old_path, new_path):
    old, new = versions(old_path), versions(new_path)
    changes = [
        f"{name} {old.get(name, '(new)')} -> {new.get(name, '(removed)')}"
        for name in sorted(old.keys() | new.keys())
        if old.get(name) != new.get(name)
    ]
    print("\n".join(changes) if changes else "no package changed")


if __name__ == "__main__":
    main(*sys.argv[1:3])
