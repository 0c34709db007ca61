"""Scenarios for `hjemmearbeid`, each written from the guideline's own words. The tree asks in the
employee's order (agreement, where, how much); weekly home work of a day or more never ends where
"a few days" ends. The guideline's sentences are read from kilde/ (conftest.guideline_sentences), never
copied here: a new version changes what they say, not what the tests check."""

from __future__ import annotations

import re

import pytest

from decision_tree import api
from tests.content import KILDE, TREES
from tooling.paths import all_paths

from .conftest import cited, cites_all_of, cites_sentence, guideline_sentences, quotes, result, walk, words

SLUG = "hjemmearbeid"
HOME = ("nei", "hjemme")


def exemption() -> str:
    """Punkt 10's sentence that short-term and sporadic home work fall outside the regulation."""
    return guideline_sentences("punkt-10-unntak")[0]


def clarify() -> str:
    """The insurance section's sentence on clarifying with the leader."""
    return guideline_sentences("forsikring-avklaring")[0]


def written() -> str:
    """Punkt 2's first sentence: a fixed arrangement needs a written agreement."""
    return guideline_sentences("punkt-2")[0]


def anchors(view: dict) -> set[str]:
    return {c["anchor"] for c in result(view)["citations"]}


def test_the_first_question_is_whether_there_is_an_agreement():
    assert TREES[SLUG].start == "avtale"
    assert {"ja", "nei", "vet-ikke"} <= {o.id for o in TREES[SLUG].questions["avtale"].options}


def test_a_few_days_at_home_are_typically_short_term_and_cleared_in_advance():
    # «kortvarig»: a few days are typically short-term, and those days too are cleared with the leader in advance.
    view = walk(SLUG, *HOME, "noen-dager")
    outcome = result(view)
    assert view["node"] == "kortvarig-dager" and outcome["certainty"] == "graasone"  # it rests on «typisk»
    assert "typisk" in words(outcome["text"])
    assert {"kortvarig", "forsikring-avklaring"} <= anchors(view)
    # The exemption from the regulation, while the guideline has it (a new version may move or drop it).
    assert not guideline_sentences("punkt-10-unntak") or "punkt-10-unntak" in anchors(view)
    assert clarify() in quotes(view)  # the whole sentence, the short-term condition included
    assert any("i forkant" in step for step in outcome["next_steps"])


def test_one_to_two_weeks_with_a_broken_foot_is_also_short_term():
    view = walk(SLUG, *HOME, "en-til-to-uker")
    assert view["node"] == "kortvarig-uker"
    assert any("brukket fot" in q for q in quotes(view)) and "for eksempel" in words(result(view)["text"])


def test_more_than_two_weeks_in_a_row_is_a_grey_zone_and_goes_to_the_leader():
    view = walk(SLUG, *HOME, "over-to-uker")
    outcome = result(view)
    assert view["node"] == "over-to-uker" and outcome["certainty"] == "graasone"
    assert any(step.startswith("Avklar med lederen din") for step in outcome["next_steps"])


def test_now_and_then_is_sporadic_and_the_clarification_quote_is_whole_and_not_stretched():
    view = walk(SLUG, *HOME, "av-og-til")
    outcome = result(view)
    assert view["node"] == "sporadisk"
    text = words(outcome["text"])
    assert "eksempelvis" in text and "et eksempel i retningslinjen, ikke en fast regel" in text
    assert clarify() in quotes(view)  # not cut before "(ved kortvarig arbeid hjemmefra, …)"


@pytest.mark.parametrize("answer", ["faste-dager", "ukentlig"])
def test_weekly_home_work_of_a_day_or_more_never_ends_where_a_few_days_ends(answer):
    view = walk(SLUG, *HOME, answer)
    assert view["node"] not in ("kortvarig-dager", "kortvarig-uker", "sporadisk")
    assert cites_sentence(result(view), "punkt-2", written())


