"""Is a chat message a video prompt? Decides which messages in a review channel get a review.

The bot answers unasked here, so a wrong "yes" is noise in someone's channel while a wrong "no"
only costs a review that `/critique` still gives. The decision is therefore built for precision:

1. Read the chat markup (Slack mrkdwn, Discord markdown): links, mentions, channels, emoji and
   emphasis are removed or reduced to their text, and counted.
2. Find the part that would be the prompt: the text of a ``` fence (unless it is code), the text
   after a preface that says so ("Prompt:", "here's my prompt for kling:", "v3 ->", "Take 4:"),
   a quoted block, or else the whole message minus short chatty first/last lines ("thoughts?").
   A fence or a preface is the author saying "this is my prompt", so it needs less evidence.
3. Chat gives itself away cheaply: a question (a "?" or a question word first), first or
   second person ("I think", "we should", "my dog"), chat words ("lol", "tbh", "thanks"),
   talk about renders ("the last render", "came out", "was too fast"), announcements,
   links with little text, code. Any of these in the text to review means "not a prompt";
   words inside quotation marks are dialogue and do not count.
4. What is left is judged by the core's analysis (`bot.core.critique.analysis.analyze`): four or more
   components with at least one craft component (camera, shot, lens, lighting, colour, style,
   motion, pacing, audio, consistency) is a prompt.

Borderline: a bare prompt with a subject and an action or a place and nothing else ("A cat
jumps on the table", "Man walking down street, 4K") IS treated as a prompt (a thin one, lower
confidence). The guide itself lists these as the classic broken prompts, a team posting them
in a review channel is exactly who a review helps, and such a line is almost never chat: chat
about a cat has a person in it ("my cat", "lol", "just"), which step 3 catches first. It needs
three components, a subject and no chat signal at all, and it must read as a description in
the present tense ("a cat jumped on the table during the call" is a story, not a shot).

`confidence` is how sure the verdict is (of "prompt" when is_prompt, of "not a prompt"
otherwise), 0-1, from how many signals agree. Pure and fast (one `analyze` call, < 1 ms).
"""

from __future__ import annotations

import html
import unicodedata

import yaml
from pydantic import BaseModel, Field

from bot.core import cached_re as re
from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component
from bot.core.language import detect_language, measure
from bot.core.validation import MAX_PROMPT_CHARS

MAX_CHARS = MAX_PROMPT_CHARS
"""The longest text reviewed as a prompt (the critique refuses longer ones)."""
MAX_SCAN = 6_000
"""Only this much of a message is read at all: decisions on a huge paste use its beginning."""


class MessageVerdict(BaseModel):
    is_prompt: bool
    reason: str
    """Short and human-readable: "looks like a prompt: subject, camera, lighting", "a question"."""
    components: list[str] = Field(default_factory=list)
    """Component names found in `prompt_text`."""
    prompt_text: str = ""
    """The part of the message to review (markup and prefaces stripped)."""
    confidence: float = 0.0
    """How sure the verdict is, 0-1 (of is_prompt's value, whichever it is)."""
    how: str = "plain"
    """Where the prompt was found: plain, fenced, prefaced, quoted (for logs and tests)."""


CRAFT = frozenset({Component.CAMERA, Component.SHOT, Component.LENS, Component.LIGHTING,
                   Component.COLOR, Component.STYLE, Component.MOTION, Component.PACING,
                   Component.AUDIO, Component.CONSISTENCY})

# ---- markup ------------------------------------------------------------------------------
_FENCE = re.compile(r"```(.*?)(?:```|\Z)", re.S)
_FENCE_LANG = re.compile(r"\A[ \t]*([A-Za-z0-9_+#.-]{1,15})[ \t]*\n")
_CODE_LANGS = frozenset((
    "python", "py", "js", "javascript", "ts", "typescript", "json", "jsonc", "yaml", "yml", "toml",
    "ini", "bash", "sh", "shell", "zsh", "console", "powershell", "ps1", "sql", "html", "css", "xml",
    "go", "rust", "rs", "java", "kotlin", "c", "cpp", "c++", "cs", "csharp", "ruby", "rb", "php",
    "lua", "diff", "dockerfile", "env",
))
_SLACK_LINK = re.compile(r"<((?:https?|mailto|ftp):[^|>\s]*)(?:\|([^>]*))?>")
_MENTION = re.compile(r"<@[!&]?[A-Za-z0-9]+(?:\|[^>]*)?>|<!(?:here|channel|everyone)(?:\|[^>]*)?>|"
                      r"<!subteam\^[A-Za-z0-9]+(?:\|[^>]*)?>|(?<!\w)@(?:here|everyone|channel)\b")
