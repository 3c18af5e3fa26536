"""The English gloss of a Spanish prompt, put in English word order (issue 16).

`gloss.gloss_spanish` reads a Spanish prompt word by word through Apertium's table
(spanish_gloss.tsv); the English rules and the semantic layer then read that gloss as English.
Word by word, Spanish grammar survives into it and the English layers miss what a reader
would not: "cámara de seguridad" is "camera of security", not "security camera"; "vídeo
falso" is "video false"; "la foto de mi ex" is "the photo of my ex", not "my ex's photo";
"voy a usar" is "go to to use"; "tiene 16" is "has 16". This module takes that gloss and
re-reads it by the grammar of Spanish noun phrases and a few closed classes of grammar words,
knowing each form's parts of speech from the same Apertium analysis
(spanish_pos.tsv, written beside the table by scripts/gen_spanish_gloss.py):

- an adjective after its noun goes before it (`_adjectives_first`);
- a noun after "de" without a determiner is a modifier and goes before its head, in a chain
  ("marca de hora de cámara de seguridad": "security camera hour mark"), and a noun after
  "de" and a possessive determiner is the possessor ("my ex's photo") (`_of_phrases`);
- grammar words whose reading depends on the words around them (`_grammar_words`);
- a word the table lacks, read through the English word it is a regular spelling of
  (`_unknown_word`: -ble and -nte adjectives of a verb the table has, cognates that are
  WordNet nouns);
- a verb said in more than one word or only with a reflexive pronoun, read as one English verb
  ("se dio cuenta" "realised", "te echo de menos" "miss you", "hace daño" "hurts"), in any
  of its forms (`_verb_phrases`, from spanish_phrases.tsv, which scripts/gen_spanish_gloss.py
  writes from Apertium's dictionary).

It never adds a word the prompt does not say; each English word keeps its source span, so a
concern found on the gloss still points at the prompt's words.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from bot.core import cached_re as re
from bot.core.ethics import gloss as base
from bot.core.ethics.gloss import Gloss, GlossWord
from bot.core.ethics.gloss_ages import an_age
from bot.core.generated_tables import table_rows

POS_FILE = Path(__file__).with_name("spanish_pos.tsv")
PHRASES_FILE = Path(__file__).with_name("spanish_phrases.tsv")


@lru_cache(maxsize=1)
def parts_of_speech() -> dict[str, tuple[str, str]]:
    """Spanish form -> the letters of its analyses' parts of speech (n noun, a adjective or
    participle, v other verb form, d determiner, o anything else; "marca" -> "nv") and the
    letter of each of its table readings, in order ("mark / marks": "nv"); empty when the file
    is missing, and then every pass here leaves the gloss as it is."""
    out: dict[str, tuple[str, str]] = {}
    for form, rest in table_rows(POS_FILE):
        letters, _, readings = rest.partition("\t")
        out[form] = (letters, readings)
    return out


@dataclass(frozen=True, slots=True)
class _Unit:
    """A word of the gloss, or a noun phrase already put in English order."""

    words: tuple[GlossWord, ...]
    form: str
    """The Spanish form of the unit's head, lowercased."""
    pos: str
    """The head form's part-of-speech letters ("" when the table does not know it)."""
    joined: bool
    """Nothing but spaces between this unit and the next (no comma, no full stop)."""
    capital: bool = False
    """The form is written with a capital inside a sentence (a name, not a noun)."""
    readings_pos: str = ""
    """The part-of-speech letter of each of the word's readings, when the table's."""

    @property
    def english(self) -> str:
        return " ".join(w.english for w in self.words)

    def noun(self) -> bool:
        return "n" in self.pos and "d" not in self.pos and not self.capital

    def adjective(self) -> bool:
        """An adjective or a participle read as one English word ("fake", "piled"): a
        participle the table reads as a phrasal verb ("take out") is left where it is."""
        return ("a" in self.pos and not self.pos.startswith(("d", "o"))
                and " " not in self.words[0].first_reading)

    def agrees_with(self, noun: _Unit) -> bool:
        """Whether an adjective may be said of the noun before it: the same number (by the
        plural -s both write) and not the opposite gender by the -o/-a both write ("la cara
        de mi jefe sacada": sacada is the face's, not the boss's)."""
        if self.form.endswith("s") != noun.form.endswith("s"):
            return False
        mine, theirs = self.form.rstrip("s")[-1:], noun.form.rstrip("s")[-1:]
        return {mine, theirs} != {"a", "o"}


