"""The drill's site (version 0.02, tests/conftest.py) in the browser: a link to an answer made under
0.01 opens with the notice and the answers replayed; the changes page passes axe in light and dark."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from decision_tree import api
from tests.browser.conftest import _run_axe, new_context
from tests.browser.widget import WIDGET, outcome, paths, plain, wait_ready
from tests.content import GUIDELINE
from tools.devserver import serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def drill_url(drill):
    with serve(drill.site) as url:
        yield url


@pytest.fixture
def drill_page(browser, drill_url, request):
    context = new_context(browser, drill_url, getattr(request, "param", "light"))
    page = context.new_page()
    yield page
    context.close()
    assert not context.guard.foreign, context.guard.foreign


def test_a_link_made_under_0_01_opens_on_0_02_with_the_notice_and_the_answers(drill_page):
    slug = "reise"
    path = max(paths(slug), key=lambda p: len(p.steps))
    view = api.view(slug, "")
    for step in path.steps:
        view = api.answer(slug, view["state"], step.question.id, step.raw_answer())
    assert GUIDELINE.version == "0.01" and view["state"].startswith("v0.01_")

    drill_page.goto(f"beslutningstre/{slug}/?svar={view['state']}")
    wait_ready(drill_page)
    notice = drill_page.locator(f"{WIDGET} .hk-notice")
    expect(notice).to_contain_text("Retningslinjen er endret siden lenken ble laget (versjon 0.01 → 0.02).")
    expect(outcome(drill_page).locator("h2")).to_have_text(plain(path.outcome.title))
    expect(drill_page.locator(f"{WIDGET} .hk-answer")).to_have_count(len(path.steps))
    # The address now holds the answers in today's form, made under 0.02: reloading needs no notice.
    drill_page.wait_for_url("**?svar=v0.02_*")
    drill_page.reload()
    wait_ready(drill_page)
    expect(outcome(drill_page).locator("h2")).to_have_text(plain(path.outcome.title))
    expect(drill_page.locator(f"{WIDGET} .hk-notice")).to_have_count(0)


@pytest.mark.parametrize("drill_page", ["light", "dark"], indirect=True)
def test_the_changes_page_passes_axe(drill_page):
    drill_page.goto("endringer/")
    expect(drill_page.locator("del").first).to_be_visible()
    violations = _run_axe(drill_page)
    assert not violations, violations


def test_the_removed_points_note_is_where_an_old_link_lands(drill_page):
    drill_page.goto("retningslinje/#punkt-10-unntak")
    note = drill_page.locator("#punkt-10-unntak")
    expect(note).to_be_in_viewport()
    expect(note).to_contain_text("Punktet ble fjernet i versjon 0.02")
    note.get_by_role("link", name="Se teksten i versjon 0.01").click()
    expect(drill_page).to_have_url(re.compile(r"/retningslinje/versjon/0\.01/#punkt-10-unntak$"))
    expect(drill_page.locator("#punkt-10-unntak")).to_contain_text("Kortvarig arbeid og sporadisk hjemmearbeid")
