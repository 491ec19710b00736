"""Every legacy file under the paths given: plain files, folders (walked recursively) and .zip / .tar.gz
archives, each read with a size limit. A file that cannot be read safely becomes a failed Entry with a
one-line reason; nothing here raises for bad input."""

import os
import posixpath
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

MAX_FILE_BYTES = 5 * 1024 * 1024  # no legacy article page is near this; anything bigger is not one
PAGE_SUFFIXES = {".txt", ".html", ".htm", ".xhtml", ".shtml", ""}
PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp"}


@dataclass
class Entry:
    label: str  # what the user sees: the file's path, or ARCHIVE:member
    raw: bytes | None = None
    error: str = ""
    sibling: object = (
        None  # sibling(relative_path) -> bytes | None: the files saved beside the page
    )


def is_page_name(name):
    """Pages are text or HTML files; the photos saved beside them (Page_files/...) are read on demand."""
    base = posixpath.basename(name)
    if base.startswith(".") or "_files/" in name.replace(os.sep, "/"):
        return False
    return Path(base).suffix.lower() in PAGE_SUFFIXES


def iter_entries(paths):
    for path in paths:
        path = Path(path)
        name = path.name.lower()
        if path.is_dir():
            yield from _walk_folder(path)
        elif name.endswith(".zip"):
            yield from _guard(path, _walk_zip)
        elif name.endswith((".tar.gz", ".tgz", ".tar")):
            yield from _guard(path, _walk_tar)
        else:
            yield _read_file(path, label=str(path))


def _guard(path, walk):
    try:
        yield from walk(path)
    except (OSError, zipfile.BadZipFile, tarfile.TarError, EOFError) as exc:
        yield Entry(str(path), error=f"unreadable archive ({exc})")


def _read_file(path, *, label):
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return Entry(
                label, error=f"file too large ({size:,} bytes; the limit is {MAX_FILE_BYTES:,})"
            )
        raw = path.read_bytes()
    except OSError as exc:
        if exc.errno == 40:  # ELOOP
            return Entry(label, error="symlink loop")
        return Entry(label, error=exc.strerror or str(exc))
    return Entry(label, raw=raw, sibling=lambda rel, base=path.parent: _folder_sibling(base, rel))


def _folder_sibling(base, rel):
    target = (base / rel).resolve()
    if (
        not target.is_relative_to(base.resolve())
        or not target.is_file()
        or target.stat().st_size > MAX_FILE_BYTES
    ):
        return None
    return target.read_bytes()


def _walk_folder(root):
    """Recursive, following symlinked folders once each: a link back up the tree is reported as a loop."""
    seen = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            real = folder.resolve(strict=True)
        except (OSError, RuntimeError):
            yield Entry(str(folder), error="symlink loop")
            continue
        if real in seen:
            yield Entry(str(folder), error="symlink loop (a folder already walked)")
            continue
        seen.add(real)
        try:
            children = sorted(folder.iterdir())
        except OSError as exc:
            yield Entry(str(folder), error=exc.strerror or str(exc))
            continue
        subfolders = []
        for child in children:
            try:
                is_dir = child.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                if not child.name.endswith("_files"):
                    subfolders.append(child)
            elif is_page_name(child.name):
                yield _read_file(child, label=str(child))
        stack.extend(reversed(subfolders))


def safe_member_name(name):
    """A member name that stays inside the archive: no absolute path, no '..', no drive letter."""
    name = name.replace("\\", "/")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return None
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if not parts or ".." in parts:
        return None
    return "/".join(parts)


