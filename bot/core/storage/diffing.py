"""Differences between two prompt versions: word by word (difflib) and component by component
(what the analyser reads in each: "camera changed from 'static' to 'slow dolly-in'")."""

from __future__ import annotations

import difflib
from collections.abc import Callable

from bot.core import cached_re as re
from bot.core.storage.records import ComponentChange, WordChange

Analyzer = Callable[[str], object]


def word_changes(a: str, b: str) -> tuple[list[WordChange], str]:
    """Opcodes over words, and b's text with `[-removed-]{+added+}` marks."""
    wa, wb = a.split(), b.split()
    changes: list[WordChange] = []
    marked: list[str] = []
    sm = difflib.SequenceMatcher(a=wa, b=wb, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        before, after = " ".join(wa[i1:i2]), " ".join(wb[j1:j2])
        changes.append(WordChange(op=op, before=before, after=after))
        if op == "equal":
            marked.append(after)
        else:
            if before:
                marked.append(f"[-{before}-]")
            if after:
                marked.append(f"{{+{after}+}}")
    return changes, " ".join(marked)


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").casefold()).strip(" ,.")


def component_changes(a: str, b: str, analyze: Analyzer) -> list[ComponentChange]:
    """Per component (in bot.core.critique.components order): added, removed or changed wording."""
    from bot.core.critique.components import Component

    an_a, an_b = analyze(a), analyze(b)
    out: list[ComponentChange] = []
    for comp in Component:
        ta, tb = an_a.text(comp), an_b.text(comp)  # type: ignore[attr-defined]
        if not ta and not tb:
            continue
        if not ta:
            out.append(ComponentChange(component=comp.value, change="added", after=tb))
        elif not tb:
            out.append(ComponentChange(component=comp.value, change="removed", before=ta))
        elif _norm(ta) != _norm(tb):
            out.append(ComponentChange(component=comp.value, change="changed", before=ta,
                                       after=tb))
    return out


def summarize(words: list[WordChange], components: list[ComponentChange] | None) -> str:
    if all(w.op == "equal" for w in words):
        return "no changes"
    if components:
        return "; ".join(c.describe() for c in components)
    added = sum(len(w.after.split()) for w in words if w.op != "equal")
    removed = sum(len(w.before.split()) for w in words if w.op != "equal")
    what = f"wording changed ({added} words in, {removed} out)"
    return what if components is None else what + "; no component changed"