def test_a_day_a_week_or_more_over_time_is_a_grey_zone_quoting_the_exemption():
    view = walk(SLUG, *HOME, "ukentlig")
    outcome = result(view)
    assert view["node"] == "jevnlig-en-dag-eller-mer" and outcome["certainty"] == "graasone"
    assert not guideline_sentences("punkt-10-unntak") or exemption() in quotes(view)


def test_the_number_question_for_those_unsure():
    view = walk(SLUG, *HOME, "usikker", {"dager": "3", "uker": "8"})
    assert view["node"] == "fordeling"
    assert view["answers"][-1]["text"] == "3 dager over 8 uker, altså 0,38 dager i uken i snitt"
    assert walk(SLUG, *HOME, "usikker", {"dager": "3", "uker": "8"}, "spredt")["node"] == "sporadisk"
    assert walk(SLUG, *HOME, "usikker", {"dager": "1", "uker": "1"})["node"] == "jevnlig-en-dag-eller-mer"
    assert walk(SLUG, *HOME, "usikker", {"dager": "3,9", "uker": "4"})["node"] == "fordeling"
    assert walk(SLUG, *HOME, "usikker", {"dager": "4", "uker": "4"})["node"] == "jevnlig-en-dag-eller-mer"


def test_fixed_days_need_a_written_agreement_and_the_outcome_says_what_the_guideline_says():
    view = walk(SLUG, *HOME, "faste-dager")
    outcome = result(view)
    assert view["node"] == "fast-ordning"
    assert {"punkt-1", "punkt-2", "punkt-3", "punkt-4", "punkt-6", "punkt-7", "punkt-7a", "punkt-7b", "punkt-7c",
            "punkt-7d", "punkt-8b"} <= anchors(view)
    text = words(outcome["text"])
    assert "**deler av**" in outcome["text"] and "i prioritert rekkefølge" in text
    assert "Fleksitidsreglementet" in text and "Lederen din avgjør" in text and "eksempelvis" in text
    assert "a) arbeidsgivers behov" in text and "d) den enkeltes behov" in text
    assert any("](extra:skjema_url)" in step for step in outcome["next_steps"])


def test_with_an_agreement_the_agreed_days_get_what_applies_on_them():
    view = walk(SLUG, "ja", "avtalte-dager")
    assert view["node"] == "avtalt-hjemmekontor"
    assert {"punkt-6", "punkt-8b", "punkt-4"} <= anchors(view)
    assert words(result(view)["text"]).count("i utgangspunktet") == 2


def test_not_knowing_about_an_agreement_sends_to_the_leader():
    view = walk(SLUG, "vet-ikke")
    assert view["node"] == "vet-ikke-avtale" and "punkt-2" in anchors(view)


@pytest.mark.parametrize("first", ["ja", "nei"])
def test_a_cabin_is_clarified_separately_outside_the_home_office_rules(first):
    view = walk(SLUG, first, "annet-sted")
    assert view["node"] == "annet-sted"
    assert "særskilt" in words(result(view)["text"]) and "på hjemmekontor" in words(result(view)["text"])


@pytest.mark.parametrize("first", ["ja", "nei"])
def test_abroad_is_not_allowed_in_principle_contact_pou(first):
    view = walk(SLUG, first, "utlandet")
    outcome = result(view)
    assert view["node"] == "utlandet"
    assert "i utgangspunktet" in words(outcome["text"]) and "unntaksvis" in words(outcome["text"])
    assert any("](extra:pou_url)" in step for step in outcome["next_steps"])


@pytest.mark.parametrize("path", all_paths(TREES[SLUG]), ids=lambda p: p.outcome.id)
def test_every_path_through_weekly_answers_avoids_the_short_term_outcomes(path):
    chosen = {(s.question.id, s.option.id) for s in path.steps}
    if {("hvor-mye", "faste-dager"), ("hvor-mye", "ukentlig"), ("omfang", "en-dag-eller-mer")} & chosen:
        assert path.outcome.id not in ("kortvarig-dager", "kortvarig-uker", "sporadisk")


