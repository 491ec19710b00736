"""The Basic Korean Dictionary importer, on small exports written here (no dictionary data is bundled)."""

import json
import zipfile

import pytest
from django.core.management import CommandError, call_command

from broadsheet.dictionary.lookup import lookup
from broadsheet.dictionary.models import KoreanEquivalent

pytestmark = pytest.mark.django_db

LMF = """<?xml version="1.0" encoding="UTF-8"?>
<LexicalResource dtdVersion="16">
  <GlobalInformation><feat att="label" val="test export written for Broadsheet"/></GlobalInformation>
  <Lexicon>
    <feat att="language" val="한국어"/>
    <LexicalEntry att="id" val="90001">
      <feat att="homonym_number" val="0"/>
      <feat att="partOfSpeech" val="동사"/>
      <feat att="vocabularyLevel" val="중급"/>
      <Lemma><feat att="writtenForm" val="철수하다"/></Lemma>
      <Sense att="id" val="1">
        <feat att="definition" val="있던 곳에서 물러나다."/>
        <Equivalent>
          <feat att="language" val="영어"/>
          <feat att="lemma" val="withdraw; pull out"/>
          <feat att="definition" val="To leave the place where one was."/>
        </Equivalent>
        <Equivalent>
          <feat att="language" val="일본어"/>
          <feat att="lemma" val="撤収する"/>
        </Equivalent>
      </Sense>
    </LexicalEntry>
    <LexicalEntry att="id" val="90002">
      <feat att="partOfSpeech" val="명사"/>
      <feat att="vocabularyLevel" val="고급"/>
      <Lemma><feat att="writtenForm" val="교착"/></Lemma>
      <Sense att="id" val="1">
        <feat att="definition" val="일이 나아가지 못하고 멈추어 있음."/>
        <Equivalent>
          <feat att="language" val="영어"/>
          <feat att="lemma" val="deadlock"/>
          <feat att="definition" val="A state in which things stop moving forward."/>
        </Equivalent>
      </Sense>
    </LexicalEntry>
  </Lexicon>
</LexicalResource>
"""

JSON = {
    "LexicalResource": {
        "Lexicon": {
            "LexicalEntry": [
                {
                    "att": "id",
                    "val": "90003",
                    "feat": [
                        {"att": "partOfSpeech", "val": "명사"},
                        {"att": "vocabularyLevel", "val": "중급"},
                    ],
                    "Lemma": {"feat": {"att": "writtenForm", "val": "중재자"}},
                    "Sense": [
                        {
                            "feat": [
                                {"att": "definition", "val": "다툼 사이에 들어 화해시키는 사람."}
                            ],
                            "Equivalent": [
                                {
                                    "feat": [
                                        {"att": "language", "val": "영어"},
                                        {"att": "lemma", "val": "mediator"},
                                    ]
                                }
                            ],
                        }
                    ],
                }
            ]
        }
    }
}


@pytest.fixture
def lmf_file(tmp_path):
    path = tmp_path / "krdict.xml"
    path.write_text(LMF, encoding="utf-8")
    return path


def test_imports_english_equivalents_from_lmf_xml(lmf_file):
    call_command("import_krdict", str(lmf_file))
    rows = {(e.english, e.korean) for e in KoreanEquivalent.objects.all()}
    assert rows == {("withdraw", "철수하다"), ("pull out", "철수하다"), ("deadlock", "교착")}
    withdraw = KoreanEquivalent.objects.get(english="withdraw")
    assert withdraw.vocabulary_level == "중급" and withdraw.source_entry == "90001"
    assert withdraw.english_definition == "To leave the place where one was."


def test_reimport_changes_nothing(lmf_file):
    call_command("import_krdict", str(lmf_file))
    call_command("import_krdict", str(lmf_file))
    assert KoreanEquivalent.objects.count() == 3


def test_lookup_shows_the_korean_gloss_after_import(lmf_file):
    assert lookup("withdrawing")["gloss"] == ""
    call_command("import_krdict", str(lmf_file))
    assert lookup("withdrawing")["gloss"] == "철수하다"


def test_json_and_zip_exports(tmp_path, lmf_file):
    json_path = tmp_path / "krdict.json"
    json_path.write_text(json.dumps(JSON, ensure_ascii=False), encoding="utf-8")
    archive = tmp_path / "krdict.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(lmf_file, "1_5000_20240101.xml")
        z.write(json_path, "2.json")
    call_command("import_krdict", str(archive))
    assert KoreanEquivalent.objects.filter(english="mediator", korean="중재자").exists()
    assert KoreanEquivalent.objects.count() == 4


def test_a_broken_file_is_refused_and_saves_nothing(tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text(LMF.replace("</Lexicon>", ""), encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import_krdict", str(broken))
    assert KoreanEquivalent.objects.count() == 0


def _big_zip(path, member, entries):
    """A generated export of `entries` entries, written in pieces (the test itself stays small)."""
    one = {
        "att": "id",
        "val": "0",
        "Lemma": {"feat": {"att": "writtenForm", "val": "시험"}},
        "Sense": [
            {
                "Equivalent": [
                    {"feat": [{"att": "language", "val": "영어"}, {"att": "lemma", "val": "test"}]}
                ]
            }
        ],
    }
    xml = (
        '<LexicalEntry att="id" val="{i}"><Lemma><feat att="writtenForm" val="시험"/></Lemma><Sense>'
        '<Equivalent><feat att="language" val="영어"/><feat att="lemma" '
        'val="test"/></Equivalent></Sense></LexicalEntry>'
    )
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open(member, "w") as out,
    ):
        if member.endswith(".json"):
            out.write(b'{"LexicalResource": {"Lexicon": {"LexicalEntry": [')
            out.write(
                b",".join(json.dumps({**one, "val": str(i)}).encode() for i in range(entries))
            )
            out.write(b"]}}}")
        else:
            out.write(b"<LexicalResource><Lexicon>")
            out.write("".join(xml.format(i=i) for i in range(entries)).encode())
            out.write(b"</Lexicon></LexicalResource>")


# Read whole, 20,000 entries took ~64 MB as JSON and ~1.6 MB as XML (an empty element left per entry);
# streamed, the peak stays at the parsers' buffers whatever the length (ijson's is the larger).
@pytest.mark.parametrize(
    ("member", "bound"), [("export.json", 3_000_000), ("export.xml", 1_000_000)]
)
def test_a_zip_export_is_streamed_not_read_whole(tmp_path, member, bound):
    import tracemalloc

    from broadsheet.dictionary.krdict import read_export

    archive = tmp_path / "krdict.zip"
    _big_zip(archive, member, 20_000)
    tracemalloc.start()
    try:
        read = sum(1 for _ in read_export(archive))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert read == 20_000
    assert peak < bound, f"{peak / 1e6:.1f} MB"
