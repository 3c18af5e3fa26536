"""Every shot with the shared anchors repeated, word for word (guide: consistency, "Repeat
descriptors exactly").

Drift is repaired by putting the first shot's words in place of the drifted ones; a gap by
pasting the anchor where it is missing: a character's description next to their first mention
(or before the shot when only a pronoun names them), a place's details in place of its short
name, and the sequence's time, light, palette, lens and style at the end. In i2v mode only
drift is repaired: the first frame carries the rest, and pasting it would re-describe it.
"""

from __future__ import annotations

from bot.core import cached_re as re
from bot.core.critique import anchor_words as vocab
from bot.core.sequence.anchors import GLOBAL_ANCHORS, ShotAnchors
from bot.core.sequence.place import PART_OWNER
from bot.core.sequence.results import Finding
from bot.core.sequence.spans import STOP_LEFT, Mention


def shared_anchors(shots: list[ShotAnchors], findings: list[Finding]) -> dict[str, str]:
    """The text each anchor should read in every shot: the fix of its findings, else the words
    of the first shot that states it (sequence anchors only)."""
    out: dict[str, str] = {}
    for f in findings:
        key = f"{f.anchor}:{f.subject}" if f.subject else f.anchor
        out.setdefault(key, f.fix)
    for anchor in GLOBAL_ANCHORS:
        if anchor in out:
            continue
        first = next((s.text(anchor) for s in shots if s.text(anchor)), None)
        if first:
            out[anchor] = first
    return out


def rewrite_shots(shots: list[ShotAnchors], findings: list[Finding], mode: str = "t2v") -> list[str]:
    return [_rewrite(s, findings, mode) for s in shots]


def _rewrite(shot: ShotAnchors, findings: list[Finding], mode: str) -> str:
    text = shot.shot.prompt
    n = shot.shot.index
    mine = [f for f in findings if n in f.paste_into and f.fix]
    edits: list[tuple[int, int, str]] = []
    for f in (f for f in mine if f.kind == "drift"):
        edits += _drift_edits(shot, f)
    text = _apply(text, _without_overlaps(edits))
    if mode != "t2v":
        return _tidy(text)
    tail: list[str] = []
    lead: list[str] = []
    for f in (f for f in mine if f.kind == "gap"):
        if f.anchor in GLOBAL_ANCHORS:
            tail.append(f.fix)
        elif f.anchor == "setting":
            text, done = _replace_place(text, f.subject, f.fix)
            if not done:
                tail.append(f.fix)
        else:
            text, done = _after_name(text, f.subject, f.fix)
            if not done:
                lead.append(f.fix)
    body = text.rstrip(" .")
    if tail:
        body = f"{body}, {', '.join(dict.fromkeys(tail))}"
    if lead:
        lead_text = ". ".join(dict.fromkeys(x[0].upper() + x[1:] for x in lead))
        body = f"{lead_text}. {body}"
    return _tidy(body + ".")


def _drift_edits(shot: ShotAnchors, finding: Finding) -> list[tuple[int, int, str]]:
    """The edits that put a drift finding's words in force in place of the shot's own: each
    drifted mention's span (overlapping spans as one) gets the words of its slot the first
    time those words are said in the shot, and is cut after that ("curly brown hair" against
    a bald head is one "bald", not three)."""
    spans: list[tuple[int, int, str]] = []
    anchor_of_character = finding.anchor == "character"
    whole = _whole_sheet(shot, finding) if anchor_of_character else None
    if whole is not None:
        return [whole]
    for key, words in finding.replace.items():
        anchor, slot = key.split(":", 1)
        for m in shot.of(anchor):
            if (finding.subject and m.owner not in {finding.subject, PART_OWNER}) or \
                    (slot and m.slot != slot):
                continue
            if m.owner == PART_OWNER:  # a floor said without its place: the place's floor
                part = _part_words(finding.fix, m)
                if part:
                    spans.append((m.start, m.end, part))
                continue
            spans.append((m.start, m.end, words))
    text = shot.shot.prompt
    spans = [(_phrase_start(text, start) if anchor_of_character else start, end, words)
             for start, end, words in spans]
    merged: list[tuple[int, int, str]] = []
    for start, end, words in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]), merged[-1][2])
        else:
            merged.append((start, end, words))
    worn = {w for key, w in finding.replace.items() if key.startswith("wardrobe:")}
    placed: set[str] = set()
    edits = []
    for start, end, words in merged:
        said = _with_article(text, start, words) if words in worn else words
        if anchor_of_character:
            said = _as_noun_phrase(text, start, end, said)
        edits.append((start, end, "" if words in placed else said))
        placed.add(words)
    return edits


