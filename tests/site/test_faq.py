"""The FAQ: enough real questions, each citing the guideline, together covering every point."""

from __future__ import annotations

import re

import pytest

# Every numbered point and every section of the guideline must be answered somewhere in the FAQ.
MUST_COVER = {f"punkt-{n}" for n in range(1, 11)} | {"kortvarig", "sporadisk", "reise", "avtale"}


@pytest.fixture(scope="module")
def entries(site_dir):
    html = (site_dir / "faq" / "index.html").read_text(encoding="utf-8")
    article = html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
    parts = re.split(r'(?=<h2 id=")', article)[1:]
    return {re.match(r'<h2 id="([^"]+)"', p).group(1): p for p in parts}


def cited(entry_html: str) -> set[str]:
    return set(re.findall(r'href="\.\./retningslinje/#([^"]+)"', entry_html))


def test_at_least_twelve_questions(entries):
    assert len(entries) >= 12
    for anchor, html in entries.items():
        title = re.sub(r"<[^>]+>", "", html.split("</h2>", 1)[0])
        assert title.rstrip("#").strip().endswith("?"), f"{anchor}: overskriften er ikke et spørsmål"


def test_every_answer_cites_the_guideline(entries):
    uncited = [anchor for anchor, html in entries.items() if not cited(html)]
    assert not uncited, f"Svar uten henvisning til retningslinjen: {uncited}"


def test_answers_together_cover_every_point(entries):
    covered = set().union(*(cited(html) for html in entries.values()))
    covered |= {a.split("-")[0] for a in covered if a.startswith("forsikring")}  # any insurance paragraph
    missing = sorted((MUST_COVER | {"forsikring"}) - covered)
    assert not missing, f"Punkter som ingen svar bygger på: {missing}"


def test_expected_questions_are_there(entries):
    for anchor in ("rett-til-hjemmekontor", "hvem-bestemmer-omfang", "hytte", "utlandet", "utstyr", "egen-pc",
                   "avtale-trekkes-tilbake", "fleksitid", "innkalling-hjemmekontordag", "kortvarig-eller-sporadisk",
                   "forsikring", "skade-i-lunsjpausen", "reise"):
        assert anchor in entries
