"""Spanish verbs in the Spanish lexicon, written once as an infinitive and matched in every form.

A Spanish verb has some forty forms a creator types (paga, pagues, pagad, pagando, pagado,
págale, pagándole, mándaselo), and clitic pronouns attach to the infinitive, the gerund and the
imperative, moving the written accent. A term list that spells a few forms misses the rest
(`pag(?:ar|uen|ue|a|ad)` has no "pagues"). lexicon.es.yaml writes `<<pagar>>` and this module
turns it into one pattern for the regular conjugation of an -ar, -er or -ir verb (present,
subjunctive, imperative, preterite, imperfect, future and conditional, gerund, participle), with
the spelling changes before e (pagar -> pague, buscar -> busque, cruzar -> cruce), any of the
stem's vowels with or without an accent, and up to two clitics after the forms that take them.
Irregular stems (e -> ie, o -> ue) are written by hand next to the macro. A change here must
bump `rules.SPANISH_VERBS_VERSION` (the rules cache keeps the expanded terms).
"""

from __future__ import annotations

from bot.core import cached_re as re

MACRO = re.compile(r"<<([a-zñ]+?)(ar|er|ir)>>")
"""`<<infinitive>>` in a term of lexicon.es.yaml."""

_CLITIC = "(?:me|te|se|nos|os|lo|la|los|las|le|les)"
_ACCENTED = {"a": "[aá]", "e": "[eé]", "i": "[ií]", "o": "[oó]", "u": "[uúü]"}

_ENDINGS = {
    "ar": ("ar|ando|o|as|a|amos|áis|an|e|es|emos|éis|en|ad|é|aste|ó|asteis|aron|aba|abas|ábamos|aban"
           "|ará|arán|aré|arás|aría|arían|ado|ada|ados|adas"),
    "er": ("er|iendo|o|es|e|emos|éis|en|a|as|amos|áis|an|ed|í|iste|ió|ieron|ía|ías|íamos|ían"
           "|erá|erán|eré|erás|ería|erían|ido|ida|idos|idas"),
    "ir": ("ir|iendo|o|es|e|imos|ís|en|a|as|amos|áis|an|id|í|iste|ió|ieron|ía|ías|íamos|ían"
           "|irá|irán|iré|irás|iría|irían|ido|ida|idos|idas"),
}
_WITH_CLITICS = {"ar": ("ar", "ando", "a", "e", "en", "ad", "emos"),
                 "er": ("er", "iendo", "e", "a", "an", "ed", "amos"),
                 "ir": ("ir", "iendo", "e", "a", "an", "id", "amos")}
"""The forms a clitic attaches to: infinitive, gerund, imperatives (tú, usted, ustedes,
vosotros, nosotros)."""


def _loose(stem: str) -> str:
    """The stem with every vowel matching its accented spelling too (mándaselo, pagándole)."""
    return "".join(_ACCENTED.get(ch, re.escape(ch)) for ch in stem)


def _before_e(stem: str, kind: str) -> str:
    """The stem as written before an e (-gar: pague, -car: busque, -zar: cruce)."""
    if kind != "ar":
        return stem
    for end, written in (("g", "gu"), ("c", "qu"), ("z", "c")):
        if stem.endswith(end):
            return stem[: -len(end)] + written
    return stem


def verb_pattern(stem: str, kind: str) -> str:
    """One regular expression for every form of the verb `stem` + `kind` (-ar, -er, -ir)."""
    endings = _ENDINGS[kind].split("|")
    changed = _before_e(stem, kind)
    plain = [e for e in endings if not (kind == "ar" and e[:1] in ("e", "é"))]
    before_e = [e for e in endings if kind == "ar" and e[:1] in ("e", "é")]
    alternatives = [f"{_loose(stem)}(?:{'|'.join(plain)})"]
    if before_e:
        alternatives.append(f"{_loose(changed)}(?:{'|'.join(before_e)})")
    clitic_forms = []
    for ending in _WITH_CLITICS[kind]:
        base = changed if kind == "ar" and ending[:1] == "e" else stem
        clitic_forms.append(_loose(base + ending))
    alternatives.append(f"(?:{'|'.join(clitic_forms)}){_CLITIC}{_CLITIC}?")
    return "(?:" + "|".join(alternatives) + ")"


def expand(term: str) -> str:
    """A lexicon term with each `<<infinitive>>` replaced by `verb_pattern`."""
    return MACRO.sub(lambda m: verb_pattern(m.group(1), m.group(2)), term)
