"""Components of a prompt written in Chinese, Spanish or Japanese, read in that language.

Each language has its own lexicon (`bot.core.critique.lexicons.<code>`), written for how
people prompt in it, not translated word by word: Chinese camera language (推/拉/摇/移/跟,
特写/近景/全景, 逆光) is a vocabulary of its own, Spanish says "plano general" and "a
contraluz", Japanese mixes katakana loans (ドリーイン, クローズアップ) with native words
(俯瞰, 逆光, 夕暮れ).

The mechanism is the English one (bot.core.critique.analysis) in a smaller form: cues with a
strength and a canonical camera move, claimed by component in the same order, longer matches
first, the same pairs allowed to share words. What differs is word boundaries: Chinese and
Japanese have none, so their cues are matched on characters and carry their own guards
(a lookahead or lookbehind), e.g. 推 is a camera move only with 镜头 before it or in a fixed
camera compound (推镜头), never in 推开门 ("pushes the door open", an action). Spanish cues
match on word boundaries like English.

Grammar a lexicon cannot list: a Chinese verb is what 正在 precedes or 着 follows; a Japanese
verb is what ている or する conjugates; a Spanish gerund (-ando/-iendo) is an action whatever
the verb, and so is the third-person word after a clause's determiner + noun ("el vapor
asciende") or before it ("vuelve el pulso"). The camera, the wind or a comparison may be the
one doing it: a verb in a clause chain whose topic is the camera (镜头缓缓升起，越过树顶), after
"the wind" (una brisa mueve la tela) or after 仿佛 is not an action. Motion is manner said of a
movement, read by its form where the lexicon cannot list the words: a degree complement
(跑得飞快), a reduplicated adverb or X地 before a verb of movement, an adjective said of a
movement noun (しなやかな動き), a simile (滑るように進む), any -mente next to a Spanish verb of
movement. The same words said of a noun (快速的剪辑, ゆっくりとした音楽), an adjective or a
participle (ligeramente nublado, iluminada suavemente), a change of light (天空慢慢变暗) or
the camera's move (快速推镜头) are not motion (`NativeLexicon.not_motion`).

A mixed prompt (Chinese with English camera terms, very common) also gets the English
analysis of its Latin words, with the CJK characters blanked so every span keeps its offsets.
"""

from __future__ import annotations

import importlib
from bisect import bisect_left
from collections.abc import Callable, Iterable
from functools import cache, lru_cache

from bot.core import cached_re as re
from bot.core.anchored_scan import anchored_finditer
from bot.core.critique.claims import (
    CLAIM_ORDER,
    SHARED,
    Bounds,
    Offsets,
    _keep_longest,
    _overlaps,
    make_span,
)
from bot.core.critique.components import Component as C
from bot.core.critique.dispatch import WordStarts, literal_prefixes
from bot.core.critique.lexicon import Cue
from bot.core.critique.lexicons import NativeLexicon, Subject, es_camera, es_nouns
from bot.core.critique.lexicons.still_verbs import ja_still_verb_at, still_verb_at, still_verbs
from bot.core.critique.native_manner import READERS as MANNER_READERS
from bot.core.critique.results import Analysis, Span
from bot.core.critique.text_index import break_index
from bot.core.regex_pieces import finditer_at, may_find

NATIVE_LANGUAGES: tuple[str, ...] = ("zh", "es", "ja")


@cache
def lexicon(code: str) -> NativeLexicon:
    """The lexicon of a language, imported on first use (an English critique never loads one)."""
    module = importlib.import_module(f"bot.core.critique.lexicons.{code}")
    lex: NativeLexicon = module.LEXICON
    return lex


def _wrap(lex: NativeLexicon, pattern: str) -> str:
    if lex.spaced:
        return r"(?<![\w])(?:" + pattern + r")(?![\w])"
    return "(?:" + pattern + ")"


@cache
def _cue_regexes(code: str, comp: C) -> list[tuple[re.Pattern[str], Cue]]:
    lex = lexicon(code)
    return [(re.compile(_wrap(lex, cue.pattern)), cue) for cue in lex.cues.get(comp, [])]


@cache
def _cue_prefixes(code: str, comp: C) -> list[frozenset[str] | None]:
    """How each of `_cue_regexes(code, comp)` can begin (`_prefixes`)."""
    return [_prefixes(code, regex) for regex, _ in _cue_regexes(code, comp)]


@cache
def _subject_prefixes(code: str) -> list[frozenset[str] | None]:
    """How each of `_subject_regexes(code)` can begin (`_prefixes`)."""
    return [_prefixes(code, regex) for regex, _ in _subject_regexes(code)]


@cache
def _prefixes(code: str, regex: re.Pattern[str]) -> frozenset[str] | None:
    """Every way a match of a spaced lexicon's (Spanish) pattern can begin, up to three
    characters (`dispatch.literal_prefixes`, kept across processes); None where they can't
    be listed, and for Chinese and Japanese (no word starts to try at)."""
    if not lexicon(code).spaced or not regex.pattern.startswith(_SPACED_START) \
            or _SCOPED_FLAGS.search(regex.pattern):
        return None
    return literal_prefixes(regex.pattern)


_SPACED_START = r"(?<![\w])"
"""How `_wrap` begins a spaced lexicon's pattern: its matches begin where `_heads` looks."""


_SCOPED_FLAGS = re.compile(r"\(\?[aiLmsux-]+[:)]")
"""An inline flag (`(?i:...)`): the prefixes are read as written, so such a cue is searched."""


HEADS = True
"""Whether a Spanish prompt's cues are tried where they can begin (`_heads`); off, each is
searched for (the reference the tests compare with)."""
PLACES_PER_CHAR = 1 / 5
"""Up to this many places per character, a spaced cue is tried at each (`_finditer`)
instead of searched for: as `analysis.PLACES_PER_CHAR`."""


@lru_cache(maxsize=8)
def _heads(view: str) -> WordStarts:
    r"""Where a spaced cue may begin over one view of a Spanish prompt (no word character
    before: the cues' own `(?<![\w])`, so no joiners), shared by the cues', subjects', verbs'
    and facts' scans of one prompt. Each cue is a regex of its own that begins with a
    look-behind, which SRE cannot skip ahead for: searched, it is tried at every character,
    forty cues over a long prompt (a quarter of a long Spanish prompt's critique)."""
    return WordStarts(view, joiners="")


def _finditer(heads: WordStarts, regex: re.Pattern[str],
              prefixes: frozenset[str] | None) -> list[re.Match[str]]:
    """`regex.finditer(heads.text)` as a list for a pattern with these `prefixes`
    (`_prefixes`; None: searched): a cue whose every beginning is missing cannot match, and
    one with few places is tried at those (`regex_pieces.finditer_at`)."""
    places = None if prefixes is None else heads.places(prefixes, PLACES_PER_CHAR)
    if places is None:
        return list(regex.finditer(heads.text))
    return finditer_at(regex, heads.text, places)


PIECES = True
"""Whether a Chinese or Japanese prompt's cues are first tested for the literal pieces every
match holds (`_cjk_finditer`); off, each is searched for (the reference the tests compare
with)."""


def _cjk_finditer(regex: re.Pattern[str], view: str) -> Iterable[re.Match[str]]:
    """`regex.finditer(view)` for a cue of a Chinese or Japanese lexicon (no word starts to
    try it at, `_heads`), skipped where one of the sets of literal pieces every match holds
    has none in the view (`regex_pieces.may_find`: one trie search a set). Most cues can
    begin at any character (a leading window such as `[^、。]{0,10}?(?:着物|...)`, a kana or
    Han class, a lookahead), which SRE tries at every one: a third of a long Japanese
    prompt's analysis was these scans, and most of them find nothing. One that may find
    something is tried only where a match can reach one of those pieces
    (`anchored_scan.anchored_finditer`). The subjects', verbs' and grammar's scans of a
    Chinese or Japanese prompt go through here too."""
    if PIECES and not _scoped_flags(regex.pattern):
        if not may_find(regex, view):
            return ()
        if ANCHORED:
            return anchored_finditer(regex, view)
    return regex.finditer(view)


