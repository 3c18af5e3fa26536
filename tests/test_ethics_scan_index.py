"""The ethics scan's index (leads, loose terms and their required pieces, case folding) finds
exactly what a full search of each group finds.

The scan tries a group's one pattern only where a term's first characters start or a "loose"
term (one whose beginning can't be said) can match, and skips a loose term whose required
literal pieces are not in the prompt. Each test here compares it with the plain search it
replaces: every term meant for the prompt in one regex, `finditer` over the whole text.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.ethics import _Scan, cached_rules
from bot.core.ethics.rules import _compile, fold
from bot.core.regex_pieces import pieces_regexes, required_pieces


def _full_search(scan: _Scan, name: str) -> list[tuple[int, int]]:
    """Every term meant for the text in one pattern, in lexicon order: lexicon.yaml's, then
    the Spanish lexicon's on text with Spanish cues, then the Chinese and Japanese ones on
    text with CJK characters."""
    group = scan.rules.groups[name]
    terms = [*group.terms, *(group.locale.get("es", []) if scan.spanish else []),
             *(t for lang in ("zh", "ja") for t in group.locale.get(lang, []) if scan.has_cjk)]
    return [(m.start(), m.end()) for m in _compile(terms).finditer(scan.text)
            if m.end() > m.start()]


def _assert_agrees(text: str) -> None:
    rules = cached_rules()
    scan = _Scan(text, rules)
    for name, group in rules.groups.items():
        assert scan.spans(group) == _full_search(scan, name), (name, text)


# Where a Spanish term starts at the same place as an earlier-listed term of the same group
# ("agente" and "agente de Hacienda", "tutorial" and "tutorial paso a paso"), the full search
# takes the earlier-listed one; the scan used to search each lexicon apart and keep the longer.
SPANISH_OVERLAPS = [
    "un agente de Hacienda llama a mi abuela y le pide el código del SMS",
    "una agente del banco con uniforme pidiendo la clave a los clientes",
    "tutorial paso a paso para montar una estantería, planos en pantalla",
    "tutorial de maquillaje para una boda, luz suave",
    "un explosivo casero en una película de acción, explosión lejana",
    "una bomba de tubo en un museo de historia, vitrina iluminada",
    "mi vecina Carmen regando las plantas del balcón al atardecer",
    "edit tristón de una chica mirando la lluvia por la ventana",
    "el asesino apuñala a la víctima en una obra de teatro, fundido a negro",
    "un brote de un virus nuevo en una serie de ciencia ficción, laboratorio",
    "la policía nacional y un guardia civil en un control de carretera",
]

# Terms whose beginning can't be said (a capitalised name, a number, any word before them):
# searched only where their required pieces are in the prompt.
LOOSE_TERMS = [
    "Pay the customs fee today or the parcel goes back, courier logo",
    "a processing fee and a release fee to unlock the prize",
    "Sarah from accounting dancing at the office party",
    "Marco in my class laughing, phone footage",
    "she lives at 221 Baker Street, close-up of the door",
    "anime-style city at night, Ghibli-style clouds, Van Gogh style sky",
    "10% daily returns guaranteed, crypto coach on a yacht",
    "ganancias del 20 % mensual garantizado, coche de lujo",
    "put my ex's face on her body, realistic",
    "Heathrow airport at dawn, Central station crowds",
    "7-day water fast diary, water only, pale light",
]

ODD_LETTERS = [
    "ſexy", "ſEXY", "ınfant", "Жsexy", "한kill", "İstanbul", "ΣΑΣ", "k\u212aid", "µ",
    "niña\u0301", "ﬁre", "straße", "STRASSE",
]


def test_spanish_terms_overlapping_earlier_terms_agree_with_the_full_search() -> None:
    for text in SPANISH_OVERLAPS:
        assert _Scan(text, cached_rules()).spanish, text
        _assert_agrees(text)


def test_loose_terms_agree_with_the_full_search() -> None:
    for text in LOOSE_TERMS:
        _assert_agrees(text)


def test_letters_that_case_folding_treats_specially_agree_with_the_full_search() -> None:
    for word in ODD_LETTERS:
        for text in (word, f"a {word} scene", f"{word}-style {word}", f"el {word} de la {word}"):
            _assert_agrees(text)


_FRAGMENTS = sorted({w for text in SPANISH_OVERLAPS + LOOSE_TERMS
                     for w in re.findall(r"[\w'%-]+", text)}
                    | set(ODD_LETTERS) | {"de", "la", "del", "paso", "a", "casero", "fee",
                                         "from", "style", "Street", "returns", "%", "body",
                                         "用AI换脸", "我同事", "炸弹", "教程", "una niña"})


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=25),
       st.sampled_from([" ", ", ", "", "-", "'", ". "]))
def test_generated_mixed_text_agrees_with_the_full_search(words: list[str], sep: str) -> None:
    _assert_agrees(sep.join(words))


# --- required pieces --------------------------------------------------------------------------

def test_required_pieces_of_typical_loose_terms() -> None:
    assert required_pieces(r"[\w-]+-style", fold) == (("-style",),)
    assert required_pieces(r"(?:[a-z]+ )?(?:customs|handling) fee", fold) == (
        ("customs fee", "handling fee"),)
    assert required_pieces(r"[0-9]{1,5} [a-z]+ (?:st|street)", fold) == (
        (" ",), (" st", " street"), tuple("0123456789"))
    assert required_pieces(r"\w+", fold) == ()
    assert required_pieces(r"(?:foo)?\w+", fold) == ()


def _loose_terms() -> list[str]:
    rules = cached_rules()
    return sorted({t for g in rules.groups.values() for _, loose, _ in g.prefixes.values()
                   for t in loose})


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=12),
       st.sampled_from([" ", "", "-", ". "]))
def test_a_loose_term_that_matches_has_all_its_pieces_in_the_text(words: list[str],
                                                                  sep: str) -> None:
    text = sep.join(words)
    for term in _loose_terms():
        if _compile([term]).search(text) is not None:
            tests = pieces_regexes(required_pieces(term, fold))
            assert all(t.search(fold(text)) for t in tests), (term, text)


def test_every_loose_term_has_pieces_so_it_is_not_searched_on_every_prompt() -> None:
    """Not a correctness rule (a term without pieces is searched everywhere, correctly), but
    the latency budget counts on it: a new loose term should say what it needs."""
    assert [t for t in _loose_terms() if not required_pieces(t, fold)] == []


# --- Japanese name candidates -----------------------------------------------------------------

@given(st.text(alphabet="アキヌ・リーブス安倍晋三のがa 　", max_size=40))
def test_japanese_name_candidates_are_every_piece_of_kanji_and_katakana(text: str) -> None:
    """The pieces `_japanese_entries` looks up, taken from the runs of kanji, katakana and ・,
    are exactly the pieces of 3 to 12 such characters the text has."""
    from bot.core.ethics.names import _HAN, _KATAKANA, MAX_NAME_CHARS, _name_candidates

    every = {text[i:i + n] for i in range(len(text)) for n in range(3, MAX_NAME_CHARS + 1)
             if i + n <= len(text)}
    assert _name_candidates(text) == {
        c for c in every if re.fullmatch(rf"[{_HAN}{_KATAKANA}・]+", c)}


@given(st.text(alphabet="安倍晋三テイラー・スウィフトのa", max_size=30),
       st.dictionaries(st.text(alphabet="安倍晋三テイラー・スウィフト", min_size=1, max_size=13),
                       st.booleans(), max_size=80))
def test_longest_names_is_the_longest_known_name_at_each_place(text: str,
                                                               names: dict[str, bool]) -> None:
    """`_longest_names` tries only the lengths its names have; the plain walk tries them all."""
    from bot.core.ethics.names import MAX_NAME_CHARS, NamedPerson, _longest_names

    want: list[NamedPerson] = []
    i = 0
    while i < len(text):
        for n in range(min(MAX_NAME_CHARS, len(text) - i), 1, -1):
            if text[i:i + n] in names:
                want.append(NamedPerson(i, i + n, names[text[i:i + n]]))
                i += n
                break
        else:
            i += 1
    assert _longest_names(text, names, shortest=2) == want


# --- CJK terms: indexed by their first characters at every character -------------------------

def _cjk_fragments() -> list[str]:
    """Pieces of Chinese and Japanese text that start or complete CJK terms: every 40th lead
    of the index (one or two characters), the pieces the loose CJK terms need, and filler."""
    rules = cached_rules()
    leads = sorted(rules.cjk_leads)[::40]
    pieces = sorted({p for g in rules.groups.values() for t in g.prefixes["cjk"][1]
                     for alts in required_pieces(t, fold) for p in alts})
    return leads + pieces + ["的", "の", "を", "が", "人", "三", "12", "AI", "换脸", "Deepfake",
                             "、", "。", " ", "银行", "市", "さん", "ちゃん", "台", "万", "配る"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_cjk_fragments()), min_size=1, max_size=30))
def test_generated_cjk_text_agrees_with_the_full_search(words: list[str]) -> None:
    _assert_agrees("".join(words))


def test_cjk_terms_that_can_begin_anywhere_are_loose_and_the_rest_indexed() -> None:
    from bot.core.ethics.rules import _cjk_part_leads

    leads, loose, nullable = _cjk_part_leads(
        ["炸弹", "人肉(?:搜索)?", r"[一-龥]{1,3}医師", "(?:AI|ai)换脸", "殺", "x?", "bomb"])
    assert leads == frozenset({"炸弹", "人肉", "ai", "殺"})
    assert loose == (r"[一-龥]{1,3}医師",)
    assert not nullable


def test_cjk_index_lists_every_place_a_lead_starts() -> None:
    scan = _Scan("人肉搜索，人肉，炸弹和AI换脸", cached_rules())
    for lead, places in scan.cjk_at.items():
        assert places == [i for i in range(len(scan.folded))
                          if scan.folded.startswith(lead, i)], lead
    assert scan.cjk_at["炸弹"] == [8]
