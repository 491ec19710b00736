"""Reading a Basic Korean Dictionary (한국어기초사전, krdict.korean.go.kr) export a newsroom downloaded itself.

Accepted: the LMF XML export ("사전 내려받기" → XML), one file or a .zip of files, and JSON that mirrors
the same tree (element names as keys, `feat` as a list of {"att", "val"}). From each LexicalEntry we keep
the Korean headword (Lemma/writtenForm), its vocabularyLevel, and for each Sense the Korean definition
and every English Equivalent (language 영어: lemma and definition). Nothing else is read.
"""

import re
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

import ijson

ENGLISH = {"영어", "english", "en", "eng"}


@dataclass(frozen=True)
class Equivalent:
    entry_id: str
    sense_number: int
    korean: str
    korean_definition: str
    english: str
    english_definition: str
    vocabulary_level: str


def feats(node):
    """The {att: val} of a node's <feat> children (XML) or its "feat" list (JSON)."""
    if isinstance(node, dict):
        items = node.get("feat", [])
        items = [items] if isinstance(items, dict) else items
        return {i.get("att"): i.get("val", "") for i in items if isinstance(i, dict)}
    return {f.get("att"): f.get("val", "") for f in node.findall("feat")}


def children(node, name):
    if isinstance(node, dict):
        value = node.get(name, [])
        return [value] if isinstance(value, dict) else [v for v in value if isinstance(v, dict)]
    return node.findall(name)


def entry_id(node):
    if isinstance(node, dict):
        return str(node.get("val") or node.get("id") or feats(node).get("id", ""))
    return node.get("val") or node.get("id") or ""


def equivalents_of(entry):
    """Every (Korean sense → English equivalent) pair in one LexicalEntry."""
    info = feats(entry)
    lemmas = children(entry, "Lemma")
    korean = feats(lemmas[0]).get("writtenForm", "").strip() if lemmas else ""
    if not korean:
        return
    for number, sense in enumerate(children(entry, "Sense"), start=1):
        definition = feats(sense).get("definition", "").strip()
        for equivalent in children(sense, "Equivalent"):
            detail = feats(equivalent)
            if detail.get("language", "").strip().lower() not in ENGLISH:
                continue
            # An equivalent often lists several words: "store; shop".
            for english in detail.get("lemma", "").replace(",", ";").split(";"):
                if english.strip():
                    yield Equivalent(
                        entry_id=entry_id(entry),
                        sense_number=number,
                        korean=korean,
                        korean_definition=definition,
                        english=english.strip(),
                        english_definition=detail.get("definition", "").strip(),
                        vocabulary_level=info.get("vocabularyLevel", "").strip(),
                    )


def _xml_entries(stream):
    # A full export is hundreds of megabytes (a zip of it a few): each entry is dropped from its parent
    # once read, so memory stays flat however long the file is (clearing it alone left an empty
    # element per entry behind).
    parents = []
    for event, element in ElementTree.iterparse(stream, events=("start", "end")):
        if event == "start":
            parents.append(element)
            continue
        parents.pop()
        if element.tag == "LexicalEntry":
            yield element
            if parents:
                parents[-1].remove(element)


# Where entries sit in the JSON tree: LexicalResource (optional) → Lexicon (one or a list, optional) →
# LexicalEntry (one or a list), as ijson names the path.
ENTRY_PATH = re.compile(r"(LexicalResource\.)?(Lexicon(\.item)?\.)?LexicalEntry(\.item)?")


def _json_entries(stream):
    """Each LexicalEntry object as it is parsed: the file is never held whole (json.load took ~3 KB
    of Python objects per entry)."""
    builder, depth = None, 0
    try:
        for prefix, event, value in ijson.parse(stream, use_float=True):
            if builder is None:
                if event != "start_map" or not ENTRY_PATH.fullmatch(prefix):
                    continue
                builder, depth = ijson.ObjectBuilder(), 0
            builder.event(event, value)
            depth += event in ("start_map", "start_array")
            depth -= event in ("end_map", "end_array")
            if depth == 0:
                yield builder.value
                builder = None
    except ijson.JSONError as error:
        raise ValueError(f"not valid JSON: {error}") from error


def read_export(path):
    """Yield every Equivalent in an export file (.xml, .json, or a .zip of them)."""
    path = str(path)
    if path.lower().endswith(".zip"):
        with zipfile.ZipFile(path) as archive:
            for name in sorted(archive.namelist()):
                if name.lower().endswith((".xml", ".json")):
                    with archive.open(name) as stream:
                        yield from _read_stream(stream, name)
        return
    with open(path, "rb") as stream:
        yield from _read_stream(stream, path)


def _read_stream(stream, name):
    entries = _json_entries(stream) if name.lower().endswith(".json") else _xml_entries(stream)
    for entry in entries:
        yield from equivalents_of(entry)