ANCHORED = True
"""Whether a Chinese or Japanese cue that may match is tried only at the positions that can
reach the literal pieces every match holds (`anchored_scan`), instead of at every character;
off, it is searched for (the reference the tests compare with)."""


@cache
def _scoped_flags(pattern: str) -> bool:
    """Whether a pattern turns a flag on for part of itself (`(?i:...)`): its pieces are read
    as written, so such a cue is searched."""
    return _SCOPED_FLAGS.search(pattern) is not None


@cache
def _subject_regexes(code: str) -> list[tuple[re.Pattern[str], Subject]]:
    lex = lexicon(code)
    return [(re.compile(_wrap(lex, s.pattern)), s) for s in lex.subjects]


@cache
def _action_regex(code: str) -> re.Pattern[str]:
    lex = lexicon(code)
    return re.compile(_wrap(lex, "|".join(re.longest_first(lex.actions))))


@cache
def _grammar_regexes(code: str) -> list[re.Pattern[str]]:
    return [re.compile(p) for p in lexicon(code).grammar_actions]


@cache
def fact_regex(code: str, name: str) -> re.Pattern[str] | None:
    pattern = lexicon(code).facts.get(name)
    return re.compile(_wrap(lexicon(code), pattern)) if pattern else None


@cache
def _not_motion_regex(code: str) -> re.Pattern[str]:
    return re.compile(lexicon(code).not_motion)


def _not_motion_spans(code: str, view: str) -> set[tuple[int, int]]:
    """Where manner words are said of something that is not a movement (see NativeLexicon),
    tried only where a match can reach its literal pieces (`anchored_scan`; a pattern of
    unbounded reach, Spanish's and Chinese's, is searched)."""
    out = set()
    regex = _not_motion_regex(code)
    for m in anchored_finditer(regex, view) if ANCHORED else regex.finditer(view):
        for name, value in m.groupdict().items():
            if value and name.startswith("m"):
                out.add(m.span(name))
    return out


def has_fact(code: str, name: str, low: str) -> bool:
    regex = fact_regex(code, name)
    if regex is None:
        return False
    if HEADS and lexicon(code).spaced:  # most facts begin with no word the prompt has
        prefixes = _prefixes(code, regex)
        if prefixes is not None and not _heads(low).may_match(prefixes):
            return False
    return regex.search(low) is not None


def _span(prompt: str, start: int, end: int, cue: str, strength: float = 1.0) -> Span:
    return make_span(start, end, prompt[start:end], cue, strength)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
ENGLISH_CRAFT_WORDS = frozenset(["close", "closeup", "up", "shot", "camera", "dolly", "tracking",
    "golden", "hour", "slow", "motion", "zoom", "pan", "tilt", "drone", "handheld", "backlit",
    "backlight", "bokeh", "lens", "wide", "aerial", "cinematic", "lighting", "light", "fpv", "pov",
    "orbit", "crane", "rim", "neon", "timelapse", "lapse", "depth", "field", "focus", "macro",
    "telephoto", "angle", "low", "high", "overhead", "static", "locked", "tripod", "grade", "teal",
    "orange", "film", "grain", "anamorphic", "soft", "hard"])
"""English words that make it worth reading a Spanish prompt with the English lexicon too."""
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_NOT_SUBJECT = (C.CAMERA, C.SHOT, C.LENS, C.LIGHTING, C.STYLE, C.PACING, C.AUDIO, C.COLOR,
                C.MOTION)


def _lower(prompt: str) -> str:
    low = prompt.lower()
    if len(low) != len(prompt):
        low = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in prompt)
    return low


EnglishAnalyzer = Callable[[str], Analysis]


def _english_spans(prompt: str, lex: NativeLexicon, analyze_english: EnglishAnalyzer
                   ) -> tuple[dict[C, list[Span]], dict[C, list[Span]], list[str]]:
    """The English analysis of a mixed prompt's Latin words (CJK blanked, offsets kept): the
    components whose English words count, every component (for a subject or action said only
    in English), and the camera moves."""
    text = _NON_ASCII.sub(" ", prompt) if not lex.spaced else prompt
    if not _LATIN_WORD.search(text):
        return {}, {}, []
    if lex.spaced and not ENGLISH_CRAFT_WORDS & set(_LATIN_WORD.findall(text.lower())):
        return {}, {}, []  # a Spanish prompt with no English craft word: nothing to add
    english = analyze_english(text)
    whole = {c: [_span(prompt, s.start, s.end, s.cue, s.strength) for s in found]
             for c, found in english.spans.items()}
    spans = {c: found for c, found in whole.items() if c in lex.english_components}
    if lex.spaced:
        whole = {}  # Spanish words misread as English are not a subject
    return spans, whole, english.camera_moves


def analyze_native(prompt: str, code: str, analyze_english: EnglishAnalyzer,
                   mixed_with: tuple[str, ...] = (), variant: str = "") -> Analysis:
    """Find each component's words in a Chinese, Spanish or Japanese prompt; `analyze_english`
    (handed in by bot.core.critique.analysis) reads a mixed prompt's English words."""
    from bot.core.language import measure

    lex = lexicon(code)
    low = _lower(prompt)
    whole_view = to_simplified(low) if variant == "Hant" else low
    cut = _positive_end(whole_view)
    view = whole_view[:cut] + " " * (len(whole_view) - cut)
    claimed: list[tuple[C, Span]] = []
    spans: dict[C, list[Span]] = {}
    moves: list[tuple[int, str]] = []
    english, english_whole, english_moves = _english_spans(prompt[:cut], lex, analyze_english)
    heads = _heads(view) if lex.spaced and HEADS else None
    for comp in CLAIM_ORDER:
        if comp in (C.ACTION, C.SUBJECT):
            continue
        found: list[tuple[Span, str | None]] = []
        for (regex, cue), prefixes in zip(_cue_regexes(code, comp), _cue_prefixes(code, comp),
                                          strict=True):
            for m in (_finditer(heads, regex, prefixes) if heads is not None
                      else _cjk_finditer(regex, view)):
                if m.end() > m.start():
                    found.append((_span(prompt, m.start(), m.end(), cue.pattern[:40],
                                        cue.strength), cue.move))
        found += [(s, None) for s in english.get(comp, [])]
        if comp is C.MOTION and code in MANNER_READERS:
            found += [(_span(prompt, a, b, "manner by grammar"), None)
                      for a, b in MANNER_READERS[code](view)]
        if comp is C.CAMERA and code == "es":  # where a shot is taken from (es_camera)
            found += [(_span(prompt, a, b, "viewpoint by grammar"), None)
                      for a, b in es_camera.viewpoints(view)]
        blocking = Bounds.of([s for c, s in claimed if c is not comp and (comp, c) not in SHARED])
        kept = []
        for span, move in _keep_longest(found):
            if blocking.covers(span.start, span.end):
                continue
            kept.append(span)
            if move:
                moves.append((span.start, move))
        if kept:
            spans[comp] = kept
            claimed += [(comp, s) for s in kept]
    for i, move in enumerate(english_moves):
        if C.CAMERA in english:
            moves.append((english[C.CAMERA][0].start + i, move))

    subjects, families = _subjects(prompt, view, code, claimed)
    actions = _actions(prompt, view, code, claimed, subjects)
    if not lex.spaced and C.CAMERA in spans:
        next_to_camera = _NextTo(view, spans[C.CAMERA])
        actions = [a for a in actions if not next_to_camera(a)]
    if lex.spaced:
        actions = sorted(actions + _subject_verbs(prompt, view, subjects, claimed, actions),
                         key=lambda s: s.start)
        actions = sorted(actions + _verbs_first(prompt, view, claimed, actions),
                         key=lambda s: s.start)
        actions = [a for a in actions if not _camera_is_subject(view, a)
                   and not _WIND_DOES.search(view, max(0, a.start - 40), a.start)]
    if code == "zh":
        actions = sorted(actions + _predicates(prompt, view, subjects, spans, actions),
                         key=lambda s: s.start)
    if not lex.spaced:
        topics = _topic_starts(subjects, actions, verb_first=code == "zh")
        actions = [a for a in actions if not _camera_topic(view, a, topics)
                   and not _as_if(view, a)]
    reach = 90 if lex.spaced else 30  # a Spanish light phrase and its relative run longer
    actions = [a for a in actions if not _LIGHT_DOES[code].search(view, max(0, a.start - reach),
                                                                   a.start)
               and not (lex.spaced and _told_to_the_model(view, a))]
    complement = _EsComplement(view, claimed, actions) if code == "es" else None
    if complement is not None and subjects:
        subjects = [s for s in subjects if not complement(s)]
        families = list(dict.fromkeys(s.cue for s in subjects if s.cue in families))
    if not subjects and lex.subject_fallback:
        subjects = _fallback_subject(prompt, view, lex, claimed + [(C.ACTION, a) for a in actions],
                                     complement)
    if not subjects and code == "es":
        subjects = _es_subject_of_a_verb(prompt, view, actions, claimed)
    if not subjects and code == "zh":
        subjects = _topic_before_verb(prompt, view, actions, claimed)
    if not subjects:  # a place may be the subject itself ("夜の東京", "una calle de París")
        subjects = [s for s in spans.get(C.SETTING, []) if s.strength < 1
                    and not (complement and complement.inside_a_clause(s))][:1]
    if C.MOTION in spans and lex.not_motion:
        not_motion = _not_motion_spans(code, view)
        # a motion span that holds a manner word said of a non-movement goes ("entra suavemente")
        spans[C.MOTION] = [m for m in spans[C.MOTION]
                           if not any(m.start <= a and b <= m.end for a, b in not_motion)]
        if not spans[C.MOTION]:
            del spans[C.MOTION]
    if C.MOTION in spans and code in _STILL_VERB_READERS:
        # a manner word said of a doing that moves nothing (轻轻地说, "sonríe suavemente")
        spans[C.MOTION] = [m for m in spans[C.MOTION]
                           if not _STILL_VERB_READERS[code](view, m.start, m.end)]
        if not spans[C.MOTION]:
            del spans[C.MOTION]
    if C.MOTION in spans and (C.CAMERA in spans or _CAMERA_CARRIER.search(view)):
        cameras, others = _Ends(spans.get(C.CAMERA, [])), _Ends(actions + subjects)
        movers = _Movers(view, subjects, actions) if not lex.spaced else None
        kept_motion = [m for m in spans[C.MOTION] if (movers and movers(m)) or not
                       _camera_manner(view, m, cameras, others, lex)]
        if kept_motion:
            spans[C.MOTION] = kept_motion
        else:
            del spans[C.MOTION]
    # A mixed prompt may name its subject or action in English ("a girl walks, 镜头推进").
    if not subjects and english_whole.get(C.SUBJECT):
        subjects = english_whole[C.SUBJECT]
    if not actions and english_whole.get(C.ACTION):
        actions = english_whole[C.ACTION]
    if subjects:
        spans[C.SUBJECT] = subjects
    if actions:
        spans[C.ACTION] = actions
    negations = [_span(prompt, m.start(), m.end(), "negation")
                 for m in re.finditer(_wrap(lex, lex.negation), whole_view)] if lex.negation else []
    seen: list[str] = []
    for _, move in sorted(moves):
        if move not in seen:
            seen.append(move)
    return Analysis(prompt=prompt, spans={c: spans[c] for c in C if c in spans},
                    camera_moves=seen, actions=actions, negations=negations,
                    word_count=measure(prompt, code).words, language=code,
                    language_mixed=list(mixed_with), families=families)


