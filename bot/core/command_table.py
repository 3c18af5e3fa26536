"""The command table: every command the bot answers, once, for every front.

A `CommandSpec` says what a command is called, what it takes (each argument with its type and
where its autocomplete comes from), its help, its rate limit, who sees the reply by default,
whether it records a review, and which engine call answers it. Slack, Discord (gateway and
HTTP) and the terminal chat read this table: they parse their platform's input into a
`CommandCall`, let `run_command` call the engine, and format the `Outcome`. The Slack
manifest's slash commands and Discord's app commands are generated from it.

Adding a command is one spec here plus one formatter per front (see CONTRIBUTING.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel

from bot.core.availability import (
    DEGRADED_NOTICE,
    LOCAL_LIMITS,
    Preflight,
    database_down,
    preflight,
)
from bot.core.validation import InputError

if TYPE_CHECKING:
    from bot.core.engine import Engine
    from bot.core.house_rules.layers import RulesInForce
    from bot.core.insights import InsightsReport

Front = Literal["slack", "discord", "chat"]
ArgType = Literal["text", "model"]
Autocomplete = Literal["models"]
Visibility = Literal["channel", "private"]
"""`channel`: as the channel's (Slack) or server's (Discord) visibility setting says;
`private`: only the person asking, whatever the setting."""

SORRY = "Something went wrong on our side; please try again in a minute."
"""The one wording a user sees when something fails that they cannot fix."""


@dataclass(frozen=True)
class Arg:
    """One argument. `main` marks the free text (the prompt or the question); the others are
    options, typed `--name value` or `name:value` in text and separate fields on Discord."""

    name: str
    help: str
    type: ArgType = "text"
    required: bool = False
    main: bool = False
    autocomplete: Autocomplete | None = None
    example: str = ""


@dataclass(frozen=True)
class RateLimit:
    """At most `calls` in `window_s` seconds per user and command, shared by replicas."""

    calls: int
    window_s: float = 60.0


@dataclass(frozen=True)
class CommandCall:
    """What a front parsed: the free text, the options by argument name, and the model the
    channel or server defaults to (used when the command takes a model and none was given)."""

    text: str = ""
    options: Mapping[str, str] = field(default_factory=dict)
    default_model: str | None = None
    rules: RulesInForce | None = None
    """The house rules in force where it was asked (set by `run_command` for a spec with
    `house_rules`, from the requester's channel; the terminal chat passes its rules file's)."""
    platform: str | None = None
    """Where it was asked (filled from the Requester by `run_command`): commands that read the
    team's own data (`insights`) scope themselves by it; None in the terminal chat."""
    scope: str | None = None

    def option(self, name: str) -> str | None:
        value = self.options.get(name)
        return value if value else None


@dataclass(frozen=True)
class SlackSlash:
    """A slash command of its own in the Slack manifest."""

    command: str
    description: str
    usage_hint: str


Runner = Callable[["Engine", CommandCall], object]


@dataclass(frozen=True)
class CommandSpec:
    name: str
    usage: str
    """How it is typed in a mention or the terminal chat."""
    summary: str
    """One line of help."""
    args: tuple[Arg, ...] = ()
    run: Runner | None = None
    """The engine call; None when a front answers it itself (settings, review channels) or a
    grammar of its own runs it (`prompt`, bot.core.prompt_commands)."""
    rate_limit: RateLimit | None = None
    visibility: Visibility = "channel"
    records_review: bool = False
    form_when_empty: bool = False
    """Given no text, Slack and Discord open a form for a long one instead of refusing."""
    house_rules: bool = False
    """The engine call follows the house rules in force in the requester's channel."""
    fronts: frozenset[Front] = frozenset({"slack", "discord", "chat"})
    text_command: bool = True
    """Understood when typed: mentions, DMs and the terminal chat."""
    slack: SlackSlash | None = None
    """Its own Slack slash command; else it is `/framecraft NAME` (or text only)."""
    discord_description: str | None = None
    """Discord's description (100 characters at most); None: not a Discord app command here."""
    help_on: Mapping[str, str] = field(default_factory=dict)
    """Help wording a front shows for its own syntax (front name -> text), else `summary`."""

    @property
    def main_arg(self) -> Arg | None:
        return next((a for a in self.args if a.main), None)

    @property
    def options(self) -> tuple[Arg, ...]:
        return tuple(a for a in self.args if not a.main)

    @property
    def needs_text(self) -> bool:
        main = self.main_arg
        return main is not None and main.required

    def help_for(self, front: str) -> str:
        return self.help_on.get(front, self.summary)