_SPECIAL = re.compile(r"<!date\^[^|>]*\|([^>]*)>|<t:\d+(?::[tTdDfFR])?>")
_CHANNEL = re.compile(r"<#[A-Za-z0-9]+(?:\|([^>]*))?>")
_CUSTOM_EMOJI = re.compile(r"<a?:\w{1,40}:\d+>")
_SHORTCODE = re.compile(r"(?<![\w:]):[a-z0-9_+'-]{1,40}:(?![\w:])")
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.I)
_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D\u20E3]+")
_POINTERS = re.compile("[\U0001F447\u2B07\u27A1\u2935]\uFE0F?")  # 👇 ⬇ ➡ ⤵: "here it comes"
_EMPHASIS = re.compile(r"(?<![\w*_~|])(\*\*|__|\*|_|~~|~|\|\|)(?=\S)(.+?)(?<=\S)\1(?![\w*_~|])")
_INLINE_CODE = re.compile(r"`([^`\n]+)`")
_HEADING = re.compile(r"^[ \t]*(?:#{1,3}|-#)[ \t]+", re.M)
_BULLET = re.compile(r"^[ \t]*(?:[-*•◦▪]|\d{1,2}[.)])[ \t]+", re.M)
_SPACES = re.compile(r"[ \t]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class _Markup(BaseModel):
    links: int = 0
    mentions: int = 0
    emoji: int = 0


def _strip_inline(text: str, seen: _Markup) -> str:
    """Chat markup down to the words a reader sees, counting what was removed."""
    def link(m: re.Match[str]) -> str:
        seen.links += 1
        label = m.group(2) if m.re.groups >= 2 else None
        return f" {label} " if label else " "

    def mention(_: re.Match[str]) -> str:
        seen.mentions += 1
        return " "

    def emoji(_: re.Match[str]) -> str:
        seen.emoji += 1
        return " "

    text = _SLACK_LINK.sub(link, text)
    text = _MENTION.sub(mention, text)
    text = _SPECIAL.sub(lambda m: m.group(1) or " ", text)
    text = _CHANNEL.sub(lambda m: f"#{m.group(1)}" if m.group(1) else " ", text)
    text = _CUSTOM_EMOJI.sub(emoji, text)
    text = _SHORTCODE.sub(emoji, text)
    text = _URL.sub(link, text)
    text = _POINTERS.sub(" → ", text)
    text = _EMOJI.sub(emoji, text)
    text = _INLINE_CODE.sub(r"\1", text)
    for _ in range(2):  # nested emphasis: *_word_*
        text = _EMPHASIS.sub(r"\2", text)
    text = html.unescape(text)  # Slack escapes &, < and >
    text = _HEADING.sub("", text)
    text = _BULLET.sub("", text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.splitlines())


def _split_quotes(text: str) -> tuple[str, str]:
    """(quoted text, the rest). `>>>` quotes everything after it (Discord, Slack)."""
    quoted, rest = [], []
    in_block = False
    for line in text.splitlines():
        s = line.lstrip()
        if in_block:
            quoted.append(line)
        elif s.startswith((">>>", "&gt;&gt;&gt;")):
            in_block = True
            quoted.append(s.removeprefix(">>>").removeprefix("&gt;&gt;&gt;"))
        elif s.startswith((">", "&gt;")):
            quoted.append(s.removeprefix(">").removeprefix("&gt;"))
        else:
            rest.append(line)
    return "\n".join(quoted).strip(), "\n".join(rest).strip()


# ---- code --------------------------------------------------------------------------------
# Lines only code starts like that (case-sensitive: "Let the camera linger" is a prompt).
_CODE_STRONG = re.compile(
    r"""^\s*(?:def\s+\w+\s*\(|class\s+\w+\s*[(:]|import\s+[\w.]+\s*$|from\s+[\w.]+\s+import\s|
    (?:const|let|var)\s+\w+\s*=|function\s*\w*\s*\(|async\s+(?:def|function)\s|\#include\s*<|
    (?:pip3?|npm|npx|yarn|uv|brew|apt(?:-get)?)\s+(?:install|i|run|add|remove)\b|
    (?:curl|wget)\s+(?:-|https?:)|docker\s+(?:run|build|compose|ps|exec)\b|
    git\s+(?:clone|pull|push|commit|checkout|status|add|diff)\b|export\s+[A-Z_][A-Z0-9_]*=|
    sudo\s+\w|ffmpeg\s+-|python3?\s+(?:-m\s|[\w./-]+\.py)|for\s+\w+\s+in\s.*;\s*do\b|
    \$\s+\w|>>>\s+\w|Traceback\s+\(most\s+recent|File\s+"[^"]+",\s+line\s+\d)""",
    re.X | re.M,
)
# Marks that one line of a prompt may carry too, so they count only on several lines.
_CODE_WEAK = re.compile(
    r"""[;{}]\s*$|^\s*[\]})]|\w\(.*\)\s*$|==|!=|=>|&&|\|\||\bself\.|^\s*"[\w-]+"\s*:|
    ^\s*\w+\s*=\s*\S|\w+(?:Error|Exception):|^\s*at\s+\S+\(|\$\{|\{\s*\w+\s*\}""",
    re.X | re.M,
)


def _looks_like_code(text: str, lang: str = "") -> bool:
    if lang.lower() in _CODE_LANGS or _CODE_STRONG.search(text):
        return True
    lines = [ln for ln in text.splitlines() if ln.strip()]
    weak = sum(1 for ln in lines if _CODE_WEAK.search(ln))
    return weak >= 2 and weak / len(lines) >= 0.5


# ---- where the prompt is -----------------------------------------------------------------
_VERSIONED = ("gen-?\\d", "ray ?\\d")
"""Version spellings of a profile's name people write with any number (gen-3, ray 2)."""
_NO_PROFILE = ("seedance", "midjourney", "mj")
"""Video tools people name before a prompt that have no profile in knowledge/models."""


def _model_words() -> str:
    """A regex alternation of the model names people write before a prompt ("kling:", "veo 3
    ->"): every id, name and alias in knowledge/models/*.yaml (a new profile is recognised
    without touching this file), the version spellings and the tools without a profile."""
    from bot.core.knowledge import DEFAULT_KNOWLEDGE_DIR

    names: set[str] = set()
    for path in sorted((DEFAULT_KNOWLEDGE_DIR / "models").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for name in (data.get("id"), data.get("name"), *(data.get("aliases") or ())):
            if isinstance(name, str) and name.strip():
                names.add(name.strip().lower())
    spelled = [re.escape(n).replace("\\ ", " ?") for n in re.longest_first(names)]
    return "|".join([*spelled, *_VERSIONED, *_NO_PROFILE])


_MODELS = _model_words()
_PREFACE_WORDS = re.compile(
    r"\b(?:prompts?|v\d+(?:\.\d+)?|version|take\s*\d+|draft|attempt|iteration|try(?:ing)?|"
    r"here'?s|here (?:you go|it is|goes)|below|revised|updated|final|new one|" + _MODELS + r")\b",
    re.I)
_PREFACE_SEP = re.compile(r"\s*(?::(?=\s|$)|->|=>|→|—>|-->)\s*")
_LABELS = re.compile(r"^\s*(?:subject|action|camera|cam|lighting|light|lights|style|look|mood|"
                     r"setting|location|scene|shot(?:\s*\d+)?|lens|color|colour|palette|"
                     r"pacing|audio|sound|motion|time|format|aspect|duration|negative)\b", re.I)


def _preface_split(text: str) -> tuple[str, str] | None:
    """(preface, prompt) when the message opens by saying a prompt follows."""
    first, _, after = text.partition("\n")
    m = _PREFACE_SEP.search(first)
    if m and m.start() > 0:
        pre, body = first[:m.start()], (first[m.end():] + "\n" + after).strip()
    elif after.strip() and len(first.split()) <= 8:
        pre, body = first, after.strip()
    else:
        return None
    if not body or len(pre.split()) > 12 or _LABELS.match(pre) or not _PREFACE_WORDS.search(pre):
        return None
    return pre.strip(), body


# ---- chat signals ------------------------------------------------------------------------
_QUOTED = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”|(?<!\w)'[^'\n]{2,}'(?!\w)")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_QUESTION_START = re.compile(
    r"^(?:how|what|what'?s|whats|why|when|where|where'?s|which|who|whose|is|are|am|can|could|"
    r"should|shall|would|(?-i:[Ww]ill)(?! [A-Z])|does|do|did|has|have|any|anyone|anybody|"
    r"someone|somebody|quick q|q|question|wondering|curious|help|tips?)\b", re.I)