def _whole_sheet(shot: ShotAnchors, finding: Finding) -> tuple[int, int, str] | None:
    """The shot's whole description of the character replaced by the one in force, when the
    shot has one ("Marco, an elderly luthier with short white hair and a blue denim apron")
    and every drifted word lies inside it: the sheet pasted whole reads as English, where
    slot-by-slot words would not ("an in his fifties luthier")."""
    sheet = finding.replace.get("character:look")
    if not sheet:
        return None
    looks = [m for m in shot.of("character", finding.subject) if m.slot == "look"]
    if not looks:
        return None
    look = looks[0]
    drifted = [m for key in finding.replace if key != "character:look"
               for m in shot.of(key.split(":", 1)[0], finding.subject)
               if m.slot == key.split(":", 1)[1]]
    if not drifted or any(m.start < look.start or m.end > look.end for m in drifted):
        return None
    if look.text.split(",")[0].strip().lower() != sheet.split(",")[0].strip().lower():
        return None  # another way of naming them ("the baker" / "Bea"): keep the shot's own
    return look.start, look.end, sheet


def _part_words(fix: str, part: Mention) -> str:
    """The words the fix gives the same part ("a black-and-white checkerboard floor" out of
    the diner's description, for "a sage-green linoleum floor"); '' when it gives none."""
    noun = next((v.split(":")[1] for v in sorted(part.values) if v.startswith("dn:")), "")
    found = list(re.finditer(r"((?:[\w-]+ ){0,3})" + re.escape(noun) + r"s?(?![\w-])", fix,
                             re.I)) if noun else []
    if not found:
        return ""
    lead = found[-1].group(1).split()
    while lead and lead[0].lower() not in STOP_LEFT and any(w.lower() in STOP_LEFT for w in lead):
        lead.pop(0)
    if any(w.lower() in STOP_LEFT for w in lead):
        lead = lead[max(i for i, w in enumerate(lead) if w.lower() in STOP_LEFT) + 1:]
    return " ".join([*lead, part.text.split()[-1]])  # the shot's own number ("booths")


_WORD_LEFT = re.compile(r"(?<![\w'-])([a-z][a-z-]*) $")


def _phrase_start(text: str, start: int) -> int:
    """Where a trait's noun phrase starts: the plain adjectives right before the words the
    reader took ("with thick curly brown hair": "thick" goes with them), up to a function word
    or punctuation, so the words in force replace the whole phrase."""
    for _ in range(2):
        m = _WORD_LEFT.search(text[max(0, start - 20):start])
        if m is None or m.group(1) in STOP_LEFT:
            break
        start -= len(m.group(0))
    return start


_HEAD_NOUN = re.compile(r"(?<![\w'-])(?:hair|head|scalp|locks|curls|braids?|beard|moustache|"
                        r"mustache|eyes|face|skin|cut|crop|bob|ponytail|bun|mohawk|dreadlocks)"
                        r"(?![\w'-])", re.I)
_NOUN_SLOT_BEFORE = re.compile(r"(?<![\w'-])(?:with|has|had|have|and|sporting|sports)\s+$", re.I)


def _as_noun_phrase(text: str, start: int, end: int, words: str) -> str:
    """A trait said as a bare adjective ("bald") put where the shot had a noun phrase after
    "with" ("with thick curly brown hair and his cardigan"): the adjective gets its head noun
    and an article ("with a bald head"; a colour gets "hair"), so the pasted sentence still
    reads as English."""
    if _HEAD_NOUN.search(words) or not _HEAD_NOUN.search(text[start:end]) or \
            not _NOUN_SLOT_BEFORE.search(text[max(0, start - 12):start]):
        return words
    if len(words.split()) > 3 or _ARTICLE_START.match(words):
        return words
    if words.split()[-1].lower() not in _BARE_HEAD:
        return f"{words} hair"  # "with brown hair" → "with blonde hair"
    return f"{_indefinite(words)} {words} head"


_BARE_HEAD = frozenset({"bald", "balding", "shaved", "shaven", "hairless", "clean-shaven",
                        "close-shaved", "buzzed"})
"""Adjectives whose noun is the head, not the hair ("a bald head", "a shaved head")."""


_BARE_BEFORE = re.compile(r"(?<![\w'-])(?:in|wearing|wears|with|and)\s+$", re.I)
_ARTICLE_START = re.compile(r"^(?:a|an|the|his|her|their|its)\s", re.I)


def _with_article(text: str, start: int, words: str) -> str:
    """The words in force, with "a"/"an" when they take the place of a plural or a mass noun
    said bare ("in faded jeans" → "in a red sundress"), so the sentence still reads."""
    if not _BARE_BEFORE.search(text[max(0, start - 12):start]) or _ARTICLE_START.match(words):
        return words
    last = words.rsplit(" ", 1)[-1].lower()
    plural = last in vocab.GARMENT_PLURALS or (last.endswith("s") and not last.endswith("ss"))
    if plural or not words[:1].isalpha():
        return words
    return ("an " if words[0].lower() in "aeiou" else "a ") + words


def _plural(word: str) -> bool:
    low = word.lower().strip("'’")
    return low in vocab.GARMENT_PLURALS or low in {"lenses", "primes", "optics"} or (
        low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3)