def gloss_spanish(text: str) -> Gloss:
    """The prompt's word-by-word gloss (`gloss.gloss_spanish`) in English word order."""
    glossed = base.gloss_spanish(text)
    if not glossed.words or not parts_of_speech():
        return glossed
    tokens = _tokens(text)
    words, phrases = _verb_phrases(text, tokens,
                                   _pronominal_before_de(text, tokens, list(glossed.words)))
    units = [replace(u, pos="v", readings_pos="") if (u.words[0].start, u.words[0].end) in phrases
             else u for u in _units(text, words)]
    units = _grammar_words(units)
    units = _senses_in_context(units)
    units = _personal_a(units)
    units = _clitics_after_verb(units)
    units = _adjectives_first(units)
    units = _of_phrases(units)
    return base._assemble([w for u in units for w in u.words])


def _units(text: str, words: list[GlossWord]) -> list[_Unit]:
    """One unit per gloss word, with its form, parts of speech and whether the next follows
    it with only spaces between; an unknown word re-read (`_unknown_word`)."""
    pos = parts_of_speech()
    table = base.spanish_dictionary()
    out: list[_Unit] = []
    for k, w in enumerate(words):
        written = text[w.start:w.end]
        form = written.lower()
        nxt = words[k + 1] if k + 1 < len(words) else None
        joined = nxt is not None and not text[w.end:max(w.end, nxt.start)].strip()
        capital = written[:1].isupper() and not _opens_sentence(text, w.start)
        letters, readings = pos.get(form, ("", ""))
        if form not in table and w.english.lower() == form and not capital:
            derived = _unknown_word(form, table)
            if derived is not None:
                w = replace(w, english=derived[0])
                letters = derived[1]
        elif form not in table and _only_pronouns(w.english):
            w = replace(w, english=written)
        out.append(_Unit((w,), form, letters, joined, capital,
                         readings if w.english == table.get(form) else ""))
    return out


_SENTENCE_START = re.compile(r"(?:^|[.!?¡¿:;«\"“(]\s*)$")


def _opens_sentence(text: str, at: int) -> bool:
    return _SENTENCE_START.search(text[:at]) is not None


_PRONOUNS = frozenset({"me", "you", "us", "it", "her", "him", "them"})


def _only_pronouns(english: str) -> bool:
    """A reading made of object pronouns alone: a short word the table lacks split as if it
    were a verb with clitics ("meme": "me me"), which it is not (a verb would be read too)."""
    return bool(english) and all(part in _PRONOUNS for part in english.split())


# --- verb phrases ------------------------------------------------------------------------------

_PhraseEntry = tuple[tuple[str, ...], str, bool]
_Token = tuple[str, int, int]
"""A Spanish word of the prompt, lowered, and its start and end."""


@lru_cache(maxsize=1)
def phrase_verbs() -> dict[str, tuple[_PhraseEntry, ...]]:
    """A verb form -> the phrases it opens: (the fixed words after it, the English, whether
    the verb is pronominal), the longest first ("dio" -> (("cuenta",), "realised", True)).
    From spanish_phrases.tsv; empty when the file is missing."""
    found: dict[str, list[_PhraseEntry]] = {}
    for surface, rest in table_rows(PHRASES_FILE):
        english, _, flag = rest.partition("\t")
        head, *fixed = surface.split(" ")
        found.setdefault(head, []).append((tuple(fixed), english, flag == "p"))
    return {head: tuple(sorted(entries, key=lambda e: -len(e[0])))
            for head, entries in found.items()}


MIN_IMPERATIVE = 2
PRONOMINAL_CLITICS = frozenset({"me", "te", "se", "nos", "os"})
"""The reflexive pronouns a pronominal verb is said with (me equivoco, se dio cuenta,
dándose cuenta): a closed class."""


def _tokens(text: str) -> list[_Token]:
    """The prompt's Spanish words, lowered, with their spans: read once, by both the verb
    phrases and the pronominal verbs."""
    return [(m.group(0).lower(), m.start(), m.end()) for m in base._SPANISH_WORD.finditer(text)]