def at_number_question() -> dict:
    view = walk(SLUG, *HOME, "usikker")
    assert TREES[SLUG].questions[view["node"]].kind == "number"
    return view


def answer_numbers(view: dict, days, weeks) -> dict:
    return api.answer(SLUG, view["state"], "omfang", {"dager": days, "uker": weeks})


def test_bad_numbers_give_norwegian_messages_and_ask_again():
    view = at_number_question()
    cases = {
        ("-2", "4"): ("dager", "negativt"),
        ("2", "0"): ("uker", "minst 1"),
        ("to", "4"): ("dager", "må være et tall"),
        ("2", ""): ("uker", "Fyll inn"),
        ("30", "2"): ("_", "sju dager"),  # more days than the weeks hold
        ("1,55", "2"): ("dager", "desimal"),
        ("2", "1,5"): ("uker", "helt tall"),
        ("99999999", "2"): ("dager", "for stort"),
        ("2", "52"): ("uker", "høyst 8 uker"),  # the period is capped (issue 17, M3)
    }
    for (days, weeks), (field, message) in cases.items():
        again = answer_numbers(view, days, weeks)
        assert again["status"] == "question", (days, weeks)
        assert again["node"] == "omfang"
        assert again["state"] == view["state"]  # nothing was stored
        assert message in again["errors"].get(field, ""), (days, weeks, again["errors"])
        assert again["selected"] == {"dager": days, "uker": weeks}  # what was typed stays


def test_number_answers_accept_comma_and_point_decimals_and_spaces():
    view = at_number_question()
    for days in ("2,5", "2.5", " 2,5 "):
        assert answer_numbers(view, days, "4")["node"] == "fordeling"


def test_non_dict_number_input_is_rejected_not_raised():
    view = at_number_question()
    for raw in (None, "3", 3, ["3", "4"], {"dager": None, "uker": 4}):
        again = api.answer(SLUG, view["state"], "omfang", raw)
        assert again["status"] == "question" and again["errors"]


def test_every_bad_number_is_reported_at_once():
    # GOV.UK style: one round trip shows all problems, including range errors next to parse errors.
    view = at_number_question()
    errors = api.answer(SLUG, view["state"], "omfang", {"dager": "-1", "uker": "0"})["errors"]
    assert set(errors) == {"dager", "uker"}
    assert "negativt" in errors["dager"] and "minst 1" in errors["uker"]


# --- Issue 17: honest routes. Each test fails on the text of 2b202df. --------------------------------

SHORT_TERM_OR_SPORADIC = [HOME + ("noen-dager",), HOME + ("en-til-to-uker",), HOME + ("av-og-til",),
                          HOME + ("usikker", {"dager": "2", "uker": "8"}, "spredt")]


@pytest.mark.parametrize("answers", SHORT_TERM_OR_SPORADIC, ids=lambda a: "-".join(map(str, a)))
def test_h1_short_term_and_sporadic_outcomes_quote_that_home_work_is_no_right(answers):
    # «Sporadisk» and «kortvarig» only settle whether the regulation applies: every sentence of punkt 3 is quoted.
    outcome = result(walk(SLUG, *answers))
    assert cites_all_of(outcome, "punkt-3"), outcome["id"]


def test_h1_sporadic_is_not_labelled_as_the_guidelines_own_answer():
    assert result(walk(SLUG, *HOME, "av-og-til"))["certainty"] != "retningslinje"


def punkt_2_sentence_naming_all_of_punkt_10() -> str:
    """Punkt 2's sentence that uses «kortvarig arbeid hjemmefra» for the section on short-term and sporadic
    work: the sentence holding the words kilde/oppsett.toml links from punkt 2 to punkt 10."""
    from guideline import layout

    rule = next(r for r in layout.load(KILDE / layout.FILE_NAME).links
                if r.under == "punkt-2" and not r.target.startswith("extra:"))
    return next(s for s in guideline_sentences("punkt-2") if rule.phrase in s)


