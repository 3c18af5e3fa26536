"""Block Kit messages for the Slack front.

Every builder returns a list of messages (`{"text": ..., "blocks": [...]}`), already split so
that Slack accepts each one: no section text over 3,000 characters (`invalid_blocks`), at most
50 blocks, and the blocks' JSON under 12,000 characters (Slack's `msg_blocks_too_long` starts
around there). User text is escaped, so a prompt cannot ping `<!channel>` or fake a link.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from bot.core.command_table import SPECS
from bot.core.commands import COMMANDS
from bot.core.critique import messages as msg
from bot.core.critique.results import Critique
from bot.core.dialects.languages import structure_table
from bot.core.dialects.types import dropped_lines, move_text
from bot.core.display_text import reveal_invisible
from bot.core.house_rules.review import summary_lines

SECTION_LIMIT = 3000
"""Characters in a section block's text."""
MAX_BLOCKS = 50
MAX_MESSAGE_CHARS = 12_000
"""Characters of a message's blocks, measured as their JSON."""
FALLBACK_LIMIT = 300
"""The notification text: short, it is what a phone shows."""
HEADER_LIMIT = 150
BUTTON_TEXT_LIMIT = 75
BUTTON_VALUE_LIMIT = 2000
OPTION_TEXT_LIMIT = 75
MAX_OPTIONS = 100

# action ids: app.py listens for exactly these.
ACTION_TRANSLATE = "fc_translate_to"
ACTION_REWRITE = "fc_show_rewrite"
ACTION_HELPFUL = "fc_helpful"
ACTION_NOT_HELPFUL = "fc_not_helpful"
ACTION_SHARE = "fc_share"
REVIEW_BLOCK_PREFIX = "fc_review:"
"""block_id of a review's buttons; the review id follows, so the select knows its review."""

Block = dict[str, Any]
Message = dict[str, Any]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ENTITY_TAIL = re.compile(r"&[a-z]{0,4}$")
_FENCE = re.compile(r"`(?=``)")


# ---- text helpers ----------------------------------------------------------------------------
def escape(text: object) -> str:
    """Slack mrkdwn escaping (&, <, >); no control characters, and no ``` fence that would
    swallow the layout around it (a zero-width space breaks it up)."""
    s = reveal_invisible(_CONTROL.sub("", str(text)))
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _FENCE.sub("`\u200b", s)


def code(text: object) -> str:
    """Inline code: escaped, with backticks inside turned into quotes so that no fence forms
    with the code span's own backticks."""
    return "`" + escape(text).replace("`", "'") + "`"


def clip(text: str, limit: int) -> str:
    """Plain text cut to `limit` characters with an ellipsis."""
    text = reveal_invisible(_CONTROL.sub("", text))
    return text if len(text) <= limit else text[: max(0, limit - 1)] + "…"


def _clip_escaped(text: str, limit: int) -> str:
    """Escaped text cut to `limit` without leaving half an entity like `&am`."""
    if len(text) <= limit:
        return text
    cut = text[: max(0, limit - 1)]
    cut = _ENTITY_TAIL.sub("", cut)
    return cut + "…"


def chunk(text: str, limit: int) -> list[str]:
    """Split escaped text into pieces of at most `limit` characters, preferring line and word
    breaks and never cutting an `&amp;`-style entity in two."""
    pieces: list[str] = []
    rest = text
    while len(rest) > limit:
        window = rest[:limit]
        cut = window.rfind("\n")
        if cut < limit // 2:
            cut = window.rfind(" ")
        if cut < limit // 2:
            cut = limit
            tail = _ENTITY_TAIL.search(window)
            if tail:
                cut = tail.start() or limit
        pieces.append(rest[:cut].rstrip("\n"))
        rest = rest[cut:].lstrip("\n") if rest[cut:cut + 1] == "\n" else rest[cut:]
    if rest or not pieces:
        pieces.append(rest)
    return pieces


def plain(text: str) -> str:
    """Slack-formatted text as the user meant it: `&amp;` back to `&`, links to their label,
    mentions to `@id`. Slash commands and messages arrive in this form."""
    def link(m: re.Match[str]) -> str:
        target, _, label = m.group(1).partition("|")
        if label:
            return label
        if target[:1] in "@#":
            return target
        if target.startswith("!"):
            return "@" + target[1:].split("^")[0]
        return target.removeprefix("mailto:")
    s = re.sub(r"<([^<>]+)>", link, text)
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


