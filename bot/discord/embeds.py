"""Discord embeds for the engine's results, split so Discord accepts every message.

Limits (Discord's, not ours): 2,000 characters of message content, 256 an embed title or field
name, 4,096 a description, 1,024 a field value, 25 fields, 2,048 a footer, 6,000 characters
across all embeds of a message, 10 embeds a message. `EmbedPacker` adds text in order and
starts a continuation embed (same colour) whenever the next piece would break a limit;
`pages()` then groups embeds into messages. User text is escaped: it cannot close a code block
or fake formatting, and embeds never ping anyone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import discord

from bot.core.command_table import SPECS
from bot.core.commands import COMMANDS
from bot.core.critique import messages as msg
from bot.core.critique.results import Critique
from bot.core.dialects.languages import structure_table
from bot.core.dialects.types import dropped_lines, move_text
from bot.core.display_text import reveal_invisible
from bot.core.house_rules.review import summary_lines

MESSAGE_LIMIT = 2000
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
MAX_FIELDS = 25
FOOTER_LIMIT = 2048
EMBED_TOTAL_LIMIT = 6000
"""Characters across every embed of one message (titles, descriptions, fields, footers)."""
MAX_EMBEDS = 10
MAX_CHOICES = 25
SELECT_LABEL_LIMIT = 100

COLOUR_GOOD = discord.Colour(0x2ECC71)
COLOUR_FAIR = discord.Colour(0xF1C40F)
COLOUR_WEAK = discord.Colour(0xE67E22)
COLOUR_POOR = discord.Colour(0xE74C3C)
COLOUR_STOP = discord.Colour(0x992D22)
COLOUR_INFO = discord.Colour(0x5865F2)
COLOUR_ERROR = discord.Colour(0x95A5A6)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_FENCE = re.compile(r"`(?=``)")


# ---- text helpers ----------------------------------------------------------------------------
def clip(text: object, limit: int) -> str:
    """Plain text without control characters, cut to `limit` with an ellipsis."""
    s = reveal_invisible(_CONTROL.sub("", str(text)))
    return s if len(s) <= limit else s[: max(0, limit - 1)] + "…"


def escape(text: object) -> str:
    """User text made inert in Discord markdown (no bold, links, fences or mentions)."""
    s = discord.utils.escape_markdown(reveal_invisible(_CONTROL.sub("", str(text))))
    return discord.utils.escape_mentions(s)


def _code_safe(text: object) -> str:
    """Text for inside a code block: a ``` in it would end the block, so break it up."""
    return _FENCE.sub("`\u200b", reveal_invisible(_CONTROL.sub("", str(text))))


def chunk(text: str, limit: int) -> list[str]:
    """Split text into pieces of at most `limit` characters, preferring line then word breaks
    and never leaving a dangling backslash escape at a cut."""
    pieces: list[str] = []
    rest = text
    while len(rest) > limit:
        window = rest[:limit]
        cut = window.rfind("\n")
        if cut < limit // 2:
            cut = window.rfind(" ")
        if cut < limit // 2:
            cut = limit
            while cut > 1 and window[cut - 1] == "\\":  # keep "\*" together
                cut -= 1
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip("\n ")
    if rest.strip() or not pieces:
        pieces.append(rest)
    return [p for p in pieces if p.strip()] or [""]


def code_chunks(text: str, limit: int) -> list[str]:
    """Text in ``` code blocks, each block (fences included) at most `limit` characters."""
    body = _code_safe(text)
    return [f"```\n{piece}\n```" for piece in chunk(body, max(1, limit - 8))]