_DIRECTIONAL_COMPLEMENTS = frozenset("过进出来去上下起开回到入")
"""The directional complements of Chinese verbs (a closed class): a one-character verb with one
after it is a movement compound (闪过 "darts past", 亮出 "whips out"), whatever the verb alone."""
_ZH_MANNER_LINK = frozenset("地的")
"""What may join a Chinese manner word to its verb (缓缓地说, colloquially 慢慢的说)."""


def _zh_said_of_a_still_verb(view: str, start: int, end: int) -> bool:
    """Is the Chinese motion span at `start:end` a manner word said of a verb that is not a
    movement (轻轻地说, 微微发光, 缓缓变暗: `still_verbs`, read from CC-CEDICT by the English
    analyzer's classes)? A one-character verb with a directional complement after it is a
    movement (闪过)."""
    at = end + (end < len(view) and view[end] in _ZH_MANNER_LINK)
    verb = still_verb_at(view, at)
    if not verb:
        return False
    after = at + len(verb)
    return len(verb) > 1 or after >= len(view) or view[after] not in _DIRECTIONAL_COMPLEMENTS


_ES_WORD_BEFORE = re.compile(r"([a-záéíóúüñ]+)[ \t]+$")
_ES_WORD_AFTER = re.compile(r"[ \t]+([a-záéíóúüñ]+)")


def _es_said_of_a_still_verb(view: str, start: int, end: int) -> bool:
    """Is the Spanish motion span at `start:end` a manner said of the verb right before or after
    it that is not a movement ("sonríe suavemente", "lentamente susurra": `still_verbs`, read
    from Apertium's table by the English analyzer's classes)?"""
    table = still_verbs("es")
    before = _ES_WORD_BEFORE.search(view, max(0, start - 24), start)
    after = _ES_WORD_AFTER.match(view, end)
    return bool((before and before.group(1) in table) or (after and after.group(1) in table))


_JA_MANNER_LINK = frozenset("とに")
"""What may join a Japanese manner word to its verb (そっと呟く, 静かに話す)."""


def _ja_said_of_a_still_verb(view: str, start: int, end: int) -> bool:
    """Is the Japanese motion span at `start:end` a manner word said of a verb that is not a
    movement (そっと呟いた, 激しく光る: `still_verbs`, read from JMdict by the English
    analyzer's classes)?"""
    at = end + (end < len(view) and view[end] in _JA_MANNER_LINK)
    return bool(ja_still_verb_at(view, at))


_STILL_VERB_READERS: dict[str, Callable[[str, int, int], bool]] = {
    "zh": _zh_said_of_a_still_verb, "es": _es_said_of_a_still_verb,
    "ja": _ja_said_of_a_still_verb}


_NEGATIVE_SECTION = re.compile(r"(?:^|\n)[ \t　]*(?:ng|ネガティブ(?:プロンプト)?|负面(?:提示词?|词)?|"
                               r"反向提示词?|negative(?: prompt)?|prompt negativo|negativo|"
                               r"evitar|no incluir)[ \t　]*[：:]")
"""The header of a negative prompt ("NG：アニメ、子供", "负面提示词：模糊", "Negativo: texto"): what
follows names what the clip must not have, none of its components."""


def _positive_end(view: str) -> int:
    """Where the prompt's negative section begins (its length when it has none): the words from
    there on are blanked for the component cues, offsets kept."""
    m = _NEGATIVE_SECTION.search(view)
    return m.start() if m and m.start() > 0 else len(view)


_SIMILE = re.compile(r"(?:ような|ように|よう(?:な|に)|般的?)")
"""A verb followed by "like" (流れるような形) describes a shape, it is not an action."""
_CAMERA_WORD = re.compile(r"^(?:カメラ|キャメラ|镜头|摄像机|画面|视角|ドローン|(?:la )?c[aá]mara)$")
_SHOT_NAME = (r"(?:(?:primer|gran|[uú]ltimo|nuevo|largo) )?(?:toma|plano|travell?ing|paneo|barrido)"
              r"(?: (?:a[eé]re[oa]|cenital|general|medio|largo|secuencia|subjetiv[oa]|final)){0,2}"
              r"(?![\wáéíóúñ])")
_SHOT_MOVES = (r"(?<![\wáéíóúñ])(?<!en )(?:la|una|el|un|este|esta) " + _SHOT_NAME +
               r"|(?:^|(?<=[,.;:\n] ))" + _SHOT_NAME + r"(?= que )")
"""The shot named as what moves (la toma se desplaza, un plano que avanza, "Toma aérea que
sobrevuela"; a bare "Travelling lento hacia..." names the move, no subject): Spanish names the
camera's move by its shot, as Chinese does by 镜头, so a manner word said of that move is the
camera's speed; not "en primer plano", where something is."""
_CAMERA_SUBJECT = re.compile(r"カメラ|キャメラ|镜头|摄像机|摄影机|c[aá]mara(?! lenta)|" + _SHOT_MOVES)
_CLAUSE_BREAK = re.compile(r"[，。,.；;！!？?\n、:：]")
NEXT_TO = 3
"""Characters (no punctuation) between an action and a camera span for the action to be the
camera's own move ("ゆっくり前進するドローンショット", "追いかける空撮")."""


