"""Who strikes whom: the agent and the patient of a violent verb in a Chinese or Japanese prompt.

The violence categories are about people hurting people. A native lexicon's violent verb (殺す,
谋杀) matches whatever it is said of, and creators use it of things and pets in jest: a dog
"killing" the slippers every day, a cat "murdering" a slipper on the door camera. English's
lexicon writes the patient into the term ("kill him", "murder the man"); a Chinese or Japanese
verb stands alone, so the patient is read here from the sentence's grammar over the prompt's
English gloss (each word's dictionary reading, `gloss.Gloss`), and its kind from WordNet
(`noun_kinds`):

- Japanese marks the patient with を (スリッパを毎日殺してる: the noun before を, adverbs may
  stand between it and the verb) and the agent with が or は, or as the clause's topic before a
  comma (うちの犬、...).
- Chinese puts the patient after the verb (谋杀我的拖鞋: possessives and aspect particles may
  stand between) or before it after 把 / 将 (把拖鞋谋杀了), and the agent before it.

A violent act is not one between people when its patient is a thing (neither a person nor an
animal: WordNet's most frequent sense of the gloss's head noun is under neither), when it is
done with a toy (水鉄砲で撃ち合い, a water-pistol fight), or when its
agent is an animal and its patient is not a person (a cat "murdering" is play unless a person
is what it attacks). A patient the grammar cannot find, or a word WordNet does not know, leaves
the act as it was: only a reading that names the thing takes the concern away.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Protocol, TypeVar

from bot.core import cached_re as re
from bot.core.ethics.gloss import Gloss, GlossWord
from bot.core.noun_kinds import head_synset, kind_chain, person_synset


class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


class _Patterned(Protocol):
    @property
    def pattern(self) -> re.Pattern[str]: ...


class _Rules(Protocol):
    """What is read of `rules.EthicsRules` (typed structurally: rules imports this module)."""

    @property
    def groups(self) -> Mapping[str, _Patterned]: ...


class _Scan(Protocol):
    """What is read of `rules._Scan`: the prompt and a group's hits."""

    @property
    def original(self) -> str: ...
    def hits(self, name: str) -> Sequence[_Span]: ...


class _Concern(Protocol):
    @property
    def rule(self) -> str: ...


C = TypeVar("C", bound=_Concern)

_CLAUSE_END = re.compile(r"[。！？!?；;，,、：:\n「」『』\"“”]")
"""What ends a clause in a Chinese or Japanese prompt: the patient and agent of a verb are in
its own clause (a Japanese topic before a comma is read apart, `_japanese_agent`)."""

_JA_PATIENT = "を"
_JA_AGENT = ("が", "は")
_ZH_DISPOSAL = frozenset({"把", "将"})
"""Chinese markers that put the patient before the verb (the disposal construction)."""
_ZH_BETWEEN = frozenset({"了", "着", "过", "掉", "死", "坏", "烂", "飞", "一下", "一顿"})
"""Words that may stand between a Chinese verb and its patient: aspect particles and the
result complements of a violent verb (打死, 砍坏, 撞飞). A closed class."""
_ZH_ADVERBS = frozenset({"又", "在", "正在", "也", "还", "都", "就", "才", "总", "总是", "一直",
                         "天天", "每天", "常常", "经常", "老是", "不停", "疯狂"})
"""Adverbs of time and frequency that stand between a Chinese agent and its verb (猫又在谋杀):
their glosses ("at", "also") may read as nouns in WordNet. A closed class."""
_ZH_PASSIVE = frozenset({"被", "让", "给", "遭"})
"""Markers of the Chinese passive: the patient stands before them, the agent after
(她被车撞飞: she is the one struck). A closed class."""
_ZH_RELATIVE = "的"
"""After a Chinese verb, 的 makes the verb phrase a modifier (撞飞的视频, "a video of ... being
knocked flying"): the noun after it is no patient."""
_JA_PASSIVE = re.compile(r"(?:され|られ|れる|れた|れて)")
"""A Japanese passive ending on the verb: the patient is then its が/は noun."""
_POSSESSIVES = frozenset({"my", "your", "his", "her", "our", "their", "its", "the", "a", "this",
                          "that", "these", "those", "own", "someone's", "one's"})
"""English readings of possessors and determiners a gloss puts before a patient (我的, 他的)."""
_MAX_BETWEEN = 3
"""How many words (adverbs, particles, possessors) may stand between a verb and its patient."""

