"""A finding's fix as words a writer can paste into a prompt.

The fix is cut out of a shot's own text, so its edges fall where the anchor's words end, not
where a phrase does: "graded in deep amber and oxblood with" (the clause went on), "him from a
skylight directly above" (the light fell on someone), "platinum crew cut, crew cut" (two
mentions, one inside the other). Pasted as is, these read as broken English. This module
mends the edges by grammar (function words cannot end a phrase, an object pronoun cannot
start one) and drops a part that another part already says.
"""

from __future__ import annotations

from bot.core import cached_re as re

_TRAILING = re.compile(r"(?:[\s,;:]+(?:with|and|or|of|in|on|at|to|from|by|for|into|onto|"
                       r"under|over|as|while|the|a|an|his|her|their|its|whose|which|that|"
                       r"who|but|plus|against|behind|beside|through))+[\s,;:]*$", re.I)
"""Function words that only lead into more words: a phrase cut after them is unfinished."""

_LEADING_OBJECT = re.compile(r"^(?:him|them|it|me|us|her(?=\s+(?:from|with|at|by|in|on|"
                             r"through|under|over|behind)\s))\s+", re.I)
"""An object pronoun at the start ("him from a skylight"): the one the light falls on, left
behind by the clause; "her" only before a preposition ("her red coat" is a possessive)."""

_LEADING_JOIN = re.compile(r"^(?:and|or|with|but|plus|while|as)\s+", re.I)


def _inside(part: str, other: str) -> bool:
    """Whether `part` is said word for word inside `other` ("crew cut" in "platinum crew
    cut")."""
    return part.lower() != other.lower() and re.search(
        r"(?<![\w'-])" + re.escape(part) + r"(?![\w'-])", other, re.I) is not None


def pasteable(fix: str) -> str:
    """The fix with its edges mended and its repeated parts dropped; unchanged when it
    already reads as a phrase, and never emptied."""
    parts = [p.strip() for p in fix.split(", ") if p.strip()]
    kept = [p for p in parts if not any(_inside(p, o) for o in parts)]
    text = ", ".join(dict.fromkeys(kept)) or fix
    mended = _TRAILING.sub("", text)
    mended = _LEADING_JOIN.sub("", mended)
    unobjected = _LEADING_OBJECT.sub("", mended)
    if unobjected != mended and re.match(r"(?:from|through|under|over|behind)\s", unobjected,
                                         re.I):
        unobjected = "light " + unobjected  # "him from a skylight" → "light from a skylight"
    mended = unobjected.strip(" ,;:")
    return mended if mended else fix.strip()
