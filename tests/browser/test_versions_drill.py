"""The drill's site (a new version after the newest, tests/conftest.py) in the browser: a link to an answer
made under the site's newest version opens with the notice and the answers replayed; the changes page passes
axe in light and dark; an old link to a removed paragraph lands on its note."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from decision_tree import api
from guideline import versions
from tests.browser.conftest import _run_axe, palette_page
from tests.browser.widget import SLUGS, WIDGET, outcome, paths, plain, wait_ready
from tests.content import GUIDELINE
from tools.devserver import serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def drill_url(drill):
    with serve(drill.site) as url:
        yield url


@pytest.fixture(scope="module")
def drill_page(browser, drill_url, request):
    """One page per palette for the module: the tests only read what each page shows."""
    yield from palette_page(browser, drill_url, getattr(request, "param", "light"))


def test_a_link_made_under_the_newest_version_opens_on_the_drills_with_the_notice_and_the_answers(drill, drill_page):
    slug, path = max(((slug, p) for slug in SLUGS for p in paths(slug)), key=lambda pair: len(pair[1].steps))
    view = api.view(slug, "")
    for step in path.steps:
        view = api.answer(slug, view["state"], step.question.id, step.raw_answer())
    assert GUIDELINE.version == drill.previous and view["state"].startswith(f"v{drill.previous}_")

    drill_page.goto(f"beslutningstre/{slug}/?svar={view['state']}")
    wait_ready(drill_page)
    notice = drill_page.locator(f"{WIDGET} .hk-notice")
    expect(notice).to_contain_text(
        f"Retningslinjen er endret siden lenken ble laget (versjon {drill.previous} → {drill.version}).")
    expect(outcome(drill_page).locator("h2")).to_have_text(plain(path.outcome.title))
    expect(drill_page.locator(f"{WIDGET} .hk-answer")).to_have_count(len(path.steps))
    # The address now holds the answers in today's form, made under the new version: reloading needs no notice.
    drill_page.wait_for_url(f"**?svar=v{drill.version}_*")
    drill_page.reload()
    wait_ready(drill_page)
    expect(outcome(drill_page).locator("h2")).to_have_text(plain(path.outcome.title))
    expect(drill_page.locator(f"{WIDGET} .hk-notice")).to_have_count(0)


@pytest.mark.parametrize("drill_page", ["light", "dark"], indirect=True, scope="module")
def test_the_changes_page_passes_axe(drill_page):
    drill_page.goto("endringer/")
    expect(drill_page.locator("del").first).to_be_visible()
    violations = _run_axe(drill_page)
    assert not violations, violations


def test_the_removed_points_note_is_where_an_old_link_lands(drill, drill_page):
    loaded = versions.load(drill.project / "kilde")
    anchor, removal = next(iter(versions.removed(loaded).items()))
    last = next(v for v in loaded if v.number == removal.last).document
    drill_page.goto(f"retningslinje/#{anchor}")
    note = drill_page.locator(f"#{anchor}")
    expect(note).to_be_in_viewport()
    expect(note).to_contain_text(f"Punktet ble fjernet i versjon {removal.removed_in}")
    note.get_by_role("link", name=f"Se teksten i versjon {removal.last}").click()
    expect(drill_page).to_have_url(re.compile(rf"/retningslinje/versjon/{re.escape(removal.last)}/#{anchor}$"))
    expect(drill_page.locator(f"#{anchor}")).to_contain_text(last.block(anchor).shown[:40])
