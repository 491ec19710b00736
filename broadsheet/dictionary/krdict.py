"""Reading a Basic Korean Dictionary (한국어기초사전, krdict.korean.go.kr) export a newsroom downloaded itself.

Accepted: the LMF XML export ("사전 내려받기" → XML), one file or a .zip of files, and JSON that mirrors
the same tree (element names as keys, `feat` as a list of {"att", "val"}). From each LexicalEntry we keep
the Korean headword (Lemma/writtenForm), its vocabularyLevel, and for each Sense the Korean definition
and every English Equivalent (language 영어: lemma and definition). Nothing else is read.
"""

import json
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

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
    for _event, element in ElementTree.iterparse(stream):
        if element.tag == "LexicalEntry":
            yield element
            element.clear()  # a full export is hundreds of megabytes: keep memory flat


def _json_entries(stream):
    data = json.load(stream)
    resource = data.get("LexicalResource", data)
    for lexicon in children(resource, "Lexicon") or [resource]:
        yield from children(lexicon, "LexicalEntry")


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