class _NextTo:
    """Whether a span lies next to one of the camera spans: at most `NEXT_TO` characters and
    no clause break between them, the camera after the span or before it. Only the cameras
    that start or end that close are looked at (sorted once; asking every camera for every
    action cost a long prompt the product of their numbers)."""

    def __init__(self, view: str, cameras: list[Span]) -> None:
        self.view = view
        self.starts = Offsets(c.start for c in cameras)
        self.ends = sorted((c.end, c.start) for c in cameras)

    def __call__(self, span: Span) -> bool:
        view = self.view
        if any(not _CLAUSE_BREAK.search(view, span.end, start)
               for start in self.starts.within(span.end, span.end + NEXT_TO + 1)):
            return True  # a camera right after it
        lo = bisect_left(self.ends, (span.start - NEXT_TO, -1))
        hi = bisect_left(self.ends, (span.start + 1, -1))
        return any(start < span.end and not _CLAUSE_BREAK.search(view, end, span.start)
                   for end, start in self.ends[lo:hi])  # one right before it


_CAMERA_TOPIC = re.compile(r"镜头|摄像机|摄影机|机位|无人机|カメラ|キャメラ|ドローン")
"""The camera (or the drone that carries it) as the topic of a clause."""
_TOPIC_LINK = re.compile(r"[，,、；;]")
"""Clauses joined this way share their topic (a Chinese topic chain, Japanese 連用形 clauses)."""
TOPIC_CLAUSES_BACK = 3


def _topic_starts(subjects: list[Span], actions: list[Span], verb_first: bool) -> Offsets:
    """Where the subjects that may be a clause's topic start (`_camera_topic`), found once for
    all the verbs of a prompt. In Chinese a noun right after a verb is its object (越过树顶), not
    a subject."""
    if verb_first:
        objects = {a.end for a in actions}
        subjects = [s for s in subjects if s.start not in objects]
    return Offsets(s.start for s in subjects)


def _camera_topic(view: str, action: Span, subjects: Offsets) -> bool:
    """A verb whose clause chain has the camera as its topic and no subject of its own is the
    camera's move, whatever the verb: "镜头从山腰缓缓升起，越过树顶" (the camera crosses the
    treetops), "随着无人机平稳飞行", "カメラが街を見渡し、ゆっくり進む". A noun the verb
    qualifies (正在挥手的女孩, 剣を構える侍) is the verb's own subject. `subjects`: where the
    possible topics start (`_topic_starts`)."""
    start, clause_end = _clause_of(view, action)
    if subjects.any_within(start, action.start):
        return False
    if any(_QUALIFIES.fullmatch(view, action.end, at)
           for at in subjects.within(action.end, clause_end)):
        return False  # "露出正在摆pose的帅哥": the verb of a noun it qualifies
    end = action.start
    for _ in range(TOPIC_CLAUSES_BACK + 1):
        if subjects.any_within(start, end):
            return False
        camera = _CAMERA_TOPIC.search(view, start, end)
        if camera and _JA_PLACE_BY.match(view, camera.end()):
            return False  # "カメラの上を通過する": passing over the camera, not its move
        if camera:
            return not subjects.any_within(camera.end(), end)
        if start == 0 or not _TOPIC_LINK.match(view, start - 1):
            return False
        end = start - 1
        start = _clause_start(view, end)
    return False


_JA_PLACE_BY = re.compile(r"の(?:上|下|前|後ろ|後|横|脇|隣|側|そば|傍|近く|周り|周囲|方|奥|手前|"
                          r"中|外|間|向こう)")
"""The camera as the place something is by (カメラの上, カメラの前, カメラの方): the Japanese
relational nouns of place after の, a closed class; the camera is then no clause's topic."""
_QUALIFIES = re.compile(r"[^，。,.；;！!？?\n、をがにでへとは]{0,8}的|[\u3040-\u309f]{0,2}")
"""Between a verb and the noun it qualifies: a few characters and 的 (Chinese), or nothing
but the verb's ending (Japanese 構える侍)."""
_AS_IF = re.compile(r"仿佛|彷佛|宛如|宛若|好像|好似|犹如|似乎|如同|像是|まるで")
""""As if": what follows in the clause is a comparison (仿佛走进了作品本身), not an action."""


def _as_if(view: str, action: Span) -> bool:
    start, _ = _clause_of(view, action)
    return bool(_AS_IF.search(view, start, action.start))


PREDICATE_MAX = 4
"""Characters of a short predicate after a Chinese subject (武士拔刀, 猫在沙发上睡觉)."""


def _predicates(prompt: str, view: str, subjects: list[Span], spans: dict[C, list[Span]],
                actions: list[Span]) -> list[Span]:
    """What closes a Chinese clause after its subject and its place is its predicate: 一位老渔夫
    在海边收网 -> 收网, whatever the verb. Only a short one, and only when no action is known."""
    out: list[Span] = []
    past = _Chain(spans.get(C.SETTING, []) + spans.get(C.MOTION, []))
    verbs = Bounds.of(actions)
    taken = Bounds.of([s for ss in spans.values() for s in ss])
    for subject in subjects:
        if subject.start and view[subject.start - 1] in "在于从到":
            continue  # "在船头撒网": the noun of a place, not the clause's subject
        pos = past.end(subject.end)
        clause_end = _CLAUSE_BREAK.search(view, pos)
        end = clause_end.start() if clause_end else len(view)
        rest = view[pos:end]
        if not 1 <= len(rest) <= PREDICATE_MAX or not re.fullmatch(r"[\u4e00-\u9fff]+", rest):
            continue
        if rest[0] in "的之":  # "雪山的全貌": the noun phrase goes on, no predicate
            continue
        if _NOUN_HEAD.match(rest) or _NOUN_HEAD_END.search(rest):
            continue  # "人物关系", "角色视线齐平", "银河系": the noun phrase goes on
        if verbs.overlaps(subject.end, end):
            continue  # "战马疾驰而过": the subject's verb is known, 而过 is its tail
        if taken.overlaps(pos, end):
            continue
        out.append(_span(prompt, pos, end, "predicate", 0.8))
    return out