@pytest.mark.parametrize("slug,answers", [(SLUG, HOME + ("av-og-til",)), ("yrkesskade", ("hjemme", "nei"))])
def test_h2_both_trees_say_the_clarifications_scope_is_open_and_quote_why(slug, answers):
    # hjemmearbeid said nothing is required of a sporadic worker; yrkesskade said the clarification "is missing".
    outcome = result(walk(slug, *answers))
    assert outcome["certainty"] in ("graasone", "konkret-vurdering")
    assert cites_sentence(outcome, "punkt-2", punkt_2_sentence_naming_all_of_punkt_10())
    assert clarify() in quotes(walk(slug, *answers))


def test_m1_with_an_agreement_no_path_gives_answers_written_for_those_without_one():
    tree = TREES[SLUG]
    for path in all_paths(tree):
        if path.steps[0].option.id != "ja":
            continue
        assert "bruk-skjema" not in path.outcome.next_steps, path.outcome.id  # "make a written agreement"
        assert "uten avtale" not in path.outcome.title, path.outcome.id
    outcome = result(walk(SLUG, "ja", "andre-dager"))
    assert outcome["certainty"] == "ikke-omtalt" and tree.outcomes[outcome["id"]].topics
    assert any("lederen din" in step for step in outcome["next_steps"])


@pytest.mark.parametrize("answers", [HOME + ("faste-sjeldnere",),
                                     HOME + ("usikker", {"dager": "2", "uker": "4"}, "faste")],
                         ids=["chosen", "calculated"])
def test_m2_a_fixed_arrangement_under_one_day_a_week_is_a_grey_zone_not_sporadic(answers):
    outcome = result(walk(SLUG, *answers))
    assert outcome["id"] != "sporadisk" and outcome["certainty"] == "graasone"
    # Both signals are quoted: the definition (not «som en fast ordning») and the example of a small amount.
    definition, *_, example = guideline_sentences("sporadisk")
    assert cites_sentence(outcome, "sporadisk", definition) and cites_sentence(outcome, "sporadisk", example)
    assert cites_sentence(outcome, "punkt-2", written())


def test_m3_a_block_of_two_working_weeks_cannot_be_averaged_into_sporadic():
    view = at_number_question()
    question = TREES[SLUG].questions["omfang"]
    weeks = question.fields[1]
    assert weeks.max is not None  # the period is capped
    for w in range(1, int(weeks.max) + 1):
        answered = answer_numbers(view, "10", str(w))  # ten working days in a row
        assert answered["node"] != "fordeling" and answered["node"] != "sporadisk", w


def test_m3_hours_count_as_part_of_a_day_and_the_period_is_said_to_be_ours():
    question = TREES[SLUG].questions["omfang"]
    assert question.fields[0].decimals >= 1  # 0,3 of a day for a couple of hours
    assert "timer" in question.hint and "sier ikke" in question.hint
    assert walk(SLUG, *HOME, "usikker", {"dager": "0,3", "uker": "1"}, "spredt")["node"] == "sporadisk"


def test_m3_sporadic_quotes_every_sentence_of_its_definition_the_typical_example_included():
    assert cites_all_of(result(walk(SLUG, *HOME, "av-og-til")), "sporadisk")


@pytest.mark.parametrize("where", ["hvor", "hvor-med-avtale"])
def test_m4_someone_living_abroad_is_not_routed_as_home_in_norway(where):
    tree = TREES[SLUG]
    home_abroad = [o for o in tree.questions[where].options if o.next == "utlandet" and o.id != "utlandet"]
    assert home_abroad, "no option for someone whose home is abroad"
    first = "ja" if where == "hvor-med-avtale" else "nei"
    assert walk(SLUG, first, home_abroad[0].id)["node"] == "utlandet"


