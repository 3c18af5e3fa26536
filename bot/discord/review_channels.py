"""Review channels on Discord: thread reviews of prompts posted in watched channels and forums,
ethics notes anywhere the bot can read, and the `/framecraft` commands that switch both.

The flow is the core's (`bot.core.review_channels`): the gateway handlers only read the
channel's switches, classify the message and submit a job (one trip to a thread each); one
`ReviewQueue` per client, drained by an asyncio task, decides when each review may be posted,
so a flooded channel stays inside the channel's own budget (shared with other replicas through
`store.allow`) and well inside Discord's limits, which discord.py's per-route buckets enforce
anyway. A thread's settings are its parent's: a forum is watched as a whole, and each post's
starter message is reviewed inside the post. Message text never goes into a log line, an error
or an ethics note: it is the members' work, and a note must not repeat what it warns about.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import threading
import time
from collections import defaultdict
from typing import TYPE_CHECKING, Any, Literal

import discord
from discord import app_commands
from pydantic import BaseModel

from bot.config import Settings
from bot.core.command_table import SORRY
from bot.core.review_channels import (
    Action,
    CompactReview,
    ReviewJob,
    ReviewQueue,
    Skipped,
    channel_settings,
)
from bot.core.review_channels.posts import linked_reply
from bot.core.review_channels.queue import PER_CHANNEL_PER_MINUTE
from bot.core.validation import InputError
from bot.discord import embeds as em
from bot.discord.front import PLATFORM, DiscordFront, Reply, Where, front_of
from bot.discord.house_rules import run_rules
from bot.discord.listeners.actions import REVIEW_ID
from bot.discord.send import front_for, front_reply, send_reply, where_of
from bot.logs import log_failure

if TYPE_CHECKING:
    from bot.core.engine import Engine

log = logging.getLogger(__name__)

SHARED_WINDOW_S = 60.0
SHARED_RETRY_S = 1.0
NOTE_CLAIM_TTL_S = 30 * 24 * 3600
"""An ethics note is claimed per message for a month: a replayed event or an edit never brings
a second note."""
IDLE_S = 5.0
THREAD_EXISTS = 160004
"""Discord's code for "a thread has already been created for this message"; that thread has
the message's id."""
THREAD_TYPES = (discord.ChannelType.public_thread, discord.ChannelType.private_thread,
                discord.ChannelType.news_thread)
_PARENTS_MAX = 10_000

SUBCOMMANDS = ("watch", "unwatch", "ethics-notes", "status")
NO_CONTENT = ("⚠️ I cannot read messages yet: the **Message Content** intent is off. Enable it "
              "in the Developer Portal (your application → Bot → Message Content Intent) and "
              "set `DISCORD_MESSAGE_CONTENT=true` for the bot; until then I only see messages "
              "that mention me.")
HTTP_ONLY = ("ℹ️ Saved. Message reviews and ethics notes need the gateway bot "
             "(`framecraft discord`): this HTTP interactions endpoint cannot read messages.")


class Target(BaseModel):
    """Where one message lives and what to do for it (the job's payload: ids only, no text)."""

    action: Literal["review", "note", "withdraw"]
    guild: str
    channel: str
    """The message's own channel: a text channel, or a thread (a forum post is a thread)."""
    scope: str
    """Whose settings and budget apply: the channel, or a thread's parent channel or forum."""
    message: str
    user: str
    in_thread: bool = False
    notes: bool = True
    """Ethics notes on here: a review may carry its ethics line."""

    @property
    def key(self) -> str:
        return f"{self.channel}:{self.message}"

    @property
    def budget(self) -> str:
        return f"{self.guild}:{self.scope}"


class ReplyRef(BaseModel):
    """Where the bot's reply lives (stored as `PostLink.reply_ref`)."""

    channel: str
    message: str