class MissingOption(InputError):
    """A required option was not given. `need` says what is missing; each front adds an
    example in its own syntax (the message itself has the typed one)."""

    def __init__(self, spec: CommandSpec, arg: Arg, need: str):
        self.spec, self.arg, self.need = spec, arg, need
        super().__init__(f"{need}, e.g. {typed_example(spec)}")


def typed_example(spec: CommandSpec) -> str:
    """The command as typed in Slack, a mention or the terminal chat: its main text and its
    required options, e.g. `/translate A fox runs through snow --to kling`."""
    main = spec.main_arg
    words = [f"/{spec.name}", main.example if main else ""]
    words += [f"--{a.name} {a.example}" for a in spec.options if a.required]
    return " ".join(w for w in words if w)


# ---- the engine calls --------------------------------------------------------------------
def _critique(engine: Engine, call: CommandCall) -> object:
    return engine.critique(call.text, call.option("model") or call.default_model,
                           rewrite_strength=call.option("rewrite"), rules=call.rules,
                           mode=call.option("mode"))


def _sequence(engine: Engine, call: CommandCall) -> object:
    """The review; in chat (a platform is set) the list is also kept for the "Full report"
    button, whose value is too short to carry it (an outage just leaves the button out)."""
    rewrite = (call.option("rewrite") or "").strip().lower() in {"yes", "true", "1", "on"}
    review = engine.sequence(call.text, call.option("model") or call.default_model,
                             call.option("mode"), rewrite=rewrite, rules=call.rules)
    if call.platform is not None:
        options = {k: v for k, v in call.options.items() if v}
        if call.default_model and "model" not in options:
            options["model"] = call.default_model
        try:
            review.report_key = engine.stash_sequence(call.platform, call.text, options,
                                                      scope=call.scope)
        except Exception as e:
            if not database_down(e):
                raise
    return review


def full_sequence_report(engine: Engine, platform: str, key: str,
                         scope: str | None = None) -> object:
    """The review behind a "Full report" button, with every shot rewritten; InputError when
    the list is no longer kept (or was kept by another workspace: `scope` is the clicker's)."""
    kept = engine.stashed_sequence(platform, key, scope=scope)
    if kept is None:
        raise InputError("I no longer have that shot list; run /sequence again.")
    text, options = kept
    return engine.sequence(text, options.get("model"), options.get("mode"), rewrite=True)


def _translate(engine: Engine, call: CommandCall) -> object:
    to = call.option("to") or call.option("model")
    if not to:
        spec = TABLE["translate"]
        raise MissingOption(spec, spec.args[1], "Say which model to translate to")
    return engine.translate(call.text, to, call.option("from"))


def _compare(engine: Engine, call: CommandCall) -> object:
    return engine.compare(call.text, call.option("from"))


def _ethics(engine: Engine, call: CommandCall) -> object:
    return engine.review_ethics(call.text)


def _ask(engine: Engine, call: CommandCall) -> object:
    return engine.ask(call.text, kind=call.option("kind"), model=call.option("model"))


NO_STALE_PROFILES = ("No model profile is due a re-check: every one was checked within that many "
                     "days.")
"""What every front says when `models --stale DAYS` finds nothing to list."""


def _models(engine: Engine, call: CommandCall) -> object:
    stale = call.option("stale")
    if stale is None:
        return list(engine.kb.models.values())
    from bot.core.freshness import parse_stale_days, stale_profiles

    return stale_profiles(engine.kb.models.values(), parse_stale_days(stale))


class DataSource(BaseModel):
    name: str
    count: int
    path: str


class About(BaseModel):
    """`about`: which Framecraft this is, what it knows and where that comes from."""

    version: str
    models: list[tuple[str, str]]
    """(profile id, name) of every video model."""
    sources: list[DataSource]
    llm: bool
    """Whether an LLM is configured (never which key)."""


def version() -> str:
    try:
        return metadata.version("framecraft")
    except metadata.PackageNotFoundError:  # run from a checkout without installing
        return "unknown"


def _shown(path: Path) -> str:
    """A data directory as a reply may show it: relative to the checkout, else its name only
    (a server's file layout is nobody's business)."""
    from bot.core.knowledge import REPO_ROOT

    try:
        return path.resolve().relative_to(REPO_ROOT.resolve()).as_posix()
    except ValueError:
        return path.name


