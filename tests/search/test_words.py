"""HR's everyday words (content/search-words.toml) and the FAQ metadata the search reads, as the
build checks them (tooling/search_words.py, tooling/faq.py): a broken entry stops the build with file:line, every
entry explains itself, and what an entry leads to exists. That each word, searched, leads there
is tested in the browser (tests/browser/test_search_queries.py)."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from tests.content import PROJECT
from tooling import faq, search_words

WORDS = PROJECT.content / search_words.FILE_NAME

GOOD = """# Søkeord.

# sjefen = leder
[[ord]]
skriver = ["sjefen"]
betyr = ["leder"]
svar = ["faq/#avklare-med-leder"]
"""


def test_the_real_file_loads_and_every_word_is_in_one_entry_only():
    entries = search_words.load(WORDS)
    assert len(entries) >= 30
    written = Counter(w.lower() for e in entries for w in e["skriver"])
    assert not [w for w, n in written.items() if n > 1], "samme ord i flere oppføringer"


def test_every_answer_an_entry_names_is_in_the_index(site_dir):
    locations = {d["location"] for d in json.loads((site_dir / "search" / "sok.json").read_text("utf-8"))["docs"]}
    for entry in search_words.load(WORDS):
        for target in entry["svar"]:
            assert target in locations, f"content/search-words.toml:{entry['line']}: {target}"


@pytest.mark.parametrize("broken, message", [
    (GOOD.replace("# sjefen = leder\n", ""), ":3: skriv en kommentar"),
    (GOOD.replace('skriver = ["sjefen"]', "skriver = []"), ":4: «skriver» må være en liste"),
    (GOOD.replace('svar = ["faq/#avklare-med-leder"]\n', ""), ":4: «svar» må være en liste"),
    (GOOD + 'hint = "x"\n', ":4: ukjent felt ['hint']"),
    (GOOD.replace("[[ord]]", "[[ord]"), "search-words.toml: "),
], ids=["no comment", "empty list", "no answers", "unknown field", "not TOML"])
def test_a_broken_entry_stops_the_build_with_file_and_line(tmp_path, broken, message):
    path = tmp_path / "search-words.toml"
    path.write_text(GOOD, encoding="utf-8")
    assert search_words.load(path)[0]["betyr"] == ["leder"]
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(search_words.SearchWordsError, match=r"search-words\.toml") as caught:
        search_words.load(path)
    assert message in str(caught.value), str(caught.value)


def test_faq_metadata_is_read_from_the_lines_under_each_heading():
    markdown = """# Spørsmål og svar { #faq }

## Får jeg dekket strøm? { #strom }
<!-- certainty: ikke-omtalt -->
<!-- topics: strøm, skrive ut, informasjonssikkerhet -->

Retningslinjen sier ikke noe om det.

<!-- topics: not under a heading -->

## Har jeg rett til hjemmekontor? { #rett }

Nei.
"""
    entries = {e.id: e for e in faq.parse(markdown, "faq.md")}
    assert entries["strom"].certainty == "ikke-omtalt"
    assert entries["strom"].topics == ("strøm", "skrive ut", "informasjonssikkerhet")
    # Without the lines, an entry simply has none; a comment further down is just a comment.
    assert entries["rett"].certainty == "" and entries["rett"].topics == ()
