"""People search with their own words («sjefen», «pcen ble stjelt», «er jeg forsikra»): the query set
in tests/search/queries.toml, typed into the real search box in Chromium, finds a section that
answers (or says plainly that the guideline is silent) among the first three results a reader sees,
for at least 90 % of the held-out half and of the tuning half; no query ever gets an empty page; and
every everyday word HR keeps in content/search-words.toml leads to one of the answers its entry
names. One page load for all of them: the box is emptied and the next query entered.

When a query fails, do not edit this test: add the everyday word to content/search-words.toml (with
a comment and the answers it should lead to), or put the word where it belongs in the answer
(SKRIVEVEILEDNING.md, "Søkeord")."""

from __future__ import annotations

import pytest

from tests.browser.conftest import new_context
from tests.browser.search_box import enter, open_search, shown
from tests.content import PROJECT
from tooling import search_words
from tools import search_queries

pytestmark = pytest.mark.browser

SHARE = 0.9


QUERIES = search_queries.load()
WORDS = search_words.load(PROJECT.content / search_words.FILE_NAME)


@pytest.fixture(scope="module")
def search_page(browser, base_url):
    """One page with the search box open, shared by every query."""
    context = new_context(browser, base_url)
    page = context.new_page()
    page.goto("")
    open_search(page)
    yield page
    context.close()
    assert not context.guard.foreign, f"forespørsler til tredjepart: {context.guard.foreign}"


@pytest.fixture(scope="module")
def answers(search_page) -> dict[str, list[str]]:
    out = {}
    for q in QUERIES:
        enter(search_page, q.text)
        out[q.text] = shown(search_page)
    return out


@pytest.mark.parametrize("half", search_queries.HALVES)
def test_a_right_section_is_among_the_first_three_for_nine_queries_in_ten(answers, half):
    queries = [q for q in QUERIES if q.half == half]
    misses = [f"«{q.text}» viste {answers[q.text][:3]}, ventet en av {list(q.targets)}" for q in queries
              if not (search_queries.first_right(answers[q.text], q.targets) or 99) <= 3]
    assert len(queries) - len(misses) >= SHARE * len(queries), "\n".join(misses)


def test_no_query_gets_an_empty_page(answers):
    assert not [q for q, shown_ in answers.items() if not shown_]


@pytest.mark.parametrize("entry", WORDS, ids=[f"linje-{e['line']}" for e in WORDS])
def test_every_everyday_word_leads_to_an_answer_its_entry_names(search_page, entry):
    wrong = []
    for word in entry["skriver"]:
        enter(search_page, word)
        top = shown(search_page)[:3]
        if not search_queries.first_right(top, entry["svar"]):
            wrong.append(f"«{word}» viste {top}")
    assert not wrong, (f"content/search-words.toml:{entry['line']}: ventet en av {entry['svar']} blant de tre første:\n"
                       + "\n".join(wrong))
