"""Which version is in force (guideline.versions.Timeline): «Gjelder fra» read strictly, the build date
from Europe/Oslo or HJEMMEKONTOR_DATO, and the states «gjeldende», «gjaldt» and «kommende» on both sides
of each version's date. Dates and numbers are read from the files, never written out here."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from guideline import source, versions
from guideline.layout import SourceError
from guideline.text import parse_date

from .conftest import FIRST, FIXTURE, LAYOUT

UPCOMING = FIXTURE.parent / "retningslinje-0.03.txt"  # a future version (test data, never shipped)
DAY = timedelta(days=1)


@pytest.fixture
def three(kilde) -> list[versions.Version]:
    """kilde/ with both test fixtures added: the newest is dated ahead of the others."""
    shutil.copy(UPCOMING, kilde / UPCOMING.name)
    return versions.load(kilde)


def starts(version: versions.Version) -> date:
    return version.document.meta.starts


def test_header_dates_are_read_strictly():
    assert parse_date("01.03.2027") == date(2027, 3, 1)
    for wrong in ("1.3.2027", "01.03.27", "2027-03-01", "31.02.2027", "01.13.2027", " 01.03.2027", ""):
        assert parse_date(wrong) is None, wrong


@pytest.mark.parametrize("wrong", ["1.3.2027", "31.02.2027", "snart"])
def test_an_unparseable_gjelder_fra_is_a_file_line_problem(wrong):
    text = FIRST.read_text(encoding="utf-8")
    meta = source.parse(text, "kilde/x.txt", LAYOUT).meta
    line = next(n for n, raw in enumerate(text.splitlines(), 1) if "Gjelder fra:" in raw)
    with pytest.raises(SourceError) as caught:
        source.parse(text.replace(f"Gjelder fra: {meta.valid_from}", f"Gjelder fra: {wrong}"), "kilde/x.txt", LAYOUT)
    [problem] = caught.value.problems
    assert (problem.source, problem.line) == ("kilde/x.txt", line)
    assert f"«Gjelder fra: {wrong}» er ikke en dato på formen dd.mm.åååå" in problem.message


def test_a_version_dated_before_the_one_it_follows_is_refused(kilde):
    loaded = versions.load(kilde)
    newest = loaded[-1]
    earlier = (starts(loaded[0]) - DAY).strftime("%d.%m.%Y")
    text = newest.path.read_text(encoding="utf-8").replace(f"Gjelder fra: {newest.document.meta.valid_from}",
                                                             f"Gjelder fra: {earlier}")
    newest.path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        versions.load(kilde)
    [problem] = caught.value.problems
    assert problem.source.endswith(newest.path.name) and "Gjelder fra:" in text.splitlines()[problem.line - 1]
    assert f"versjon {newest.number} gjelder fra {earlier}, før versjon" in problem.message


def test_the_build_date_is_oslo_today_unless_the_setting_gives_one():
    assert versions.build_date({}) in {datetime.now(ZoneInfo("Europe/Oslo")).date() + d for d in (-DAY, 0 * DAY)}
    assert versions.build_date({versions.DATE_SETTING: "2027-03-01"}) == date(2027, 3, 1)
    for wrong in ("01.03.2027", "2027-02-30", "i morgen"):
        with pytest.raises(SourceError) as caught:
            versions.build_date({versions.DATE_SETTING: wrong})
        assert str(caught.value) == (f"HJEMMEKONTOR_DATO: «{wrong}» er ikke en dato på formen ÅÅÅÅ-MM-DD "
                                     "(for eksempel HJEMMEKONTOR_DATO=2027-03-01)")


def test_the_written_out_oslo_rule_matches_the_time_zone_data():
    # Where no time zone data is installed (Pyodide), build_date uses versions.oslo_offset.
    oslo = ZoneInfo("Europe/Oslo")
    for year in (2026, 2027, 2031):
        start = datetime(year, 1, 1, tzinfo=UTC)
        for hour in range(366 * 24):  # every hour of the year: the switches fall on 01:00 UTC
            instant = start + timedelta(hours=hour)
            assert versions.oslo_offset(instant) == instant.astimezone(oslo).utcoffset(), instant


def test_the_day_before_the_newest_takes_effect_it_is_announced_not_in_force(three):
    older, previous, newest = three[0], three[-2], three[-1]
    assert starts(previous) < starts(newest), "the fixture's newest version is dated after the one before"
    line = versions.timeline(three, starts(newest) - DAY)
    assert line.current.number == previous.number and line.shown.number == previous.number
    assert line.newest.number == newest.number and line.pending
    assert [line.state(v) for v in (older, previous, newest)] == ["gjaldt", "gjeldende", "kommende"]
    assert [v.number for v in line.upcoming] == [newest.number]
    # The trees and the FAQ quote the newest: its own page, while retningslinje/ shows the one in force.
    assert line.page(newest) == f"retningslinje/versjon/{newest.number}" and line.page(previous) == "retningslinje"


def test_on_the_date_the_newest_is_in_force_and_the_one_before_gjaldt(three):
    previous, newest = three[-2], three[-1]
    line = versions.timeline(three, starts(newest))
    assert line.current.number == newest.number and not line.pending and line.upcoming == ()
    assert line.state(previous) == "gjaldt" and line.successor(previous).number == newest.number
    assert line.page(newest) == "retningslinje"


def test_no_version_is_called_gjaldt_before_its_time(three):
    # Every day around every version's date: a version "gjaldt" exactly when a later one is in force.
    days = sorted({starts(v) + d for v in three for d in (-DAY, 0 * DAY, DAY)})
    for today in days:
        line = versions.timeline(three, today)
        for index, version in enumerate(three):
            later_in_force = any(starts(v) <= today for v in three[index + 1:])
            assert (line.state(version) == "gjaldt") == later_in_force, (today, version.number)
            assert (line.state(version) == "kommende") == (starts(version) > today), (today, version.number)


def test_before_the_first_version_nothing_is_in_force(three):
    line = versions.timeline(three, starts(three[0]) - DAY)
    assert line.current is None and line.shown.number == three[0].number and line.pending
    assert {line.state(v) for v in three} == {"kommende"}

