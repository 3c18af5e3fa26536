"""The English gloss of a Japanese prompt, put in English word order (issue 16).

`gloss.gloss_japanese` reads a Japanese prompt word by word through JMdict, and the English
rules and the semantic layer then read that gloss as English. Word by word, Japanese order
survives into it: the verb comes last (SOV), a case particle is dropped after its noun, a
relative clause stands before the noun it describes ("胸元を映す映像", "breast project
footage", not "footage that projects the chest"), and a chain of て-forms is one run of verbs.
This module re-reads the segmented gloss by the grammar of the Japanese clause, from the
kana the gloss left out between its words:

- the phrases of a clause are the runs of words up to a particle or an inflected word; the
  phrase a verb or adjective ends is the predicate (`_phrases`);
- in each clause the subject (は, が, も) comes first, then the predicate, then its object
  (を), then every other phrase, with から/まで/へ said as the preposition before its noun
  (`_clause_order`);
- a verb's clause straight before a noun is a relative clause: the noun, "who" or "which",
  the clause in English order (`_relative_clauses`);
- a clause that ends in a て-form and goes on is joined to the next with "and";
- "AのB" with A a person is "A's B"; with anything else A stays a modifier before B, as
  English puts it.

The negation, causative, passive and desire endings `gloss.gloss_japanese` read into a verb
stay in the verb's word, so they move with it. It never drops a word; the words it adds
("who"/"which", "and", the prepositions) each carry the span of the kana they render (the
relative pronoun its verb's), so a concern found on the gloss still points at the prompt's
words. It does not import `gloss` (that module calls this one): the words are `gloss.GlossWord`
values handled through `dataclasses.replace`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol, TypeVar

from bot.core import cached_re as re


class _Word(Protocol):
    """A gloss word (`gloss.GlossWord`): a frozen dataclass with its English and its span."""

    __dataclass_fields__: ClassVar[dict[str, Any]]

    @property
    def english(self) -> str: ...

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


W = TypeVar("W", bound=_Word)

ENGLISH_ORDER = False
"""Re-read the Japanese gloss in English word order (off: the word-by-word gloss as it was).
Off for now (session 24): on the dev sets it was mixed. Full review (rules + semantic) stop
recall rose on multilingual (59 -> 60/61), dev4 (22 -> 23) and dev10 (28 -> 29), but dev10 got a
new false stop: 甲子園でホームランを打つイチロー選手 read "real person player which hit home run"
met the harassment rule, a person now standing before "hit"; and it lost one on dev11
(21 -> 20) and on dev8 native (13 -> 12). The gloss read alone gained on
dev2, dev3, dev4, dev8 formal, dev10, dev11 and dev12, and lost on multilingual (39 -> 37),
dev6 (17 -> 16), dev7 (18 -> 15) and dev8 native (8 -> 7). Switch on once the English rules
read a relative clause's subject as the doer, not the one done to."""

_HIRAGANA = re.compile("[\u3041-\u309f]")
_PUNCTUATION = re.compile(r"[,.;:!?，。；：！？、「」『』（）()【】\n]")
SUBJECT_MARKS = ("は", "が", "も")
"""The particles of the subject or topic, alone after a phrase (には, では, にも stay adverbial)."""
OBJECT_MARK = "を"
PREPOSITIONS: dict[str, str] = {"から": "from", "まで": "until", "へ": "to"}
"""The postpositions whose English preposition is one word whatever the verb (a closed class);
に, で and と are left unsaid: each is several English words by the verb and the noun (に "to",
"at", "into", "by", an adverb's ending; で "in", "with", the copula's て-form; と "and",
"with", a quotation)."""
POSSESSIVE_MARK = "の"
ADJECTIVAL_MARK = "な"
_SURU = re.compile("^(?:し|する|すれ|さ[せれ])")
"""The kana of する straight after a noun: the noun is a verb (生成して, 投稿する)."""
_TE_FORM = re.compile("^[っんいしきちにびみりえけげせてねべめれ]?[てで](?:[はも])?$")
"""A verb's て-form (and ては, ても) as all that stands between it and the next word: it ends
a clause."""
_VERB_END = re.compile("[うくぐすつぬぶむるただ]$")
"""A verb's plain form at its end (dictionary form, past): what ends a relative clause. An
adjective's い before a noun is left there: English puts the adjective first too."""
_PLAIN_TAIL = re.compile("^[\u3041-\u3096]*?(?:[うくぐすつぬぶむるただ]|ない)$")
"""The kana after a verb's word that end it in a plain form (する, している, された, ない):
with nothing else between it and the next word, the verb ends a relative clause."""
_PARTICLE_END = re.compile(
    "(?:から|まで|ので|のだ|んだ|けど|よう|ように|ような|そう|という|って|と)$")
