"""WordNet from Debian's files, loaded once per process, without NLTK's downloader."""

import threading
from pathlib import Path

from broadsheet.dictionary import wordnet
from broadsheet.dictionary.senses import wordnet_entry


def test_lexnames_table_has_the_45_lexicographer_files():
    lines = wordnet.lexnames_text().splitlines()
    assert len(lines) == 45
    assert lines[0].split() == ["00", "adj.all", "3"]
    assert lines[29].split() == ["29", "verb.body", "2"]
    assert lines[44].split() == ["44", "adj.ppl", "3"]


def test_reads_debian_files_and_no_nltk_download():
    reader = wordnet.get_wordnet()
    assert reader.get_version() == "3.0"
    assert Path(reader.root.path) == Path("/usr/share/wordnet")
    assert not (Path.home() / "nltk_data").exists()


def test_loaded_once_across_threads():
    seen = []
    threads = [
        threading.Thread(target=lambda: seen.append(id(wordnet.get_wordnet()))) for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(seen)) == 1


def test_entry_has_senses_with_examples_and_synonyms():
    entry = wordnet_entry("withdrawing")
    assert entry["lemma"] == "withdraw" and entry["pos"] == "verb"
    first = entry["senses"][0]
    assert first["definition"] and first["examples"] and "retreat" in first["synonyms"]


def test_index_files_are_sorted_so_binary_search_finds_every_lemma():
    index = wordnet.get_wordnet()._lemma_pos_offset_map
    for pos, file in index.files.items():
        tokens = [file.token(i) for i in range(0, len(file.starts), 7)]
        assert tokens == sorted(tokens), pos
    assert index["dog"]["n"][0] == 2084071  # dog.n.01
    assert "tit_for_tat" in index and "xqzvwk" not in index
    assert index["good"]["s"]  # adjective satellites, as NLTK's own loader marks them