# "u", "ur" and "us" only in lower case: "a U-turn", "a US Army jeep" are not the author talking.
_PERSON = re.compile(
    r"\b(?:i|i'm|im|i've|ive|i'd|i'll|me|my|mine|myself|we|we're|we've|we'll|we'd|our|ours|"
    r"let's|lets|you|you're|youre|you've|you'll|your|yours|ya|y'all|yall)\b"
    r"|(?-i:\b(?:u|ur|us)\b)(?!-)", re.I)
_CHAT = re.compile(
    r"\b(?:lol|lmao|lmfao|rofl|haha\w*|hehe\w*|xd|thx|thanks|thank|ty|pls|plz|please|btw|imo|imho|"
    r"tbh|idk|ngl|omg|wdyt|fyi|asap|brb|afk|lmk|rn|smh|iirc|afaik|wtf|tho|gonna|wanna|kinda|"
    r"sorta|yeah|yep|yup|nope|ok|okay|agreed|congrats|welcome|cheers|hey|hi|hello|guys|folks|"
    r"team|client|the brief|deadline|meeting|standup|on a call|call time|folder|the drive|"
    r"google drive|this channel|reminder|heads up|recipe|pro tip|think|maybe|probably|actually|"
    r"literally|just(?! (?:as|before|after|above|below|beyond|like|enough|out of))|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|tomorrow|"
    r"yesterday|weekend|chef's kiss|insane|cursed|unreal)\b", re.I)