"""Kana that end in a plain-form letter but are particles, conjunctions or the grammar nouns
of manner and hearsay (よう "so that", そう, という "called"), not a verb's end."""
HONORIFICS = ("さん", "ちゃん", "くん", "さま")
"""Kana honorifics after a name (a closed class): the gloss says them as "Mx." or not at all;
the grammar of what follows them is read past them."""
WHO, WHICH = "who", "which"
"""The relative pronoun English puts between a noun and its relative clause: "who" after a
person, "which" after anything else."""
AND = "and"
APPEARANCE_READINGS = ("look like", "make it look like")
"""`gloss._looks_like`'s readings of 見える/見せる after an adverbial: said before the phrase
whose look they give (本物の映像に見える, "look like real footage")."""


@dataclass(slots=True)
class _Phrase:
    """A run of gloss words and what the prompt says after it."""

    words: list[_Word]
    mark: str
    """The kana and punctuation between the phrase's last word and the next word."""
    predicate: bool
    preposition: list[_Word] = field(default_factory=list)
    """Words rendering the phrase's particle, said before it ("from", the passive's "by")."""


def english_order(text: str, words: Sequence[W], person: Callable[[str], bool]) -> list[W]:
    """The gloss words of a Japanese prompt in English order (see the module docstring).
    `person`: whether an English reading names a kind of person (for "A's B")."""
    if not ENGLISH_ORDER or len(words) < 2:
        return list(words)
    ordered = sorted(words, key=lambda w: (w.start, w.end))
    phrases = _phrases(text, ordered, person)
    out: list[_Word] = []
    for clause in _clauses(text, phrases):
        out += _relative_clauses(text, clause, person)
    if out and out[-1].english == AND and out[-1] not in words:
        out.pop()  # a て-form at the end (…を描いて): nothing to join
    return out  # type: ignore[return-value]


def _mark_after(text: str, words: Sequence[_Word], k: int) -> str:
    """The prompt's text between word k and the next word ("" when they touch)."""
    end = words[k].end
    stop = words[k + 1].start if k + 1 < len(words) else len(text)
    return text[end:stop] if stop > end else ""


def _particle_word(text: str, word: _Word) -> bool:
    """A word that renders a particle itself (the passive's "by" on に)."""
    span = text[word.start:word.end]
    return len(span) == 1 and _HIRAGANA.match(span) is not None and word.english.isascii()


def _inflected(text: str, word: _Word, mark: str) -> bool:
    """Whether the word is a verb or adjective with its ending: hiragana at its end (作っ,
    美しい, a kana verb), or する after a noun (生成して)."""
    span = text[word.start:word.end]
    if not span or not word.english.isascii():
        return False
    if _HIRAGANA.match(span[-1]) and len(span) > 1:
        return not mark.startswith((POSSESSIVE_MARK, ADJECTIVAL_MARK))
    return _SURU.match(mark) is not None


def _phrases(text: str, words: list[W], person: Callable[[str], bool]) -> list[_Phrase]:
    """The gloss cut into phrases: a phrase ends at a verb or wherever kana or punctuation
    stand between two words, except の and な (a modifier and its noun; the possessor is
    said "A's" when A is a person) and an adjective straight before its noun."""
    out: list[_Phrase] = []
    current: list[_Word] = []
    for k, w in enumerate(words):
        mark = _grammar(_mark_after(text, words, k))
        if _particle_word(text, w) and (current or out):
            if current:
                out.append(_Phrase(current, "", False))
                current = []
            out[-1].preposition.append(w)
            out[-1].mark = text[w.start:w.end] + mark
            continue
        predicate = _inflected(text, w, mark) and _ends_clause(text, w, mark, k + 1 == len(words))
        if (mark == POSSESSIVE_MARK and not predicate and k + 1 < len(words)
                and person(w.english) and not w.english.endswith("'s")
                and not person(words[k + 1].english)):
            w = dataclasses.replace(w, english=f"{w.english}'s")
        if w.english in APPEARANCE_READINGS and not current and out and out[-1].mark == "に":
            out[-1].words.insert(0, w)
            out[-1].mark = mark
            continue
        if w.english == HOW_TO and current and _grammar(_mark_after(text, words, k - 1)) == (
                POSSESSIVE_MARK):
            current.insert(len(current) - 1, w)  # 自傷のやり方: "how to self-harm"
        else:
            current.append(w)
        if not predicate and not mark and _inflected(text, w, mark):
            continue  # an adjective before its noun (薄い キャミソール)
        if predicate or (mark and mark not in (POSSESSIVE_MARK, ADJECTIVAL_MARK)):
            out.append(_Phrase(current, mark, predicate))
            current = []
    if current:
        out.append(_Phrase(current, "", False))
    return out


def _grammar(mark: str) -> str:
    """The kana after a word with a name's honorific left out (さんの is の)."""
    for honorific in HONORIFICS:
        if mark.startswith(honorific):
            return mark[len(honorific):]
    return mark


def _ends_clause(text: str, word: _Word, mark: str, last: bool) -> bool:
    """Whether an inflected word ends a clause: at the end, before punctuation, in its て-form,
    or in a verb's plain form; an adverbial form (美しく, 美しいものとして) does not."""
    return (last or bool(_PUNCTUATION.search(mark)) or _TE_FORM.match(mark) is not None
            or _verb(text, word, mark))