class _Chain:
    """Spans that follow one another (a place, then a manner: 在海边 + 缓缓), walked from an
    offset: each span that starts where the walk stands takes it to its end. The walk reads
    the list in its order, pass after pass until a pass moves no further, as the first
    version did by scanning the whole list each pass; the spans that start at each offset are
    indexed once, so a pass costs its moves, not the list's length."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = spans
        self.at: dict[int, list[int]] = {}  # start -> indices of the spans that move from it
        for i, s in enumerate(spans):
            if s.end > s.start:
                self.at.setdefault(s.start, []).append(i)

    def end(self, pos: int) -> int:
        """Where the walk from `pos` stops."""
        moved = True
        while moved:
            moved, i = False, 0
            while True:
                indices = self.at.get(pos)
                if not indices:
                    break
                k = bisect_left(indices, i)  # the next span, in list order, that starts here
                if k == len(indices):
                    break
                i = indices[k]
                pos, moved = self.spans[i].end, True
                i += 1
        return pos


_NOUN_HEAD = re.compile(r"视线|视角|关系|表情|神情|眼神|身影|轮廓|形象|面部|脸部|手势|姿态|细节|"
                        r"造型|服装|特写|画面|镜头|场景|世界|系|势|群|们|性|界|感|线")
_NOUN_HEAD_END = re.compile(r"(?:视角|视线|关系|系|势|性|感|界|线)\Z")
"""What continues a noun after a Chinese subject (角色视线, 人物关系, 银河系, 手势): the noun
phrase goes on, there is no predicate."""


def _clause_of(view: str, span: Span) -> tuple[int, int]:
    after = _CLAUSE_BREAK.search(view, span.end)
    return _clause_start(view, span.start), after.start() if after else len(view)


def _clause_start(view: str, at: int) -> int:
    """Where the clause that runs to `at` begins: after the last break before it. The breaks
    are single characters, found once per text (`text_index.break_index`), not searched for
    from the start of the prompt for every verb."""
    return break_index(_CLAUSE_BREAK, view).last_end(at)


_THIRD_PERSON = re.compile(r" (?P<v>(?:lee|leen|r[ií]e|r[ií]en|cae|caen|oye|oyen|huye|huyen|va|van|"
                           r"da|dan)"
                           r"(?![\wáéíóúñ])|"
                           # prepositions that end like a verb: "una taza sobre la mesa"
                           r"(?!(?:sobre|entre|contra|hasta|desde|frente|encima|debajo|cerca|"
                           r"fuera|dentro)(?![\wáéíóúñ]))"
                           r"(?!(?:es|era|est[aá]n?|tiene|tienen|hay|son|que|de|del|"
                           r"la|las|le|se|una|este|ese|grande|verde|suave|enorme|joven|"
                           r"alta|baja|larga|corta|blanca|negra|roja|rosa|pequeña|vieja|nueva|"
                           r"bella|linda|guapa|sola|clara|triste|libre|simple|doble|pobre|rica|"
                           r"seca|llena|quieta|tranquila|abierta|cubierta|desierta|muerta|lenta|"
                           r"fuerte|leve|breve|dulce|alegre|salvaje|moderna|antigua|gruesa|propia|"
                           r"misma|otra|toda|cada|entera|completa|perfecta|directa|distinta|"
                           # verbs of being, seeming, beginning or showing: not a doing
                           r"permanecen?|parecen?|empiezan?|comienzan?|terminan?|acaban?|quedan?|"
                           r"resultan?|siguen?|sigue|contin[uú]an?|contienen?|contiene|incluyen?|"
                           r"muestran?|presentan?|representan?|reflejan?|transmiten?|evocan?|"
                           r"destacan?|combinan?|dominan?|ocupan?|rodean?|cubren?|crean?|generan?|"
                           r"aportan?|mantienen?|mantiene|tienen?|tiene|lucen?|luce|parezcan?|"
                           r"brillan?|resplandecen?|iluminan?|reflejan?|"
                           r"[\wáéíóúñ]*(?:ada|ida|ica|osa|iva|ble|nte|nda|ana|ena|ina|ona|ista|"
                           r"ensa|ía|ia|ura|dora|tora)(?:s|n)?)(?![\wáéíóúñ]))"
                           r"[a-záéíóúñ]{3,}(?:a|an|e|en))(?![\wáéíóúñ])")
_OF_NOUN = re.compile(r" de (?:la |el |los |las )?[a-záéíóúñ]{3,}(?![\wáéíóúñ])")
"""A noun's "de" complement between a subject and its verb ("un hombre de negocios")."""
_VERB_GOES_ON = re.compile(r" (?:un|una|unos|unas|el|la|los|las|a|al|con|en|por|sobre|su|sus|"
                           r"hacia|junto|frente|bajo|mientras|y)(?![\wáéíóúñ])")
_SAID_OF_NOUN = re.compile(r" (?!(?:del|al|el|los|las|les|por|para|sobre|entre|mal|bajo|cual|"
                           r"tal|ser|mar|sol|mientras)(?![\wáéíóúñ]))(?:[a-záéíóúñ]+(?:o|os|as|es|l|les|r|res)|[a-záéíóúñ]*(?:ada|ida|osa|"
                           r"iva|ble|nte|ana|ena|ina|ona|ista|dora|tora)|(?:de|con|en) (?:(?:un|una|"
                           r"el|la|los|las|su|sus) )?[a-záéíóúñ]{3,}(?: (?!(?:del|al|el|los|las|les|"
                           r"por|para|sobre|entre|mal|bajo)(?![\wáéíóúñ]))[a-záéíóúñ]+(?:o|os|a|as|"
                           r"es|l|les|r|res))?)(?![\wáéíóúñ])")
"""What may stand between a known subject noun and its verb: one adjective, or a complement
with de/con/en and its own adjective."""
_CLAUSE_SUBJECT = re.compile(r"(?:^|[,.;:] ?|(?<![\wáéíóúñ])(?:y|e|mientras|cuando|donde) )"
                             r"(?:el|la|los|las|un|una|unos|unas|su|sus|dos|tres|cuatro|varios|"
                             r"varias|algunos|algunas|muchos|muchas|este|esta|estos|estas|ese|esa|"
                             r"aquel|aquella|mi|mis) [a-záéíóúñ]{3,}(?![\wáéíóúñ])")
"""A determiner and a noun opening a clause: its subject, whatever the noun ("el vapor")."""


def _subject_verbs(prompt: str, view: str, subjects: list[Span], claimed: list[tuple[C, Span]],
                   actions: list[Span]) -> list[Span]:
    """The word right after a Spanish subject, in the third person, is its verb whatever the
    verb ("la persona descubre", "el vapor asciende", "el paisaje cobra vida"); adjectives that
    agree with the noun (-ada, -osa, -nte, "suave") are not."""
    taken = actions + [s for c, s in claimed if c not in (C.MOTION, C.SETTING, C.STYLE)]
    out = []
    nouns = {s.end for s in subjects}
    ends = sorted(nouns | {m.end() for m in _CLAUSE_SUBJECT.finditer(view)})
    for end in ends:
        m = _THIRD_PERSON.match(view, end)
        if not m and (of := _OF_NOUN.match(view, end)):
            m = _THIRD_PERSON.match(view, of.end())  # "un hombre de negocios revisa ..."
        if not m and end in nouns and (said := _SAID_OF_NOUN.match(view, end)):
            # a known noun, then its adjective or its complement: "un músico callejero toca",
            # "un hombre con abrigo negro fuma", "una mujer de pelo rojo lee"; the verb then
            # has its object or its place after it ("sangre falsa cutre," is one more adjective)
            m = _THIRD_PERSON.match(view, said.end())
            if m and not _VERB_GOES_ON.match(view, m.end()):
                m = None
        if not m:
            continue
        span = _span(prompt, m.start("v"), m.end("v"), "grammar", 0.8)
        if not any(_overlaps(span, t) for t in taken):
            out.append(span)
    return out


_SENTENCE_END = re.compile(r"[.;:!?\n]")


def _camera_is_subject(view: str, action: Span) -> bool:
    """"la cámara recorre el espacio ..., y cierra en un plano medio": a verb whose clause has
    the camera as its subject is the camera's move, not an action of the scene."""
    start = break_index(_SENTENCE_END, view).last_end(action.start)
    start = max((m.start() + 1 for m in _NEW_SUBJECT.finditer(view, start, action.start)),
                default=start)
    return bool(_CAMERA_AS_SUBJECT.search(view, start, action.start))


_CAMERA_AS_SUBJECT = re.compile(r"(?<!de )(?<!con )(?<!en )(?<!por )(?:la |una |su )?c[aá]mara"
                                r"(?! lenta| r[aá]pida| de | corporal| en mano| web| oculta)|"
                                r"movimientos? de c[aá]mara(?: [\wáéíóúñ]+)? \Z|"
                                # the shot opening its clause, then "que" ("Plano aéreo cenital
                                # que desciende hacia la plaza"), as _SHOT_MOVES reads it
                                r"(?:^|(?<=[,.;:\n] ))" + _SHOT_NAME + r" que (?:se )?\Z")
"""The camera as a clause's subject; "grabación de cámara de seguridad de X recogiendo",
"cámara en mano" or "cámara lenta" name a kind of footage, and the verb is the person's."""
_WIND_DOES = re.compile(r"(?<![\wáéíóúñ])(?:viento|brisa|r[aá]fagas?(?: de viento)?)"
                        r"(?: [\wáéíóúñ]+)?(?: que)? \Z")