# ---- formatting --------------------------------------------------------------------------------
def compact_review_embeds(review: CompactReview, edited: bool = False,
                          notes: bool = True) -> list[discord.Embed]:
    """Score and verdict, the two fixes worth most, the ethics note if any; never the prompt."""
    target = f" · for {review.model}" if review.model else ""
    p = em.EmbedPacker(f"{review.score}/100 · {review.verdict}{target}",
                       em.score_colour(review.score),
                       footer=("Updated for the edited message. " if edited else "")
                       + "Framecraft · Full review for the details and a rewrite.")
    if review.ethics is not None and notes:
        p.text("⛔ " + em.escape(review.ethics.text))
    if review.fixes:
        title = "Two fixes worth most" if len(review.fixes) > 1 else "The fix worth most"
        p.field(title, "\n".join(f"{i}. {em.escape(fix)}"
                                 for i, fix in enumerate(review.fixes, start=1)))
    else:
        p.text("Nothing important missing.")
    em.house_rules_field(p, review.house_rules)
    return p.finish()


def withdrawn_embeds() -> list[discord.Embed]:
    return em.notice_embeds("This message no longer reads as a video prompt, so I took my review "
                            "back. Edit it into a prompt again and I will review it.")


def busy_embeds(count: int) -> list[discord.Embed]:
    noun = "prompt" if count == 1 else "prompts"
    return em.notice_embeds(f"⏳ Busy channel: to keep up with the newest messages I did not "
                            f"review {count} {noun} here. `/critique` still works for any of "
                            "them.", title="Framecraft is keeping up")


def note_embeds(text: str) -> list[discord.Embed]:
    return em.EmbedPacker("A note from Framecraft", em.COLOUR_WEAK).text(em.escape(text)).finish()


class FullReviewButton(discord.ui.DynamicItem[discord.ui.Button],
                       template=rf"fc:fr:(?P<rid>{REVIEW_ID})"):
    """Under a compact review: the full critique, for the one who clicks (keyed by review id,
    so it works after a restart and on any replica)."""

    def __init__(self, review_id: str):
        self.review_id = review_id
        super().__init__(discord.ui.Button(label="Full review", custom_id=f"fc:fr:{review_id}",
                                           style=discord.ButtonStyle.primary))

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> FullReviewButton:
        return cls(match["rid"])

    async def callback(self, interaction: discord.Interaction) -> None:
        await front_reply(interaction, full_review, front_for(interaction), self.review_id)


def full_review_view(review_id: str) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(FullReviewButton(review_id))
    view.stop()  # serialised only: the dynamic item answers clicks, nothing to keep per message
    return view


def full_review(front: DiscordFront, review_id: str) -> Reply:
    """The "Full review" button's answer: the critique behind a compact review, privately."""
    def work() -> Reply:
        record = front.engine.store.get_review(review_id)
        if record is None:
            raise InputError("I no longer have that review; run `/critique` on the prompt.")
        rules = front.engine.house_rules(record.platform, record.scope, record.channel)
        result = front.engine.critique(record.prompt, record.model, rules=rules)
        return Reply(em.pages(em.critique_embeds(result)), ephemeral=True, review_id=record.id)
    return front.guard(work, what="discord full review")


# ---- /framecraft ---------------------------------------------------------------------------------
def may_manage(perms: discord.Permissions) -> bool:
    """Manage Server, or Manage Channels here (`interaction.permissions` are the member's in the
    channel, overwrites included)."""
    return bool(perms.administrator or perms.manage_guild or perms.manage_channels)


