"""Changing text to follow the house rules.

Two uses: `apply_safe_fixes` (what `framecraft lint --fix` writes into a team's files: only
changes that cannot alter what the prompt asks for, i.e. banned words that have a replacement,
and negations moved into the negative prompt of a model that takes one) and `follow_rules` (the
critique's rewrite: never a banned word, the preferred terms used).
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from bot.core import cached_re as re
from bot.core.house_rules.model import HouseRules, phrase_pattern
from bot.core.knowledge import ModelProfile

_VOWEL_SOUND = re.compile(r"^(?:[aeio]|u(?!ni|se|su|ro)|hour|honest|honou?r|8|11|18)", re.I)


class FixResult(BaseModel):
    prompt: str
    negative: str | None = None
    """The negative prompt after the fix (the rules' `negative` plus moved negations)."""
    applied: list[str] = Field(default_factory=list)
    """One line per change, for `--diff` and the report."""

    @property
    def changed(self) -> bool:
        return bool(self.applied)


def tidy(text: str) -> str:
    """Collapse the spaces and commas a deletion leaves behind, keep line breaks."""
    text = re.sub(r"[ \t]*,[ \t]*(?:,[ \t]*)+", ", ", text)
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r"[ \t]+([,.;:!?])", r"\1", text)
    text = re.sub(r"([(\[])[ \t]+", r"\1", text)
    text = re.sub(r"^[ \t]*[,;][ \t]*", "", text, flags=re.M)
    return text.strip(" \t,;")


def _article_for(next_word: str, original: str) -> str:
    an = bool(_VOWEL_SOUND.match(next_word))
    article = "an" if an else "a"
    return article.capitalize() if original[:1].isupper() else article


def substitute(text: str, regex: re.Pattern[str], replacement: str) -> tuple[str, int]:
    """Replace every match, fix an a/an right before it for the word that now follows, tidy.

    "an epic battle" minus "epic" is "a battle", not "an battle"; the author's other words are
    left exactly as written."""
    out: list[str] = []
    last, count = 0, 0
    for m in regex.finditer(text):
        if m.end() == m.start():
            continue
        before = text[last:m.start()]
        if not replacement and re.match(r"\s*(?:[,.;:!?)\]]|$)", text[m.end():]):
            # "shot in 4K," minus "4K" would leave "shot in,": the preposition goes too.
            before = re.sub(r"(?<!\w)(?:in|at|with|on|of|for)\s*$", "", before, flags=re.I)
        out.append(before)
        out.append(replacement)
        last, count = m.end(), count + 1
        head = "".join(out)
        art = re.search(r"(?<!\w)(an?|An?)(\s+)$", head[:len(head) - len(replacement)]) \
            if not replacement else None
        if art:
            following = re.match(r"\s*(\w+)", text[m.end():])
            if following:
                fixed = _article_for(following.group(1), art.group(1))
                head = head[:art.start()] + fixed + art.group(2)
                out = [head]
    if not count:
        return text, 0
    out.append(text[last:])
    return tidy("".join(out)), count


def follow_rules(text: str, rules: HouseRules) -> str:
    """`text` with the preferred terms used and no banned word (replaced where the rules give
    a replacement, else removed). For rewrites: the author of the rules wins over any
    default the rewrite chose."""
    for pref in rules.prefer or ():
        for _phrase, regex in pref.regexes:
            text, _ = substitute(text, regex, pref.use)
    for ban in rules.ban or ():
        text, _ = substitute(text, ban.regex, ban.replace or "")
    return text


def merge_negative(*parts: str | None) -> str | None:
    """One negative prompt from several, each item once (case-insensitively), in first-seen
    order: rules and the author's own negative are joined, never repeated."""
    items: list[str] = []
    for part in parts:
        for item in (part or "").split(","):
            item = item.strip()
            if item and item.lower() not in (x.lower() for x in items):
                items.append(item)
    return ", ".join(items) or None


def move_negations(prompt: str, model: ModelProfile | None) -> tuple[str, list[str]]:
    """Take "no people" / "without cars" out of the prompt for a model with a negative prompt,
    returning the prompt and what to put in the negative prompt. Other models: unchanged."""
    if model is None or not model.negative_prompt:
        return prompt, []
    from bot.core.critique.analysis import analyze
    from bot.core.critique.rewrite import remove_negations

    analysis = analyze(prompt)
    if not analysis.negations:
        return prompt, []
    text, moved = remove_negations(analysis, prompt, model)
    return text, moved


def apply_safe_fixes(prompt: str, rules: HouseRules, model: ModelProfile | None,
                     existing_negative: str | None = None) -> FixResult:
    """The safe fixes, in order: banned words with a replacement, then negations moved into
    the negative prompt (with the rules' `negative`) when the model takes one."""
    text, applied = prompt, []
    for ban in rules.ban or ():
        if ban.replace is None:
            continue
        text, n = substitute(text, ban.regex, ban.replace)
        if n:
            what = f"deleted {ban.label!r}" if ban.replace == "" else \
                f"replaced {ban.label!r} with {ban.replace!r}"
            applied.append(f"{what} ({n}x)" if n > 1 else what)
    text, moved = move_negations(text, model)
    if moved:
        applied.append(f"moved {', '.join(repr(m) for m in moved)} into the negative prompt")
    negative = existing_negative
    if model is not None and model.negative_prompt:
        negative = merge_negative(existing_negative, rules.negative, ", ".join(moved))
    return FixResult(prompt=text, negative=negative, applied=applied)


def prefers_used(text: str, rules: HouseRules) -> bool:
    """No phrase the team says differently is left in `text` (a check for tests and lint)."""
    return not any(regex.search(text) for pref in rules.prefer or () for _p, regex in pref.regexes)


def banned_in(text: str, rules: HouseRules) -> list[str]:
    """The banned words still in `text`."""
    return [m.group(0) for ban in rules.ban or () for m in ban.regex.finditer(text)]


__all__ = ["FixResult", "apply_safe_fixes", "banned_in", "follow_rules", "move_negations",
           "phrase_pattern", "prefers_used", "substitute", "tidy"]