# Openers that are chat only when they stand alone: "Morning!" is a greeting, "Morning fog
# rolls in" a prompt; "Great job" is chat, "Great white shark" is not.
_GREETING = re.compile(
    r"^(?:(?:good (?:morning|night|evening|afternoon)|morning|gm|gn|nice|cool|awesome|great|"
    r"same|sure|done|no)(?=\s*(?:[!.,:)]|$|all|everyone|team|folks|y'all|one|work|job|stuff|"
    r"idea|call|catch|here|thanks)\b)|yo|sup|wow|damn|oh|ah|hmm+|yes|\+1|"
    r"happy (?:friday|monday|birthday|holidays|new year|weekend))(?!\w)", re.I)
_FEEDBACK = re.compile(
    r"\b(?:renders?|rendered|gens?|generations?|outputs?|results?|credits|same seed|seed \d+|"
    r"came out|turned out|comes out|worked|works|broke|ignored|ignores|drifted|morphs?|morphed|"
    r"looks|looked|(?<!to )look like|seems?|seemed|was|were|had|did|got|tried|went|needed|"
    r"this one|that one|first one|second one|last one|other one|again|finally|way too|too much|"
    r"so much|better|worse|worst|(?:love|hate)(?= (?:the|this|that|it|how))|gorgeous|sells it|"
    r"\w+n't|at \d{1,2}:\d\d|0:\d\d)\b", re.I)