def admin_command(engine: Engine, name: str, state: str | None, where: Where, scope: str,
                  perms: discord.Permissions, *, gateway: bool, content_intent: bool,
                  per_minute: float = PER_CHANNEL_PER_MINUTE, pending: int | None = None,
                  forum: bool = False) -> Reply:
    """`/framecraft watch|unwatch|ethics-notes|status` for the channel `scope` (a thread's parent).
    Shared by the gateway client and the HTTP endpoint; never raises."""
    notice, failure = DiscordFront.notice, DiscordFront.failure
    if where.guild is None:
        return notice("Review channels belong to a server; run this in the channel itself.")
    if name not in SUBCOMMANDS:
        return failure(f"`/framecraft {name}` is not something I know; try "
                       "`/framecraft status`.")
    if state is not None and state not in ("on", "off"):
        return failure("Ethics notes are `on` or `off`.")
    where_name = "this forum (every post)" if forum else "this channel"
    try:
        store = engine.store
        if name == "status" or (name == "ethics-notes" and state is None):
            s = channel_settings.read(store, PLATFORM, scope)
            lines = [f"**Review channel:** {'on' if s.watched else 'off'}",
                     f"**Ethics notes:** {'on' if s.ethics_notes else 'off'}",
                     f"**Budget:** up to {per_minute:g} reviews a minute here"]
            if pending:
                lines.append(f"**Waiting:** {pending} prompt(s)")
            if not gateway:
                lines.append(HTTP_ONLY.removeprefix("ℹ️ Saved. "))
            elif not content_intent:
                lines.append(NO_CONTENT)
            return notice("\n".join(lines), title="Framecraft here")
        if not may_manage(perms):
            return notice("🔒 Sorry, only members with **Manage Server**, or **Manage Channels** "
                          "for this channel, can change how I behave here. Ask a moderator; "
                          "`/critique` works for everyone any time.")
        if name == "watch":
            channel_settings.set_watched(store, PLATFORM, scope, True)
            where_posts = ("inside its post" if forum else "in a thread")
            text = (f"Done: {where_name} is now a review channel. Each message that reads as a "
                    f"video prompt gets a short review {where_posts} (score, the two most "
                    "useful fixes, a **Full review** button); chatter and questions are left "
                    "alone, and editing a prompt updates its review. I review up to "
                    f"{per_minute:g} prompts a minute here; in a flood I skip the oldest and say "
                    "so. `/framecraft unwatch` turns this off.")
        elif name == "unwatch":
            channel_settings.set_watched(store, PLATFORM, scope, False)
            text = (f"Done: {where_name} is no longer a review channel. I stay quiet here unless "
                    "asked (ethics notes aside, if they are on).")
        else:
            channel_settings.set_ethics_notes(store, PLATFORM, scope, state == "on")
            text = ("Done: ethics notes are **on** here: a prompt that raises a serious concern "
                    "gets a short, polite note in a thread." if state == "on" else
                    "Done: ethics notes are **off** here: I will not comment on prompts unasked "
                    "(`/ethics` still works).")
        if not gateway:
            text += "\n\n" + HTTP_ONLY
        elif not content_intent and name in ("watch", "ethics-notes"):
            text += "\n\n" + NO_CONTENT
        return notice(text, title="Framecraft here")
    except Exception as e:
        log_failure(log, f"discord /framecraft {name}", e)
        return failure(SORRY)


def _scope_of_interaction(interaction: discord.Interaction) -> tuple[str, bool]:
    channel = interaction.channel
    if isinstance(channel, discord.Thread) and channel.parent_id:
        forum = isinstance(channel.parent, discord.ForumChannel)
        return str(channel.parent_id), forum
    return str(interaction.channel_id or ""), isinstance(channel, discord.ForumChannel)


async def _run_admin(interaction: discord.Interaction, name: str,
                     state: str | None = None) -> None:
    front = front_for(interaction)
    reviews: ReviewChannels | None = getattr(interaction.client, "reviews", None)
    scope, forum = _scope_of_interaction(interaction)
    settings = getattr(interaction.client, "settings", None)  # the client's own, not the engine's
    if not isinstance(settings, Settings):
        settings = front.engine.settings
    reply = await asyncio.to_thread(
        admin_command, front.engine, name, state, where_of(interaction), scope,
        interaction.permissions, gateway=True,
        content_intent=bool(settings.discord_message_content),
        per_minute=reviews.per_minute if reviews else PER_CHANNEL_PER_MINUTE,
        pending=reviews.pending(interaction.guild_id, scope) if reviews else None, forum=forum)
    reply.ephemeral = True
    await send_reply(interaction, reply)