# ---- packing ---------------------------------------------------------------------------------
class EmbedPacker:
    """Builds a run of embeds that all respect Discord's limits, whatever is added."""

    def __init__(self, title: str, colour: discord.Colour, footer: str | None = None):
        self.title = clip(title, TITLE_LIMIT)
        self.colour = colour
        # short, so a fresh embed with a full title and description still fits 6,000
        self.footer = clip(footer, 300) if footer else None
        self.embeds: list[discord.Embed] = []
        self._new()

    def _new(self) -> discord.Embed:
        title = self.title if not self.embeds else clip(f"{self.title} (continued)", TITLE_LIMIT)
        e = discord.Embed(title=title, colour=self.colour)
        self.embeds.append(e)
        return e

    @property
    def current(self) -> discord.Embed:
        return self.embeds[-1]

    def _room(self, e: discord.Embed) -> int:
        # the footer goes on the last embed at the end; keep room for it everywhere
        return EMBED_TOTAL_LIMIT - len(e) - (len(self.footer) if self.footer else 0)

    def text(self, text: str) -> EmbedPacker:
        """Add text to the description, continuing into new embeds as needed."""
        for piece in chunk(text, DESCRIPTION_LIMIT - 2):
            self._description(piece)
        return self

    def code(self, text: str, limit: int = DESCRIPTION_LIMIT) -> EmbedPacker:
        for piece in code_chunks(text, min(limit, DESCRIPTION_LIMIT - 2)):
            self._description(piece)
        return self

    def _description(self, piece: str) -> None:
        e = self.current
        joined = f"{e.description}\n\n{piece}" if e.description else piece
        if (e.fields or len(joined) > DESCRIPTION_LIMIT
                or self._room(e) < len(joined) - len(e.description or "")):
            e = self._new()
            joined = piece
        e.description = joined

    def field(self, name: str, value: str, inline: bool = False) -> EmbedPacker:
        """Add a field; a long value becomes several fields named "name (2/3)"."""
        name = clip(name, FIELD_NAME_LIMIT - 8) or "\u200b"
        parts = chunk(value, FIELD_VALUE_LIMIT) if value.strip() else ["\u200b"]
        for i, part in enumerate(parts):
            label = name if len(parts) == 1 else f"{name} ({i + 1}/{len(parts)})"
            self._field(label, part, inline)
        return self

    def code_field(self, name: str, text: str) -> EmbedPacker:
        name = clip(name, FIELD_NAME_LIMIT - 8)
        parts = code_chunks(text, FIELD_VALUE_LIMIT)
        for i, part in enumerate(parts):
            self._field(name if len(parts) == 1 else f"{name} ({i + 1}/{len(parts)})", part, False)
        return self

    def _field(self, name: str, value: str, inline: bool) -> None:
        e = self.current
        if len(e.fields) >= MAX_FIELDS or self._room(e) < len(name) + len(value):
            e = self._new()
        e.add_field(name=name, value=value, inline=inline)

    def finish(self) -> list[discord.Embed]:
        if self.footer:
            self.embeds[-1].set_footer(text=self.footer)
        return self.embeds


@dataclass
class Page:
    """One Discord message: optional content and up to ten embeds."""

    embeds: list[discord.Embed] = field(default_factory=list)
    content: str | None = None


def pages(embeds: Sequence[discord.Embed], content: str | None = None) -> list[Page]:
    """Group embeds into messages: at most 10 each and 6,000 characters across them."""
    out: list[Page] = [Page(content=clip(content, MESSAGE_LIMIT) if content else None)]
    total = 0
    for e in embeds:
        size = len(e)
        page = out[-1]
        if page.embeds and (len(page.embeds) >= MAX_EMBEDS or total + size > EMBED_TOTAL_LIMIT):
            out.append(Page())
            total = 0
        out[-1].embeds.append(e)
        total += size
    return out


# ---- colours ---------------------------------------------------------------------------------
def score_colour(score: int) -> discord.Colour:
    if score >= 80:
        return COLOUR_GOOD
    if score >= 60:
        return COLOUR_FAIR
    if score >= 40:
        return COLOUR_WEAK
    return COLOUR_POOR


ETHICS_COLOURS = {"stop": COLOUR_STOP, "caution": COLOUR_WEAK, "note": COLOUR_FAIR,
                  "ok": COLOUR_GOOD}
ETHICS_ICONS = {"stop": "⛔", "caution": "⚠️", "note": "ℹ️", "ok": "✅"}


# ---- results ---------------------------------------------------------------------------------
def ethics_stop_embeds(ethics: Mapping[str, Any] | None) -> list[discord.Embed]:
    """The stop, shown before anything else when a critique's ethics review says stop."""
    if not ethics or ethics.get("verdict") != "stop":
        return []
    p = EmbedPacker("⛔ Stop: this prompt raises an ethics concern", COLOUR_STOP)
    for x in ethics.get("concerns") or []:
        if x.get("severity") == "stop":
            value = escape(x.get("why", ""))
            if x.get("instead"):
                value += f"\n**Instead:** {escape(x['instead'])}"
            p.field(str(x.get("category", "concern")), value)
    return p.finish()


def house_rules_field(p: EmbedPacker, lines: Sequence[str]) -> EmbedPacker:
    """The "House rules" part (plain lines from bot.core.house_rules.review.summary_lines):
    the verdict as the field's name, each broken rule with its reason and fix. None without
    rules."""
    if lines:
        head, *rest = lines
        p.field(head, "\n".join(f"• {escape(x)}" for x in rest) or "Every house rule is met.")
    return p


