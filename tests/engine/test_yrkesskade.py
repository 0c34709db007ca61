"""Scenarios for `yrkesskade`. The tree never says an injury is, or is not, an occupational injury.
Every outcome gives the condition, what case law says, the insurance sentence with its scope
("på hjemmekontor"), and what to do now; where the guideline is silent it says so."""

from __future__ import annotations

import re

import pytest

from tests.content import COMMON, TREES
from tooling.paths import all_paths

from .conftest import (
    ATTRIBUTED,
    cited,
    cites_all_of,
    cites_sentence,
    guideline_sentences,
    quotes,
    result,
    shares_five_words,
    walk,
    words,
)

SLUG = "yrkesskade"
# The insurance section's sentences, read from the newest version in kilde/ by anchor and place.
COVERED = guideline_sentences("forsikring-ordning")[0]  # covered by an insurance scheme, on the home office
CONDITION = guideline_sentences("forsikring-ordning")[1]  # the link between the injury and the work
CONCRETE = guideline_sentences("forsikring-vurdering")[0]  # concrete assessments in each case
CASE_LAW = guideline_sentences("forsikring-rettspraksis")[1]  # what case law has shown so far
BREAKS = guideline_sentences("forsikring-vurdering")[1]  # case law on breaks
CLARIFY = guideline_sentences("forsikring-avklaring")[0]  # clarify with the leader whether one works at home
AT_HOME = [("hjemme", day, doing) for day in ("avtale", "avklart")
           for doing in ("arbeid", "kort-pause", "lunsj", "privat", "usikker")]
OUTSIDE = {"hytta": "hytta-eller-annet-sted", "ute": "utenfor-hjemmet", "reisevei": "reisevei", "kontoret": "kontoret",
           "tjenestereise": "tjenestereise", "uklart-sted": "uklart-sted"}


@pytest.mark.parametrize("answers", AT_HOME, ids="-".join)
def test_at_home_on_an_agreed_or_clarified_day_every_outcome_gives_condition_case_law_insurance_and_steps(answers):
    view = walk(SLUG, *answers)
    outcome = result(view)
    assert outcome["certainty"] == "konkret-vurdering"
    assert {CONDITION, CONCRETE, CASE_LAW, COVERED} <= set(quotes(view))
    text = words(outcome["text"])
    assert "på hjemmekontor" in text and "ofte ikke" in text and "særlig ikke" in text and "konkret" in text
    assert any("lederen din" in s for s in outcome["next_steps"]) and any("POU" in s for s in outcome["next_steps"])


def test_the_lunch_break_is_named_and_hedged_as_the_guideline_hedges():
    view = walk(SLUG, "hjemme", "avtale", "lunsj")
    assert view["node"] == "lunsjpause" and BREAKS in quotes(view)
    text = words(result(view)["text"])
    assert "ofte ikke" in text and "særlig ikke" in text and "ikke at saken din er avgjort" in text
    assert "sjelden" not in text + result(view)["title"]


def test_a_short_break_is_not_said_to_be_covered_or_not_only_what_case_law_says_about_breaks():
    view = walk(SLUG, "hjemme", "avklart", "kort-pause")
    assert view["node"] == "kort-pause" and BREAKS in quotes(view)
    assert "nevnes ikke for seg" in words(result(view)["text"])


@pytest.mark.parametrize("answer", ["nei", "usikker"])
def test_a_day_not_clarified_says_what_that_means_is_unsaid_not_that_the_leader_decides(answer):
    view = walk(SLUG, "hjemme", answer)
    outcome = result(view)
    assert view["node"] == "ikke-avklart" and outcome["certainty"] == "konkret-vurdering"
    assert CLARIFY in quotes(view)
    text = words(outcome["text"])
    assert "sier ikke hva det betyr" in text
    # Nothing suggests the leader decides what is an occupational injury.
    assert not re.search(r"leder\w*\s+(?:din\s+)?(?:avgjør|bestemmer|vurderer)", text.lower())
    assert "graasone" != outcome["certainty"]  # "Gråsone – avklar med lederen din" would send it to the leader


@pytest.mark.parametrize("where", list(OUTSIDE))
def test_outside_the_home_the_guideline_is_silent_and_the_insurance_sentence_keeps_its_scope(where):
    view = walk(SLUG, where)
    outcome = result(view)
    assert view["node"] == OUTSIDE[where]
    assert outcome["certainty"] == "ikke-omtalt"
    assert "sier ikke noe om" in words(outcome["title"] + " " + outcome["text"])
    assert COVERED in quotes(view)
    assert "gjelder **på hjemmekontor**" in outcome["text"]
    assert "sier ikke om den også gjelder" in words(outcome["text"])


def test_the_cabin_quotes_that_other_places_are_clarified_separately():
    assert cited(result(walk(SLUG, "hytta")), "punkt-1")  # where the work is done, other places by agreement


def test_the_commute_says_the_travel_section_is_about_compensation_only():
    view = walk(SLUG, "reisevei")
    assert cited(result(view), "reise")
    assert "bare om kompensasjon" in words(result(view)["text"])


def test_where_the_injury_happened_is_asked_first_and_unsure_is_always_an_option():
    tree = TREES[SLUG]
    assert tree.start == "hvor"
    for question_id in ("hvor", "avklart", "aktivitet"):
        assert any(o.label.startswith("Usikker") for o in tree.questions[question_id].options)