# ---- block builders ------------------------------------------------------------------------
def sections(text: str, *, escaped: bool = False) -> list[Block]:
    """One or more mrkdwn sections holding `text` (escaped here unless `escaped`)."""
    body = text if escaped else escape(text)
    return [{"type": "section", "text": {"type": "mrkdwn", "text": piece}}
            for piece in chunk(body, SECTION_LIMIT) if piece.strip()]


def code_sections(text: str, title: str | None = None) -> list[Block]:
    """Text in code blocks (for copying a rewrite), split across sections as needed."""
    body = escape(text)
    fence = 8  # "```\n" + "\n```"
    blocks = []
    room = SECTION_LIMIT - fence - (len(title) + 1 if title else 0)
    for i, piece in enumerate(chunk(body, room)):
        head = f"{title}\n" if title and i == 0 else ""
        blocks.append({"type": "section",
                       "text": {"type": "mrkdwn", "text": f"{head}```\n{piece}\n```"}})
    return blocks


def context(text: str) -> list[Block]:
    return [{"type": "context", "elements": [{"type": "mrkdwn", "text": piece}]}
            for piece in chunk(escape(text), 2000) if piece.strip()]


def divider() -> Block:
    return {"type": "divider"}


def header(text: str) -> Block:
    return {"type": "header", "text": {"type": "plain_text", "text": clip(text, HEADER_LIMIT)}}


def button(text: str, action_id: str, value: str, style: str | None = None) -> dict[str, Any]:
    b: dict[str, Any] = {"type": "button", "action_id": action_id,
                         "text": {"type": "plain_text", "text": clip(text, BUTTON_TEXT_LIMIT)},
                         "value": value[:BUTTON_VALUE_LIMIT]}
    if style:
        b["style"] = style
    return b


def model_options(models: Iterable[tuple[str, str]]) -> list[dict[str, Any]]:
    """Select options from (id, name) pairs."""
    return [{"text": {"type": "plain_text", "text": clip(name, OPTION_TEXT_LIMIT)},
             "value": mid[:150]}
            for mid, name in list(models)[:MAX_OPTIONS]]


# ---- pagination ------------------------------------------------------------------------------
def _size(blocks: Sequence[Block]) -> int:
    return len(json.dumps(blocks, ensure_ascii=False))


def paginate(blocks: Sequence[Block], fallback: str, tail: Sequence[Block] = ()) -> list[Message]:
    """Pack blocks into as few messages as the limits allow; `tail` (the buttons) goes on the
    last message. Each message gets a fallback text for notifications."""
    messages: list[list[Block]] = [[]]
    for block in [*blocks, *tail]:
        current = messages[-1]
        full = len(current) + 1 > MAX_BLOCKS or _size([*current, block]) > MAX_MESSAGE_CHARS
        if current and full:
            messages.append([])
        messages[-1].append(block)
    messages = [m for m in messages if m] or [[]]
    total = len(messages)
    out = []
    fallback = fallback.strip() or "Framecraft"
    for i, page in enumerate(messages, start=1):
        suffix = "" if total == 1 else f" ({i}/{total})"
        text = _clip_escaped(escape(fallback), FALLBACK_LIMIT - len(suffix)) + suffix
        out.append({"text": text, "blocks": page})
    return out


def prepend(messages: Sequence[Message], blocks: Sequence[Block]) -> list[Message]:
    """`blocks` put in front of already split messages, split again."""
    if not messages:
        return paginate(blocks, "Framecraft")
    fallback = plain(re.sub(r" \(\d+/\d+\)$", "", messages[0]["text"]))
    every = [b for m in messages for b in m["blocks"]]
    actions = [b for b in every if b.get("type") == "actions"]
    rest = [b for b in every if b.get("type") != "actions"]
    return paginate([*blocks, *rest], fallback, actions)


