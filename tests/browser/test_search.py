"""The search box works as Material's does, in Norwegian, and reads well: "/" and "s" open it, the
arrow keys move through the results and Enter opens the best; each result names the page it comes
from and its title is its own heading; the count is announced; nothing found still shows where to
look and whom to ask; searching never starts the decision trees' engine, asks no other site, and
passes axe. Content is read from the built pages and mkdocs.yml, never copied."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest
from mkdocs.config import load_config
from playwright.sync_api import expect

from tests.browser.search_box import FIELD, META, enter, open_search, shown, type_query
from tools.devserver import ROOT

pytestmark = pytest.mark.browser

RESULT = ".md-search-result__list .md-search-result__link"
NOTHING = "qqqzzxx"
# The decision trees' engine: Pyodide, the engine wheel, the worker.
RUNTIME = re.compile(r"/assets/pyodide/|/assets/beslutningstre/|tree-worker|tree-runtime")


def _trees(site) -> dict[str, str]:
    """Tree page path -> its title, from the built pages."""
    out = {}
    for page in sorted((site / "beslutningstre").glob("*/index.html")):
        title = re.search(r'<h1 id="beslutningstre">(.*?)<a class="headerlink"', page.read_text("utf-8"), re.S)
        out[f"beslutningstre/{page.parent.name}/"] = " ".join(title.group(1).split())
    return out


def _outcome(site) -> tuple[str, str]:
    """A tree outcome's anchor and heading, as the no-JavaScript outline shows it ("Svar: …")."""
    html = (site / "beslutningstre" / "utstyr" / "index.html").read_text("utf-8")
    heading = re.search(r'<h3 class="hk-title" id="(tre-[^"]+)">(.*?)</h3>', html, re.S)
    return heading.group(1), re.sub(r"<[^>]+>", "", heading.group(2)).strip()


def test_placeholder_and_dialog_name_say_it_searches_the_site(page):
    page.goto("")
    field = page.locator(FIELD)
    expect(field).to_have_attribute("placeholder", "Søk på nettstedet")
    open_search(page)
    expect(page.get_by_role("dialog", name="Søk på nettstedet")).to_be_visible()
    expect(page.locator(META)).to_have_text("Skriv søkeord")


@pytest.mark.parametrize("key", ["/", "s"])
def test_a_key_opens_search_and_the_arrows_and_enter_choose_a_result(page, key):
    page.goto("")
    page.keyboard.press(key)
    expect(page.locator(FIELD)).to_be_focused()
    enter(page, "forsikring")
    results = page.locator(RESULT)
    assert results.count() >= 3
    page.keyboard.press("ArrowDown")
    expect(results.nth(0)).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(results.nth(1)).to_be_focused()
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    expect(page.locator(FIELD)).to_be_focused()
    best = urlsplit(results.nth(0).get_attribute("href"))
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: urlsplit(url).path == best.path and urlsplit(url).fragment == best.fragment)
    expect(page.locator(FIELD)).not_to_be_focused()
    # Material's instant navigation keeps the header: search goes on working on the new page.
    page.keyboard.press(key)
    enter(page, "hytta")
    assert "faq/#hytte" in shown(page)[:3]


def test_escape_closes_search(page):
    page.goto("")
    type_query(page, "hytte")
    page.keyboard.press("Escape")
    expect(page.locator("#__search")).not_to_be_checked()
    expect(page.locator(FIELD)).not_to_be_focused()


def test_each_result_names_its_page_and_its_title_is_its_own_heading(page, site_dir):
    trees = _trees(site_dir)
    anchor, title = _outcome(site_dir)
    page.goto("")
    type_query(page, title)
    outcome = page.locator(f'.md-search-result__list a[href$="beslutningstre/utstyr/#{anchor}"]')
    expect(outcome.locator("h2")).to_have_text(title)
    expect(outcome.locator(".hk-search-source")).to_have_text(trees["beslutningstre/utstyr/"])
    enter(page, "headset")
    sources = page.locator(".md-search-result__list .hk-search-source").all_inner_texts()
    assert {"Spørsmål og svar", "Retningslinjen"} <= set(sources), sources
    assert set(sources) <= {"Spørsmål og svar", "Retningslinjen", "Beslutningstre", *trees.values()}, sources


def test_the_count_is_announced_once_the_reader_pauses(page):
    page.goto("")
    type_query(page, "hytta")
    status = page.locator("[data-search-status]")
    expect(status).to_have_attribute("role", "status")
    count = page.locator(".md-search-result__list .md-search-result__item:not(.hk-search-help)").count()
    expect(status).to_have_text(f"{count} treff")


def test_nothing_found_shows_the_trees_the_faq_and_whom_to_ask(page, site_dir):
    pou = load_config(str(ROOT / "mkdocs.yml")).extra["pou_url"]
    page.goto("")
    type_query(page, NOTHING)
    expect(page.locator(META)).to_contain_text("Ingen treff")
    expect(page.locator("[data-search-status]")).to_contain_text("Ingen treff")
    found = shown(page)
    for tree in _trees(site_dir):
        assert tree in found, found
    assert "faq/" in found
    ask = page.locator(".md-search-result__list .hk-search-help a")
    expect(ask).to_have_attribute("href", pou)
    expect(ask).to_contain_text("lederen din")
    expect(ask).to_contain_text("POU")


def test_a_word_with_a_typo_finds_its_answer(page):
    page.goto("")
    type_query(page, "forsikrng")
    assert "faq/#forsikring" in shown(page)[:3]


def test_searching_never_starts_the_decision_trees_engine(page, context):
    page.goto("")
    type_query(page, "skade i lunsjen")
    results = page.locator(RESULT)
    assert any("beslutningstre/" in (results.nth(i).get_attribute("href") or "") for i in range(results.count()))
    for i in range(results.count()):
        results.nth(i).hover()
        page.keyboard.press("ArrowDown")
    page.wait_for_timeout(300)
    assert not [u for u in context.guard.requests if RUNTIME.search(urlsplit(u).path)]


def test_material_s_own_engine_and_index_are_never_fetched(page, context):
    # Material's lunr worker starts on every page load; it is swapped for an idle one, and its index
    # is never asked for (the site's search brings its own).
    page.goto("", wait_until="networkidle")
    type_query(page, "hytte")
    paths = [urlsplit(u).path for u in context.guard.requests]
    assert any(p.endswith("/search/sok.json") for p in paths)
    assert not [p for p in paths if re.search(r"/workers/search\.|/javascripts/lunr/|search_index\.json", p)], paths


def test_a_search_that_cannot_start_says_so_in_norwegian(page):
    page.route("**/search/sok.json", lambda route: route.abort())
    page.goto("")
    page.keyboard.press("/")
    expect(page.locator(META)).to_contain_text("Søket kunne ikke starte")


@pytest.mark.parametrize("context", ["light", "dark"], indirect=True)
@pytest.mark.parametrize("query", ["hjemmekontor", NOTHING])
def test_axe_on_the_open_search_with_results_and_with_nothing_found(page, axe, context, query):
    page.goto("", wait_until="networkidle")
    type_query(page, query)
    # The dialog and its results fade in; axe takes colours as they are at that moment.
    page.wait_for_function("() => document.querySelector('.md-search').getAnimations({subtree: true}).length === 0")
    violations = axe(page)
    assert not violations, json.dumps(violations, ensure_ascii=False, indent=1)