review_commands = app_commands.Group(
    name="framecraft", description="Review channels: reviews of every prompt posted here, "
                                   "ethics notes", guild_only=True,
    default_permissions=discord.Permissions(manage_channels=True))


@review_commands.command(name="watch", description="Review every video prompt posted in this "
                                                   "channel or forum, in a thread")
async def watch(interaction: discord.Interaction) -> None:
    await _run_admin(interaction, "watch")


@review_commands.command(name="unwatch", description="Stop reviewing prompts posted here")
async def unwatch(interaction: discord.Interaction) -> None:
    await _run_admin(interaction, "unwatch")


@review_commands.command(name="ethics-notes", description="Switch the short notes on prompts "
                                                          "that raise a serious concern")
@app_commands.describe(state="on or off (leave empty to see the current state)")
@app_commands.choices(state=[app_commands.Choice(name="on", value="on"),
                             app_commands.Choice(name="off", value="off")])
async def ethics_notes(interaction: discord.Interaction,
                       state: app_commands.Choice[str] | None = None) -> None:
    await _run_admin(interaction, "ethics-notes", state.value if state else None)


@review_commands.command(name="status", description="Is this a review channel; are ethics "
                                                    "notes on?")
async def status(interaction: discord.Interaction) -> None:
    await _run_admin(interaction, "status")


@review_commands.command(name="rules", description="The house rules in force here; set, reset "
                                                   "or see their history (moderators)")
@app_commands.describe(action="show (default), set (opens a form), reset or history",
                       scope="this channel (default) or the whole server")
@app_commands.choices(
    action=[app_commands.Choice(name=a, value=a) for a in ("show", "set", "reset", "history")],
    scope=[app_commands.Choice(name="channel", value="channel"),
           app_commands.Choice(name="server", value="server")])
async def rules(interaction: discord.Interaction, action: app_commands.Choice[str] | None = None,
                scope: app_commands.Choice[str] | None = None) -> None:
    await run_rules(interaction, action.value if action else None,
                    scope.value if scope else None)