def shared_by(user_id: str) -> list[Block]:
    if re.fullmatch(r"[UW][A-Z0-9]{2,30}", user_id):
        return [{"type": "context", "elements": [{"type": "mrkdwn",
                                                  "text": f"Shared by <@{user_id}>"}]}]
    return context(f"Shared by {user_id}")


# ---- results --------------------------------------------------------------------------------
def _ethics_stop_blocks(ethics: Mapping[str, Any] | None, lang: str = "en") -> list[Block]:
    if not ethics or ethics.get("verdict") != "stop":
        return []
    lines = [f":no_entry: *{msg.label('ethics_stop', lang)}*"]
    for x in ethics.get("concerns") or []:
        if x.get("severity") == "stop":
            line = f"• *{escape(x.get('category', ''))}*: {escape(x.get('why', ''))}"
            if x.get("instead"):
                line += f" _{msg.label('instead', lang)}:_ {escape(x['instead'])}"
            lines.append(line)
    return sections("\n".join(lines), escaped=True)


def review_actions(review_id: str, models: Sequence[tuple[str, str]], *, share: bool,
                   share_value: str | None = None, lang: str = "en") -> list[Block]:
    """The buttons under a review: translate, rewrite only, feedback, and share (their texts
    in `lang`; the action ids and values never change)."""
    elements: list[dict[str, Any]] = []
    options = model_options(models)
    if options:
        elements.append({"type": "static_select", "action_id": ACTION_TRANSLATE,
                         "placeholder": {"type": "plain_text",
                                         "text": msg.label("translate_to", lang)},
                         "options": options})
    elements += [
        button(msg.label("rewrite_only", lang), ACTION_REWRITE, review_id),
        button(msg.label("helpful", lang), ACTION_HELPFUL, review_id, style="primary"),
        button(msg.label("not_helpful", lang), ACTION_NOT_HELPFUL, review_id),
    ]
    if share:
        elements.append(button(msg.label("share", lang), ACTION_SHARE,
                               share_value or f"review:{review_id}"))
    return [{"type": "actions", "block_id": f"{REVIEW_BLOCK_PREFIX}{review_id}",
             "elements": elements}]


def share_actions(value: str, lang: str = "en") -> list[Block]:
    """A lone "Share to channel" button (for answers that are not stored reviews)."""
    if len(value) > BUTTON_VALUE_LIMIT:
        return []
    return [{"type": "actions",
             "elements": [button(msg.label("share", lang), ACTION_SHARE, value)]}]


def house_rules_blocks(lines: Sequence[str]) -> list[Block]:
    """The "House rules" part (plain lines from bot.core.house_rules.review.summary_lines):
    the verdict in bold, then each broken rule with its reason and fix. None without rules."""
    if not lines:
        return []
    head, *rest = lines
    return sections("\n".join([f"*{escape(head)}*", *(f"• {escape(x)}" for x in rest)]),
                    escaped=True)


def _component_name(comp: Any, lang: str) -> str:
    """A component's name as the review shows it: the id in English (`camera`), the
    catalogue's word otherwise (カメラ)."""
    return comp.value if lang == "en" else msg.component_label(comp, lang)