def _verb_phrases(text: str, tokens: list[_Token], words: list[GlossWord]
                  ) -> tuple[list[GlossWord], set[tuple[int, int]]]:
    """The gloss with each verb phrase of `phrase_verbs` read as one English verb over the
    phrase's words, and the spans of those verbs. A phrase is its verb in any form the table
    lists, with a reflexive pronoun before it (se dio cuenta) or written onto it (darse
    cuenta, dándose cuenta) when the verb is pronominal, then its fixed words, nothing but
    spaces between. A reflexive pronoun before a verb that is not pronominal is its object and
    keeps its own reading (se hizo daño: "hurt themselves")."""
    table = phrase_verbs()
    if not table:
        return words, set()
    found: list[tuple[int, int, str]] = []
    k = 0
    while k < len(tokens):
        match = _phrase_at(text, tokens, k, table)
        if match is None:
            k += 1
            continue
        found.append(match[:3])
        k = match[3]
    if not found:
        return words, set()
    out: list[GlossWord] = []
    spans = {(start, end) for start, end, _ in found}
    placed: set[tuple[int, int]] = set()
    for w in words:
        phrase = next(((s, e, en) for s, e, en in found if s <= w.start and w.end <= e), None)
        if phrase is None:
            out.append(w)
        elif phrase[:2] not in placed:
            placed.add(phrase[:2])
            out.append(GlossWord(phrase[2], phrase[0], phrase[1]))
    return out, spans


GOVERNED_DE = frozenset({"de", "del"})
"""The preposition a pronominal verb takes its complement with (burlarse de, aprovecharse
de, quejarse del ruido), and its contraction with the article."""


def _pronominal_before_de(text: str, tokens: list[_Token],
                          words: list[GlossWord]) -> list[GlossWord]:
    """The gloss without the "themselves" `gloss` reads se as, when the verb after se has
    its complement after de (se burla de él, se aprovecha de ella, se queja del ruido,
    burlándose de ella, with se written onto the verb): a
    verb whose complement comes after a preposition has no direct object, so se is not one;
    the verb is pronominal, and English says it without a reflexive ("complains of the
    noise", not "complains themselves of the noise")."""
    dropped: set[tuple[int, int]] = set()
    pronominal: set[tuple[int, int]] = set()
    for k, (word, after) in enumerate(zip(tokens, tokens[1:], strict=False)):
        if (word[0].endswith(base.REFLEXIVE_SE) and _complement_after(tokens, k + 1)
                and _joined(text, word[2], after[1])):
            pronominal.add((word[1], word[2]))  # burlándose de, encargarse de
    words = [replace(w, english=w.english.removesuffix(" " + base.NEUTRAL_REFLEXIVE))
             if (w.start, w.end) in pronominal else w for w in words]
    for k in range(len(tokens) - 2):
        se, verb, de = tokens[k:k + 3]
        if (se[0] == base.REFLEXIVE_SE and _complement_after(tokens, k + 2)
                and _joined(text, se[2], verb[1]) and _joined(text, verb[2], de[1])):
            dropped.add((se[1], se[2]))
            read = next((w for w in words if (w.start, w.end) == (verb[1], verb[2])), None)
            if read is not None and read.first_reading.endswith(" of") and de[0] == OF:
                dropped.add((de[1], de[2]))  # aprovecharse de: "take advantage of"
    return [w for w in words if not ((w.start, w.end) in dropped
                                     and w.english in (base.NEUTRAL_REFLEXIVE, "of"))]


def _complement_after(tokens: list[tuple[str, int, int]], at: int) -> bool:
    """Whether the token at `at` is de opening a complement: del, or de before a determiner,
    a pronoun or que (se burla de la chica, se queja del ruido, se aprovecha de ella). De
    before a bare noun says a cause (matándose de hambre, muerto de risa), and the se before
    it stays a reflexive."""
    if at >= len(tokens) or tokens[at][0] not in GOVERNED_DE:
        return False
    if tokens[at][0] != OF:
        return True
    nxt = tokens[at + 1][0] if at + 1 < len(tokens) else ""
    return (nxt in OBJECT_FORMS or nxt in COMPLEMENT_OPENERS
            or "d" in parts_of_speech().get(nxt, ("", ""))[0])


COMPLEMENT_OPENERS = frozenset({"que", "mí", "ti", "sí", "nosotros", "vosotros", "lo"})
"""Words after de that open a complement and are no determiner: que and the pronouns a
preposition takes (a closed class)."""


def _joined(text: str, end: int, start: int) -> bool:
    return not text[end:start].strip()


