"""Who a prompt is about, where the lexicon does not say it: a prompt that opens with a person's
pronoun and its verb ("She reads...", "He repairs...") is about that person, whatever objects it
names after; a subject WordNet files as a kind of person ("a babysitter", "a farrier") is the
person family's, so the rewrite gives it a person's beats and not a product's orbit."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C
from bot.core.critique.needs import context_of
from bot.core.critique.pipeline import critique


@pytest.mark.parametrize("prompt, pronoun", [
    ("She reads a letter by her phone's torch in a dark attic", "She"),
    ("He repairs an old radio on a cluttered workbench", "He"),
    ("They carry a heavy wooden table up a narrow staircase", "They"),
    ("she slowly unwraps a small gift box beside the fireplace", "she"),
])
def test_an_opening_pronoun_is_the_subject_before_the_objects(prompt, pronoun):
    a = analyze(prompt)
    subject = a.spans.get(C.SUBJECT) or []
    assert subject and subject[0].text == pronoun, a.text(C.SUBJECT)
    assert context_of(a).families[0] == "person"


@pytest.mark.parametrize("prompt", [
    "The phone lights up on a dark desk",
    "Shelves of old radios line a cluttered workbench",
    "Theatre curtains open on an empty stage",
])
def test_no_pronoun_no_person(prompt):
    a = analyze(prompt)
    assert "person" not in context_of(a).families, context_of(a).families


@pytest.mark.parametrize("prompt", [
    "A blacksmith hammers a horseshoe on an anvil",
    "A babysitter creeps down the stairs at night",
    "A locksmith kneels at a door in a dim corridor",
])
def test_a_kind_of_person_gets_a_persons_rewrite(kb, prompt):
    a = analyze(prompt)
    assert "person" in context_of(a).families, context_of(a).families
    c = critique(prompt, kb, strength="full")
    assert "orbit around the product" not in c.rewrite.lower()


@pytest.mark.parametrize("prompt, subject", [
    ("A tiny robot wobbles across a kitchen table", None),
    ("A slow drift of fog creeps over the hills", None),
])
def test_an_adjective_before_a_motion_verb_is_not_cut_off_as_the_subject(prompt, subject):
    text = analyze(prompt).text(C.SUBJECT) or ""
    assert text.strip().lower() not in ("a tiny", "a slow"), text


@pytest.mark.parametrize("prompt, second", [
    ("A brother and sister bicker in the backyard", "sister"),
    ("A cat and dog nap on a rug by the fire", "dog"),
    ("A bride and groom dance under paper lanterns", "groom"),
])
def test_two_bare_nouns_joined_by_and_are_one_plural_subject(kb, prompt, second):
    """"A cat and dog" is two subjects: no detail is put between them and no beat is written for
    one ("turns its head"); a noun after "and" needs no determiner to be the second."""
    c = critique(prompt, kb, strength="full")
    low = c.rewrite.lower()
    head = prompt.lower().split(" and ")[0]
    assert f"{head} and {second}" in low, c.rewrite
    beats = [x.text for x in c.additions if x.component == C.ACTION]
    assert not any(w in b.split() for b in beats for w in ("its", "his", "her", "turns")), beats


@pytest.mark.parametrize("prompt", [
    "A girl reads and laughs on a park bench",
    "A man sits and waits at a bus stop",
])
def test_a_verb_after_and_is_not_a_second_subject(kb, prompt):
    from bot.core.critique.consistency import plural_subject
    assert not plural_subject(analyze(prompt))


@pytest.mark.parametrize("prompt, subject", [
    ("A bike courier in a yellow rain jacket weaves through traffic", "A bike courier"),
    ("A street vendor grills corn at a night market", "A street vendor"),
    ("a dog walker crosses the park at dawn", "a dog walker"),
])
def test_a_compound_whose_head_is_a_person_is_one_subject(prompt, subject):
    """"A bike courier" is a courier: the subject runs on to the compound's head when WordNet
    files that head as a kind of person, so the rewrite treats it as a person, not a bike."""
    a = analyze(prompt)
    assert (a.spans.get(C.SUBJECT) or [])[0].text == subject
    assert context_of(a).families[0] == "person"


@pytest.mark.parametrize("prompt, subject", [
    ("A dog runs along the beach", "A dog"),
    ("A bike leans against a brick wall", "A bike"),
    ("A cat sleeps on a warm windowsill", "A cat"),
])
def test_a_noun_before_its_verb_is_not_a_compound(prompt, subject):
    assert (analyze(prompt).spans.get(C.SUBJECT) or [])[0].text == subject
