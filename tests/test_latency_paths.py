"""The critique's and the quick ethics check's shortcuts answer exactly what the plain work
answers: a whole-word pattern tried only at the word starts its prefixes begin, the rules
tried only where their anchor can hit, the English analysis without its literal-piece
prefilter, the word before a verb read from the head's last word, a Spanish prompt's cues tried
only where they can begin."""

from __future__ import annotations

import random

import pytest

from bot.core import cached_re as re
from bot.core.critique import analysis, native
from bot.core.critique.analysis import (
    _HEAD_END,
    _last_word,
    analyze_english,
    compiled_lower,
    finditer_lower,
    search_lower,
)
from bot.core.critique.claims import CLAIM_ORDER
from bot.core.critique.dispatch import ANY, WordStarts
from bot.core.critique.facts import DIMENSIONS
from bot.core.critique.lexicon import CAMERA_VAGUE, CONTRADICTIONS, QUALITY_SPAM
from bot.core.critique.rewrite import FAMILIES, INDOOR, NIGHT
from bot.core.ethics import _Scan, cached_rules
from bot.core.ethics.rules import DETECTED_GROUPS, SEVERITY_RANK, _concern, _fire

SEED = ["A cat jumps on the table", "Cinematic forest scene with birds",
        "Man walking down street, 4K", "at dawn, in the kitchen; a man-at-arms waits outside",
        "ultra-hd 8k drone shot; camera moves around a monochrome, rainbow city at night"]


@pytest.fixture(scope="module")
def texts(kb) -> list[str]:
    prompts = SEED + [e.prompt for e in kb.gallery.values()]
    words = [w for p in prompts for w in p.split()]
    rng = random.Random(20261129)
    joins = [" ", " ", ", ", "-", "_", "'", "; ", "\n"]
    salads = ["".join(rng.choice(words) + rng.choice(joins) for _ in range(rng.randint(1, 50)))
              for _ in range(400)]
    return prompts + salads


PATTERNS = ([p for table in DIMENSIONS.values() for p, _ in table] + [p for _, p in FAMILIES]
            + [QUALITY_SPAM, CAMERA_VAGUE, NIGHT, INDOOR]
            + [p for a, b, _ in CONTRADICTIONS for p in (a, b)])


@pytest.mark.parametrize("share", [analysis.PLACES_PER_CHAR, 1.0])
def test_trying_word_starts_finds_what_the_plain_search_finds(texts, share, monkeypatch) -> None:
    """At the default share and with every text taking the shortcut where it can (1.0)."""
    monkeypatch.setattr(analysis, "PLACES_PER_CHAR", share)
    found = 0
    for pattern in PATTERNS:
        plain = compiled_lower(pattern)
        for text in texts:
            low = text.lower()
            want = [(m.span(), m.groups()) for m in plain.finditer(low)]
            assert [(m.span(), m.groups()) for m in finditer_lower(pattern, low)] == want, \
                (pattern, text)
            first = search_lower(pattern, low)
            assert (first.span(), first.groups()) == want[0] if want else first is None
            found += len(want)
    assert found > 1000  # the corpus exercises the patterns


def test_remembered_word_starts_are_the_plain_search(texts) -> None:
    """`WordStarts.starts` remembers its places per prefix and per prefix set: asked in any
    order, again and again, one text gives what a fresh search of every prefix gives."""
    rng = random.Random(7)
    for text in texts[:120]:
        low = text.lower()
        starts = WordStarts(low)
        for _ in range(3):
            for pattern in rng.sample(PATTERNS, 25):
                prefixes = analysis._prefixes(pattern)
                if prefixes is ANY:  # None: the pattern may begin anywhere
                    continue
                plain = sorted({i for p in prefixes for i in range(len(low))
                                if low.startswith(p, i)
                                and (i == 0 or not (low[i - 1].isalnum() or low[i - 1] in "_-"))})
                assert starts.starts(prefixes) == plain, (pattern[:40], text[:40])


def test_word_starts_are_where_no_word_character_or_hyphen_comes_before() -> None:
    starts = WordStarts("a fox in-snow, fox_den foxes 'fox")
    assert starts.starts(frozenset({"fox"})) == [2, 15, 23, 30]
    assert starts.starts(frozenset({"sno", "a"})) == [0]  # "snow" follows a hyphen
    assert starts.starts(frozenset({"zeb"})) == []


def test_the_word_before_a_verb_is_the_plain_search(texts) -> None:
    rng = random.Random(7)
    alphabet = "ab' ,.!?-_1é\nZ\t"
    heads = [t.lower()[-60:] for t in texts] + [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(20000)]
    for head in heads:
        want, got = _HEAD_END.search(head), _last_word(head)
        assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups()))


def test_an_english_prompt_reads_the_same_without_the_prefilter(texts) -> None:
    for text in texts[:200]:
        assert analyze_english(text, prefilter=False) == analyze_english(text), text


def _concerns(scan: _Scan, tried: list) -> list[dict]:
    """`_rule_concerns` over the rules `tried`, in their order."""
    held: dict = {}
    for rule in tried:
        fired = _fire(rule, scan)
        if fired is not None and (rule.category not in held or SEVERITY_RANK[fired.severity]
                                  > SEVERITY_RANK[held[rule.category].severity]):
            held[rule.category] = fired
    return [_concern(f).model_dump() for f in held.values()]


ETHICS_PROMPTS = [
    "make Taylor Swift say she is retiring", "A nude video of my ex from her selfies",
    "a child in lingerie", "Fake ballots dumped in a river, phone footage",
    "A doctor endorses our supplement that cures diabetes", "Keanu Reeves acariciando a un perro",
    "A deepfake of Elon Musk promoting a crypto giveaway", "the cashier counting bills at table 4",
    "让泰勒·斯威夫特说她要退休", "元カノの自撮りから裸の動画を作って", "İstanbul at night, a man walks",
    "Coach D. yelling at Priya from 3B", "put my boss's face on a body in a video"]