def critique_messages(c: Critique, *, review_id: str | None = None,
                      models: Sequence[tuple[str, str]] = (), share: bool = False,
                      lang: str = "en") -> list[Message]:
    """A review: ethics stop first, then score and verdict, components, missing parts, the
    rewrite, notes, sources; then the buttons. `lang` (the member's Slack locale, see
    bot.slack.member_language) picks the language of the bot's own words: headings, the
    verdict, component names and buttons, where the core's catalogue has them."""
    blocks: list[Block] = []
    blocks += _ethics_stop_blocks(c.ethics, lang)
    target = f" for *{escape(c.model)}*" if c.model else ""
    score = f"{msg.label('score', lang)} " if lang != "en" else ""
    verdict = msg.verdict(c.verdict, lang)
    blocks += sections(f"*{score}{c.score}/100* · {escape(verdict)}{target}", escaped=True)

    missing_word = msg.label("missing", lang).lower() if lang != "en" else "missing"
    rows = []
    for comp in c.components:
        if comp.max_score == 0 and not comp.present:
            continue
        name = _component_name(comp.name, lang)
        if comp.present:
            words = escape(clip(comp.text or "", 60))
            rows.append(f":white_check_mark: `{name}` {comp.score}/{comp.max_score}"
                        + (f" · _{words}_" if words else ""))
        else:
            rows.append(f":x: `{name}` 0/{comp.max_score} · {missing_word}")
    if rows:
        blocks += sections("\n".join(rows), escaped=True)

    if c.missing:
        lines = [f"*{msg.label('missing', lang)}*"]
        lines += [f"• *{_component_name(m, lang)}*: {escape(c.missing_why.get(m, ''))}"
                  for m in c.missing]
        blocks += sections("\n".join(lines), escaped=True)
    if c.anti_patterns:
        lines = [f"*{msg.label('watch_out', lang)}*"]
        for a in c.anti_patterns:
            fix = f" _{msg.label('fix', lang)}:_ {escape(a.fix)}" if a.fix else ""
            lines.append(f"• *{escape(a.id)}* ({escape(clip(a.text, 120))}): {escape(a.why)}{fix}")
        blocks += sections("\n".join(lines), escaped=True)
    if c.suggestions:
        lines = [f"*{msg.label('suggestions', lang)}*"] + [f"• {escape(s.text)}"
                                                          for s in c.suggestions]
        blocks += sections("\n".join(lines), escaped=True)
    blocks += house_rules_blocks(summary_lines(c.house_rules) if c.house_rules else [])
    if c.rewrite:
        by = "" if c.rewrite_by == "framecraft" else f" (by {escape(c.rewrite_by)})"
        blocks += code_sections(c.rewrite, title=f"*{msg.label('rewrite', lang)}*{by}")
    for notice in c.notices:
        blocks += context(notice)
    ethics = c.ethics or {}
    concerns = [x for x in ethics.get("concerns") or [] if x.get("severity") != "stop"]
    if concerns:
        lines = [f"*{msg.label('ethics', lang)}*"] + [
            f"• {escape(x.get('severity', ''))} · {escape(x.get('category', ''))}: "
            f"{escape(x.get('why', ''))}" for x in concerns]
        blocks += sections("\n".join(lines), escaped=True)
    if c.similar:
        lines = [f"*{msg.label('similar', lang)}*"]
        lines += [f"• {escape(s.title)} ({code(s.id)})"
                  + (f": {escape(s.why)}" if s.why else "") for s in c.similar]
        blocks += sections("\n".join(lines), escaped=True)
    if c.sources:
        blocks += context(f"{msg.label('learn_more', lang)}: " + ", ".join(c.sources))
    tail = review_actions(review_id, models, share=share, lang=lang) if review_id else []
    stop = " (ethics: stop)" if (c.ethics or {}).get("verdict") == "stop" else ""
    return paginate(blocks, f"Framecraft: {c.score}/100, {verdict}{stop}", tail)


def rewrite_messages(c: Critique, lang: str = "en") -> list[Message]:
    """Just the rewrite, for copying."""
    title = msg.label("rewrite", lang)
    return paginate(code_sections(c.rewrite or "", title=f"*{title}*"), f"Framecraft: {title}"
                    if lang != "en" else "Framecraft rewrite")


def _source_line(s: Any) -> str:
    if isinstance(s, Mapping):
        title, sid, kind = s.get("title") or s.get("id", ""), s.get("id", ""), s.get("kind", "")
        kind_part = f"{escape(kind)} " if kind else ""
        return f"• {escape(title)} ({kind_part}{code(sid)})"
    return f"• {escape(s)}"


def answer_messages(answer: Any, question: str = "",
                    share_value: str | None = None, lang: str = "en") -> list[Message]:
    """An `ask` answer with its sources. `answer` is the engine's Answer."""
    data = answer.to_public_json()
    blocks: list[Block] = []
    if question:
        blocks += context(f"Q: {question}")
    blocks += sections(str(data.get("answer") or ""))
    sources = data.get("sources") or []
    if sources:
        blocks += sections("*Sources*\n" + "\n".join(_source_line(s) for s in sources),
                           escaped=True)
    for notice in getattr(answer, "notices", None) or []:
        blocks += context(notice)
    tail = share_actions(share_value, lang) if share_value else []
    return paginate(blocks, "Framecraft answer: " + clip(str(data.get("answer") or ""), 200), tail)