_ANNOUNCE = re.compile(r"\b(?:is live|is up (?:in|on)|is out now|now supports|now available|pricing|"
                       r"moved to|update|new rule|rules for|challenge|post your|"
                       r"check (?:it|this|that|out)|gallery entry|(?<!\w)#[a-z][\w-]*)\b",
                       re.I)
_POV = re.compile(r"^\s*(?:pov|first[- ]person)\b", re.I)


# Chat in the languages read natively (bot.core.language): a question, the author talking
# (first or second person, "I think"), chat words, talk about a render. Quoted text is removed
# first, as for English; CJK quotes too.
_CJK_QUOTED = re.compile(r"「[^」\n]*」|『[^』\n]*』|“[^”\n]*”|《[^》\n]*》|«[^»\n]*»")
_NATIVE_CHAT: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    "zh": (
        ("a question", re.compile(r"[？?]|吗[。！!，,\s]*$|呢[。！!，,\s]*$|怎么|为什么|如何|是不是|有没有|"
                                  r"能不能|可不可以|哪个|哪里|什么时候|请问")),
        ("chat in the first or second person", re.compile(r"我|咱|你|您|大家|各位")),
        ("small talk", re.compile(r"哈哈|呵呵|嘿嘿|谢谢|多谢|感谢|你好|早上好|晚安|辛苦|加油|哇|666|"
                                  r"太棒了|牛逼|点赞|收到|^好的|嗯|哦|啊|吧[。！!\s]*$|啦|呀|哟|lol")),
        ("feedback on a render", re.compile(r"渲染|生成(?:出来|了|结果)|出图|效果(?:不|很|太|还)|"
                                            r"试了|结果|版本|这一版|上一版|种子|积分|太快了|太慢了")),
        ("an announcement", re.compile(r"通知|公告|上线|更新了|发布了|规则|截止|开会")),
    ),
    "es": (
        ("a question", re.compile(r"[¿?]|^(?:c[oó]mo|qu[eé]|por qu[eé]|cu[aá]ndo|d[oó]nde|"
                                  r"cu[aá]l|qui[eé]n|alguien)\b", re.I)),
        ("chat in the first or second person", re.compile(
            r"\b(?:yo|me|mi|mis|m[ií]o|nosotros|nosotras|nuestro|nuestra|t[uú]|te|ti|tu|tus|"
            r"usted|ustedes|vosotros|os|creo|pienso|quiero|necesito|tengo|hice|prob[eé]|"
            r"hicimos|gracias)\b", re.I)),
        ("small talk", re.compile(r"\b(?:jaja\w*|jeje\w*|hola|buenas|buenos d[ií]as|saludos|"
                                  r"vale|ok|genial|incre[ií]ble|guau|vaya|oye|porfa|por favor|"
                                  r"lol|xd|hoy|ayer|reuni[oó]n|cliente)\b", re.I)),
        ("feedback on a render", re.compile(
            r"\b(?:(?:mi|el|tu|los|este|ese) render\w*|renderiz[oó]|generaci[oó]n|resultado|"
            r"sali[oó]|qued[oó]|funcion[oó]|"
            r"versi[oó]n|semilla|cr[eé]ditos|demasiado)\b", re.I)),
        ("an announcement", re.compile(r"\b(?:anuncio|ya est[aá]|disponible|nueva regla|"
                                       r"reglas|concurso|plazo)\b", re.I)),
    ),
    "ja": (
        ("a question", re.compile(r"[？?]|(?:ですか|ますか|でしょうか|かな|かね|だっけ)[。！!、\s]*$|"
                                  r"どう(?:やって|すれば|したら|思)|なぜ|なんで|どこ|いつ|どれ|誰か")),
        ("chat in the first or second person", re.compile(r"私|僕|俺|わたし|うち(?:ら|の)|"
                                                          r"あなた|君|皆さん|みんな|思います|思う|"
                                                          r"と思|してみた|やってみた")),
        ("small talk", re.compile(r"おはよう|こんにちは|こんばんは|お疲れ|ありがとう|よろしく|すごい|"
                                  r"（笑）|\(笑\)|ｗｗ|ww|了解|なるほど|ですね|ますね|だね|よね")),
        ("feedback on a render", re.compile(r"レンダリング(?:したら|結果|が|して)|"
                                            r"生成(?:したら|結果|できた)|出力|出てきた|"
                                            r"結果|バージョン|シード|クレジット|速すぎ|遅すぎ")),
        ("an announcement", re.compile(r"お知らせ|告知|公開しました|リリース|ルール|締め切り|会議")),
    ),
}