"""The wind as a verb's subject ("una brisa sutil mueve la tela"): how things move (motion),
not something the subject does."""
_VERB_FIRST = re.compile(r"(?:[,;:] |(?<![\wáéíóúñ])(?:y|e|mientras|cuando|donde|que) )"
                         r"(?P<v>(?!(?:luego|despu[eé]s|finalmente|entonces|mientras|cuando|"
                         r"donde|como|seg[uú]n|tras|ante|contra|durante|mediante|hasta|desde|"
                         r"sobre|bajo|entre|hacia|para|por|con|sin|de|en|a|y|o|que|se|le|lo|"
                         r"incluye|muestra|presenta|mantiene|conserva|evita|usa|utiliza|crea|"
                         r"genera|combina|mezcla|a[nñ]ade|aplica|sigue|empieza|comienza|termina|"
                         r"acaba|cierra|abre con|ense[nñ]a|hace|haz|pon|dale|captura|enfoca|"
                         r"resalta|encuadra|graba|filma|renderiza|ilustra|retrata|viste|visten|"
                         r"lleva|llevan|luce|lucen|refleja|reflejan|evoca|transmite|recrea|"
                         r"imita|simula|parezca|parezcan|sea|sean|haya|haz[a-z]*|pon(?:le|la|lo|me))"
                         r"(?![\wáéíóúñ]))[a-záéíóúñ]{3,}(?:a|e|an|en))"
                         r" (?:un|una|el|la|los|las|unos|unas) (?!c[aá]mara)")
"""Verb before subject, as Spanish allows ("vuelve el pulso", "cae la nieve"): a clause that
opens with a third-person word and then a determiner. Not the prompt's first word, which is
most often an order to the model ("Genera un vídeo", "Captura la escena"), nor verbs of
showing, wearing or seeming."""


def _verbs_first(prompt: str, view: str, claimed: list[tuple[C, Span]],
                 actions: list[Span]) -> list[Span]:
    taken = actions + [s for c, s in claimed if c not in (C.MOTION, C.SETTING, C.STYLE)]
    out = []
    for m in _VERB_FIRST.finditer(view):
        span = _span(prompt, m.start("v"), m.end("v"), "grammar", 0.8)
        if not any(_overlaps(span, t) for t in taken) and _THIRD_PERSON.match(
                view, span.start - 1):
            out.append(span)
    return out


_NEW_SUBJECT = re.compile(r" (?:(?:y|e|mientras|cuando) (?:el|la|los|las|su|sus|un|una) |"
                          r"(?:un|una|el|la|los|las|unos|unas) [\wáéíóúñ]+(?: [\wáéíóúñ]+)? "
                          r"(?:que|quien|quienes) )")
"""A conjunction and a determiner, or a noun and its relative pronoun ("la cámara sigue a una
bailarina que gira con elegancia"): a Spanish clause with a subject of its own begins."""


_CAMERA_CARRIER = re.compile(r"镜头|摄像机|摄影机|机位|(?<![架台个只])无人机|カメラ|キャメラ|"
                             r"(?<![機台])ドローン|(?<![\wáéíóúñ])(?:c[aá]mara(?! lenta| r[aá]pida)|"
                             r"dron)(?![\wáéíóúñ])|" + r"|".join((
                                 # what the camera shows or holds in focus, as what moves: the
                                 # picture, the view, the focus, the camera's move
                                 r"画面(?=[从由缓慢逐渐快迅轻微随开がはも])|视角|焦点|运镜",
                                 r"ピント|フォーカス|視点",
                                 r"(?<![\wáéíóúñ])el punto de vista(?![\wáéíóúñ])",
                                 _SHOT_MOVES)))
"""The camera, or the drone that carries it, named as what moves in a clause (一架无人机, a
drone counted, is something filmed); or what the camera shows or focuses on, moving
(画面慢慢过渡到特写, ピントがゆっくり背景へ移る, el punto de vista desciende lentamente);
画面 before a place in it (画面右から, 画面中) names where, not what moves."""
_FRONTED_FOR_CAMERA = re.compile(r"[,，、]\s*(?:(?:y|e) )?(?:la |el |una |un |su |nuestra )?(?:"
                                 + _CAMERA_CARRIER.pattern + r")")
"""A clause of manner words only, put before the clause whose subject is the camera
("Lentamente, la cámara desciende", "Con un movimiento lento, el dron se eleva"): the
camera's speed."""
_LIGHT_DOES = {
    "zh": re.compile(r"(?:灯光|灯火|灯|光线|光芒|光|霓虹灯?|烛光|火光|阳光|月光|星光|屏幕|路灯|街灯|闪电)"
                     r"(?:在|不停|不断|微微|轻轻|忽明忽暗|一闪一闪|渐渐|慢慢|缓缓|逐渐|依次|纷纷|陆续|"
                     r"忽然|突然)?地?\Z"),
    "ja": re.compile(r"(?<![\u30a1-\u30faー])(?:ライト|光|照明|ネオン(?:サイン)?|スポットライト|灯り|"
                     r"明かり|ランプ|街灯|"
                     r"稲妻|画面|朝日|夕日|夕陽|日差し|陽光|月光|日光|太陽)(?:が|は)"
                     r"[^、。,.!?！？\n]{0,12}?\Z"),
    "es": re.compile(r"(?<![\wáéíóúñ])(?:luz|luces|l[aá]mparas?|farol(?:a|es|as)?|focos?|velas?|"
                     r"ne[oó]n(?:es)?|letreros?|pantallas?|rayos?|rel[aá]mpagos?)"
                     r"(?:(?: [\wáéíóúñ]+){0,2}? que(?: se)?|"
                     # after a comma the relative is said of the light phrase's head, however
                     # long the phrase ("Luz: rasante desde abajo, que recorta el relieve")
                     r":?(?: [\wáéíóúñ]+){1,8}?, que(?: se| lo| la| los| las)?) \Z"),
}
"""A light (or a screen) as the verb's subject: 灯光闪烁, スポットライトが当たり, "luces que se
encienden" say how the scene is lit (lighting), nothing anyone does."""
_MODEL_VERB = re.compile(r"(?:convierte|convertir|transforma|transformar|mant[eé]n|mantener|genera|"
                         r"crea|haz|a[nñ]ade|cambia|anima|usa|utiliza)(?![\wáéíóúñ])")
_ORDER_OPENS = re.compile(r"(?:^|[.;:!?\n] *)(?:por favor,? )?\Z")
_ORDER_GOES_ON = re.compile(r"(?:^|[.;:!?\n] *)" + _MODEL_VERB.pattern + r"[^.;:!?\n]*"
                            r"(?:,| y| pero| luego| despu[eé]s) \Z")


def _told_to_the_model(view: str, action: Span) -> bool:
    """"Convierte esta imagen en un vídeo", "Mantén el movimiento ... pero convierte al
    personaje en una estatua": a verb of making or changing the clip that opens a sentence, or
    goes on from one that did, is an order to the model, not what happens in the scene ("la
    oruga se convierte en mariposa" has a subject)."""
    if not _MODEL_VERB.fullmatch(view, action.start, action.end):
        return False
    return bool(_ORDER_OPENS.search(view, 0, action.start)
                or _ORDER_GOES_ON.search(view, 0, action.start))


_FILMED_AFTER = re.compile(r"(?:を|を、)(?:捉え|とらえ|映し|映す|撮|写し|写す|収め|記録)")
_FILMED_BEFORE = re.compile(r"(?:捕捉|拍下|记录|拍摄)(?:着|了)?[\u4e00-\u9fff]{0,6}?的?\Z|"
                            r"(?<![\wáéíóúñ])(?:captura|capta|capturando|captando|registra|"
                            r"registrando|filma|filmando|graba|grabando) (?:el|la|los|las|sus?|"
                            r"cada) (?:[\wáéíóúñ]+ )?\Z")
"""A filming verb with the manner's movement as its object: the camera films something that moves
so ("自然な動きを捉える", "captura el movimiento lento de las olas"), its own speed is not meant."""

MANNER_CLAUSES_BACK = 3
"""How many clauses of manner words only may follow a camera clause and still describe it."""


class _Ends:
    """Where a list of spans starts and ends, sorted once (`Offsets`), for `_camera_manner`,
    which asks it for every motion span of the prompt."""

    def __init__(self, spans: list[Span]) -> None:
        self.starts = Offsets(s.start for s in spans)
        self.ends = Offsets(s.end for s in spans)

    def within(self, a: int, b: int) -> bool:
        """Whether a span starts in [a, b) or ends in (a, b]."""
        return self.starts.any_within(a, b) or self.ends.any_within(a + 1, b + 1)