def _phrase_at(text: str, tokens: list[tuple[str, int, int]], k: int,
               table: dict[str, tuple[_PhraseEntry, ...]]) -> tuple[int, int, str, int] | None:
    """The verb phrase starting at token k (a reflexive pronoun or the verb): its span, its
    English and the token after it; None when none starts there."""
    form, start, _ = tokens[k]
    proclitic = (form in PRONOMINAL_CLITICS and k + 1 < len(tokens)
                 and _joined(text, tokens[k][2], tokens[k + 1][1]))
    verb_at = k + 1 if proclitic else k
    verb = tokens[verb_at][0]
    heads = [(verb, proclitic)]
    heads += [(bare.translate(_UNACCENTED), any(c in PRONOMINAL_CLITICS for c in clitics))
              for bare, clitics in base._clitic_splits(verb)]
    # A reflexive pronoun on a short imperative (da-te, di-me), which `_clitic_splits`
    # leaves whole.
    heads += [(verb[: -len(c)].translate(_UNACCENTED), True) for c in PRONOMINAL_CLITICS
              if verb.endswith(c) and len(verb) - len(c) == MIN_IMPERATIVE]
    for head, reflexive in heads:
        for fixed, english, pronominal in table.get(head, ()):
            if pronominal and not reflexive:
                continue
            after = verb_at + 1 + len(fixed)
            if after > len(tokens) or tuple(t[0] for t in tokens[verb_at + 1:after]) != fixed:
                continue
            if any(not _joined(text, a[2], b[1])
                   for a, b in zip(tokens[verb_at:after], tokens[verb_at + 1:after], strict=False)):
                continue
            first = start if proclitic and pronominal else tokens[verb_at][1]
            return first, tokens[after - 1][2], english, after
    return None


# --- words the table lacks ---------------------------------------------------------------------

_UNACCENTED = str.maketrans("áéíóú", "aeiou")
MIN_UNKNOWN = 4
"""Shorter unknown words are clippings and chat forms, not derivations."""
_ABLE = re.compile(r"^(.{3,}?)([ai])bles?$")
_ING = re.compile(r"^(.{3,}?)(a|e|ie)ntes?$")
COGNATE_ENDINGS = (("ción", "tion"), ("cion", "tion"), ("sión", "ssion"), ("sion", "ssion"),
                   ("sión", "sion"), ("sion", "sion"),
                   ("dad", "ty"), ("ismo", "ism"), ("ista", "ist"), ("ina", "in"), ("ía", "y"),
                   ("ia", "y"), ("ico", "ic"), ("ica", "ic"), ("oso", "ous"), ("osa", "ous"),
                   ("o", ""), ("a", ""), ("e", ""), ("", "e"), ("", ""))
"""How a Spanish noun's ending is written in the English word it shares a Latin or Greek
root with (ricina: ricin, radicalismo: radicalism, dron: drone): the regular correspondences
of the two languages' spelling, a closed class. A cognate is taken only when it is a noun
WordNet knows."""


def _unknown_word(form: str, table: dict[str, str]) -> tuple[str, str] | None:
    """The English and part of speech of a lowercase word neither the table nor `gloss`'s own
    derivations read: an adjective in -ble or -nte of a verb the table has (imprimible
    "printable", relajante "relaxing"), or a cognate noun (`COGNATE_ENDINGS`); None when it is
    none of these, or is itself an English noun (a loanword: "meme", "vlog")."""
    if len(form) < MIN_UNKNOWN:
        return None
    from bot.core.noun_kinds import kind_chain

    if kind_chain(form):
        return None
    plain = form.translate(_UNACCENTED)
    for pattern, suffix in ((_ABLE, "able"), (_ING, "ing")):
        m = pattern.match(plain)
        if m is None:
            continue
        kinds = ("ar",) if m.group(2) == "a" else ("er", "ir")
        for kind in kinds:
            english = table.get(m.group(1) + kind, "")
            if english.startswith("to ") and " " not in english.split(" / ")[0][3:]:
                verb = english.split(" / ")[0][3:]
                return (verb[:-1] if verb.endswith("e") else verb) + suffix, "a"
    act = _denominal(form, table)
    if act is not None:
        return act, "v"
    noun = _cognate(form)
    return (noun, "n") if noun is not None else None


_EAR = re.compile(r"^(.{3,}?)e(?:ar|ando|a|an|as|o|ó|aba|aban|aron)$")
"""A verb Spanish makes of a noun with -ear (gas: gasear, boxeo: boxear), in its
infinitive, gerund and commonest finite forms."""
REFLEXIVE_CLITICS = {"me": "myself", "te": "yourself", "se": "themselves", "nos": "ourselves"}