def test_m5_fixed_arrangement_quotes_both_sentences_of_punkt_4_and_calls_fullt_forsvarlig_a_recommendation():
    outcome = result(walk(SLUG, *HOME, "faste-dager"))
    assert cites_all_of(outcome, "punkt-4")
    for sentence in re.split(r"(?<=[.:])\s+", words(outcome["text"])):
        if "forsvarlig" in sentence:
            assert "anbefal" in sentence, sentence


def test_m6_fixed_arrangement_quotes_styringsrett_dialogue_and_the_assessment_and_names_full_time_as_silent():
    outcome = result(walk(SLUG, *HOME, "faste-dager"))
    for anchor in ("punkt-8", "punkt-8a", "punkt-7-vurdering"):
        assert cites_all_of(outcome, anchor), anchor
    assert TREES[SLUG].outcomes["fast-ordning"].topics


def test_m7_no_outcome_applies_the_regulation_to_the_readers_own_case():
    for outcome in TREES[SLUG].outcomes.values():
        for sentence in re.split(r"(?<=[.!?])\s+", words(f"{outcome.title}. {outcome.text}")):
            if "hjemmekontorforskrift" in sentence:
                assert not re.search(r"\b(?:du|deg|din|ditt|dine)\b", sentence, re.I), (outcome.id, sentence)


@pytest.mark.parametrize("first", ["ja", "nei"])
def test_m8_the_cabin_says_the_insurance_sentence_is_not_said_to_reach_it(first):
    view = walk(SLUG, first, "annet-sted")
    outcome = result(view)
    assert "forsikring-ordning" in anchors(view)
    assert outcome["certainty"] == "graasone"  # «kan også være mulig»
    assert TREES[SLUG].outcomes["annet-sted"].topics


def test_m9_the_agreed_days_quote_the_insurance_sentence_and_name_whom_to_ask():
    view = walk(SLUG, "ja", "avtalte-dager")
    outcome = result(view)
    assert cites_sentence(outcome, "forsikring-ordning", guideline_sentences("forsikring-ordning")[0])
    assert any("lederen din" in step for step in outcome["next_steps"])
    assert any("](extra:pou_url)" in step for step in outcome["next_steps"])


def test_m15_over_two_weeks_rests_on_short_periods_and_is_a_grey_zone():
    outcome = result(walk(SLUG, *HOME, "over-to-uker"))
    assert outcome["certainty"] == "graasone"
    assert cites_sentence(outcome, "kortvarig", guideline_sentences("kortvarig")[0])  # «korte perioder»


def test_situation_an_expired_agreement_has_a_route_that_says_whom_to_ask():
    tree = TREES[SLUG]
    option = next(o for o in tree.questions["avtale"].options if o.id not in ("ja", "nei", "vet-ikke"))
    outcome = result(walk(SLUG, option.id))
    assert outcome["certainty"] == "ikke-omtalt" and tree.outcomes[outcome["id"]].topics
    assert cites_sentence(outcome, "punkt-4", guideline_sentences("punkt-4")[-1])  # POU's recommended period
    assert any("lederen din" in step for step in outcome["next_steps"])


def test_situation_an_older_paper_agreement_counts_as_an_agreement_in_the_first_question():
    assert "papir" in TREES[SLUG].questions["avtale"].hint


def test_situation_a_broken_foot_for_six_to_eight_weeks_lands_in_a_grey_zone_with_health_kept_out_of_email():
    outcome = result(walk(SLUG, *HOME, "over-to-uker"))
    assert any("brukket fot" in q for q in cited(outcome, "kortvarig"))
    assert any("](extra:pou_url)" in step for step in outcome["next_steps"])
    assert "ingen-helseopplysninger" in TREES[SLUG].outcomes["over-to-uker"].next_steps