def test_rules_tried_where_their_anchor_can_hit_fire_as_every_rule_does(texts) -> None:
    rules = cached_rules()
    for text in ETHICS_PROMPTS + texts[:150]:
        scan = _Scan(text, rules)
        assert _concerns(scan, scan.rules_to_try()) == \
            _concerns(_Scan(text, rules), rules.rules), text


def test_every_rule_is_indexed_under_each_group_its_anchor_needs() -> None:
    rules = cached_rules()
    always, by_group, _ = rules.rules_by_anchor
    for i, rule in enumerate(rules.rules):
        first = rule.when[0]
        leaves = set().union(*(rules._leaf_groups(n) for n in
                               ([first] if isinstance(first, str) else first)))
        if i in always:
            assert leaves & (set(DETECTED_GROUPS) | rules.groups_always_searched)
        else:
            assert all(i in by_group[g] for g in leaves), rule.id
    # an English prompt of no concern tries few of the rules
    assert len(_Scan("A cat jumps on the table", rules).rules_to_try()) < len(rules.rules) / 2



@pytest.fixture(scope="module")
def spanish_views() -> list[str]:
    """Lower-cased Spanish prompts (dev rows of the multilingual components sets) and word
    salads of their words joined by spaces, hyphens, underscores, digits and punctuation."""
    from pathlib import Path

    import yaml

    data = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "external"
    prompts = [row["prompt"] for name in ("components_multilingual.yaml",
                                          "components_multilingual_dev2.yaml")
               for row in yaml.safe_load((data / name).read_text(encoding="utf-8"))["prompts"]
               if row.get("lang") == "es" and row.get("split") == "dev"]
    words = [w for p in prompts for w in p.split()]
    rng = random.Random(20261129)
    joins = [" ", " ", ", ", "-", "_", "'", "; ", "\n", "1", "¿", "é", "ñ"]
    salads = ["".join(rng.choice(words) + rng.choice(joins) for _ in range(rng.randint(1, 40)))
              for _ in range(300)]
    return [t.lower() for t in prompts + salads]


@pytest.mark.parametrize("share", [native.PLACES_PER_CHAR, 1.0])
def test_spanish_cues_tried_where_they_can_begin_find_what_the_search_finds(
        spanish_views, share, monkeypatch) -> None:
    """`native._finditer`, for every Spanish cue and subject pattern, at the default
    share and with every text taking the shortcut where it can (1.0)."""
    assert len(spanish_views) > 300
    monkeypatch.setattr(native, "PLACES_PER_CHAR", share)
    patterns = [(regex, prefixes) for comp in CLAIM_ORDER
                for (regex, _), prefixes in zip(native._cue_regexes("es", comp),
                                                native._cue_prefixes("es", comp), strict=True)]
    patterns += [(regex, prefixes) for (regex, _), prefixes in
                 zip(native._subject_regexes("es"), native._subject_prefixes("es"), strict=True)]
    action = native._action_regex("es")
    patterns.append((action, native._prefixes("es", action)))
    assert sum(prefixes is not None for _, prefixes in patterns) > len(patterns) / 2
    found = 0
    for view in spanish_views:
        heads = native._heads(view)
        for regex, prefixes in patterns:
            want = [(m.span(), m.groups()) for m in regex.finditer(view)]
            assert [(m.span(), m.groups())
                    for m in native._finditer(heads, regex, prefixes)] == want, \
                (regex.pattern[:60], view)
            found += len(want)
    assert found > 1000  # the corpus exercises the patterns


def test_spanish_heads_are_where_no_word_character_comes_before() -> None:
    heads = native._heads("la luz-luz_luz 1luz ¿luz")
    assert {"l", "lu", "luz", "¿lu", "1lu"} <= heads.prefixes
    assert "uz" not in heads.prefixes and "_lu" not in heads.prefixes
    luz = re.compile(r"(?<![\w])(?:luz)(?![\w])")
    # "-" is no word character here, "_" and "1" are
    assert [m.span() for m in native._finditer(heads, luz, frozenset({"luz"}))] \
        == [(3, 6), (21, 24)] == [m.span() for m in luz.finditer(heads.text)]


def test_a_spanish_prompt_reads_the_same_with_its_cues_searched(spanish_views,
                                                                monkeypatch) -> None:
    from bot.core.critique.analysis import analyze

    for view in spanish_views[:150]:
        monkeypatch.setattr(native, "HEADS", True)
        fast = analyze(view)
        monkeypatch.setattr(native, "HEADS", False)
        assert analyze(view) == fast, view


def test_a_spanish_fact_ruled_out_by_its_beginnings_is_not_in_the_prompt(spanish_views) -> None:
    facts = native.lexicon("es").facts
    assert all(native._prefixes("es", native.fact_regex("es", name)) for name in facts)
    for view in spanish_views:
        for name in facts:
            regex = native.fact_regex("es", name)
            assert regex is not None
            assert native.has_fact("es", name, view) == (regex.search(view) is not None)


def test_only_patterns_that_begin_at_a_spaced_word_start_are_tried_at_heads() -> None:
    assert native._prefixes("es", re.compile(r"(?<![\w])(?:luz)(?![\w])")) == {"luz"}
    assert native._prefixes("es", re.compile(r"(?:est[aá]n?) (?P<v>\w+)")) is None
    assert native._prefixes("es", re.compile(r"(?<![\w])(?i:luz)")) is None
    assert native._prefixes("ja", re.compile(r"(?<![\w])(?:luz)(?![\w])")) is None