def ethics_messages(review: Any, share_value: str | None = None,
                    lang: str = "en") -> list[Message]:
    """An ethics review: the verdict first, then each concern with what to do instead."""
    data = review.to_public_json()
    verdict = str(data.get("verdict", getattr(review, "verdict", "")))
    icon = {"stop": ":no_entry:", "caution": ":warning:"}.get(verdict, ":white_check_mark:")
    blocks = sections(f"{icon} *Ethics: {escape(verdict)}*", escaped=True)
    concerns = data.get("concerns") or []
    if concerns:
        lines = []
        for x in concerns:
            line = (f"• *{escape(x.get('category', ''))}* ({escape(x.get('severity', ''))}): "
                    f"{escape(x.get('why', ''))}")
            if x.get("trigger"):
                line += f"\n   _Words:_ {escape(clip(str(x['trigger']), 200))}"
            if x.get("instead"):
                line += f"\n   _Instead:_ {escape(x['instead'])}"
            lines.append(line)
        blocks += sections("\n".join(lines), escaped=True)
    else:
        blocks += sections("No concerns found.")
    tail = share_actions(share_value, lang) if share_value else []
    return paginate(blocks, f"Framecraft ethics: {verdict}", tail)


def _public(result: Any) -> dict[str, Any]:
    if hasattr(result, "to_public_json"):
        return dict(result.to_public_json())
    if hasattr(result, "model_dump"):
        return dict(result.model_dump(mode="json"))
    return dict(result)


def _translation_blocks(t: Mapping[str, Any], *, detail: bool) -> list[Block]:
    source = f" (from {escape(t['from_model'])})" if t.get("from_model") else ""
    blocks = code_sections(str(t.get("prompt") or ""),
                           title=f"*For {escape(t.get('model', ''))}*{source}")
    if t.get("negative_prompt"):
        blocks += code_sections(str(t["negative_prompt"]), title="_Negative prompt_")
    if t.get("structure"):
        blocks += code_sections(structure_table(t["structure"]),
                                title="_Its parts, in this model's order_")
    if detail and t.get("changes"):
        lines = ["*What changed*"]
        for c in t["changes"]:
            move = move_text(c.get("before"), c.get("after"),
                             lambda w: escape(clip(str(w), 120)))
            move = f" {move}" if move else ""
            lines.append(f"• {code(c.get('component', ''))} {escape(c.get('action', ''))}:"
                         f"{move} · {escape(c.get('why', ''))}")
        blocks += sections("\n".join(lines), escaped=True)
    if detail and t.get("dropped"):
        lines = ["*Dropped*"] + [f"• {code(components)} {escape(clip(text, 120))}: "
                                 f"{escape(reason)}"
                                 for components, text, reason in dropped_lines(t["dropped"])]
        blocks += sections("\n".join(lines), escaped=True)
    if detail:
        for note in t.get("notes") or []:
            blocks += context(str(note))
    return blocks


def translation_messages(result: Any, share_value: str | None = None,
                         lang: str = "en") -> list[Message]:
    """A prompt in another model's dialect (in a code block, to copy), then what changed."""
    data = _public(result)
    tail = share_actions(share_value, lang) if share_value else []
    return paginate(_translation_blocks(data, detail=True),
                    f"Framecraft translation for {data.get('model', '')}", tail)


def comparison_messages(result: Any, share_value: str | None = None,
                        lang: str = "en") -> list[Message]:
    """One prompt rendered for every model, each ready to copy."""
    data = _public(result)
    blocks: list[Block] = [header("One prompt, every model")]
    for t in data.get("translations") or []:
        blocks += _translation_blocks(t, detail=False)
    tail = share_actions(share_value, lang) if share_value else []
    return paginate(blocks, "Framecraft compare", tail)


def error_messages(message: str, text: str | None = None) -> list[Message]:
    """A friendly error; the user's own text comes back so nothing they typed is lost."""
    blocks = sections(f":warning: {message}")
    if text:
        blocks += code_sections(clip(text, 2 * SECTION_LIMIT), title="_Your text:_")
    return paginate(blocks, clip(message, FALLBACK_LIMIT))