def _denominal(form: str, table: dict[str, str]) -> str | None:
    """An -ear verb the table lacks, with or without clitics after it, read as the noun it is
    made of (gasearte: gas + te, "gas yourself"): the noun's English is its act. A clitic on
    an infinitive or gerund is read as a reflexive ("yourself"), as the gloss reads
    cortarse. `gloss`'s own denominal reading asks for a stem of four letters or more."""
    for bare, clitics in [(form, ()), *base._clitic_splits(form)]:
        m = _EAR.match(bare.translate(_UNACCENTED))
        if m is None:
            continue
        english = table.get(m.group(1), "")
        if english and not english.startswith("to "):
            objects = [REFLEXIVE_CLITICS.get(c, "") if bare.endswith(("r", "ndo"))
                       else OBJECT_CLITICS.get(c, "") for c in clitics]
            return " ".join([english.split(" / ")[0], *filter(None, objects)])
    return None


def _cognate(form: str) -> str | None:
    """The English noun a Spanish noun the table lacks is a cognate of, kept plural."""
    from bot.core.noun_kinds import kind_chain

    plural = form.endswith("s") and len(form) > MIN_UNKNOWN
    singular = form[:-1] if plural else form
    # A plural in -es (ventilaciones) drops the e with the s.
    singulars = [singular, singular[:-1]] if plural and singular.endswith("e") else [singular]
    for stem_form in singulars:
        for spanish, english in COGNATE_ENDINGS:
            if not stem_form.endswith(spanish):
                continue
            candidate = (stem_form[: len(stem_form) - len(spanish)] + english).translate(
                _UNACCENTED)
            if len(candidate) >= MIN_UNKNOWN - 1 and kind_chain(candidate):
                return candidate + ("s" if plural else "")
    return None


# --- grammar words -----------------------------------------------------------------------------

DETERMINER_ENGLISH = {"una": "a", "unos": "some", "unas": "some"}
"""The indefinite articles (the table reads una as the numeral "one"): a closed class."""
COMPARATIVES = {"mejor": "better", "peor": "worse", "más": "more", "menos": "less"}
"""Spanish's comparative words (the table reads mejor and peor as "good", "bad"); a que
after one is "than": a closed class."""
MAX_COMPARED_WORDS = 3
TWO_WORD_GRAMMAR = {("para", "que"): "so that", ("sin", "que"): "without",
                    ("hay", "que"): "must", ("lo", "que"): "what", ("ya", "que"): "since",
                    ("por", "qué"): "why"}
"""Conjunctions and modal phrases Spanish writes in two words, each with its English: a
closed class of the grammar (the table reads "para que" as "for that")."""
GOING = frozenset({"voy", "vas", "va", "vamos", "vais", "van", "iba", "ibas", "íbamos", "iban"})
"""The forms of ir that make the near future with "a" and an infinitive (voy a usar, "going
to use"): the one verb's forms, a closed class."""
HAVING = frozenset({"tengo", "tienes", "tiene", "tenemos", "tenéis", "tienen", "tenía",
                    "tenías", "teníamos", "tenían", "tenga", "tengas", "tengan", "tuviera"})
"""The forms of tener, which says a person's age (tiene 16 años, "is 16 years old")."""
YEARS = frozenset({"años", "añitos", "anos"})
POSSESSIVES = frozenset({"mi", "mis", "tu", "tus", "su", "sus", "nuestro", "nuestra",
                         "nuestros", "nuestras", "vuestro", "vuestra", "vuestros", "vuestras"})
"""The possessive determiners, a closed class."""
DEMONSTRATIVE_ESTE = "este"
OBJECT_FORMS = {"él": "him", "ella": "her", "ellos": "them", "ellas": "them"}
"""The third-person pronouns, which after a preposition are its object (de él, con ella,
contra ellos: "him", "her", "them"; the table reads them as subjects): a closed class."""
ENGLISH_PREPOSITIONS = frozenset({"of", "to", "for", "with", "at", "by", "on", "in", "from",
                                  "about", "into", "as"})
"""English prepositions a verb's reading may end in ("take advantage of", "pass off as"),
after which a pronoun is the object too: a closed class."""