# ---- the gateway side ---------------------------------------------------------------------------
class ReviewChannels:
    """One per client: the message handlers and the queue's drain task."""

    def __init__(self, client: discord.Client, queue: ReviewQueue | None = None,
                 shared_per_minute: int = PER_CHANNEL_PER_MINUTE, idle_s: float = IDLE_S):
        self.client = client
        self.engine = front_of(client).engine
        self.queue = queue if queue is not None else ReviewQueue(shared_allow=self._shared_allow)
        self.shared_per_minute = shared_per_minute
        self.idle_s = idle_s
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._busy = 0
        self._starved = False
        """The last round had due jobs but the shared budget refused them all."""
        self._waiting: set[str] = set()
        """Keys queued and not yet handled: an edit into chatter must still reach them."""
        self._parents: dict[int, int | None] = {}
        self._refused_until: dict[str, float] = {}
        self._lock = threading.Lock()

    @property
    def per_minute(self) -> float:
        return self.queue.rate * 60

    def pending(self, guild_id: int | None, scope: str) -> int:
        return self.queue.pending(f"{guild_id}:{scope}")

    # ---- lifecycle ------------------------------------------------------------------------------
    def start(self) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._drain(), name="framecraft-review-drain")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    def wake(self) -> None:
        self._wake.set()

    def idle(self) -> bool:
        """Nothing due now and nothing taken but unposted (tests and shutdown wait on this)."""
        wait = self.queue.wait_s()
        return self._busy == 0 and not self._wake.is_set() and (
            wait is None or wait > 0 or self._starved)

    async def _drain(self) -> None:
        while True:
            self._wake.clear()
            actions = self.queue.take()
            if actions:
                self._busy += len(actions)
                by_channel: dict[str, list[Action]] = defaultdict(list)
                for a in actions:
                    by_channel[a.channel].append(a)
                # Channels in parallel, each channel's posts in order.
                await asyncio.gather(*(self._handle_all(group) for group in by_channel.values()))
            wait = self.queue.wait_s()
            self._starved = wait is not None and wait <= 0 and not actions
            if self._starved:
                wait = SHARED_RETRY_S  # due here but refused by the replicas' shared budget
            timeout = self.idle_s if wait is None else min(max(wait, 0.01), self.idle_s)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout)

    async def _handle_all(self, actions: list[Action]) -> None:
        for action in actions:
            try:
                await self.handle(action)
            except discord.HTTPException as e:  # by status only: the request held members' text
                log.warning("discord review post failed: HTTP %s (code %s)", e.status, e.code)
            except InputError:
                log.info("a queued message could not be reviewed (invalid text)")
            except Exception as e:
                log.error("discord review action failed: %s", type(e).__name__)
            finally:
                self._busy -= 1
                if isinstance(action, ReviewJob):
                    self._waiting.discard(action.key)

    def _shared_allow(self, channel: str) -> bool:
        """The channel's budget across replicas: a sliding minute in the database. After a
        refusal the channel waits a second before asking again."""
        now = time.monotonic()
        with self._lock:
            if self._refused_until.get(channel, 0.0) > now:
                return False
        ok = self.engine.store.allow(f"{PLATFORM}:review:{channel}", self.shared_per_minute,
                                     SHARED_WINDOW_S)
        if not ok:
            with self._lock:
                self._refused_until[channel] = now + SHARED_RETRY_S
        return ok

    # ---- events ---------------------------------------------------------------------------------
    def _readable(self, message: discord.Message) -> bool:
        me = self.client.user
        return not (message.guild is None or me is None or message.author.bot
                    or message.author.id == me.id or message.webhook_id is not None
                    or message.is_system() or not (message.content or "").strip())

    async def _parent_of(self, channel: Any) -> tuple[int, bool]:
        """(the channel whose settings apply, whether the message is in a thread)."""
        if isinstance(channel, discord.Thread):
            return channel.parent_id, True
        if not isinstance(channel, discord.PartialMessageable):
            return channel.id, False
        # A thread discord.py has not cached: ask once, remember the answer.
        if channel.id not in self._parents:
            parent = None
            try:
                fetched = await self.client.fetch_channel(channel.id)
                parent = getattr(fetched, "parent_id", None) if isinstance(
                    fetched, discord.Thread) else None
            except discord.HTTPException as e:
                log.info("discord: could not look up channel (HTTP %s)", e.status)
            if len(self._parents) >= _PARENTS_MAX:
                self._parents.clear()
            self._parents[channel.id] = parent
        parent = self._parents[channel.id]
        return (parent, True) if parent else (channel.id, False)

    async def on_message(self, message: discord.Message, *, edited: bool = False) -> None:
        if not self._readable(message):
            return
        scope, in_thread = await self._parent_of(message.channel)
        target = Target(action="review", guild=str(message.guild.id),  # type: ignore[union-attr]
                        channel=str(message.channel.id), scope=str(scope),
                        message=str(message.id), user=str(message.author.id),
                        in_thread=in_thread)
        job = await asyncio.to_thread(self.decide, target, message.content, edited)
        if job is not None:
            # Decisions run in parallel threads: an edit may be queued before its message,
            # and the queue keeps whichever text was written last.
            written = message.edited_at or message.created_at
            job.version = written.timestamp() if written is not None else 0.0
            self.submit(job)

    async def on_raw_message_edit(self, payload: discord.RawMessageUpdateEvent) -> None:
        if "content" not in payload.data:
            return  # an embed or flag update, not the text
        before = payload.cached_message
        if before is not None and before.content == payload.message.content:
            return  # a link preview or a pin, not an edit of the words
        await self.on_message(payload.message, edited=True)

    async def on_raw_message_delete(self, payload: discord.RawMessageDeleteEvent) -> None:
        """A deleted message takes its review with it: a waiting review is dropped and the
        posted reply deleted (a review of words nobody can see any more only confuses)."""
        if payload.guild_id is None:
            return
        channel, message = str(payload.channel_id), str(payload.message_id)
        key = f"{channel}:{message}"
        if key in self._waiting:
            self.queue.cancel(None, key)
            self._waiting.discard(key)
        ref = await asyncio.to_thread(linked_reply, self.engine.store, PLATFORM, channel,
                                      message, ReplyRef)
        if ref is None:
            return
        reply = self.client.get_partial_messageable(int(ref.channel))
        with contextlib.suppress(discord.NotFound):  # deleted by hand, or a replayed event
            await reply.get_partial_message(int(ref.message)).delete()

    def submit(self, job: ReviewJob) -> None:
        self._waiting.add(job.key)
        self.queue.submit(job)
        self.wake()

    def decide(self, target: Target, text: str, edited: bool) -> ReviewJob | None:
        """The slow part of an event, in a thread: the switches, the classifier, the ethics
        check and the once-per-message claim. None when the message needs nothing."""
        store, engine = self.engine.store, self.engine
        s = channel_settings.read(store, PLATFORM, target.scope)
        if not s.watched and not s.ethics_notes:
            return None
        verdict = engine.classify_message(text)
        target = target.model_copy(update={"notes": s.ethics_notes})
        if s.watched:
            if not verdict.is_prompt:
                if edited and (target.key in self._waiting or store.get_post(
                        PLATFORM, target.channel, target.message) is not None):
                    return self._job(target.model_copy(update={"action": "withdraw"}), "",
                                     edited=True)
                return None
            if edited and self._unchanged(target, verdict.prompt_text):
                return None
            stop = s.ethics_notes and self._note(verdict.prompt_text) is not None
            return self._job(target, verdict.prompt_text, edited=edited,
                             kind="ethics" if stop else "review")
        if not verdict.is_prompt or self._note(verdict.prompt_text) is None:
            return None
        if not store.claim_once(f"{PLATFORM}:ethics-note:{target.key}", NOTE_CLAIM_TTL_S):
            return None  # a note for this message is out already (a replay, or another replica)
        return self._job(target.model_copy(update={"action": "note"}), verdict.prompt_text,
                         kind="ethics")

    @staticmethod
    def _job(target: Target, text: str, *, edited: bool = False,
             kind: Literal["review", "ethics"] = "review") -> ReviewJob:
        return ReviewJob(key=target.key, channel=target.budget, text=text, payload=target,
                         kind=kind, edited=edited)

    def _note(self, text: str) -> Any:
        try:
            return self.engine.ethics_note(text)
        except InputError:
            return None

    def _unchanged(self, target: Target, text: str) -> bool:
        """The reviewed words are the same (an edit elsewhere in the message, or a replay)."""
        link = self.engine.store.get_post(PLATFORM, target.channel, target.message)
        if link is None or not link.review_id:
            return False
        record = self.engine.store.get_review(link.review_id)
        try:
            return record is not None and record.prompt == self.engine.clean(text)
        except InputError:
            return False

    # ---- the worker -----------------------------------------------------------------------------
    async def handle(self, action: Action) -> None:
        target = action.payload
        if not isinstance(target, Target):
            return
        if isinstance(action, Skipped):
            home = target.channel if target.in_thread else target.scope
            await self._channel(home, target.guild).send(
                embeds=busy_embeds(action.count), allowed_mentions=discord.AllowedMentions.none())
            return
        if target.action == "note":
            note = await asyncio.to_thread(self._note, action.text)
            if note is not None:  # else: edited into something milder before its turn
                await self._post(target, note_embeds(note.text), None, "A note from Framecraft")
            return
        if target.action == "withdraw":
            link = await asyncio.to_thread(self._linked, target)
            if link is not None:
                await self._edit(link, withdrawn_embeds(), None)
            return
        await self._review(action, target)

    async def _review(self, job: ReviewJob, target: Target) -> None:
        prepared = await asyncio.to_thread(self._prepare, job, target)
        if prepared is None:
            return
        review, review_id, link = prepared
        embeds = compact_review_embeds(review, edited=link is not None, notes=target.notes)
        view = full_review_view(review_id)
        if link is not None and await self._edit(link, embeds, view):
            await asyncio.to_thread(self.engine.store.link_post, PLATFORM, target.channel,
                                    target.message, link.model_dump_json(), review_id)
            return
        ref = await self._post(target, embeds, view, f"Review: {review.score}/100")
        await asyncio.to_thread(self.engine.store.link_post, PLATFORM, target.channel,
                                target.message, ref.model_dump_json(), review_id)

    def _prepare(self, job: ReviewJob, target: Target) -> tuple[CompactReview, str,
                                                                  ReplyRef | None] | None:
        link = self._linked(target)
        if link is not None and not job.edited:
            return None  # reviewed already: the same message delivered again
        model = self.engine.store.get_setting(PLATFORM, target.guild, "model") or None
        rules = self.engine.house_rules(PLATFORM, target.guild, target.channel)
        review = self.engine.compact_review(job.text, model, rules)
        review_id = self.engine.store.record_review(PLATFORM, target.guild, target.channel,
                                                    target.user, review.prompt, review.score,
                                                    review.model)
        return review, review_id, link

    def _linked(self, target: Target) -> ReplyRef | None:
        return linked_reply(self.engine.store, PLATFORM, target.channel, target.message,
                            ReplyRef)

    def _channel(self, channel_id: str, guild_id: str) -> discord.PartialMessageable:
        return self.client.get_partial_messageable(int(channel_id), guild_id=int(guild_id))

    async def _post(self, target: Target, embeds: list[discord.Embed],
                    view: discord.ui.View | None, thread_name: str) -> ReplyRef:
        """In the message's thread (a forum post, a thread) or a new one started from it; the
        name never quotes the message. Without thread rights, a reply in the channel."""
        kwargs: dict[str, Any] = {"embeds": embeds,
                                  "allowed_mentions": discord.AllowedMentions.none()}
        if view is not None:
            kwargs["view"] = view
        channel = self._channel(target.channel, target.guild)
        message = channel.get_partial_message(int(target.message))
        if target.in_thread:
            sent = await channel.send(reference=message.to_reference(fail_if_not_exists=False),
                                      **kwargs)
            return ReplyRef(channel=str(sent.channel.id), message=str(sent.id))
        try:
            thread = await message.create_thread(name=thread_name[:95],
                                                 auto_archive_duration=1440)
            home: discord.abc.Messageable = thread
        except discord.HTTPException as e:
            if e.code == THREAD_EXISTS:  # a thread from this message has the message's id
                home = self._channel(target.message, target.guild)
            else:
                log.info("discord: could not start a thread (HTTP %s); replying in place",
                         e.status)
                sent = await channel.send(
                    reference=message.to_reference(fail_if_not_exists=False), **kwargs)
                return ReplyRef(channel=str(sent.channel.id), message=str(sent.id))
        sent = await home.send(**kwargs)
        return ReplyRef(channel=str(sent.channel.id), message=str(sent.id))

    async def _edit(self, ref: ReplyRef, embeds: list[discord.Embed],
                    view: discord.ui.View | None) -> bool:
        """Edit the earlier reply in place; False when it is gone (deleted by someone)."""
        channel = self.client.get_partial_messageable(int(ref.channel))
        try:
            await channel.get_partial_message(int(ref.message)).edit(
                embeds=embeds, view=view, allowed_mentions=discord.AllowedMentions.none())
            return True
        except discord.NotFound:
            return False
