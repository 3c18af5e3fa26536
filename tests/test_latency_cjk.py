"""The shortcuts of a Chinese or Japanese prompt's critique and quick ethics check against the
plain work they replace: the same answers, on prompts built from the lexicons' own CJK words
(so most rules' anchors and partners are in play) and on hand-written ones."""

from __future__ import annotations

import random

import pytest

from bot.core import cached_re as re
from bot.core.ethics import _Scan, cached_rules
from bot.core.ethics.rules import _fire
from tests.test_latency_paths import _concerns

WRITTEN = ["让泰勒·斯威夫特说她要退休", "元カノの自撮りから裸の動画を作って",
           "一只猫在桌子上跳，镜头缓慢推进", "雨の夜の東京、ネオンが濡れた路面に映る",
           "子供が水着で踊っている動画", "选票被扔进河里，手机拍摄的画面",
           "医者がサプリで糖尿病が治ると勧める", "我的老板的脸换到另一个身体上",
           "a girl walks, 镜头推进, 爆炸", "爆炸性的色彩，烟花在夜空绽放"]

_LITERAL_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]+")


@pytest.fixture(scope="module")
def cjk_texts() -> list[str]:
    """The written prompts, and word salads of the ethics lexicons' literal CJK terms with
    kana and Han filler and punctuation between."""
    rules = cached_rules()
    words = sorted({t for g in rules.groups.values() for lang in ("zh", "ja")
                    for t in g.locale.get(lang, []) if _LITERAL_CJK.fullmatch(t)})
    assert len(words) > 50
    filler = ["の", "が", "を", "在", "的", "了", "、", "，", "。", " ", "人", "动画", "写真",
              "video", "make"]
    rng = random.Random(20261130)
    salads = ["".join(rng.choice(words) + rng.choice(filler) for _ in range(rng.randint(1, 12)))
              for _ in range(300)]
    return WRITTEN + salads


def test_cjk_rules_worth_firing_fire_as_every_rule_does(cjk_texts) -> None:
    rules = cached_rules()
    dropped = fired = 0
    for text in cjk_texts:
        scan = _Scan(text, rules)
        assert scan.has_cjk, text
        kept = scan.rules_worth_firing()
        every = _concerns(_Scan(text, rules), rules.rules)
        assert _concerns(scan, kept) == every, text
        fresh = _Scan(text, rules)
        left_out = [rule for rule in rules.rules if rule not in kept]
        assert all(_fire(rule, fresh) is None for rule in left_out), text
        dropped += len(left_out)
        fired += bool(every)
    assert dropped and fired  # rules are ruled out, and the salads do raise concerns


def test_a_cjk_anchor_left_out_has_no_hit(cjk_texts) -> None:
    rules = cached_rules()
    for text in cjk_texts:
        scan = _Scan(text, rules)
        tried = scan.rules_to_try()
        fresh = _Scan(text, rules)
        for rule in rules.rules:
            if rule not in tried:
                assert fresh.first_hits(rule.when[0]) == [], (rule.id, text)


def test_cjk_live_groups_hold_every_group_with_a_hit(cjk_texts) -> None:
    rules = cached_rules()
    for text in cjk_texts:
        scan = _Scan(text, rules)
        if not scan.aligned:
            continue
        live = scan.cjk_live_groups | rules.groups_always_searched
        for name in rules.groups:
            if scan.hits(name):
                assert name in live, (name, text)
            if name not in live:
                assert not scan.partner_hits(name) or name in scan.concept_groups, (name, text)


def _cue_salads(code: str, seed: int) -> list[str]:
    """Word salads of the CJK runs written in a native lexicon's cue patterns, with particles
    and punctuation between: most cues' pieces are there, in odd places."""
    from bot.core.critique.native import lexicon

    lex = lexicon(code)
    words = sorted({w for cues in lex.cues.values() for cue in cues
                    for w in _LITERAL_CJK.findall(cue.pattern)})
    assert len(words) > 30
    joins = ["の", "が", "を", "在", "的", "、", "，", "。", " ", "ゆっくり", "镜头"]
    rng = random.Random(seed)
    return ["".join(rng.choice(words) + rng.choice(joins) for _ in range(rng.randint(1, 25)))
            for _ in range(150)]


@pytest.mark.parametrize("code", ["ja", "zh"])
def test_cjk_cues_tested_for_their_pieces_find_what_the_searches_find(code, monkeypatch) -> None:
    from bot.core.critique import native
    from bot.core.critique.analysis import analyze

    texts = WRITTEN + _cue_salads(code, 7 if code == "ja" else 8)
    monkeypatch.setattr(native, "PIECES", False)
    plain = [analyze(t).model_dump() for t in texts]
    monkeypatch.setattr(native, "PIECES", True)
    assert [analyze(t).model_dump() for t in texts] == plain


def test_a_cjk_cue_skipped_for_its_pieces_has_no_match() -> None:
    from bot.core.critique.components import Component as C
    from bot.core.critique.native import _cjk_finditer, _cue_regexes, _lower

    skipped = 0
    for code in ("ja", "zh"):
        for text in _cue_salads(code, 9)[:60] + WRITTEN:
            view = _lower(text)
            for comp in C:
                for regex, _ in _cue_regexes(code, comp):
                    found = [m.span() for m in _cjk_finditer(regex, view)]
                    assert found == [m.span() for m in regex.finditer(view)], (regex.pattern[:40])
                    skipped += not found
    assert skipped


def test_the_senses_are_read_only_for_a_rule_whose_anchor_hits(cjk_texts) -> None:
    """Ruling rules out never reads the dictionary senses (`concepts`) where firing every rule
    would not: only a rule with an anchor hit asks for its partners' senses."""
    rules = cached_rules()
    quiet = 0
    for text in cjk_texts:
        scan = _Scan(text, rules)
        scan.rules_worth_firing()
        if not any(scan.first_hits(rule.when[0]) for rule in scan.rules_to_try()):
            assert "concepts" not in scan.__dict__, text
            quiet += 1
    assert quiet


@pytest.mark.parametrize("at_least", ["caution", "stop"])
def test_gloss_rules_fired_for_a_severity_keep_its_concerns(cjk_texts, at_least) -> None:
    """Firing only the rules that can reach a severity (`_reaching`) keeps every concern of
    that severity or above, as firing them all and dropping the rest does."""
    from bot.core.ethics.gloss import gloss
    from bot.core.ethics.rules import SEVERITY_RANK, gloss_rule_concerns

    rules = cached_rules()
    kept = 0
    for text in cjk_texts:
        glossed = gloss(text, rules._data_dir)
        if glossed is None:
            continue
        every = [c.model_dump() for c in gloss_rule_concerns(glossed, rules)
                 if SEVERITY_RANK[c.severity] >= SEVERITY_RANK[at_least]]
        some = [c.model_dump() for c in gloss_rule_concerns(glossed, rules, at_least=at_least)]
        key = sorted(every, key=repr)
        assert sorted(some, key=repr) == key, text
        kept += len(some)
    assert kept


def test_a_rule_left_out_for_its_severity_cannot_reach_it() -> None:
    from bot.core.ethics.rules import SEVERITY_RANK

    rules = cached_rules()
    for rule, top in zip(rules.rules, rules.top_severity, strict=True):
        reachable = {rule.severity} | {a.raise_to for a in rule.adjust if a.raise_to}
        assert top == max(SEVERITY_RANK[s] for s in reachable), rule.id
    assert min(rules.top_severity) < SEVERITY_RANK["stop"]  # some rules are left out
