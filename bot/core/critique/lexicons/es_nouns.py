"""Spanish nouns of what a prompt shows, read from the dictionary, and the noun a verb is said of.

The Spanish lexicon lists its subject nouns by hand (mujer, gato, coche) and misses the rest:
"un paracaidista desciende", "un estandarte persa ondeando", "una bandera ondea". The table
nouns_es.txt (scripts/gen_native_es_classes.py) gives every noun of Apertium's English-Spanish
pair whose English sense is, in WordNet, a person, an animal or another physical thing, with its
kind. Two readings use it:

- `known_subjects`: a person or an animal named by any noun of the table ("el paracaidista",
  "una abadesa") is a subject, as the hand lists' nouns are. A form that may also be a verb
  is left out ("aguas", "marcas": the most frequent English sense of their gloss is a
  person's name), and one that may also be an adjective counts only after a determiner ("un
  humano", not "rasgos humanos"); one after the personal "a" is the verb's object ("lanza a
  un mercenario"), and one in the de-phrase of a thing modifies it ("el reflejo del
  monitor").
- `subject_of_verb`: the noun phrase right before a verb is the verb's subject, whatever it
  is ("una bandera ondea", "un punzón presionando"); Spanish puts the head of a noun phrase
  first, so its head is the first noun after the determiner (or after the clause's start or
  a preposition, "con ejércitos enfrentándose"), and the adjectives and de-phrases after it
  modify it ("estandarte persa aqueménida ondeando": estandarte).
- `governor` and `shown_by_the_noun_before`: a noun phrase a preposition governs is a
  complement ("con partículas de luz", "en llamas", "los pecados de la humanidad"), not the
  subject, unless its "de" follows a noun whose English gloss names a view, an amount or a
  group of what follows (view_nouns_es.txt: "una escena de dos desconocidos", "un grupo de
  niños"), as the English reader hands "a group of skaters" to "skaters".
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from bot.core import cached_re as re
from bot.core.generated_tables import table_rows

NOUNS_FILE = Path(__file__).with_name("nouns_es.txt")
_WORD = re.compile(r"[a-záéíóúñü]+")
_DETERMINERS = """el la los las un una unos unas su sus este esta estos estas ese esa
esos esas aquel aquella aquellos aquellas mi mis otro otra otros otras cada algún alguna ningún
ninguna dos tres cuatro cinco varios varias algunos algunas muchos muchas"""
DETERMINERS = frozenset(_DETERMINERS.split())
"""Determiners and the small numbers that open a noun phrase (a closed class)."""
_OPENER_WORDS = """de del con sin sobre bajo entre hacia desde para por a al en y e o u
mientras cuando donde que"""
_OPENERS = frozenset(_OPENER_WORDS.split())
"""Prepositions and conjunctions (closed classes): a noun phrase starts after one."""
_CLAUSE_END = re.compile(r"[.,;:!?()\[\]\n\"“”«»]")
MAX_BEFORE = 7
"""Words a noun phrase may hold before its verb (determiner, head, modifiers, a de-phrase)."""
_OF = frozenset({"de", "del"})
SUBJECT_KINDS = ("person", "animal")
_PERSONAL_A = re.compile(r"(?<![\wáéíóúñü])a \Z")
"""The personal "a" before a noun phrase marks the verb's object ("agarra a un mercenario")."""
_OF_A_THING = re.compile(r"(?<![\wáéíóúñü])([a-záéíóúñü]+) (?:de|del) \Z")
"""A noun and "de": what follows is its complement, not the phrase's head."""


@lru_cache(maxsize=1)
def noun_kinds() -> dict[str, tuple[str, str]]:
    """form -> (kind, other readings: "v" a verb, "a" an adjective); empty without the table."""
    out: dict[str, tuple[str, str]] = {}
    for form, rest in table_rows(NOUNS_FILE):
        kind, _, other = rest.partition("\t")
        out[form] = (kind, other)
    return out


def _determiner_before(view: str, start: int) -> int | None:
    """Where the determiner right before `start` begins, if one is there."""
    before = view[max(0, start - 9):start]
    m = re.search(r"(?<![\wáéíóúñü])([a-záéíóúñü]+) \Z", before)
    if m and m.group(1) in DETERMINERS:
        return start - len(m.group(0))
    return None


_AGENT = ("person", "a")
"""A word the table lacks, ending in -ista(s) ("violonchelista", "motociclista"): by word
formation the one who does or plays something, a person; as an adjective too ("futurista"), so
only after a determiner (the "a" reading)."""