def critique_embeds(c: Critique, lang: str = "en") -> list[discord.Embed]:
    """A review: ethics stop first, then score and verdict (coloured), components, missing
    parts, watch-outs, the rewrite in a code block, notes and sources. `lang` (the member's
    Discord locale, see bot.core.critique.messages) picks the language of the headings, the
    verdict and the component names where the catalogue has them."""
    embeds = ethics_stop_embeds(c.ethics)
    target = f" · for {c.model}" if c.model else ""
    p = EmbedPacker(f"{c.score}/100 · {msg.verdict(c.verdict, lang)}{target}",
                    score_colour(c.score),
                    footer="Framecraft · Helpful? Tell us with the buttons below.")
    p.text(f"> {escape(clip(c.prompt, 600))}")
    missing_word = msg.label("missing", lang).lower() if lang != "en" else "missing"
    for comp in c.components:
        if comp.max_score == 0 and not comp.present:
            continue
        name = comp.name.value if lang == "en" else msg.component_label(comp.name, lang)
        if comp.present:
            words = escape(clip(comp.text or "", 200))
            p.field(f"✅ {name} {comp.score}/{comp.max_score}", words or "present",
                    inline=True)
        else:
            p.field(f"❌ {name} 0/{comp.max_score}", missing_word, inline=True)
    if c.missing:
        p.field(msg.label("missing", lang),
                "\n".join(f"• **{m.value if lang == 'en' else msg.component_label(m, lang)}**"
                          f": {escape(c.missing_why.get(m, ''))}" for m in c.missing))
    if c.anti_patterns:
        lines = []
        for a in c.anti_patterns:
            fix = f" *Fix:* {escape(a.fix)}" if a.fix else ""
            lines.append(f"• **{escape(a.id)}** ({escape(clip(a.text, 120))}): {escape(a.why)}{fix}")
        p.field("Watch out", "\n".join(lines))
    if c.suggestions:
        p.field(msg.label("suggestions", lang),
                "\n".join(f"• {escape(s.text)}" for s in c.suggestions))
    house_rules_field(p, summary_lines(c.house_rules) if c.house_rules else [])
    if c.rewrite:
        by = "" if c.rewrite_by == "framecraft" else f" (by {c.rewrite_by})"
        p.code_field(f"{msg.label('rewrite', lang)}{by}", c.rewrite)
    concerns = [x for x in (c.ethics or {}).get("concerns") or [] if x.get("severity") != "stop"]
    if concerns:
        p.field("Ethics", "\n".join(f"• {escape(x.get('severity', ''))} · "
                                    f"{escape(x.get('category', ''))}: {escape(x.get('why', ''))}"
                                    for x in concerns))
    for notice in c.notices:
        p.field("Note", escape(notice))
    if c.similar:
        p.field("Prompts like yours that work",
                "\n".join(f"• {escape(s.title)} (`{_code_safe(s.id)}`)" for s in c.similar))
    learn = [f"• {escape(lm.title)} (`{_code_safe(lm.id)}`)" for lm in c.learn_more]
    if learn:
        p.field("Learn more", "\n".join(learn))
    elif c.sources:
        p.field("Learn more", ", ".join(f"`{_code_safe(s)}`" for s in c.sources))
    return embeds + p.finish()


def rewrite_embeds(c: Critique) -> list[discord.Embed]:
    """Just the rewrite, to copy."""
    p = EmbedPacker(f"Rewrite · {c.score}/100 before", score_colour(c.score))
    return p.code(c.rewrite or "(no rewrite)").finish()


def _public(result: Any) -> dict[str, Any]:
    if hasattr(result, "to_public_json"):
        return dict(result.to_public_json())
    return dict(result)


def _translation(p: EmbedPacker, t: Mapping[str, Any], *, detail: bool) -> None:
    source = f" (from {t['from_model']})" if t.get("from_model") else ""
    p.code_field(f"For {t.get('model', '')}{source}", str(t.get("prompt") or ""))
    if t.get("structure"):
        p.code_field("Its parts, in this model's order", structure_table(t["structure"]))
    if t.get("negative_prompt"):
        p.code_field("Negative prompt", str(t["negative_prompt"]))
    if detail and t.get("changes"):
        lines = []
        for c in t["changes"]:
            move = move_text(c.get("before"), c.get("after"), lambda w: escape(clip(w, 120)))
            move = f" {move}" if move else ""
            lines.append(f"• `{_code_safe(c.get('component', ''))}` "
                         f"{escape(c.get('action', ''))}:{move} · {escape(c.get('why', ''))}")
        p.field("What changed", "\n".join(lines))
    if detail and t.get("dropped"):
        p.field("Dropped", "\n".join(f"• `{_code_safe(components)}` "
                                     f"{escape(clip(text, 120))}: {escape(reason)}"
                                     for components, text, reason in dropped_lines(t["dropped"])))
    if detail:
        for note in t.get("notes") or []:
            p.field("Note", escape(note))