def _native_chat_signal(text: str, code: str) -> str | None:
    bare = _CJK_QUOTED.sub(" ", _QUOTED.sub(" ", text))
    for reason, pattern in _NATIVE_CHAT[code]:
        if pattern.search(bare.strip()):
            return reason
    return None


def _chat_signal(text: str) -> str | None:
    """Why this text reads as chat rather than a prompt, or None."""
    code = detect_language(text).code
    if code in _NATIVE_CHAT:
        return _native_chat_signal(text, code)
    bare = _QUOTED.sub(" ", text)  # dialogue and 'quoted terms' are not the author talking
    head = bare.lstrip(" \t\n-–—:,.!")
    if "?" in bare or _QUESTION_START.match(head):
        return "a question"
    if _GREETING.match(head):
        return "small talk"
    if _PERSON.search(bare) and not _POV.match(text):
        return "chat in the first or second person"
    if _FEEDBACK.search(bare):
        return "feedback on a render"
    if _CHAT.search(bare):
        return "small talk"
    if _ANNOUNCE.search(bare):
        return "an announcement"
    return None


def _words(text: str) -> list[str]:
    """The words of `text`, CJK counted in word equivalents (bot.core.language.measure)."""
    words = _WORD.findall(text)
    extra = measure(text).words - len(words) if not text.isascii() else 0
    return words + ["…"] * max(0, extra)


def _is_chatty_line(line: str) -> bool:
    """A short aside around a prompt: "thoughts?", "ok round 2", "feedback welcome 🙏"."""
    words = _words(line)
    return len(words) <= 8 and (not words or _chat_signal(line) is not None)


_TAIL = re.compile(r"(?<=[.!,;])\s+([^.!,;\n]{1,40})$")
_ASKS = re.compile(r"\?|\b(?:thoughts|wdyt|lmk|feedback|notes|opinions|pls|please)\b", re.I)
_UNQUOTE = re.compile(r"^[ \t]*(?:>>>|>)[ \t]?", re.M)


def _trim_asides(text: str) -> str:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    while len(lines) > 1 and _is_chatty_line(lines[-1]):
        lines.pop()
    while len(lines) > 1 and _is_chatty_line(lines[0]):
        lines.pop(0)
    if lines:  # "..., soft and quiet. thoughts?"
        tail = _TAIL.search(lines[-1])
        if tail and len(_WORD.findall(tail.group(1))) <= 3 and _ASKS.search(tail.group(1)):
            lines[-1] = lines[-1][:tail.start()].rstrip(" ,;")
    return "\n".join(lines)


# ---- the decision ------------------------------------------------------------------------
def _verdict(ok: bool, reason: str, conf: float, body: str = "", found: list[str] | None = None,
             how: str = "plain") -> MessageVerdict:
    return MessageVerdict(is_prompt=ok, reason=reason, components=found or [],
                          prompt_text=body[:MAX_CHARS], confidence=round(min(0.99, conf), 2), how=how)


def _bad_input(text: object) -> MessageVerdict | None:
    if isinstance(text, bytes | bytearray):
        return _verdict(False, "binary data", 0.99)
    if not isinstance(text, str) or not text.strip():
        return _verdict(False, "empty", 0.99)
    head = text[:MAX_SCAN]
    if "\x00" in head or "\ufffd" in head or len(_CONTROL.findall(head)) > 0:
        return _verdict(False, "binary or control characters", 0.99)
    return None