def _about(engine: Engine, call: CommandCall) -> object:
    from bot.core.knowledge import DEFAULT_GALLERY_DIR, DEFAULT_KNOWLEDGE_DIR

    kb, settings = engine.kb, engine.settings
    knowledge = Path(settings.knowledge_dir or DEFAULT_KNOWLEDGE_DIR)
    gallery = Path(settings.gallery_dir or DEFAULT_GALLERY_DIR)
    sources = [
        DataSource(name="craft guide sections", count=len(kb.guide),
                   path=_shown(knowledge / "guide")),
        DataSource(name="model profiles", count=len(kb.models), path=_shown(knowledge / "models")),
        DataSource(name="annotated gallery prompts", count=len(kb.gallery), path=_shown(gallery)),
        DataSource(name="ethics rules", count=len(engine.ethics_rules.rules),
                   path=_shown(knowledge / "ethics")),
    ]
    return About(version=version(), models=[(m.id, m.name) for m in kb.models.values()],
                 sources=sources, llm=bool(settings.llm or settings.llm_base_url))


@dataclass(frozen=True)
class Insights:
    """`insights`: the team's numbers (counts and scores only), a few lines about them and the
    chart as PNG bytes. A dataclass, so the table does not import the insights stack."""

    report: InsightsReport
    summary: list[str]
    png: bytes = field(default=b"", repr=False)


def _insights(engine: Engine, call: CommandCall) -> object:
    from bot.core.insights import render_png, summary_lines

    channel = call.option("channel")
    if channel:
        channel = channel.lstrip("#")
    since = call.option("since") or "30d"
    report = engine.insights(call.scope, channel,
                             None if since.strip().casefold() == "all" else since,
                             platform=call.platform)
    return Insights(report=report, summary=summary_lines(report), png=render_png(report))


# ---- the table ---------------------------------------------------------------------------
_PROMPT = Arg("prompt", "The video prompt, as you would give it to the model", required=True,
              main=True, example="A fox runs through snow")
_FROM = Arg("from", "The model the prompt was written for (optional)", type="model",
            autocomplete="models", example="runway")
_SLACK_URL_HELP = "(no text opens a form)"
_MODE = Arg("mode", "t2v, or i2v when the prompt animates a first frame (default: from the text)",
            example="i2v")

