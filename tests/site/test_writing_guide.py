"""SKRIVEVEILEDNING.md: one voice in docs/ and in the decision trees, checked over our own words (not the
guideline's quotes). Each failure names file:line. The rules themselves are tested on samples that
break them and samples that keep them, so none of them can pass by matching nothing."""

from __future__ import annotations

import pytest

from tests.site import writing_guide
from tests.site.writing_guide import ROOT, check, markdown_prose, toml_prose


@pytest.mark.parametrize("path", writing_guide.files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_file_follows_the_writing_guide(path):
    found = writing_guide.problems(path)
    assert not found, "Brudd på SKRIVEVEILEDNING.md:\n" + "\n".join(found)


def test_the_guide_is_linked_from_the_readme():
    assert "(SKRIVEVEILEDNING.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


# (text that breaks a rule, the same thing written by the guide)
SAMPLES = [
    ("Snakk med din leder.", "Snakk med lederen din."),
    ("Avklar med nærmeste leder.", "Avklar med lederen din."),
    ("Leder avgjør om du må møte.", "Lederen din avgjør om du må møte."),
    ("Kan lederen kalle meg inn?", "Kan lederen min kalle meg inn?"),
    ("Kan jeg jobbe hjemme i morgen?", "Kan jeg jobbe hjemmefra i morgen?"),
    ("Du kan arbeide deler av stillingen hjemmefra.", "Du kan jobbe hjemmefra i deler av stillingen."),
    ("Når du skal arbeide fra ditt eget hjem.", "Når du skal jobbe hjemmefra."),
    ("Kortvarig hjemmekontor skal avklares.", "Kortvarig hjemmearbeid skal avklares."),
    ("Du trenger en avtale om hjemmearbeid.", "Du trenger en avtale om hjemmekontor."),
    ("Ta med pc-en.", "Ta med PC-en."),
    ("Ta med egen pc.", "Ta med egen PC."),
    ("mindre enn en dag i uken", "mindre enn én dag i uken"),
    ("eksempelvis inntil et år", "eksempelvis inntil ett år"),
    ("Avtalen gjelder inntil ett år.", "POU anbefaler **eksempelvis** inntil ett år."),
    ("helst skriftlig per epost", "helst skriftlig per e-post"),
    ("Snakk med lederen din, helst\nskriftlig per e-post.", "Avklar med lederen din, helst skriftlig per e-post."),
    ("Kontakt POU (personal- og organisasjonsavdelingen).", "Kontakt POU."),
    ("Du er uansett omfattet av en forsikringsordning.",
     "Retningslinjen sier at arbeidstaker er omfattet av en forsikringsordning **på hjemmekontor**."),
    ("Du er omfattet av en forsikringsordning på hjemmekontor.",
     "Retningslinjen sier at arbeidstaker er omfattet av en forsikringsordning på hjemmekontor."),
    ("Godkjennes den ikke, kan den være en fritidsulykke.",
     "Den sier at skaden kan være en fritidsulykke hvis den ikke godkjennes."),
    ("Arbeidstaker skal ta med PC-en.", "Retningslinjen sier at arbeidstaker skal ta den med."),
    ("Den tas med for sikkerhetsoppdateringer.", "Den tas med for sikkerhetsoppdateringer med mer."),
    ("Hjemmearbeidet ditt kan derfor falle inn under hjemmekontorforskriften (Forskrift om arbeid som utføres i "
     "arbeidstakers hjem).",
     "Retningslinjen sier ikke om det omfattes av hjemmekontorforskriften (Forskrift om arbeid som utføres i "
     "arbeidstakers hjem)."),
    ("Er du sykemeldt?", "Er du sykmeldt?"),
    ("Bruk Gå til innhold (første tab).", "Bruk Gå til innhold (første trykk på tabulatortasten)."),
    ("Du er uansett forsikret.", "Retningslinjen sier at arbeidstaker er omfattet av en forsikringsordning på hjemmekontor."),
    ("Vilkåret ser ut til å være oppfylt.", "Det vurderes konkret i hver sak."),
    ("Dette er ikke en yrkesskade.", "For at det skal være en yrkesskade, må det være en sammenheng."),
    ("Skader i pauser blir sjelden godkjent.", "Man får ofte ikke godkjent skader hjemme."),
    ("for å ta godt imot en ny medarbeider", "for å ivareta en ny medarbeider på en god måte"),
    ("retningslinjen slik den er vedtatt", "retningslinjen"),
    ("Det omfattes ikke av hjemmekontorforskriften.",
     "Det omfattes ikke av hjemmekontorforskriften (Forskrift om arbeid som utføres i arbeidstakers hjem)."),
    ("Det er ikke hjemmekontor etter forskriften.",
     "Det omfattes ikke av hjemmekontorforskriften (Forskrift om arbeid som utføres i arbeidstakers hjem)."),
]


@pytest.mark.parametrize("bad,good", SAMPLES, ids=[bad[:40] for bad, _ in SAMPLES])
def test_each_rule_finds_the_break_and_accepts_the_fix(bad, good):
    assert check(markdown_prose(bad + "\n")), f"ingen regel fant bruddet i «{bad}»"
    assert not check(markdown_prose(good + "\n")), check(markdown_prose(good + "\n"))


def test_quotes_and_their_attribution_are_not_read():
    page = ("## Er jeg forsikret? { #forsikring }\n\nSvar.\n\n"
            "> «Merk også at det må avklares med leder, helst skriftlig per epost eller tilsvarende»\n>\n"
            "> — [Retningslinjen, Forsikring og hjemmekontor](retningslinje.md#forsikring-avklaring)\n")
    assert not check(markdown_prose(page))


def test_guillemets_outside_a_quote_block_are_a_problem_in_docs():
    assert check(markdown_prose("Trykk på «Gå til innhold».\n"))
    assert not check(markdown_prose("Trykk på **Gå til innhold**.\n"))


def test_each_answer_names_the_regulation_in_full_the_first_time():
    explained = "hjemmekontorforskriften (Forskrift om arbeid som utføres i arbeidstakers hjem)"
    page = f"## Første? {{ #a }}\n\nIkke omfattet av {explained}.\n\n## Andre? {{ #b }}\n\nIkke omfattet av hjemmekontorforskriften.\n"
    found = check(markdown_prose(page))
    assert len(found) == 1 and page.count("\n", 0, found[0][0]) + 1 == 7  # the second answer, not the first


def test_toml_reads_only_text_keys_and_reports_the_line():
    tree = ('# Kommentar: din leder\nid = "leder"\n\n[[outcome]]\nid = "x"\ntitle = "Tittel"\ntext = """\n'
            'Første linje.\nSnakk med din leder.\n"""\n\n[[outcome.citation]]\nanchor = "punkt-3"\n'
            'quote = "Leder avgjør"\n')
    found = check(toml_prose(tree))
    assert [tree.count("\n", 0, offset) + 1 for offset, _ in found] == [9]


def test_toml_guillemets_must_be_the_guidelines_words():
    assert check(toml_prose('text = "Den sier «noen få dager»."\n'))
    assert not check(toml_prose('text = "Den gjelder «på hjemmekontor»."\n'))


# --- Certainty (SKRIVEVEILEDNING.md, «Hvor sikkert er svaret?») -----------------------------------

def faq_problems(tmp_path, entry: str) -> list[str]:
    page = tmp_path / "faq.md"
    page.write_text(entry, encoding="utf-8")
    return [message for _, message in writing_guide.entry_problems(writing_guide.entries(page), {
        "retningslinje", "graasone", "konkret-vurdering", "ikke-omtalt"})]


# (an FAQ entry that breaks the certainty rule, the same entry kept)
ENTRIES = [
    ("## Har jeg rett? { #a }\n\nNei.\n",
     "## Har jeg rett? { #a }\n<!-- certainty: retningslinje -->\n\nNei.\n"),
    ("## Har jeg rett? { #a }\n\n<!-- certainty: retningslinje -->\n\nNei.\n",  # not directly under the heading
     "## Har jeg rett? { #a }\n<!-- certainty: retningslinje -->\n\nNei.\n"),
    ("## Har jeg rett? { #a }\n<!-- certainty: kanskje -->\n\nNei.\n",
     "## Har jeg rett? { #a }\n<!-- certainty: graasone -->\n\nNei, det er en gråsone.\n"),
    ("## Gjelder det? { #a }\n<!-- certainty: retningslinje -->\n\nJa. Det er uklart om det gjelder deg.\n",
     "## Gjelder det? { #a }\n<!-- certainty: graasone -->\n\nJa. Det er uklart om det gjelder deg.\n"),
    ("## Gjelder det? { #a }\n<!-- certainty: retningslinje -->\n\nSetningen kan bety to ting.\n",
     "## Gjelder det? { #a }\n<!-- certainty: graasone -->\n\nSetningen kan bety to ting.\n"),
    ("## Er det kortvarig? { #a }\n<!-- certainty: retningslinje -->\n\nDet er **typisk** kortvarig.\n",
     "## Er det kortvarig? { #a }\n<!-- certainty: graasone -->\n\nDet er **typisk** kortvarig.\n"),
    ("## Får jeg strøm? { #a }\n<!-- certainty: ikke-omtalt -->\n\nRetningslinjen sier ikke noe om strøm. Spør "
     "lederen din.\n",
     "## Får jeg strøm? { #a }\n<!-- certainty: ikke-omtalt -->\n<!-- topics: strøm -->\n\nRetningslinjen sier ikke "
     "noe om strøm. Spør lederen din.\n"),
    ("## Får jeg pult? { #a }\n<!-- certainty: retningslinje -->\n\nJa. Retningslinjen sier ikke noe om pult. Spør "
     "lederen din.\n",
     "## Får jeg pult? { #a }\n<!-- certainty: retningslinje -->\n<!-- topics: pult -->\n\nJa. Retningslinjen sier "
     "ikke noe om pult. Spør lederen din.\n"),
    ("## Får jeg strøm? { #a }\n<!-- certainty: ikke-omtalt -->\n<!-- topics: strøm -->\n\nNei.\n",
     "## Får jeg strøm? { #a }\n<!-- certainty: ikke-omtalt -->\n<!-- topics: strøm -->\n\nRetningslinjen sier ikke "
     "noe om strøm. Spør lederen din.\n"),
    ("## Er det en yrkesskade? { #a }\n<!-- certainty: konkret-vurdering -->\n\nDet avgjøres senere.\n",
     "## Er det en yrkesskade? { #a }\n<!-- certainty: konkret-vurdering -->\n\nDet vurderes konkret i hver sak.\n"),
    ("## Skadet? { #a }\n<!-- certainty: konkret-vurdering -->\n\nDet vurderes konkret. Kontakt [POU](extra:pou_url)."
     "\n",
     "## Skadet? { #a }\n<!-- certainty: konkret-vurdering -->\n\nDet vurderes konkret. Kontakt [POU](extra:pou_url). "
     "Skriv ikke helseopplysninger i en e-post til POU.\n"),
]


@pytest.mark.parametrize("bad,good", ENTRIES, ids=[str(n) for n in range(len(ENTRIES))])
def test_each_certainty_rule_finds_the_break_and_accepts_the_fix(tmp_path, bad, good):
    assert faq_problems(tmp_path, bad), f"ingen regel fant bruddet i {bad!r}"
    assert not faq_problems(tmp_path, good), faq_problems(tmp_path, good)


def test_tree_outcomes_are_held_to_the_same_rule_with_their_steps(tmp_path):
    trees = tmp_path / "trees"
    trees.mkdir()
    (tmp_path / "common.toml").write_text(
        '[[certainty]]\nid = "retningslinje"\nlabel = "x"\n\n[[certainty]]\nid = "graasone"\nlabel = "y"\n\n'
        '[[step]]\nid = "pou"\ntext = "Kontakt [POU](extra:pou_url)."\n\n'
        '[[step]]\nid = "helse"\ntext = "Skriv ikke helseopplysninger i en e-post til POU."\n', encoding="utf-8")
    tree = trees / "t.toml"
    outcome = '[[outcome]]\nid = "o"\ntitle = "{title}"\ncertainty = "{certainty}"\ntext = "{text}"\nnext_steps = {steps}\n'
    tree.write_text(outcome.format(title="Skade", certainty="retningslinje", text="Det er uklart.", steps='["pou"]'),
                    encoding="utf-8")
    found = writing_guide.problems(tree)
    assert any("uklart" in p for p in found) and any("helseopplysninger" in p for p in found), found
    assert all(p.startswith(f"{tree}:1: «o»") for p in found if "«o»" in p)
    tree.write_text(outcome.format(title="Skade", certainty="graasone", text="Det er uklart.", steps='["pou", "helse"]'),
                    encoding="utf-8")
    assert not [p for p in writing_guide.problems(tree) if "«o»" in p]


def test_every_faq_entry_and_every_outcome_declares_a_known_certainty():
    faq = writing_guide.entries(ROOT / "docs" / "faq.md")
    known = writing_guide.certainties(ROOT / "docs" / "faq.md")
    assert len(faq) >= 26 and all(e.certainty in known for e in faq), [e.id for e in faq if e.certainty not in known]
    outcomes = [e for path in writing_guide.files() if path.parent.name == "trees" for e in writing_guide.entries(path)]
    assert len(outcomes) >= 26 and all(e.certainty in known for e in outcomes)