@pytest.mark.parametrize("path", all_paths(TREES[SLUG]), ids=lambda p: p.outcome.id)
def test_no_outcome_assesses_the_case_or_drops_the_scope(path):
    outcome = path.outcome
    said = words(f"{outcome.title} {outcome.text}").lower()
    assert not re.search(r"\b(er|blir) (en )?yrkesskade\b", said.replace("godkjennes som yrkesskade", ""))
    assert not re.search(r"ser (ikke )?ut til|sjelden|trolig|sannsynligvis", said)
    assert "uansett omfattet av en forsikringsordning" not in said  # the scope-less version of the sentence
    assert COVERED in [c.quote for c in outcome.citations]
    assert outcome.certainty in {"konkret-vurdering", "ikke-omtalt"}  # never the guideline's own yes


# --- Issue 17: honest routes. Each test fails on the text of 2b202df. --------------------------------

INSURANCE_ANCHORS = ("forsikring-ordning", "forsikring-fritidsulykke")


def own_sentences(markdown: str) -> list[str]:
    """Our own sentences: the guideline's «…» quotes left out, emphasis dropped."""
    return [s for s in re.split(r"(?<=[.!?])\s+", words(re.sub(r"«[^»]*»", " ", markdown))) if s.strip()]


@pytest.mark.parametrize("path", all_paths(TREES[SLUG]), ids=lambda p: p.outcome.id)
def test_h3_the_insurance_sentences_are_the_guidelines_never_the_sites_own_voice(path):
    # Read from kilde/: every sentence of the insurance paragraphs. Our own sentence that repeats one of them
    # (five words in a row) says it is the guideline speaking.
    theirs = [s for anchor in INSURANCE_ANCHORS for s in guideline_sentences(anchor)]
    for sentence in own_sentences(f"{path.outcome.title}. {path.outcome.text}"):
        if any(shares_five_words(sentence, t) for t in theirs):
            assert ATTRIBUTED.search(sentence), sentence


@pytest.mark.parametrize("path", [p for p in all_paths(TREES[SLUG])
                                  if any(c.anchor == "forsikring-fritidsulykke" for c in p.outcome.citations)],
                         ids=lambda p: p.outcome.id)
def test_h3_outcomes_quoting_the_other_schemes_sentence_quote_it_whole_and_declare_what_is_unsaid(path):
    outcome = result(walk(SLUG, *[s.raw_answer() for s in path.steps]))
    assert cites_all_of(outcome, "forsikring-fritidsulykke")
    assert path.outcome.topics  # which schemes, what they cover, how an injury is reported: the guideline is silent


@pytest.mark.parametrize("place", ["kontoret", "tjenestereise", "uklart-sted", "usikker-sted"])
def test_m14_the_office_a_work_trip_an_unclear_place_and_unsure_each_have_a_route(place):
    tree = TREES[SLUG]
    option = next((o for o in tree.questions["hvor"].options if o.next == place), None)
    assert option is not None, f"ingen vei til {place}"
    outcome = result(walk(SLUG, option.id))
    assert outcome["certainty"] in {"ikke-omtalt", "konkret-vurdering"}
    assert cites_sentence(outcome, "forsikring-ordning", guideline_sentences("forsikring-ordning")[0])
    if outcome["certainty"] == "ikke-omtalt":
        assert tree.outcomes[place].topics


def test_m14_where_the_injury_happened_can_be_answered_unsure():
    assert any(o.label.startswith("Usikker") for o in TREES[SLUG].questions["hvor"].options)


@pytest.mark.parametrize("question,outcome_id", [("hvor", "belastning"), ("avklart", "fridag")],
                         ids=["strain-over-weeks", "work-call-on-a-day-off"])
def test_situations_a_strain_injury_and_a_work_call_on_a_day_off_have_silent_routes(question, outcome_id):
    tree = TREES[SLUG]
    option = next((o for o in tree.questions[question].options if o.next == outcome_id), None)
    assert option is not None
    answers = ("hjemme", option.id) if question == "avklart" else (option.id,)
    outcome = result(walk(SLUG, *answers))
    assert outcome["certainty"] == "ikke-omtalt" and tree.outcomes[outcome_id].topics
    assert any("lederen din" in step for step in outcome["next_steps"])


@pytest.mark.parametrize("path", all_paths(TREES[SLUG]), ids=lambda p: p.outcome.id)
def test_item_5_every_injury_outcome_that_sends_to_pou_says_to_keep_health_details_out_of_the_email(path):
    steps = list(path.outcome.next_steps)
    pou = [i for i, s in enumerate(steps) if "](extra:pou_url)" in COMMON.steps[s].text]
    assert pou, "ingen vei til POU"
    assert "ingen-helseopplysninger" in steps[pou[0]:]


def test_situation_how_to_whom_and_when_to_report_is_said_to_be_unsaid():
    # The shared step every injury outcome shows says the guideline does not say how an injury is reported.
    steps = {s for p in all_paths(TREES[SLUG]) for s in p.outcome.next_steps}
    assert "si-fra-om-skaden" in steps and "sier ikke" in COMMON.steps["si-fra-om-skaden"].text