_MOVER_TO_MANNER = re.compile(r"[がはも]?|[也都还又]?")
"""What may stand between a Chinese or Japanese subject and the manner word of its own verb
(少女缓缓走过, 少女がゆっくり歩く): a topic or subject particle, an adverb of sameness."""
_CAMERA_CAN_DO = re.compile(r"移动|推|拉|升|降|前进|后退|环绕|旋转|平移|滑动|靠近|远离|跟|"
                            r"移|進|近づ|離れ|回|上が|下が|寄")
"""Verbs the camera does as well as the one filmed (镜头跟着女孩慢慢移动: the camera moves)."""


class _Movers:
    """Whether a manner word stands between a subject of the scene and that subject's own verb
    ("镜头跟随一位少女缓缓走过樱花林": the camera follows, the girl walks slowly): the
    manner is the subject's even in a clause the camera opens. Not when the verb is one the
    camera does too (镜头跟着女孩慢慢移动), which stays the camera's."""

    def __init__(self, view: str, subjects: list[Span], actions: list[Span]) -> None:
        self.view = view
        self.subject_ends = Offsets(s.end for s in subjects)
        self.action_starts = Offsets(a.start for a in actions)

    def __call__(self, motion: Span) -> bool:
        view = self.view
        if not any(_MOVER_TO_MANNER.fullmatch(view, end, motion.start)
                   for end in self.subject_ends.within(motion.start - 1, motion.start + 1)):
            return False
        return any(not _CAMERA_CAN_DO.match(view, at)
                   for at in self.action_starts.within(motion.end, motion.end + 2))


def _camera_manner(view: str, motion: Span, cameras: _Ends, others: _Ends,
                   lex: NativeLexicon) -> bool:
    """A manner word in a clause that is only about the camera ("カメラがゆっくり左にパン",
    "ゆっくりとドリーアウト", "镜头缓慢推进") is the camera's speed, not the subject's motion."""
    if _FILMED_AFTER.match(view, motion.end) or _FILMED_BEFORE.search(
            view, max(0, motion.start - 30), motion.start):
        return False  # "カメラは手持ちで、自然な動きを捉える": what the camera films moves so
    if any(not _CLAUSE_BREAK.search(view, motion.end, at)
           for at in cameras.starts.within(motion.end, motion.end + 2)) or any(
            not _CLAUSE_BREAK.search(view, at, motion.start)
            for at in cameras.ends.within(motion.start - 1, motion.start + 1)):
        return True  # "快速推镜头", "镜头推进得很快": said of the move right next to it
    start, end = _clause_of(view, motion)
    carrier = max(_CAMERA_CARRIER.finditer(view, start, motion.start), key=lambda c: c.start(),
                  default=None)
    if carrier and not others.starts.any_within(carrier.end(), motion.start):
        return True  # "随着无人机平稳飞行": the drone that carries the camera, nothing else, moves
    if lex.spaced:  # "la cámara se acerca y el vapor asciende suavemente": a new subject
        start = max((m.start() + 1 for m in _NEW_SUBJECT.finditer(view, start, motion.start)),
                    default=start)

    def in_clause(spans: _Ends, a: int, b: int) -> bool:
        return spans.within(a, b)

    if not in_clause(cameras, start, end):
        # "镜头缓慢推进，速度平稳": a clause of manner words only, right after a clause that is
        # only about the camera, still describes the camera
        if in_clause(others, start, end):
            return False
        if _FRONTED_FOR_CAMERA.match(view, end):
            return True  # "Lentamente, la cámara desciende": said before the camera it is about
        if start == 0:
            return False
        for _ in range(MANNER_CLAUSES_BACK):  # "..., 速度平稳，后半段微微加速": several in a row
            prev_start, _ = _clause_of(view, _span(view, start - 1, start - 1, ""))
            if in_clause(cameras, prev_start, start) and (
                    not in_clause(others, prev_start, start)
                    or _CAMERA_SUBJECT.match(view, prev_start)):
                return True  # a clause about the camera, or one the camera opens as its subject
            if in_clause(others, prev_start, start):
                return False
            if prev_start == 0:
                return False
            start = prev_start
        return False
    if _CAMERA_SUBJECT.search(view, start, motion.start):
        return True  # "カメラがゆっくりと風景をパンする": the camera is the one moving slowly
    return not others.starts.any_within(start, end)


def _subjects(prompt: str, view: str, code: str,
              claimed: list[tuple[C, Span]]) -> tuple[list[Span], list[str]]:
    found: list[tuple[Span, str | None]] = []
    not_subjects = Bounds.of([s for c, s in claimed if c in _NOT_SUBJECT])
    places = Bounds.of([s for c, s in claimed if c is C.SETTING and s.strength >= 1])
    heads = _heads(view) if lexicon(code).spaced and HEADS else None
    for (regex, subject), prefixes in zip(_subject_regexes(code), _subject_prefixes(code),
                                          strict=True):
        for m in (_finditer(heads, regex, prefixes) if heads is not None
                  else regex.finditer(view) if lexicon(code).spaced
                  else _cjk_finditer(regex, view)):
            span = _span(prompt, m.start(), m.end(), subject.family, subject.strength)
            if not_subjects.covers(span.start, span.end):
                continue
            if subject.family == "landscape" and places.covers(span.start, span.end):
                continue  # "在森林中": where it happens
            found.append((span, subject.family))
    if code == "es":  # the dictionary's people and animals (lexicons.es_nouns)
        found += [(span, kind) for a, b, kind in es_nouns.known_subjects(view)
                  if not not_subjects.covers(a, b)
                  for span in (_span(prompt, a, b, kind, 0.9),)]
    kept = _keep_longest(found)
    families: list[str] = []
    for _, family in sorted(kept, key=lambda sm: sm[0].start):
        if family and family not in families:
            families.append(family)
    return [s for s, _ in kept], families


_ES_COMPLEMENT_OF = (C.CAMERA, C.SHOT, C.LENS, C.STYLE, C.PACING)
"""Components whose words a Spanish preposition may name the shown thing of ("primer plano de
una mujer", "toma aérea sobre los acantilados", "travelling lento hacia una bailarina",
"timelapse de una ciudad")."""
SHOT_TO_OF = 30
"""Characters between a shot's words and the preposition of what it shows (adjectives between:
"toma de seguimiento cinemática de un asesino")."""
_ES_WORDS_TO_VERB = re.compile(r"(?: [a-záéíóúñü]+(?:o|a|os|as|es|l|les))?(?: que)?(?: se)?\s*\Z")
"""What may stand between a noun and its verb: an adjective, a relative "que", "se"
("ejércitos enfrentándose", "una bandera roja ondea", "una bailarina que gira")."""
VERB_REACH = 24
"""Characters from a noun to the verb it is the subject of (`_ES_WORDS_TO_VERB`)."""


class _EsComplement:
    """Whether a Spanish noun phrase is a complement, not a subject: governed by a
    preposition ("con partículas de luz", "en llamas", "el reflejo del monitor"), unless it
    is the de-phrase of a view, an amount or a group ("primer plano de una mujer", "un grupo
    de niños": `es_nouns.shown_by_the_noun_before`, or a camera or shot span before the "de")
    or the subject of the verb right after it ("con ejércitos enfrentándose")."""

    def __init__(self, view: str, claimed: list[tuple[C, Span]], actions: list[Span]) -> None:
        self.view = view
        self.shot_ends = Offsets(s.end for c, s in claimed if c in _ES_COMPLEMENT_OF)
        self.action_starts = Offsets(a.start for a in actions)

    def __call__(self, span: Span) -> bool:
        governed = es_nouns.governor(self.view, span.start)
        if governed is None:
            return False
        word, at = governed
        if word in ("de", "del") and es_nouns.shown_by_the_noun_before(self.view, at):
            return False
        return not self._after_a_shot(at, at + len(word)) and not self._verb_after(span)

    def _after_a_shot(self, governor_start: int, governor_end: int) -> bool:
        """Whether a camera, shot or pace span ends right before the preposition (or holds it:
        "el foco en"), with no other noun phrase (no determiner) nor clause break between."""
        view = self.view
        return any(not _CLAUSE_BREAK.search(view, end, governor_start)
                   and not any(w in es_nouns.DETERMINERS
                               for w in re.findall(r"[a-záéíóúñü]+", view[end:governor_start]))
                   for end in self.shot_ends.within(governor_start - SHOT_TO_OF,
                                                    governor_end + 1))

    def _verb_after(self, span: Span) -> bool:
        return any(_ES_WORDS_TO_VERB.match(self.view[span.end:at]) is not None
                   for at in self.action_starts.within(span.end, span.end + VERB_REACH))

    def inside_a_clause(self, span: Span) -> bool:
        """Whether a place has words before it in its clause other than a determiner ("casi
        rozando el suelo"): then it is a verb's or a preposition's complement, not the
        subject that opens a prompt ("Una calle de París de noche")."""
        start = _clause_start(self.view, span.start)
        words = re.findall(r"[a-záéíóúñü]+", self.view[start:span.start])
        return any(w not in es_nouns.DETERMINERS for w in words)