def known_subjects(view: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each person or animal the table names, with its determiner."""
    kinds = noun_kinds()
    out = []
    for m in _WORD.finditer(view):
        word = m.group()
        entry = kinds.get(word)
        if entry is None:
            if not word.endswith(("ista", "istas")) or len(word) <= 6:
                continue
            entry = _AGENT
        if entry[0] not in SUBJECT_KINDS or "v" in entry[1]:
            continue
        det = _determiner_before(view, m.start())
        if det is None and "a" in entry[1]:
            continue
        start = m.start() if det is None else det
        if _PERSONAL_A.search(view, max(0, start - 4), start):
            continue  # "lanza a un mercenario": the person the verb is done to
        of = _OF_A_THING.search(view, max(0, start - 40), start)
        if of and kinds.get(of.group(1), ("",))[0] == "thing":
            continue  # "el reflejo del monitor": a de-phrase modifies the thing before it
        out.append((start, m.end(), entry[0]))
    return out


def subject_of_verb(view: str, verb_start: int) -> tuple[int, int, str] | None:
    """(start, end, kind) of the head of the noun phrase right before the verb at `verb_start`
    (from its determiner), or None when the words before it in its clause are no noun phrase
    whose first noun the table knows."""
    clause_start = max((m.end() for m in _CLAUSE_END.finditer(view, 0, verb_start)), default=0)
    words = [(m.start(), m.end(), m.group())
             for m in _WORD.finditer(view, clause_start, verb_start)]
    if words and words[-1][2] == "se":
        words.pop()  # "una bandera se agita"
    openers = [i for i, (_, _, w) in enumerate(words) if w in _OPENERS or w in DETERMINERS]
    starts = [openers.pop() if openers else -1]
    while starts[-1] >= 0 and (words[starts[-1]][2] in _OF or words[starts[-1]][2] in DETERMINERS
                               and starts[-1] > 0 and words[starts[-1] - 1][2] in _OF):
        # a de-phrase modifies the noun before it: its head is further back ("una bandera roja
        # de seda ondea"), unless that is no noun the table knows ("primer plano de una
        # bandera ondeando": plano is the film's word)
        starts.append(openers.pop() if openers else -1)
    for opener in reversed(starts):
        head = _head_after(words, opener)
        if head:
            return head
    return None


def _head_after(words: list[tuple[int, int, str]],
                opener: int) -> tuple[int, int, str] | None:
    """The phrase's head after the word at `opener` (a determiner, a preposition; -1 the
    clause's start): its first or, after one adjective, its second word, when the table knows
    it; a form that may also be a verb only after a determiner."""
    det = words[opener] if opener >= 0 and words[opener][2] in DETERMINERS else None
    phrase = words[opener + 1:]
    if not phrase or len(phrase) > MAX_BEFORE - 1 or phrase[0][2] in DETERMINERS:
        return None  # (a determiner opens the phrase: read from it)
    kinds = noun_kinds()
    for start, end, word in phrase[:2]:
        entry = kinds.get(word)
        if entry is not None and (det is not None or "v" not in entry[1]):
            return (det[0] if det else start, end, entry[0])
    return None


VIEW_NOUNS_FILE = Path(__file__).with_name("view_nouns_es.txt")
_GOVERNOR_WORDS = """de del en con sobre bajo entre hacia desde para por sin contra tras
durante según"""
_GOVERNORS = frozenset(_GOVERNOR_WORDS.split())
"""Prepositions (a closed class) that make the noun phrase after them a complement: of a noun
("el reflejo del monitor"), of a place ("en un edificio en llamas") or of a verb ("rozando el
suelo"). Not the personal "a"/"al", whose noun is who the shot follows ("sigue al samurái")."""
_WORD_BEFORE = re.compile(r"([a-záéíóúñü]+)[ \t]+\Z")


@lru_cache(maxsize=1)
def view_nouns() -> frozenset[str]:
    """Nouns whose de-phrase is what is shown ("una escena de dos desconocidos", "un grupo de
    niños": an English partitive or film word through Apertium's gloss, view_nouns_es.txt)."""
    return frozenset(form for form, _ in table_rows(VIEW_NOUNS_FILE))


def governor(view: str, start: int) -> tuple[str, int] | None:
    """The preposition that governs the noun phrase starting at `start` (its determiner, or
    its first word when it has none), with where it starts; None when none does."""
    m = _WORD_BEFORE.search(view, max(0, start - 24), start)
    if m and m.group(1) in DETERMINERS:
        m = _WORD_BEFORE.search(view, max(0, m.start() - 24), m.start())
    if m and m.group(1) in _GOVERNORS:
        return m.group(1), m.start()
    return None


def shown_by_the_noun_before(view: str, of_start: int) -> bool:
    """Whether the noun phrase before the "de" at `of_start` is a view, an amount or a group of
    what follows ("primer plano de una mujer", "un grupo de niños"): one of its words, back to
    the phrase's start, is a view noun."""
    clause_start = max((m.end() for m in _CLAUSE_END.finditer(view, max(0, of_start - 60),
                                                              of_start)),
                       default=max(0, of_start - 60))
    words = [m.group() for m in _WORD.finditer(view, clause_start, of_start)]
    nouns = view_nouns()
    for word in reversed(words):
        if word in nouns:
            return True
        if word in _OPENERS or word in DETERMINERS:
            return False
    return False


_ABSTRACT_ENDINGS = ("ión", "iones", "dad", "dades", "eza", "ezas", "ismo", "ismos", "ncia",
                     "ncias", "miento", "mientos")
"""Endings that form Spanish nouns of an act, a state or a quality from a verb or an adjective
(visión, claridad, belleza, realismo, elegancia, movimiento): by word formation an
abstraction, a closed set of suffixes."""


def names_no_subject(phrase: str) -> bool:
    """Whether a noun phrase the Spanish fallback took ("una visión infinitamente") has for
    head an abstraction: its first noun is no person, animal or thing the table knows and is
    formed as an abstraction (`_ABSTRACT_ENDINGS`); a thing the table knows that ends so
    ("un camión", "un avión") stays."""
    words = _WORD.findall(phrase)
    head = next((w for w in words if w not in DETERMINERS), "")
    return head not in noun_kinds() and head.endswith(_ABSTRACT_ENDINGS)