def _grammar_words(units: list[_Unit]) -> list[_Unit]:
    """Grammar words read by the words around them: una as "a", este before a word as
    "this", the comparatives and their que ("better than"), two-word conjunctions ("so that"),
    ir a + infinitive ("going to use"), tener + a number as an age ("is 16 years old"), and
    no before a verb as "not"."""
    out: list[_Unit] = []
    k = 0
    compared = -MAX_COMPARED_WORDS - 1
    while k < len(units):
        u = units[k]
        nxt = units[k + 1] if k + 1 < len(units) and u.joined else None
        pair = (u.form, nxt.form if nxt else "")
        if pair in TWO_WORD_GRAMMAR and nxt is not None:
            out.append(_merged(u, nxt, TWO_WORD_GRAMMAR[pair]))
            k += 2
            continue
        if u.form in GOING and nxt is not None and nxt.form == "a" and k + 2 < len(units) \
                and nxt.joined and _infinitive(units[k + 2]):
            going = "going" if units[k + 2].english.startswith("to ") else "going to"
            out.append(replace(_merged(u, nxt, going), pos="v"))
            k += 2
            continue
        age = _age(nxt.form) if nxt is not None else None
        if u.form in HAVING and nxt is not None and age is not None:
            after = units[k + 2] if k + 2 < len(units) and nxt.joined else None
            if after is not None and after.form in YEARS:
                out += [_with(u, "is"), _merged(nxt, after, f"{age} years old")]
                k += 3
                continue
            if after is None:
                out += [_with(u, "is"), _with(nxt, f"{age} years old")]
                k += 2
                continue
        if (u.form == OF and nxt is not None and age is not None and out
                and _years_of_person(units, k, out[-1])):
            out.append(_merged(u, units[k + 2], f"{age} years old"))
            k += 3
            continue
        if u.form in DETERMINER_ENGLISH and not (nxt is not None and nxt.form == OF):
            u = _with(u, DETERMINER_ENGLISH[u.form])
        elif u.form == DEMONSTRATIVE_ESTE and nxt is not None:
            u = _with(u, "this")
        elif u.form in COMPARATIVES:  # not an adjective to put before its noun
            u = replace(_with(u, COMPARATIVES[u.form]), pos="o")
            compared = k
        elif u.form == "que" and 0 <= k - compared <= MAX_COMPARED_WORDS:
            u = _with(u, "than")
        elif u.form == "no" and nxt is not None and "v" in nxt.pos and "d" not in nxt.pos:
            u = _with(u, "not")
        elif u.form in OBJECT_FORMS and out and (
                (out[-1].joined and out[-1].form in PREPOSITIONS)
                or out[-1].english.split(" ")[-1] in ENGLISH_PREPOSITIONS):
            u = _with(u, OBJECT_FORMS[u.form])
        out.append(u)
        k += 1
    return out


_INFINITIVE = re.compile(r"(?:ar|er|ir|ír)(?:me|te|se|nos|os|lo|la|los|las|le|les){0,2}$")


def _infinitive(unit: _Unit) -> bool:
    """An infinitive (usar, subirlo), by its ending or its reading ("to use")."""
    return unit.english.startswith("to ") or bool(_INFINITIVE.search(unit.form))


def _age(form: str) -> int | None:
    """The age a form writes, in digits or in words (`NUMBER_WORDS`), or None."""
    return an_age(int(form) if form.isascii() and form.isdigit() else NUMBER_WORDS.get(form))


NUMBER_WORDS = {
    "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
    "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15,
    "dieciséis": 16, "dieciseis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19,
    "veinte": 20, "veintiuno": 21, "veintidós": 22, "veintidos": 22, "veintitrés": 23,
    "veintitres": 23, "veinticuatro": 24, "veinticinco": 25, "veintiséis": 26,
    "veintiseis": 26, "veintisiete": 27, "veintiocho": 28, "veintinueve": 29, "treinta": 30,
    "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90,
}
"""Spanish's cardinal numbers in one word, one to twenty-nine and the tens (a closed class):
an age is as often written in words (una chica de catorce años) as in digits, and the English
rules read an age from digits ("14 years old")."""


def _years_of_person(units: list[_Unit], k: int, before: _Unit) -> bool:
    """Whether units[k:k + 3] are de + a number + años straight after a person (una chica de
    catorce años, "a girl 14 years old"): Spanish's other way to say a person's age. After
    anything else the years are a duration (una relación de 5 años, un canal de 10 años),
    not an age."""
    from bot.core.noun_kinds import is_a_person

    if k + 2 >= len(units) or units[k + 2].form not in YEARS:
        return False
    if not (before.joined and units[k].joined and units[k + 1].joined):
        return False
    head = before.words[-1].first_reading.split(" ")[-1]
    return before.noun() and is_a_person(head)


def _with(unit: _Unit, english: str) -> _Unit:
    """The unit read as `english` (over its whole span)."""
    first, last = unit.words[0], unit.words[-1]
    return replace(unit, words=(GlossWord(english, first.start, last.end),))