def _locate(text: str, seen: _Markup) -> tuple[str, str, str]:
    """(body to judge, where it came from, text around it)."""
    fences = list(_FENCE.finditer(text))
    if fences:
        inner = max((m.group(1) for m in fences), key=len)
        lang_m = _FENCE_LANG.match(inner)
        lang = lang_m.group(1) if lang_m and " " not in lang_m.group(1) else ""
        if lang and (lang.lower() in _CODE_LANGS or lang.lower() in {"txt", "text", "prompt", "md"}):
            inner = inner[lang_m.end():]  # type: ignore[union-attr]
        around = _FENCE.sub(" ", text)
        if _looks_like_code(inner, lang):
            return inner.strip(), "code", around
        return _strip_inline(inner, _Markup()).strip(), "fenced", _strip_inline(around, seen)
    clean = _strip_inline(text, seen)
    split = _preface_split(clean)
    if split:
        return _UNQUOTE.sub("", split[1]).strip(), "prefaced", split[0]
    quoted, rest = _split_quotes(clean)
    if quoted and len(_WORD.findall(quoted)) >= len(_WORD.findall(rest)):
        return quoted, "quoted", rest
    return _trim_asides(_UNQUOTE.sub("", clean)), "plain", ""


def _classify(text: str) -> MessageVerdict:
    bad = _bad_input(text)
    if bad is not None:
        return bad
    raw = unicodedata.normalize("NFC", text[:MAX_SCAN]).replace("\r\n", "\n").replace("\r", "\n")
    seen = _Markup()
    body, how, around = _locate(raw, seen)
    if how == "code":
        return _verdict(False, "code", 0.95, body, how="fenced")
    words = _words(body)
    if not words:
        if seen.links:
            return _verdict(False, "a link with little text", 0.97)
        if seen.emoji or seen.mentions:
            return _verdict(False, "small talk", 0.97)
        return _verdict(False, "empty", 0.97)
    if how == "plain" and _looks_like_code(body):
        return _verdict(False, "code", 0.9, body)
    if len(body) > MAX_CHARS:
        size = len(text) if len(text) > MAX_SCAN else len(body)
        return _verdict(False, f"too long for a prompt ({size:,} characters)", 0.8, body, how=how)
    if seen.links and how == "plain" and len(words) <= 15:
        return _verdict(False, "a link with little text", 0.9, body)
    analysis = analyze(body)
    found = [c.value for c in analysis.present]
    if len(words) < 3:
        return _verdict(False, "too short", 0.9, body, found, how)
    chat = _chat_signal(body)
    if how == "quoted" and chat is None and around:
        # A quote with a remark: the remark may say it is feedback on the quoted prompt's render.
        remark = _chat_signal(around)
        chat = remark if remark == "feedback on a render" else None
    if chat is not None:
        return _verdict(False, chat, 0.7 + 0.05 * max(0, 4 - len(found)), body, found, how)
    comps = set(found)
    craft = len(comps & CRAFT)
    delimited = how in ("fenced", "prefaced")  # the author said "this is my prompt"; a quote may be a reply
    listed = ", ".join(found)
    if len(found) >= 4 and craft >= 1:
        return _verdict(True, f"looks like a prompt: {listed}", 0.6 + 0.06 * len(found)
                        + 0.1 * delimited, body, found, how)
    past = analysis.language == "en" and any(a.text.lower().endswith("ed")
                                             for a in analysis.actions)
    if "subject" in comps and not delimited and past:
        # A thin line in the past tense is a story about something, not a shot to make.
        return _verdict(False, "chat in the past tense", 0.6, body, found, how)
    if "subject" in comps and (len(found) >= 3 or (delimited and len(found) >= 2)):
        return _verdict(True, f"looks like a prompt (a thin one): {listed}",
                        0.55 + 0.1 * delimited, body, found, how)
    if delimited and len(found) >= 3:
        return _verdict(True, f"looks like a prompt: {listed}", 0.6, body, found, how)
    missing = "no prompt components" if not found else f"too few prompt components ({listed})"
    return _verdict(False, missing, 0.6 + 0.1 * (3 - min(3, len(found))), body, found, how)


def classify_message(text: str) -> MessageVerdict:
    """Decide whether a chat message is a video prompt. Never raises."""
    try:
        return _classify(text)
    except Exception:  # noqa: BLE001 - a message listener must not die on one odd message
        return _verdict(False, "could not read the message", 0.5)