def _verb(text: str, word: _Word, mark: str) -> bool:
    """Whether an inflected word ends in a verb's plain form with nothing but its ending after
    it (映す, 解説する, 着た, 見せない): the end of a relative clause when a noun follows."""
    if _PUNCTUATION.search(mark) or _PARTICLE_END.search(mark):
        return False
    ending = text[word.start:word.end] + mark
    return bool((not mark or _PLAIN_TAIL.match(mark)) and (
        _VERB_END.search(ending) or ending.endswith(
        "ない") and word.english.startswith("not ")))


def _relative(text: str, phrase: _Phrase) -> bool:
    """A phrase that ends a relative clause: a verb in its plain form."""
    return phrase.predicate and _verb(text, phrase.words[-1], phrase.mark)


def _clauses(text: str, phrases: list[_Phrase]) -> list[list[_Phrase]]:
    """The phrases grouped into clauses: a clause ends at punctuation or at a predicate that
    does not stand straight before a noun (that one ends a relative clause, read with its
    noun by `_relative_clauses`)."""
    out: list[list[_Phrase]] = []
    current: list[_Phrase] = []
    for k, p in enumerate(phrases):
        current.append(p)
        relative = _relative(text, p) and k + 1 < len(phrases)
        if _PUNCTUATION.search(p.mark) or (p.predicate and not relative):
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def _relative_clauses(text: str, clause: list[_Phrase],
                      person: Callable[[str], bool]) -> list[_Word]:
    """A clause in English order, each relative clause in it read after its noun: the
    phrases up to a verb straight before a noun (back to the clause's topic, which is the
    main clause's) become "noun who/which <clause>", and that noun phrase keeps the noun's
    mark."""
    rebuilt: list[_Phrase] = []
    pending: list[_Phrase] = []
    carry: list[_Word] = []
    for k, p in enumerate(clause):
        if carry:
            p = _Phrase([*p.words[:1], *carry, *p.words[1:]] if _method(p) else
                        [*p.words, *carry], p.mark, p.predicate, p.preposition)
            carry = []
        pending.append(p)
        if not _relative(text, p) or k + 1 == len(clause):
            continue
        verb = p.words[-1]
        topic = [q for q in pending[:-1] if q.mark.strip() == "は"]
        rebuilt += topic
        inner = _clause_order(text, [q for q in pending if q not in topic])
        pending = []
        noun = clause[k + 1].words[0].english if clause[k + 1].words else ""
        pronoun = WHO if person(noun) else WHICH
        carry = inner if _method(clause[k + 1]) else [
            dataclasses.replace(verb, english=pronoun), *inner]
    if carry:
        pending.append(_Phrase(carry, "", False))
    return _clause_order(text, [*rebuilt, *pending])


HOW_TO = "how to"
"""The reading `gloss._method_as_how_to` gives a method noun (方法, やり方): the act before it
is "how to <act>", not "method that <act>"."""


def _method(phrase: _Phrase) -> bool:
    return bool(phrase.words) and phrase.words[0].english == HOW_TO


_TE_END = re.compile("[てで][はも]?$")


def _te_at(text: str, phrase: _Phrase) -> int | None:
    """Where the て of a predicate's て-form is (作って, 開けて、, 生成して), or None."""
    verb = phrase.words[-1]
    said = text[verb.start:verb.end] + _PUNCTUATION.sub("", phrase.mark)
    m = _TE_END.search(said)
    if m is None or len(said) < 2:
        return None
    at = verb.start + m.start()
    return at if text[at] in "てで" else None


def _clause_order(text: str, clause: list[_Phrase]) -> list[_Word]:
    """One clause's phrases in English order: subject, predicate, object, the rest; a
    phrase's preposition before it; "and" after a て-form that the clause goes on from."""
    subjects: list[_Word] = []
    predicate: list[_Word] = []
    objects: list[_Word] = []
    rest: list[_Word] = []
    tail: list[_Word] = []
    for p in clause:
        words = [*p.preposition, *p.words]
        particle = p.mark.strip()
        if p.predicate and predicate == [] and p is clause[-1]:
            predicate = words
            te = _te_at(text, p)
            if te is not None:
                tail = [dataclasses.replace(p.words[-1], english=AND, start=te, end=te + 1)]
            continue
        if _PUNCTUATION.sub("", particle) in SUBJECT_MARKS and not predicate:
            subjects += words
        elif _PUNCTUATION.sub("", particle) == OBJECT_MARK:
            objects += words
        else:
            preposition = next(((m, e) for m, e in PREPOSITIONS.items()
                                if particle.startswith(m)), None)
            if preposition is not None and not p.preposition:
                at = p.words[-1].end
                said = dataclasses.replace(p.words[-1], english=preposition[1], start=at,
                                           end=at + len(preposition[0]))
                words = [said, *words]
            rest += words
    if not predicate:
        return [w for p in clause for w in (*p.preposition, *p.words)]
    return [*subjects, *predicate, *objects, *rest, *tail]