def _es_subject_of_a_verb(prompt: str, view: str, actions: list[Span],
                          claimed: list[tuple[C, Span]]) -> list[Span]:
    """The noun phrase right before a Spanish verb, when the dictionary knows its head, is the
    verb's subject ("una bandera ondea"; lexicons.es_nouns); not one a camera, shot or light
    cue has taken."""
    for action in actions:
        found = es_nouns.subject_of_verb(view, action.start)
        if found is None:
            continue
        span = _span(prompt, found[0], found[1], "grammar", 0.8)
        if not _CAMERA_WORD.match(view[span.start:span.end]) and not any(
                c in _NOT_SUBJECT and _overlaps(span, s) for c, s in claimed):
            return [span]
    return []


def _actions(prompt: str, view: str, code: str, claimed: list[tuple[C, Span]],
             subjects: list[Span]) -> list[Span]:
    blocked = [s for c, s in claimed if c not in (C.MOTION, C.SETTING, C.STYLE)] + subjects
    found: list[tuple[Span, str | None]] = []
    action = _action_regex(code)
    prefixes = _prefixes(code, action) if HEADS else None
    spaced = lexicon(code).spaced
    for m in (_finditer(_heads(view), action, prefixes) if prefixes is not None
              else action.finditer(view) if spaced else _cjk_finditer(action, view)):
        if m.end() > m.start():
            found.append((_span(prompt, m.start(), m.end(), "verb"), None))
    for regex in _grammar_regexes(code):
        for m in regex.finditer(view) if spaced else _cjk_finditer(regex, view):
            a, b = m.span("v")
            if b > a:
                found.append((_span(prompt, a, b, "grammar", 0.8), None))
    settings = Bounds.of([s for c, s in claimed if c is C.SETTING])
    not_verbs = Bounds.of(blocked)
    # what cannot be a verb goes before the longest are kept: "在船头撒网" read as 在 + a verb
    # phrase would hold the noun 船 and hide the verb 撒网 inside it
    found = [(s, m) for s, m in found if not not_verbs.overlaps(s.start, s.end)
             and not (s.cue == "grammar" and settings.overlaps(s.start, s.end))]
    return [s for s, _ in _keep_longest(found) if not _SIMILE.match(view, s.end)
            and not (code == "ja" and s.cue == "verb" and _inside_a_word(view, s))]


_KANJI = re.compile(r"[\u4e00-\u9fff]")
_COUNTED = re.compile(r"(?:[0-9０-９]|[一二三四五六七八九十百千万億両数何])[人歩度回匹頭本つ円]?\Z")
"""A number (and its counter) before a verb is how many, not the head of a word: 一人立つ,
一歩進む, 一押し."""


def _inside_a_word(view: str, verb: Span) -> bool:
    """A Japanese verb's kanji right after another kanji is the tail of a word of its own
    (照明効果が際立ち: 際立つ, not 立つ; 先回り), and 見 before せ is 見せる ("to show")."""
    if verb.start and _KANJI.match(view, verb.start - 1) and _KANJI.match(view, verb.start) \
            and "を" not in verb.text and not _COUNTED.search(view, max(0, verb.start - 2),
                                                               verb.start):
        return True
    return view[verb.start:verb.end] == "見" and view[verb.end:verb.end + 1] == "せ"


_TOPIC = re.compile(r"(?:(?![在于从向把被将但和与的了着是有也都就还又而并])[\u4e00-\u9fff]){2,3}")


def _topic_before_verb(prompt: str, view: str, actions: list[Span],
                       claimed: list[tuple[C, Span]]) -> list[Span]:
    """Two or three characters that open a clause right before its verb are the one doing it
    (周岚转身, 苏晚抬头: a name the lexicon cannot list), when nothing else claims them."""
    for action in actions:
        start, _ = _clause_of(view, action)
        topic = _TOPIC.fullmatch(view, start, action.start)
        if not topic:
            continue
        span = _span(prompt, start, action.start, "grammar", 0.7)
        if _CAMERA_WORD.match(view[start:action.start]) or _CAMERA_TOPIC.search(
                view, start, action.start):
            continue
        if not any(_overlaps(span, s) for _, s in claimed):
            return [span]
    return []


def _fallback_subject(prompt: str, view: str, lex: NativeLexicon,
                      claimed: list[tuple[C, Span]],
                      complement: _EsComplement | None = None) -> list[Span]:
    for m in re.finditer(lex.subject_fallback, view):
        group = next((g for g, v in m.groupdict().items() if v), None)
        if group is None:
            continue
        a, b = m.span(group)
        if b <= a:
            continue
        span = _span(prompt, a, b, "grammar", 0.8)
        if _CAMERA_WORD.match(view[a:b]) or (lex.not_a_subject and lex.not_a_subject(view[a:b])):
            continue
        if complement is not None and complement(span):
            continue  # "los pecados de la humanidad": a de-phrase of a noun modifies it
        for candidate in (span, _head_first(prompt, view, span, lex)):
            if candidate is not None and not any(
                    c in _NOT_SUBJECT + (C.ACTION,) and _overlaps(candidate, s)
                    for c, s in claimed):
                return [candidate]
    return []


def _head_first(prompt: str, view: str, span: Span, lex: NativeLexicon) -> Span | None:
    """A Spanish fallback noun phrase cut after its first noun (None when it has no word
    after it, or the language is not Spanish): the head comes first and what follows
    modifies it ("un asesino futurista", where the adjective is the style's word; "un punzón
    presionando", where the word after it is its verb)."""
    if not lex.spaced:
        return None
    words = list(re.finditer(r"[^ ]+", view[span.start:span.end]))
    if len(words) < 3:
        return None
    return _span(prompt, span.start, span.start + words[1].end(), "grammar", 0.8)


# Traditional characters read through the Simplified lexicon: one character for one, so every
# span keeps its offsets (only characters whose forms differ and that the lexicon uses).
_T2S = str.maketrans(
    "們個這說時頭鏡從來後為對開關門車風雲電燈陽緩變邊遠進運過還讓動見視覺帶點線體當樣機飛鳥魚"
    "貓馬龍園場響聲樂畫麗夢紅綠藍黃銀與學會裡處黑搖環繞寫側陰靜濕燒髮臉國塊間問轉跟隨拍攝顏"
    "調質實類廣長焦淺層虛遠慢漸輕柔靈飄揚葉櫻劍騎戰鬥狗鷹貓熊獅龜蝴蝶鯨爾聽歌說話吶喊輛船艘"
    "橋樓廳廚傘領帶裙襯衫鞋帽戴著滿舊亂燈霧陽曬蓋鋪浪濤湧漣漪漁夢幻極簡復懸疑驚悚紀錄",
    "们个这说时头镜从来后为对开关门车风云电灯阳缓变边远进运过还让动见视觉带点线体当样机飞鸟鱼"
    "猫马龙园场响声乐画丽梦红绿蓝黄银与学会里处黑摇环绕写侧阴静湿烧发脸国块间问转跟随拍摄颜"
    "调质实类广长焦浅层虚远慢渐轻柔灵飘扬叶樱剑骑战斗狗鹰猫熊狮龟蝴蝶鲸尔听歌说话呐喊辆船艘"
    "桥楼厅厨伞领带裙衬衫鞋帽戴着满旧乱灯雾阳晒盖铺浪涛涌涟漪渔梦幻极简复悬疑惊悚纪录")


def to_simplified(text: str) -> str:
    return text.translate(_T2S)