def translation_embeds(result: Any) -> list[discord.Embed]:
    data = _public(result)
    p = EmbedPacker(f"Translated for {data.get('model', '')}", COLOUR_INFO)
    _translation(p, data, detail=True)
    return p.finish()


def comparison_embeds(result: Any) -> list[discord.Embed]:
    data = _public(result)
    p = EmbedPacker("One prompt, every model", COLOUR_INFO)
    for t in data.get("translations") or []:
        _translation(p, t, detail=False)
    return p.finish()


def ethics_embeds(review: Any) -> list[discord.Embed]:
    data = _public(review)
    verdict = str(data.get("verdict", "ok"))
    p = EmbedPacker(f"{ETHICS_ICONS.get(verdict, '')} Ethics: {verdict}",
                    ETHICS_COLOURS.get(verdict, COLOUR_INFO))
    concerns = sorted(data.get("concerns") or [],
                      key=lambda x: {"stop": 0, "caution": 1}.get(x.get("severity"), 2))
    if not concerns:
        p.text("No concerns found.")
    for x in concerns:
        value = escape(x.get("why", ""))
        if x.get("trigger"):
            value += f"\n**Words:** {escape(clip(x['trigger'], 200))}"
        if x.get("instead"):
            value += f"\n**Instead:** {escape(x['instead'])}"
        p.field(f"{x.get('category', '')} ({x.get('severity', '')})", value)
    return p.finish()


def answer_embeds(answer: Any, question: str = "") -> list[discord.Embed]:
    """A craft answer with its sources (titles, kinds and ids)."""
    data = _public(answer)
    p = EmbedPacker(clip(f"Q: {question}", TITLE_LIMIT) if question else "Answer", COLOUR_INFO)
    p.text(escape(data.get("answer") or ""))
    sources = data.get("sources") or []
    if sources:
        p.field("Sources", "\n".join(
            f"• {escape(s.get('title') or s.get('id', ''))} ({escape(s.get('kind', ''))} "
            f"`{_code_safe(s.get('id', ''))}`)" for s in sources))
    for notice in getattr(answer, "notices", None) or []:
        p.field("Note", escape(notice))
    return p.finish()


SLASH_HELP: dict[str, str] = {
    f"/{spec.name}": spec.help_on["discord"] for spec in SPECS if "discord" in spec.help_on}
"""Each app command's help line, from the command table."""


def help_embeds(models: Iterable[tuple[str, str]] = ()) -> list[discord.Embed]:
    p = EmbedPacker("Framecraft reviews AI-video prompts", COLOUR_INFO)
    p.text("Right-click a message → **Apps → Review this prompt**, or mention me "
           "(`@Framecraft critique ...`) and I answer in a thread.")
    for name, summary in SLASH_HELP.items():
        p.field(name, summary)
    p.field("In a mention you can type",
            "\n".join(f"`{c.usage}`: {c.summary}" for c in COMMANDS.values()))
    ids = [mid for mid, _ in models]
    if ids:
        p.field("Models", ", ".join(f"`{m}`" for m in ids))
    return p.finish()


def models_embeds(models: Iterable[tuple[str, str]]) -> list[discord.Embed]:
    p = EmbedPacker("Models I know", COLOUR_INFO)
    p.text("\n".join(f"• **{escape(name)}** (`{_code_safe(mid)}`)" for mid, name in models)
           or "No model profiles are loaded.")
    return p.finish()


def notice_embeds(text: str, title: str = "Framecraft") -> list[discord.Embed]:
    return EmbedPacker(title, COLOUR_INFO).text(text).finish()


def error_embeds(message: str, text: str | None = None) -> list[discord.Embed]:
    """A friendly error; the user's text comes back so nothing they typed is lost."""
    p = EmbedPacker("⚠️ " + clip(message, 200), COLOUR_ERROR)
    if len(message) > 200:
        p.text(escape(message))
    if text:
        p.code_field("Your text", clip(text, 3 * FIELD_VALUE_LIMIT))
    return p.finish()