def _without_overlaps(edits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Edits that touch no earlier edit's words (the first, in text order, wins)."""
    kept: list[tuple[int, int, str]] = []
    for edit in sorted(set(edits)):
        if kept and edit[0] < kept[-1][1]:
            continue
        kept.append(edit)
    return kept


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    for start, end, replacement in sorted(set(edits), reverse=True):
        text = text[:start] + _in_sentence(text, start, replacement) + text[end:]
        text = _article(text, start)
    return text


_PLAIN_FIRST = frozenset(vocab.words(
    "hard soft single key warm cold cool anamorphic spherical high-contrast low-key natural "
    "golden bright late early muted desaturated saturated rich deep pale dark light grainy "
    "clean crisp shot sun sunlight moonlight window lamp candlelight backlit rim top side "
    "overhead black white monochrome sepia bleached faded vivid cinematic photoreal "
    "photorealistic hand-painted hand-drawn painted"))
"""Ordinary words a fix may start with capitalised only because they began the shot that
said them ("Hard key light from the right"): mid-sentence they go back to lower case."""


def _in_sentence(text: str, start: int, words: str) -> str:
    """The words in force as they read at this place: a capital that only began a sentence
    elsewhere is lowered mid-sentence ("leaning into hard key light"), a name is kept."""
    first = re.match(r"[A-Z][a-z-]*", words)
    if first is None or first.group(0).lower() not in _PLAIN_FIRST:
        return words
    if not text[:start].strip() or re.search(r"[.!?:]\s*$", text[:start]):
        return words
    return words[:1].lower() + words[1:]


def _indefinite(following: str) -> str:
    """"an" before a vowel letter, else "a": the one spelling rule both the article mend and
    a bare trait's head noun ("a bald head") use."""
    return "an" if following[:1].lower() in ("a", "e", "i", "o", "u") else "a"


def _article(text: str, at: int) -> str:
    """Mend "a"/"an" just before an edit ("an dark green jacket" → "a dark green jacket");
    drop it before a plural ("on a anamorphic lenses" → "on anamorphic lenses") or before an
    edit that brings its own article."""
    m = re.search(r"(?<![\w'-])(a|an|A|An)\s+$", text[:at])
    if not m:
        return text
    phrase = re.match(r"[^,.;:()]*?(?=\s(?:of|with|in|and|on|at|from|for|by)\s|[,.;:()]|$)",
                      text[at:])
    words = phrase.group(0).split() if phrase else []
    if words and (_ARTICLE_START.match(text[at:]) or _plural(words[-1])):
        return text[:m.start(1)] + text[at:] if not m.group(1)[0].isupper() else \
            text[:m.start(1)] + text[at:at + 1].upper() + text[at + 1:]
    right = _indefinite(text[at:])
    right = right.capitalize() if m.group(1)[0].isupper() else right
    return text[:m.start(1)] + right + text[m.end(1):]


def _after_name(text: str, subject: str, sheet: str) -> tuple[str, bool]:
    """Put a description after the character's first mention by name or noun; when the sheet
    starts with that name, the mention becomes the sheet."""
    if not subject:
        return text, False
    m = re.search(r"(?<![\w'-])(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,2})?" + re.escape(subject) +
                  r"(?![\w'-])", text, re.I)
    if not m:
        return text, False
    if sheet.lower().startswith(subject.lower()) or subject.lower() in sheet.lower()[:40]:
        return text[:m.start()] + _as_said_here(text, m, sheet) + text[m.end():], True
    return text[:m.end()] + f" ({sheet})" + text[m.end():], True


_DETERMINER = re.compile(r"^(a|an|the|our|this|that)\s+", re.I)


def _as_said_here(text: str, mention: re.Match[str], sheet: str) -> str:
    """The sheet in place of a mention, with the mention's own determiner ("the baker" stays
    definite: "the baker in a flour-dusted navy apron", not "A baker in ..."), and a capital
    only where the sentence starts."""
    own = _DETERMINER.match(mention.group(0))
    theirs = _DETERMINER.match(sheet)
    if own and theirs:
        sheet = own.group(1) + " " + sheet[theirs.end():]
    starts = not text[:mention.start()].strip() or \
        re.search(r"[.!?:]\s*$", text[:mention.start()]) is not None
    first = sheet[:1]
    return (first.upper() if starts else first.lower() if theirs or own else first) + sheet[1:]


def _replace_place(text: str, place: str, details: str) -> tuple[str, bool]:
    m = re.search(r"(?<![\w'-])(?:(?:a|an|the)\s+)?" + re.escape(place) + r"(?![\w'-])", text,
                  re.I)
    if not m:
        return text, False
    return text[:m.start()] + details + text[m.end():], True


def _tidy(text: str) -> str:
    text = re.sub(r"\s+,", ",", text)
    text = re.sub(r",\s*,+", ",", text)
    text = re.sub(r"\(\s*\)", "", text)
    text = re.sub(r"\s{2,}", " ", text)
    text = re.sub(r"^[\s,]+", "", text)
    text = re.sub(r",\s*\.", ".", text)
    return text.strip()