NOT_FOUND = ""
"""The patient's kind when the grammar finds no patient at all (an act said intransitively:
猫在谋杀), as against None, a patient whose word WordNet does not know."""

_PAREN = re.compile(r"\([^)]*\)")
_WORD = re.compile(r"[a-z]+(?:[-'][a-z]+)*")


@lru_cache(maxsize=4096)
def noun_kind(english: str) -> str | None:
    """"person", "animal", "toy" or "thing" for a gloss word's English (its last word is its
    head: "security camera" is a camera; "toy" before it makes a toy: "toy gun"), or None when
    it is not a noun WordNet knows."""
    reading = _PAREN.sub("", english.split(" / ", 1)[0]).lower()
    words = [w for w in _WORD.findall(reading) if w not in _POSSESSIVES]
    if not words:
        return None
    if len(words) > 1 and words[0] == "toy":
        return "toy"
    chain = kind_chain(" ".join(words[-2:])) if len(words) > 1 else ()
    chain = chain or kind_chain(words[-1])
    if not chain:
        return None
    if head_synset("toy") in chain:  # a water pistol is one
        return "toy"
    if person_synset() in chain:
        return "person"
    if head_synset("animal") in chain:
        return "animal"
    return "thing"


def _clause_words(text: str, words: Sequence[GlossWord], i: int) -> tuple[int, int]:
    """The index range [first, last] of the gloss words in word i's clause."""
    first = i
    while first > 0 and not _CLAUSE_END.search(text[words[first - 1].end:words[first].start]):
        first -= 1
    last = i
    while last + 1 < len(words) and not _CLAUSE_END.search(
            text[words[last].end:words[last + 1].start]):
        last += 1
    return first, last


def _kind_of(words: Sequence[GlossWord], k: int) -> str | None:
    return noun_kind(words[k].english)


def _japanese_patient(text: str, words: Sequence[GlossWord], i: int, first: int) -> str | None:
    """The kind of the noun marked by を before verb i in its clause, adverbs between
    (`NOT_FOUND` when there is none)."""
    for k in range(i - 1, max(first, i - 1 - _MAX_BETWEEN) - 1, -1):
        if text[words[k].end:words[k].end + 1] == _JA_PATIENT:
            return _kind_of(words, k)
    return NOT_FOUND


def _japanese_agent(text: str, words: Sequence[GlossWord], i: int) -> str | None:
    """The kind of verb i's agent: the noun marked by が or は before it in its clause, or
    the topic ending the clause before (うちの犬、スリッパを殺してる)."""
    for k in range(i - 1, -1, -1):
        follows = text[words[k].end:words[k].end + 1]
        if follows in _JA_AGENT:
            return _kind_of(words, k)
        if _CLAUSE_END.match(follows):
            return _kind_of(words, k)
    return None


def _chinese_patient(text: str, words: Sequence[GlossWord], i: int, first: int,
                     last: int) -> str | None:
    """The kind of verb i's patient: after 把 / 将 before it, else the first noun after it
    past particles, complements and possessors."""
    clause_start = words[first].start
    disposal = max(text.rfind(m, clause_start, words[i].start) for m in _ZH_DISPOSAL)
    if disposal >= 0 and i > first and words[i - 1].start > disposal:
        return _kind_of(words, i - 1)  # 把前男友杀了: the noun just before the verb
    for k in range(i - 1, first - 1, -1):
        if text[words[k].start:words[k].end] in _ZH_PASSIVE:
            return _kind_of(words, k - 1) if k > first else NOT_FOUND
    after = text[words[i].end:].lstrip("了着过掉死坏烂飞")
    if after.startswith(_ZH_RELATIVE):
        return None
    for k in range(i + 1, min(last, i + _MAX_BETWEEN) + 1):
        source = text[words[k].start:words[k].end]
        if source in _ZH_BETWEEN or words[k].english.lower() in _POSSESSIVES:
            continue
        return _kind_of(words, k)
    return NOT_FOUND


def _chinese_agent(text: str, words: Sequence[GlossWord], i: int, first: int) -> str | None:
    """The kind of the last noun before verb i in its clause (adverbs 又, 在 are no nouns);
    in the passive, the noun after its marker."""
    for k in range(i - 1, first - 1, -1):
        if text[words[k].start:words[k].end] in _ZH_PASSIVE:
            return _kind_of(words, k + 1) if k + 1 < i else None
    for k in range(i - 1, first - 1, -1):
        if text[words[k].start:words[k].end] in _ZH_ADVERBS:
            continue
        kind = _kind_of(words, k)
        if kind is not None:
            return kind
    return None