def _merged(a: _Unit, b: _Unit, english: str) -> _Unit:
    """Two neighbouring units read together as `english`."""
    return replace(b, words=(GlossWord(english, a.words[0].start, b.words[-1].end),),
                   form=b.form)


# --- senses and objects ------------------------------------------------------------------------

PREPOSITIONS = frozenset({"a", "ante", "bajo", "con", "contra", "de", "desde", "en", "entre",
                          "hacia", "hasta", "para", "por", "según", "sin", "sobre", "tras",
                          "del", "al"})
"""The prepositions (and their contractions with the article): a closed class. After one
comes a noun phrase or an infinitive, never a finite verb."""
BEFORE_A_VERB = frozenset({"me", "te", "se", "nos", "os", "le", "les", "lo", "no"})
"""Words only ever followed by a verb (the unstressed object pronouns but la, las and los,
which are the articles too, and no): a closed class."""


def _senses_in_context(units: list[_Unit]) -> list[_Unit]:
    """A word with a noun reading and a finite-verb reading read by the word before it: after
    a determiner or a preposition as the noun only ("la marca": "the mark", not "the mark /
    marks"; "en pantalla"), after an object pronoun or no as the verb only ("se paga": "pays",
    not "pay / pays" the wage). An infinitive reading ("to ...") may follow a preposition and
    is kept."""
    out: list[_Unit] = []
    for k, u in enumerate(units):
        before = units[k - 1] if k and units[k - 1].joined else None
        readings = u.words[0].english.split(" / ")
        if (before is None or len(u.words) != 1 or len(readings) != len(u.readings_pos)
                or "v" not in u.readings_pos or not u.readings_pos.strip("v")):
            out.append(u)
            continue
        paired = list(zip(readings, u.readings_pos, strict=True))
        if "d" in before.pos or before.form in PREPOSITIONS:
            kept = [r for r, p in paired if p != "v" or r.startswith("to ")]
        elif before.form in BEFORE_A_VERB:
            kept = [r for r, p in paired if p == "v"]
        else:
            kept = readings
        if kept != readings:
            u = replace(u, words=(replace(u.words[0], english=" / ".join(kept)),))
        out.append(u)
    return out


PERSONAL_A = "a"


def _personal_a(units: list[_Unit]) -> list[_Unit]:
    """The a that marks a person as a verb's object (vende a los tiradores, enseñe a una
    adolescente, llamando a familiares) left out, as English says the object straight after
    its verb ("sells the shooters"); an a before a place or a thing (sube a la azotea) is
    "to". The person is a name or a noun whose first reading WordNet calls a person."""
    from bot.core.noun_kinds import is_a_person

    out: list[_Unit] = []
    for k, u in enumerate(units):
        before = units[k - 1] if k else None
        if (u.form == PERSONAL_A and u.joined and before is not None and before.joined
                and "v" in before.pos and not before.pos.startswith(("n", "d"))):
            after = units[k + 1:k + 3]
            if after and "d" in after[0].pos and after[0].joined:
                after = after[1:]
            head = after[0] if after else None
            if head is not None and (head.capital or is_a_person(
                    head.words[0].first_reading.split(" ")[-1])):
                continue
        out.append(u)
    return out


OBJECT_CLITICS = {"me": "me", "te": "you", "lo": "it", "la": "her", "los": "them",
                  "las": "them", "le": "him", "les": "them", "nos": "us", "os": "you"}
"""The object pronouns Spanish writes before a finite verb (te cortan, lo voy a poner) and
their English (the table reads la, los, las as the articles): a closed class. English says
the object after the verb."""


def _clitics_after_verb(units: list[_Unit]) -> list[_Unit]:
    """Object pronouns before a finite verb moved after it ("la graba": "records her"; "lo
    voy a poner": "going to put it"). La, las and los are the articles too: only before a
    word that is a verb and no noun are they read as pronouns. Before a verb with an object
    of its own (le quita el bañador, te cortan la luz) the pronoun is the person the act is
    done to or for, which English says another way ("removes her swimsuit"), and it stays
    where it is rather than come between the verb and its object."""
    out: list[_Unit] = []
    k = 0
    while k < len(units):
        end = k
        while end < len(units) and units[end].form in OBJECT_CLITICS and units[end].joined:
            end += 1
        verb = units[end] if end < len(units) and end > k else None
        if verb is None or "v" not in verb.pos or "n" in verb.pos or "d" in verb.pos:
            out.append(units[k])
            k += 1
            continue
        clitics = [_with(c, OBJECT_CLITICS[c.form]) for c in units[k:end]]
        last = end + 1 if verb.english.startswith("going") and end + 1 < len(units) \
            and verb.joined else end
        if last + 1 < len(units) and units[last].joined and "d" in units[last + 1].pos:
            out.append(units[k])
            k += 1
            continue
        out += [*units[end:last + 1], *clitics]
        k = last + 1
    return out