SPECS: tuple[CommandSpec, ...] = (
    CommandSpec(
        name="critique", usage="critique PROMPT [--model M] [--rewrite light|standard|full]",
        summary="Score a video prompt, name what is missing and rewrite it.",
        args=(_PROMPT, Arg("model", "The video model it is for (default: the server's)",
                           type="model", autocomplete="models", example="kling"), _MODE),
        run=_critique, rate_limit=RateLimit(20), records_review=True, form_when_empty=True,
        house_rules=True,
        slack=SlackSlash("/critique", "Score a video prompt, name what is missing, rewrite it",
                         f"PROMPT [model]  {_SLACK_URL_HELP}"),
        discord_description="Score a video prompt, name what is missing and rewrite it",
        help_on={
            "slack": "`/critique PROMPT [model]`: score a prompt, name what is missing, rewrite "
                     "it. Bare `/critique` opens a form.",
            "discord": "Score a prompt, name what is missing and rewrite it. Without a prompt it "
                       "opens a form for long prompts.",
        }),
    CommandSpec(
        name="sequence", usage="sequence SHOTS [--model M] [--mode t2v|i2v]",
        summary="Review a shot list for consistency: drift and gaps across shots, and the "
                "words to repeat.",
        args=(Arg("shots", "The shot list: one shot a line (or Markdown, YAML, JSON)",
                  required=True, main=True,
                  example="Mara in a green field jacket walks at dusk | She turns, close-up"),
              Arg("model", "The model of shots that do not name one (default: the server's)",
                  type="model", autocomplete="models", example="kling"), _MODE),
        run=_sequence, rate_limit=RateLimit(5), form_when_empty=True, house_rules=True,
        slack=SlackSlash("/sequence", "Review a shot list for consistency across shots",
                         f"SHOTS (one a line, or separated by |)  {_SLACK_URL_HELP}"),
        discord_description="Review a shot list for consistency across shots (empty: a form)",
        help_on={
            "slack": "`/sequence SHOTS`: review a shot list for drift and gaps across shots "
                     "(bare `/sequence` opens a form; the message shortcut \"Review this "
                     "thread as a sequence\" reviews a thread of prompts).",
            "discord": "Review a shot list for drift and gaps across shots. Without shots it "
                       "opens a form; \"Review thread as a sequence\" on a message reviews its "
                       "thread.",
        }),
    CommandSpec(
        name="translate", usage="translate PROMPT --to M [--from M]",
        summary="Rewrite a prompt in another model's dialect.",
        args=(_PROMPT, Arg("to", "The model to translate to", type="model", required=True,
                           autocomplete="models", example="kling"), _FROM),
        run=_translate, rate_limit=RateLimit(10),
        slack=SlackSlash("/translate", "Rewrite a prompt in another model's dialect",
                         "PROMPT --to MODEL [--from MODEL]"),
        discord_description="Rewrite a prompt in another model's dialect",
        help_on={
            "slack": "`/translate PROMPT --to MODEL [--from MODEL]`: rewrite a prompt in another "
                     "model's dialect.",
            "discord": "Rewrite a prompt in another model's dialect.",
        }),
    CommandSpec(
        name="compare", usage="compare PROMPT",
        summary="Render one prompt for every model side by side.",
        args=(_PROMPT, _FROM), run=_compare, rate_limit=RateLimit(5),
        slack=SlackSlash("/compare", "Render one prompt for every model", "PROMPT"),
        discord_description="Render one prompt for every model side by side",
        help_on={"slack": "`/compare PROMPT`: render one prompt for every model side by side.",
                 "discord": "Render one prompt for every model side by side."}),
    CommandSpec(
        name="ethics", usage="ethics PROMPT",
        summary="Check a prompt for likeness, consent, minors, deception and IP issues.",
        args=(_PROMPT,), run=_ethics, rate_limit=RateLimit(20),
        slack=SlackSlash("/ethics", "Check a prompt for likeness, consent, minors, deception "
                         "and IP issues", "PROMPT"),
        discord_description="Check a prompt for likeness, consent, minors, deception and IP "
                            "issues",
        help_on={"slack": "`/ethics PROMPT`: likeness, consent, minors, deception and IP checks.",
                 "discord": "Likeness, consent, minors, deception and IP checks."}),
    CommandSpec(
        name="ask", usage="ask QUESTION",
        summary="Ask about the craft; answers cite the guide, gallery and profiles.",
        args=(Arg("question", "Your question, e.g. how do I keep a character consistent?",
                  required=True, main=True, example="how do I keep a character consistent?"),),
        run=_ask, rate_limit=RateLimit(10),
        slack=SlackSlash("/ask", "Ask about the craft; answers cite their sources", "QUESTION"),
        discord_description="Ask about the craft; answers cite the guide, gallery and model "
                            "profiles",
        help_on={"slack": "`/ask QUESTION`: craft answers with sources.",
                 "discord": "Craft answers with sources from the guide, gallery and model "
                            "profiles."}),
    CommandSpec(
        name="prompt", usage="prompt save|list|history|show|diff|restore|keep ...",
        summary="Keep a team's prompts versioned like code.",
        slack=SlackSlash("/prompt", "Keep the team's prompts versioned like code",
                         "save NAME PROMPT [--note ...] | list | history NAME | diff NAME A B | "
                         "restore NAME N | keep NAME N | help"),
        rate_limit=RateLimit(20),
        help_on={
            "slack": "`/prompt save|list|history|show|diff|restore|keep|delete NAME ...`: the "
                     "team's prompts versioned like code (`/prompt help` for details).",
            "discord": "The server's prompts versioned like code: `save`, `list`, `history`, "
                       "`show`, `diff`, `restore`, `keep`, `delete` (with `confirm:True`).",
        }),
    CommandSpec(name="models", usage="models [--stale DAYS]",
                summary="List the video models Framecraft knows.",
                args=(Arg("stale", "Only profiles not checked in this many days",
                          example="180"),),
                run=_models),
    CommandSpec(
        name="about", usage="about",
        summary="Which Framecraft this is: its version, the models and the data sources.",
        run=_about, visibility="private",
        discord_description="Framecraft's version, the video models and the data sources",
        help_on={"discord": "The version, the models and the data sources."}),
    CommandSpec(
        name="insights", usage="insights [--channel C] [--since 30d]",
        summary="How the team's prompts are improving: a chart and a short summary.",
        args=(Arg("channel", "Only this channel (default: the whole team)", example="C0123"),
              Arg("since", "How far back: 30d, 12w, a date (2026-10-01) or all", example="12w")),
        run=_insights, rate_limit=RateLimit(5),
        discord_description="How the team's prompts are improving: a chart and a summary",
        help_on={"slack": "`/framecraft insights [--channel C] [--since 30d]`: the team's "
                          "scores over time and what prompts keep missing, as a chart.",
                 "discord": "The server's scores over time and what prompts keep missing, as "
                            "a chart."}),
    CommandSpec(
        name="digest", usage="digest weekly [DAY] [HOUR]|off", text_command=False,
        visibility="private", fronts=frozenset({"slack", "discord"}),
        summary="A weekly insights digest in this channel (admins; day and hour in the "
                "workspace's time zone, default monday 9)."),
    CommandSpec(
        name="privacy", usage="privacy exclude-me|include-me", text_command=False,
        visibility="private", fronts=frozenset({"slack", "discord"}),
        summary="Leave your reviews out of the team's insights and digests (or count again).",
        help_on={"discord": "Leave your reviews out of the team's insights (or count again)."}),
    CommandSpec(
        name="forget-me", usage="forget-me [yes]", text_command=False,
        visibility="private", fronts=frozenset({"slack", "discord"}),
        summary="Remove your saved prompts, reviews and feedback (says what would go first; "
                "`yes` confirms).",
        help_on={"discord": "Remove your saved prompts, reviews and feedback (confirm:True)."}),
    CommandSpec(
        name="forget-workspace", usage="forget-workspace [yes]", text_command=False,
        visibility="private", fronts=frozenset({"slack", "discord"}),
        summary="Delete everything Framecraft keeps for this workspace now (admins; says "
                "what would go first; `yes` confirms).",
        help_on={"discord": "Delete everything kept for this server now (Manage Server; "
                            "confirm:True)."}),
    CommandSpec(
        name="settings", usage="settings", text_command=False, visibility="private",
        summary="See or change the default model and who sees replies.", fronts=frozenset(),
        help_on={
            "discord": "The server's default model and whether replies are public or only for "
                       "you (Manage Server to change).",
        }),
    CommandSpec(
        name="help", usage="help", summary="Show this help.", visibility="private",
        help_on={"discord": "This help."}),
    CommandSpec(
        name="rules", usage="rules [set|reset|history] [channel|workspace]",
        summary="The house rules in force here and where each comes from; admins set them "
                "(a form with the TOML), reset them and see every change.",
        text_command=False, visibility="private",
        help_on={
            "slack": "`/framecraft rules`: the house rules in force here · `/framecraft rules "
                     "set|reset|history [channel|workspace]` (admins, or the channel's creator "
                     "for its own rules)",
            "discord": "`/framecraft rules`: the house rules in force here; Manage Channels "
                       "(this channel) or Manage Server (the server) to set or reset them.",
            "chat": "`/rules`: the rules file in force · `/rules set FILE`: check a rules file "
                    "and make it ./framecraft.toml",
        }),
    CommandSpec(
        name="framecraft", usage="framecraft help|about|settings|watch|unwatch|ethics-notes|rules",
        summary="Help, settings and review channels.", text_command=False,
        fronts=frozenset({"slack"}),
        slack=SlackSlash("/framecraft", "Help, settings and review channels",
                         "help | about | settings [channel|workspace] model NAME|none | settings "
                         "visibility public|ephemeral | watch | unwatch | ethics-notes on|off | "
                         "rules [set|reset|history] | insights [--since 30d] | digest weekly|off | "
                         "privacy exclude-me | forget-me | forget-workspace"),
        help_on={
            "slack": "`/framecraft help` · `/framecraft about` · "
                     "`/framecraft settings [channel|workspace] model NAME|none` · "
                     "`/framecraft settings [channel|workspace] visibility public|ephemeral` · "
                     "`/framecraft watch` / `/framecraft unwatch`: make this a review channel "
                     "(admins) · `/framecraft ethics-notes on|off`: unasked ethics notes here "
                     "(admins) · `/framecraft rules [set|reset|history]`: the house rules "
                     "(admins to change). Workspace-wide settings need an admin too."
                     " · `/framecraft insights [--channel C] [--since 30d]`: the team's chart "
                     "· `/framecraft digest weekly [DAY] [HOUR]|off`: a weekly digest here "
                     "(admins) · `/framecraft privacy exclude-me|include-me`: leave your "
                     "reviews out of the team's numbers."
                     " · `/framecraft forget-me`: remove your saved prompts, reviews and "
                     "feedback · `/framecraft forget-workspace`: delete this workspace's data "
                     "now (admins).",
        }),
)