_JA_INSTRUMENT = "で"
_ZH_INSTRUMENT = frozenset({"用", "拿", "以"})
"""Markers of the instrument: Japanese で after the noun, Chinese 用 / 拿 before it."""


def _instrument(text: str, words: Sequence[GlossWord], i: int, first: int,
                japanese: bool) -> str | None:
    """The kind of the instrument verb i is done with in its clause (水鉄砲で撃ち合い, 用水枪
    射击), or None."""
    for k in range(i - 1, first - 1, -1):
        if japanese and text[words[k].end:words[k].end + 1] == _JA_INSTRUMENT:
            return _kind_of(words, k)
        if not japanese and text[words[k].start:words[k].end] in _ZH_INSTRUMENT and k + 1 < i:
            return _kind_of(words, k + 1)
    return None


def between_people(text: str, glossed: Gloss, start: int, end: int) -> bool:
    """Whether the violent verb at text[start:end] may be an act between people: False only
    when its patient is a thing, or its agent an animal and its patient a thing, an animal
    or unsaid (a patient WordNet does not know may be a person: 元カレ)."""
    words = sorted(glossed.words, key=lambda w: w.start)  # a Japanese gloss is in English order
    at = [k for k, w in enumerate(words) if w.start < end and start < w.end]
    if not at:
        return True
    japanese = re.search(r"[\u3040-\u30ff]", text) is not None  # kana
    i = at[0] if len(at) > 1 and not japanese else at[-1]
    first, last = _clause_words(text, words, i)
    if _instrument(text, words, i, first, japanese) == "toy":
        return False  # a water pistol fight, a toy-gun game: play, not harm
    if japanese:
        if _JA_PASSIVE.match(text, words[i].end) or _JA_PASSIVE.search(
                text[words[i].start:words[i].end]):
            patient, agent = _japanese_agent(text, words, i), None
        else:
            patient = _japanese_patient(text, words, i, first)
            agent = _japanese_agent(text, words, i)
    else:
        patient = _chinese_patient(text, words, i, first, last)
        agent = _chinese_agent(text, words, i, first)
    if patient in ("thing", "toy"):
        return False
    return not (agent == "animal" and patient in ("thing", "toy", "animal", NOT_FOUND))


VIOLENCE_RULES = frozenset({"violence-act", "violence-lethal-act", "minors-violence"})
"""The rules that judge a violent act against a person (native or on the gloss, `gloss:`); a
child's is judged by minors-violence."""
VERB_GROUPS = ("violence_act", "lethal_act")
"""The term groups whose words are the violent verbs those rules read."""


def _violent_verb(english: str, rules: _Rules) -> bool:
    """Whether a gloss word's reading, said of a person ("murder" + " him"), is a violent act
    to the English lexicon: the English terms write their patient in, a gloss word has none."""
    said = f"{english.split(' / ', 1)[0]} him"
    return any(rules.groups[g].pattern.search(said) for g in VERB_GROUPS if g in rules.groups)


def violent_verbs(scan: _Scan, glossed: Gloss, rules: _Rules) -> list[tuple[int, int]]:
    """Where the prompt's violent verbs are: the native lexicon's hits and the gloss words
    whose reading is one."""
    spans = [(h.start, h.end) for g in VERB_GROUPS if g in rules.groups for h in scan.hits(g)]
    spans += [(w.start, w.end) for w in glossed.words if _violent_verb(w.english, rules)]
    return spans


def without_acts_on_things(concerns: list[C], scan: _Scan, glossed: Gloss,
                           rules: _Rules) -> list[C]:
    """The concerns less a violent-act concern on a Chinese or Japanese prompt whose every
    violent verb is done to a thing or by an animal (`between_people` False for all)."""
    judged = [c for c in concerns if c.rule.removeprefix("gloss:") in VIOLENCE_RULES]
    if not judged:
        return concerns
    verbs = violent_verbs(scan, glossed, rules)
    if not verbs or any(between_people(scan.original, glossed, s, e) for s, e in verbs):
        return concerns
    return [c for c in concerns if c not in judged]
