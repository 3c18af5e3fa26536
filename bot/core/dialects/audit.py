"""Check a translation against its source: invented words, repeats, broken vendor rules.

Independent of how the translator works: it reads only the source, the translated text and
the target's profile data (its camera phrases, declared syntax words, avoid list, limits). The
tests and `benchmarks/translation_fidelity.py` use it over the gallery, every model and prompts
written outside the project (issue 12: translation invents nothing and repeats nothing).

Allowed in a translated prompt, besides the source's own words:
- the target's `syntax_words` (labels and connectors of its layout);
- the target's phrase for a camera move the source names (the move mapped into its syntax);
- the spellings of a synonym group the source uses (`rules.SYNONYMS`: vocabulary mapping).
Words are compared by a crude stem (walks = walk, slowly = slow), on content words only.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from bot.core import cached_re as re
from bot.core.critique.analysis import analyze
from bot.core.dialects import rules
from bot.core.dialects.layout import BLOCK_LAYOUT
from bot.core.dialects.segments import GROUP, segment
from bot.core.dialects.types import Translation
from bot.core.knowledge import KnowledgeBase, ModelProfile

# Function words: grammar, not content. A translation may move them around freely.
STOPWORDS = frozenset([
    "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "of", "in", "on", "at", "to",
    "from", "by", "with", "without", "into", "onto", "over", "under", "above", "below", "across",
    "through", "toward", "towards", "around", "about", "after", "before", "during", "while",
    "as", "than", "then", "until", "up", "down", "out", "off", "for", "per", "via", "is", "are",
    "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "there",
    "here", "their", "they", "them", "his", "her", "hers", "him", "he", "she", "we", "our",
    "you", "your", "i", "me", "my", "mine", "who", "whom", "whose", "which", "what", "when",
    "where", "how", "all", "any", "some", "each", "every", "both", "either", "neither", "no",
    "not", "one", "own", "same", "such", "just", "also", "very", "too", "only", "again", "once",
    "more", "most", "other", "another", "s", "t",
])

_WORD = re.compile(r"[^\W\d_]+")
_CLAUSE = re.compile(r"[.;:,!?\n\[\]()\"\u201c\u201d]+")


def stem(word: str) -> str:
    """A crude, symmetric stem: walks/walked/walking -> walk, slowly -> slow, rises -> ris."""
    w = word.lower()
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ily", "y"), ("ingly", ""), ("ing", ""),
                         ("edly", ""), ("ed", ""), ("tly", "tl"), ("bly", "bl"), ("ply", "pl"),
                         ("ly", ""), ("es", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= (4 if suffix == "ly" else 3):
            w = w[: len(w) - len(suffix)] + repl
            break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]  # running -> runn -> run
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


def content_words(text: str) -> list[str]:
    """Stems of the words that carry meaning, in order."""
    return [stem(t) for t in _WORD.findall(text.lower()) if t not in STOPWORDS and len(t) > 1]


def named_moves(source: str, kb: KnowledgeBase) -> set[str]:
    """Canonical camera moves the source names, by the critique's reading and by any
    profile's own phrase for a move (Hailuo's `[Truck left, Pan right]` is an orbit)."""
    moves = set(analyze(source).camera_moves)
    low = source.lower()
    for profile in kb.models.values():
        for move, phrase in profile.camera.moves.items():
            if phrase.lower() in low:
                moves.add(move)
    return moves


def allowed_words(source: str, target: ModelProfile, kb: KnowledgeBase) -> set[str]:
    allowed = set(content_words(source))
    allowed |= set(content_words(" ".join(target.syntax_words)))
    for move in named_moves(source, kb):
        allowed |= set(content_words(target.camera.moves.get(move, "")))  # type: ignore[call-overload]
    low = source.lower()
    for group in rules.SYNONYMS:
        if any(re.search(r"(?<!\w)" + re.escape(g) + r"(?!\w)", low) for g in group):
            allowed |= set(content_words(" ".join(group)))
    return allowed


def invented(source: str, t: Translation, kb: KnowledgeBase) -> list[str]:
    """Content words in the translated prompt that neither the source nor the target's
    syntax accounts for."""
    allowed = allowed_words(source, kb.models[t.model], kb)
    return sorted({w for w in content_words(t.prompt) if w not in allowed})


def _bigrams(text: str) -> Counter[tuple[str, str]]:
    grams: Counter[tuple[str, str]] = Counter()
    for clause in _CLAUSE.split(text):
        words = content_words(clause)
        grams.update(zip(words, words[1:], strict=False))
    return grams


def _sentences(text: str) -> Counter[str]:
    parts = re.split(r"(?<=[.!?])\s+|\n+", text)
    return Counter(" ".join(content_words(p)) for p in parts if content_words(p))


def repeated(source: str, t: Translation) -> list[str]:
    """Phrases (content-word pairs within a clause) and sentences the translation says more
    often than the source does."""
    out = []
    src_grams, out_grams = _bigrams(source), _bigrams(t.prompt)
    out += [" ".join(g) for g, n in out_grams.items() if n > src_grams.get(g, 0) and n > 1]
    src_sent, out_sent = _sentences(source), _sentences(t.prompt)
    out += [s for s, n in out_sent.items() if n > 1 and n > src_sent.get(s, 0)]
    return sorted(out)


@dataclass
class RuleCheck:
    violations: list[str] = field(default_factory=list)

    def fail(self, rule: str, detail: str) -> None:
        self.violations.append(f"{rule}: {detail}")


_NEGATION_AVOIDED = re.compile(r"^no / not / without", re.I)
_SETTINGS = {
    "duration": re.compile(r"\b\d{1,3}(?:\.\d+)?[- ]?(?:secs?|seconds?)\b"
                           r"|\b\d{1,2}s[- ](?:clip|video|shot|long)\b", re.I),
    "resolution": re.compile(r"\b(?:4k|8k|1080p|720p|2160p)\b", re.I),
    "aspect ratio": re.compile(r"(?<![\d:])(?:16:9|9:16|1:1|4:3|3:4|21:9)(?![\d:])"),
}


def vendor_violations(source: str, t: Translation, kb: KnowledgeBase) -> list[str]:
    """Every rule of the target's profile the translated prompt breaks: length limit,
    negation placement, avoided words and settings words, bracket syntax, camera first,
    component order."""
    p = kb.models[t.model]
    check = RuleCheck()
    if len(t.prompt) > p.max_prompt_chars:
        check.fail("length", f"{len(t.prompt)} > {p.max_prompt_chars} characters")
    _negation_rules(source, t, p, check)
    for phrase in p.avoid:
        plain = re.fullmatch(r"[A-Za-z0-9][\w' -]{0,24}", phrase) and len(phrase.split()) <= 3
        if plain and re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", t.prompt, re.I):
            check.fail("avoid", phrase)
    avoid_text = " ".join(p.avoid).lower()
    for kind, pattern in _SETTINGS.items():
        if kind.split()[0] in avoid_text and pattern.search(t.prompt):
            check.fail("settings", f"{kind} written in the prompt")
    _bracket_rules(t, p, kb, check)
    _order_rule(t, p, check)
    if p.camera.style == "prefix":
        for c in t.changes:
            head = (c.after or "").rstrip(":")
            if (c.action == "camera-syntax" and head
                    and not t.prompt.lower().startswith(head.lower())):
                check.fail("camera-first", f"prompt does not start with {head!r}")
    return check.violations


_BLOCKS = ("Cinematography:", "Action:")


def _order_rule(t: Translation, p: ModelProfile, check: RuleCheck) -> None:
    """The profile's component order, read back from the output: its clauses come in the
    order of their groups' first component in `component_order` (bracket commands aside). A
    clause that carries two groups may stand at either's place; a block layout (Sora) has its
    scene prose, then its labelled blocks, in order."""
    if BLOCK_LAYOUT.get(p.id) == "cinematography":
        at = [t.prompt.find("\n\n" + label) for label in _BLOCKS]
        found = [i for i in at if i >= 0]
        if found != sorted(found):
            check.fail("order", "cinematography and action blocks out of order")
        return
    order = list(p.component_order)
    group_rank = {g: min((order.index(c) for c in order if GROUP[c] == g), default=len(order))
                  for g in set(GROUP.values())}
    current = -1
    for u in segment(t.prompt, analyze(t.prompt)):
        if not u.comps or u.text.startswith("["):
            continue
        places = sorted({group_rank[GROUP[c]] for c in u.comps})
        fits = [r for r in places if r >= current]
        if not fits:
            check.fail("order", f"{u.group} clause {u.text[:40]!r} after a later group")
            return
        current = fits[0]


def _negation_rules(source: str, t: Translation, p: ModelProfile, check: RuleCheck) -> None:
    if any(_NEGATION_AVOIDED.match(a) for a in p.avoid):
        for n in analyze(t.prompt).negations:
            check.fail("negation", f"{n.text!r} in the prompt")
    if not p.negative_prompt:
        if t.negative_prompt is not None:
            check.fail("negative-prompt", f"{p.name} has no negative prompt field")
        return
    wanted = [rules.NEGATOR.sub("", n.text).strip().lower() for n in analyze(source).negations]
    have = (t.negative_prompt or "").lower()
    for thing in wanted:
        if thing and thing.split()[0] not in have:
            check.fail("negative-prompt", f"{thing!r} not in the negative prompt")


def _bracket_rules(t: Translation, p: ModelProfile, kb: KnowledgeBase, check: RuleCheck) -> None:
    groups = re.findall(r"\[([^\[\]]*)\]", t.prompt)
    if p.camera.style == "bracketed":
        known = {c.strip().lower() for ph in p.camera.moves.values() for c in ph.split(",")}
        total = 0
        for g in groups:
            items = [i.strip().lower() for i in g.split(",") if i.strip()]
            if items and all(i in known for i in items):
                total += len(items)
            elif items and any(i in known for i in items):
                check.fail("brackets", f"[{g}] mixes commands and other words")
        if total > p.camera.max_moves:
            check.fail("brackets", f"{total} bracketed commands > {p.camera.max_moves}")
        return
    commands = {c.strip().lower() for m in kb.models.values() if m.camera.style == "bracketed"
                for ph in m.camera.moves.values() for c in ph.split(",")}
    for g in groups:
        items = [i.strip().lower() for i in g.split(",") if i.strip()]
        if items and all(i in commands for i in items):
            check.fail("brackets", f"[{g}] is bracket syntax {p.name} does not read")
