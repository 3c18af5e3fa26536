"""Work the critique and the quick ethics check reuse within one prompt, or skip where a cheap
exact test shows it finds nothing, answers what the plain work answers: the clause a motion
word stands in, a name's preposition, the vague words read from the lower-cased copy, the
titled and placed names behind their literal pieces."""

from __future__ import annotations

import random

import pytest

from bot.core.critique import analysis
from bot.core.critique.lexicon import CAMERA_VAGUE, VAGUE_VERBS
from bot.core.ethics import _Scan, cached_rules
from bot.core.ethics import rules as ethics_rules
from bot.core.regex_pieces import may_find

SEED = ["A cat jumps on the table", "Slowly, the camera pans as she walks; then, while it rains, "
        "he waits until dawn", "Coach Taylor from 3B talks with Dr. Smith. Priya from Accounts, "
        "Nurse Joy and Officer Jenny wait in the hall", "The woman at table 4 waves at My Dentist",
        "A camera movement, Camera Moves slowly; a figure MOVES toward the Light",
        "he stands in\n  Paris, towards   Rome and Outside Berlin near the Eiffel Tower"]


@pytest.fixture(scope="module")
def texts(kb) -> list[str]:
    prompts = SEED + [e.prompt for e in kb.gallery.values()]
    words = [w for p in prompts for w in p.split()]
    rng = random.Random(20261130)
    joins = [" ", " ", ", ", "; ", ". ", " as ", " while ", "\n", "  ", " from ", ": "]
    salads = ["".join(rng.choice(words) + rng.choice(joins) for _ in range(rng.randint(1, 60)))
              for _ in range(300)]
    return prompts + salads + [s.upper() for s in salads[:40]] + [s.title() for s in salads[:40]]


def test_a_clause_begins_where_the_scan_of_the_text_before_it_says(texts) -> None:
    """`_clause_ends` of the whole text, cut at a position, is the scan of the text before it
    (what `_camera_manner` searched for each motion word)."""
    from bisect import bisect_right

    checked = 0
    for text in texts:
        low = text.lower()
        ends = analysis._clause_ends(low)
        for start in range(len(low) + 1):
            plain = [m.end() for m in analysis._CLAUSE_END.finditer(low[:start])]
            before = bisect_right(ends, start)
            assert (ends[before - 1] if before else 0) == (plain[-1] if plain else 0), \
                (text[:60], start)
            checked += 1
    assert checked > 10000


def test_a_names_preposition_is_searched_where_it_can_end(texts) -> None:
    """The bounded search of `_name_subjects` finds a preposition right before a name exactly
    where the search of the whole text before it does."""
    found = 0
    for text in texts:
        for start in range(len(text) + 1):
            head = text[:start].rstrip()
            plain = analysis._PLACE_PREPOSITION.search(text[:start]) is not None
            bounded = analysis._PLACE_PREPOSITION.search(
                text, max(0, len(head) - analysis._PLACE_PREPOSITION_LONGEST), start) is not None
            assert plain == bounded, (text[:60], start)
            found += plain
    assert found  # the texts do put prepositions before words


@pytest.mark.parametrize("pattern", [VAGUE_VERBS, CAMERA_VAGUE])
def test_vague_words_read_from_the_lower_cased_copy_are_the_case_insensitive_search(
        texts, pattern) -> None:
    regex = analysis.compiled_gated(pattern)
    assert analysis._gated_lower(pattern) is not None  # the shortcut is taken
    found = 0
    for text in texts + ["Stra\u00dfe MOVES \u0130stanbul", "a \u212aelvin camera moves"]:
        plain = [m.span() for m in regex.finditer(text)]
        assert analysis.gated_spans(pattern, regex, text, text.lower()) == plain, text[:60]
        found += bool(plain)
    assert found


def test_titled_and_placed_names_are_searched_wherever_they_can_be(texts) -> None:
    """`may_find` lets a title's or a placed name's search run on every text it finds
    something in, and the described people of a prompt are the plain searches'."""
    rules = cached_rules()
    found = 0
    for text in texts:
        for named in (ethics_rules._TITLED_NAME, ethics_rules._PLACED_NAME):
            if named.search(text):
                assert may_find(named, text), (named.pattern[:30], text[:60])
                found += 1
        scan = _Scan(text, rules)
        plain = [(m.start(), m.end()) for named in (ethics_rules._TITLED_NAME,
                                                     ethics_rules._PLACED_NAME)
                 for m in named.finditer(scan.text)
                 if m.group(1) not in rules.name_stopwords]
        described = {(h.start, h.end) for h in scan._described_people()}
        assert set(plain) <= described
    assert found >= 3


def test_pieces_tested_with_runs_of_spaces_squeezed_read_as_the_plain_analysis(texts) -> None:
    """The English words of a Chinese or Japanese prompt are read with the rest blanked to
    spaces: the literal-piece tests, run on the text with each run of spaces one space
    (`_pieces_view`), leave the analysis what it is without them."""
    from bot.core.critique.claims import CLAIM_ORDER
    from bot.core.critique.components import Component as C

    assert all(analysis._squeezable(c) for c in CLAIM_ORDER
               if c not in (C.ACTION, C.SUBJECT))  # the shortcut is taken
    rng = random.Random(19)
    for text in texts[:250]:
        words = text.split(" ")
        blanked = "".join(w + " " * rng.choice([1, 1, 2, 5, 17]) for w in words)
        with_tests = analysis.analyze_english(blanked, prefilter=True)
        plain = analysis.analyze_english(blanked, prefilter=False)
        assert with_tests.model_dump() == plain.model_dump(), blanked[:60]


def test_the_groups_of_a_lead_are_the_index_of_every_lead() -> None:
    """`EthicsRules.groups_of_lead`, found per lead on first use, is the inverse of every
    group's leads built in full (as it was), names in the order of the groups; and a window's
    leads are every beginning of it that is a lead."""
    rules = cached_rules()
    full: dict[str, list[str]] = {}
    for name, group in rules.groups.items():
        for part, (leads, _, _) in group.prefixes.items():
            if part != "cjk":
                for lead in leads:
                    names = full.setdefault(lead, [])
                    if name not in names:
                        names.append(name)
    assert full and set(full) == rules.all_leads
    for lead, names in full.items():
        assert rules.groups_of_lead(lead) == tuple(names), lead
    assert rules.groups_of_lead("\x00not a lead") == ()
    for lead in list(rules.all_leads)[:2000]:
        window = (lead + "zzzzzzzz")[:ethics_rules.PREFIX_CHARS]
        assert rules.leads_of(window) == tuple(
            window[:n] for n in range(1, len(window) + 1) if window[:n] in rules.all_leads)