# --- noun phrases ------------------------------------------------------------------------------

def _adjectives_first(units: list[_Unit]) -> list[_Unit]:
    """A noun followed by adjectives (or participles) as English says it, adjectives first:
    "vídeo falso" "fake video", "luz blanca clínica" "white clinical light", "cadáveres
    amontonados" "piled corpses". The phrase becomes one unit headed by the noun."""
    out: list[_Unit] = []
    k = 0
    while k < len(units):
        u = units[k]
        end = k
        while (units[end].joined and end + 1 < len(units) and units[end + 1].adjective()
               and units[end + 1].agrees_with(u)):
            end += 1
        if not u.noun() or end == k:
            out.append(u)
            k += 1
            continue
        adjectives = [w for a in units[k + 1:end + 1] for w in a.words]
        out.append(replace(u, words=(*adjectives, *u.words), joined=units[end].joined))
        k = end + 1
    return out


OF = "de"
DEFINITE = {"el": "", "la": "", "los": "", "las": "", "del": "of", "al": "to"}
"""The definite articles, and the contractions with one (del, al) with what is left of them
when the article goes: "la foto de mi ex" is "my ex's photo", "al grupo de sus amigos" "to
their friends' group". After an indefinite article (un vídeo de mi ex) de says what the
video shows and stays "of"."""


def _of_phrases(units: list[_Unit]) -> list[_Unit]:
    """A noun with "de" after it, as English writes it: before a bare noun, a modifier that
    goes first, chained ("cámara de seguridad" "security camera"; "marca de hora de cámara de
    seguridad" "security camera hour mark"); before a possessive determiner and a noun, the
    possessor with 's, when the head has a definite article, which the possessive replaces
    ("la foto de mi ex" "my ex's photo"; `DEFINITE`). Anything else after de is "of"."""
    out: list[_Unit] = []
    k = 0
    while k < len(units):
        head = units[k]
        if not head.noun():
            out.append(head)
            k += 1
            continue
        chain = [head]
        end = k
        while (end + 2 < len(units) and units[end].joined and units[end + 1].form == OF
               and units[end + 1].joined and units[end + 2].noun()):
            chain.append(units[end + 2])
            end += 2
        if len(chain) > 1:
            words = [w for u in reversed(chain) for w in u.words]
            out.append(replace(head, words=tuple(words), joined=units[end].joined))
            k = end + 1
            continue
        owner = _possessor(units, k)
        article = out[-1] if out and out[-1].joined else None
        if owner is not None and article is not None and article.form in DEFINITE:
            det, person = units[k + 2], units[k + 3]
            out.pop()
            if DEFINITE[article.form]:
                out.append(_with(article, DEFINITE[article.form]))
            owning = _owning(person.words, plural=person.form.endswith("s"))
            out.append(replace(head, words=(*det.words, *owning, *head.words),
                               joined=person.joined))
            k += 4
            continue
        out.append(head)
        k += 1
    return out


def _possessor(units: list[_Unit], k: int) -> _Unit | None:
    """The noun after "de" and a possessive determiner that follows the noun at k, or None."""
    if k + 3 >= len(units) or not units[k].joined or units[k + 1].form != OF:
        return None
    det, person = units[k + 2], units[k + 3]
    if not units[k + 1].joined or det.form not in POSSESSIVES or not det.joined:
        return None
    if person.pos and not ("n" in person.pos or "a" in person.pos):
        return None
    if person.joined and k + 4 < len(units) and units[k + 4].capital:
        return None  # "mi ex Javi": the name says who, and the noun is not the owner alone
    return person


def _owning(words: tuple[GlossWord, ...], plural: bool) -> tuple[GlossWord, ...]:
    """The possessor's words with 's on the last one (each of its readings), ' on a plural's
    -s ("their friends' group")."""
    last = words[-1]
    owned = " / ".join(reading + ("'" if plural and reading.endswith("s") else "'s")
                       for reading in last.english.split(" / "))
    return (*words[:-1], replace(last, english=owned))