def notice_messages(text: str) -> list[Message]:
    return paginate(sections(text), clip(text, FALLBACK_LIMIT))


SLASH_COMMANDS: dict[str, str] = {
    spec.slack.command: spec.help_for("slack") for spec in SPECS if spec.slack is not None}
"""Each slash command's help line, from the command table."""


def help_blocks(models: Sequence[tuple[str, str]] = ()) -> list[Block]:
    lines = ["*Framecraft reviews AI-video prompts.*", ""]
    lines += [f"• {v}" for v in SLASH_COMMANDS.values()]
    lines += ["", "*Mention me* (`@Framecraft critique ...`) and I answer in a thread, or DM me. "
              "In a mention or DM you can type:"]
    lines += [f"• {code(c.usage)}: {escape(c.summary)}" for c in COMMANDS.values()]
    lines += ["", "Right-click any message → *More actions* → *Review this prompt*."]
    blocks = sections("\n".join(lines), escaped=True)
    if models:
        blocks += context("Models: " + ", ".join(mid for mid, _ in models))
    return blocks


def help_messages(models: Sequence[tuple[str, str]] = ()) -> list[Message]:
    return paginate(help_blocks(models), "Framecraft help")


def home_view(models: Sequence[tuple[str, str, str]], recent: Sequence[Any]) -> dict[str, Any]:
    """The App Home tab: how to use it, the models it knows, recent reviews in the workspace.
    `models` holds (id, name, personality); `recent` holds ReviewRecords."""
    blocks: list[Block] = [header("Framecraft")]
    blocks += help_blocks()
    blocks.append(divider())
    blocks.append(header("Models I know"))
    if models:
        lines = [f"• *{escape(name)}* ({code(mid)}): {escape(clip(personality, 200))}"
                 for mid, name, personality in models]
        blocks += sections("\n".join(lines), escaped=True)
    blocks.append(divider())
    blocks.append(header("Recent reviews"))
    if recent:
        lines = []
        for r in recent:
            where = f" in <#{r.channel}>" if re.fullmatch(r"[CDG][A-Z0-9]{2,20}", r.channel or "") \
                else ""
            model = f" · {escape(r.model)}" if r.model else ""
            lines.append(f"• *{r.score}/100*{model}{where}: {escape(clip(r.prompt, 140))}")
        blocks += sections("\n".join(lines), escaped=True)
    else:
        blocks += sections("No reviews yet. Try `/critique` in a channel.")
    # A Home view holds up to 100 blocks; ours stays far below.
    return {"type": "home", "blocks": blocks[:100]}


def critique_modal(models: Sequence[tuple[str, str]], metadata: str,
                   default_model: str | None = None, max_chars: int = 4000) -> dict[str, Any]:
    """The form a bare `/critique` opens: prompt, target model, notes."""
    model_element: dict[str, Any] = {
        "type": "static_select", "action_id": "model",
        "placeholder": {"type": "plain_text", "text": "Any model"},
        "options": model_options(models),
    }
    if default_model:
        for opt in model_element["options"]:
            if opt["value"] == default_model:
                model_element["initial_option"] = opt
    blocks: list[Block] = [
        {"type": "input", "block_id": "prompt", "label": {"type": "plain_text", "text": "Prompt"},
         "element": {"type": "plain_text_input", "action_id": "prompt", "multiline": True,
                     "max_length": max_chars,
                     "placeholder": {"type": "plain_text", "text": "Paste the video prompt"}}},
    ]
    if model_element["options"]:
        blocks.append({"type": "input", "block_id": "model", "optional": True,
                       "label": {"type": "plain_text", "text": "Target model"},
                       "element": model_element})
    blocks.append({"type": "input", "block_id": "notes", "optional": True,
                   "label": {"type": "plain_text", "text": "Notes (what you are going for)"},
                   "element": {"type": "plain_text_input", "action_id": "notes",
                               "multiline": True, "max_length": 1000}})
    return {"type": "modal", "callback_id": "fc_critique_modal",
            "title": {"type": "plain_text", "text": "Review a prompt"},
            "submit": {"type": "plain_text", "text": "Review"},
            "close": {"type": "plain_text", "text": "Cancel"},
            "private_metadata": metadata[:3000], "blocks": blocks}