TABLE: dict[str, CommandSpec] = {spec.name: spec for spec in SPECS}


def spec_of(name: str) -> CommandSpec | None:
    return TABLE.get(name)


def text_commands() -> Iterator[CommandSpec]:
    """The commands a user may type (mentions, DMs, the terminal chat), in help order."""
    return (s for s in SPECS if s.text_command)


def rate_limits() -> dict[str, tuple[int, float]]:
    """Per user and command: (calls, window in seconds). Commands not listed are free."""
    return {s.name: (s.rate_limit.calls, s.rate_limit.window_s)
            for s in SPECS if s.rate_limit is not None}


def slack_slash_commands() -> list[SlackSlash]:
    return [s.slack for s in SPECS if s.slack is not None]


def discord_app_commands() -> list[CommandSpec]:
    """Commands registered on Discord straight from their spec (the engine commands and
    `about`); `prompt`, `settings`, `help` and the review-channel group are built by hand."""
    return [s for s in SPECS if s.discord_description and s.run is not None]


# ---- running -----------------------------------------------------------------------------
@dataclass
class Outcome:
    """A command's result, with what a front needs to format it."""

    spec: CommandSpec
    call: CommandCall
    result: object
    review_id: str | None = None
    notice: str | None = None
    """Set when the answer is degraded (the database could not record the review)."""