def _walk_zip(path):
    with zipfile.ZipFile(path) as archive:

        def read(info):
            if info.file_size > MAX_FILE_BYTES:
                raise _TooLarge(info.file_size)
            with archive.open(info) as member:
                data = member.read(
                    MAX_FILE_BYTES + 1
                )  # the declared size can lie (a zip bomb): count what comes out
            if len(data) > MAX_FILE_BYTES:
                raise _TooLarge(len(data))
            return data

        def sibling(page_name, rel):
            """Called after the walk has moved on (the photo is known once the page is parsed): reopens."""
            wanted = safe_member_name(posixpath.join(posixpath.dirname(page_name), rel)) or ""
            try:
                with zipfile.ZipFile(path) as again:
                    info = next(
                        (i for i in again.infolist() if safe_member_name(i.filename) == wanted),
                        None,
                    )
                    if info is None or info.file_size > MAX_FILE_BYTES:
                        return None
                    with again.open(info) as member:
                        data = member.read(MAX_FILE_BYTES + 1)
                    return data if len(data) <= MAX_FILE_BYTES else None
            except (OSError, zipfile.BadZipFile):
                return None

        for info in archive.infolist():
            if not info.is_dir():
                entry = _member_entry(path, info.filename, lambda i=info: read(i), sibling)
                if entry is not None:
                    yield entry


def _walk_tar(path):
    with tarfile.open(path) as archive:
        members = archive.getmembers()
        by_name = {safe_member_name(m.name): m for m in members if m.isfile()}

        def read(member):
            if member.size > MAX_FILE_BYTES:
                raise _TooLarge(member.size)
            handle = archive.extractfile(member)
            return handle.read() if handle is not None else None

        def sibling(page_name, rel):
            """Called after the walk has moved on: reopens the archive (a sequential read to the member)."""
            wanted = safe_member_name(posixpath.join(posixpath.dirname(page_name), rel)) or ""
            member = by_name.get(wanted)
            if member is None or member.size > MAX_FILE_BYTES:
                return None
            try:
                with tarfile.open(path) as again:
                    handle = again.extractfile(wanted)
                    return handle.read() if handle is not None else None
            except (OSError, KeyError, tarfile.TarError):
                return None

        for member in members:
            name = safe_member_name(member.name)
            if (member.issym() or member.islnk()) and name and is_page_name(name):
                yield Entry(f"{path}:{member.name}", error="a link inside the archive, not a file")
            elif member.isfile() or name is None:
                entry = _member_entry(path, member.name, lambda m=member: read(m), sibling)
                if entry is not None:
                    yield entry


def _member_entry(path, member_name, read, sibling):
    """One archive member as an Entry (None when it is not a page); every failure is its reason."""
    label = f"{path}:{member_name}"
    name = safe_member_name(member_name)
    if name is None:
        return Entry(label, error="unsafe member name (absolute or '..' path) in the archive")
    if not is_page_name(name):
        return None
    try:
        raw = read()
    except _TooLarge as big:
        return Entry(
            label,
            error=f"member too large when unpacked ({big.size:,}+ bytes; the limit is {MAX_FILE_BYTES:,})",
        )
    except (OSError, zipfile.BadZipFile, tarfile.TarError, EOFError, ValueError) as exc:
        return Entry(label, error=f"damaged archive member ({exc})")
    return Entry(label, raw=raw, sibling=lambda rel: sibling(name, rel))


class _TooLarge(Exception):
    def __init__(self, size):
        super().__init__(size)
        self.size = size


def count_pages(paths):
    """How many page files the paths hold (names only, nothing read): the progress bar's total."""
    total = 0
    for path in map(Path, paths):
        name = path.name.lower()
        try:
            if path.is_dir():
                total += sum(
                    1
                    for folder, _, files in os.walk(path)
                    if "_files" not in Path(folder).name
                    for f in files
                    if is_page_name(f)
                )
            elif name.endswith(".zip"):
                with zipfile.ZipFile(path) as archive:
                    total += sum(1 for n in archive.namelist() if is_page_name(n))
            elif name.endswith((".tar.gz", ".tgz", ".tar")):
                with tarfile.open(path) as archive:
                    total += sum(1 for m in archive.getmembers() if is_page_name(m.name))
            else:
                total += 1
        except (OSError, zipfile.BadZipFile, tarfile.TarError, EOFError):
            total += 1
    return total