@dataclass(frozen=True)
class Requester:
    """Who asked and where, as the store records a review: platform, scope (team or guild),
    channel and user."""

    platform: str
    scope: str
    channel: str
    user: str


def nothing_to_work_on(spec: CommandSpec) -> str:
    main = spec.main_arg
    what = f": the {main.name} is empty" if main else ""
    return f"Nothing to work on{what}. Usage: {spec.usage}"


def _rules_in_force(engine: Engine, requester: Requester) -> RulesInForce | None:
    """The house rules of the requester's channel; none while the database is down (the answer
    then comes with default settings and a notice, like every offline command)."""
    try:
        return engine.house_rules(requester.platform, requester.scope, requester.channel)
    except Exception as e:
        if not database_down(e):
            raise
        return None


def run_command(engine: Engine, name: str, call: CommandCall,
                requester: Requester | None = None) -> Outcome:
    """Run a table command: check it exists and has its text, call the engine, record the
    review when the spec says so. Raises InputError for anything the user can fix."""
    spec = TABLE.get(name)
    if spec is None or spec.run is None:
        raise InputError(f"`{name}` is not a command I can run here.")
    if spec.needs_text and not call.text.strip():
        raise InputError(nothing_to_work_on(spec))
    if requester is not None and call.scope is None:
        call = replace(call, platform=requester.platform, scope=requester.scope)
    if spec.house_rules and requester is not None and call.rules is None:
        call = replace(call, rules=_rules_in_force(engine, requester))
    result = spec.run(engine, call)
    review_id = None
    if spec.records_review and requester is not None:
        from bot.core.critique.results import Critique

        if isinstance(result, Critique):
            try:
                review_id = engine.store.record_review(
                    requester.platform, requester.scope, requester.channel, requester.user,
                    result.prompt, result.score, result.model)
            except Exception as e:  # an outage loses the log entry, not the answer
                if not database_down(e):
                    raise
                return Outcome(spec=spec, call=call, result=result, notice=DEGRADED_NOTICE)
    return Outcome(spec=spec, call=call, result=result, review_id=review_id)


def allowed(engine: Engine, name: str, key: str,
            limits: Mapping[str, tuple[int, float]]) -> bool:
    """Whether the rate limit of `name` lets the caller run it now; `key` names the caller
    (platform, scope, user) and is shared by every replica through the store."""
    limit = limits.get(name)
    if not limit:
        return True
    return engine.store.allow(f"{key}:{name}", *limit)


def command_preflight(engine: Engine, name: str, key: str,
                      limits: Mapping[str, tuple[int, float]],
                      read_settings: Callable[[], Mapping[str, str | None]]) -> Preflight:
    """The rate limit and settings of one request, read once before the command runs: the
    shared limit and the stored settings, or (database down) a process-local limit, the
    defaults and a notice (bot.core.availability). Every front calls this, so the outage
    decision is made here once."""
    limit = limits.get(name)

    def local() -> bool:
        return LOCAL_LIMITS.allow(f"{key}:{name}", *limit) if limit else True
    return preflight(lambda: allowed(engine, name, key, limits), local, read_settings,
                     f"{key.split(':', 1)[0]} {name}")
