"""Review channels on Slack: thread reviews of prompts posted in watched channels, ethics notes
anywhere the bot can read, and the admin commands that switch both.

The flow is the core's (`bot.core.review_channels`): the event listener only reads the
channel's switches, classifies the message and submits a job; one `ReviewQueue` per app,
drained by a `QueueWorker` thread, decides when each review may be posted, so a flooded
channel stays inside Slack's limits (chat.postMessage is about one a second a channel) and the
channel's own budget, shared with the other replicas through `store.allow`. Message text never
goes into a log line or an error: it is the members' work, and a note must not repeat it.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable
from typing import Any, Literal

from pydantic import BaseModel
from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.core.review_channels import (
    Action,
    CompactReview,
    QueueWorker,
    ReviewJob,
    ReviewQueue,
    Skipped,
    channel_settings,
)
from bot.core.review_channels.posts import linked_reply
from bot.core.review_channels.queue import PER_CHANNEL_PER_MINUTE
from bot.core.validation import InputError
from bot.slack import blocks as bk
from bot.slack.front import (
    PLATFORM,
    SlackFront,
    Where,
    ack_now,
    channel_type_is,
    respond_sender,
)

log = logging.getLogger(__name__)

ACTION_FULL_REVIEW = "fc_full_review"
SHARED_WINDOW_S = 60.0
SHARED_RETRY_S = 1.0
NOTE_CLAIM_TTL_S = 30 * 24 * 3600
"""An ethics note is claimed per message for a month: edits never bring a second note."""
ADMIN_FLAGS = ("is_admin", "is_owner", "is_primary_owner")
REVIEW_COMMANDS = ("watch", "unwatch", "ethics-notes")
_CHANNEL_ID = re.compile(r"[CG][A-Z0-9]{2,30}")


def is_channel(channel_id: str) -> bool:
    """True for a public or private channel's id (C…, G…), False for a DM (D…) or anything
    else: channel-level settings need a channel to belong to."""
    return _CHANNEL_ID.fullmatch(channel_id) is not None


class ReplyRef(BaseModel):
    """Where the bot's thread reply lives (stored as `PostLink.reply_ref`)."""

    channel: str
    ts: str


class Target(BaseModel):
    """What the worker needs to answer one message; the job's payload."""

    action: Literal["review", "note", "withdraw"]
    team: str
    channel: str
    ts: str
    thread_ts: str | None = None
    user: str = "unknown"

    @property
    def scope(self) -> str:
        return f"{self.team}:{self.channel}"

    @property
    def reply_thread(self) -> str:
        return self.thread_ts or self.ts


# ---- who may change things ---------------------------------------------------------------------
def is_admin(client: WebClient, where: Where, creator_ok: bool = True) -> bool:
    """Workspace admins and owners may switch review channels and workspace settings; the
    channel's creator may switch that channel (`creator_ok`). An API error counts as "no":
    refusing is the safe mistake."""
    try:
        user = client.users_info(user=where.user).get("user") or {}
        if any(user.get(flag) for flag in ADMIN_FLAGS):
            return True
    except SlackApiError as e:
        log.warning("users.info failed: %s", e.response.get("error"))
    if not creator_ok or not is_channel(where.channel):
        return False
    try:
        channel = client.conversations_info(channel=where.channel).get("channel") or {}
        return bool(channel.get("creator")) and channel.get("creator") == where.user
    except SlackApiError as e:
        log.warning("conversations.info failed: %s", e.response.get("error"))
        return False



# ---- Block Kit ---------------------------------------------------------------------------------
def compact_review_messages(review: CompactReview, review_id: str,
                            edited: bool = False) -> list[bk.Message]:
    """Score and verdict, the two fixes, an ethics line if any, and the "Full review" button."""
    target = f" for *{bk.escape(review.model)}*" if review.model else ""
    lines = [f"*{review.score}/100* · {bk.escape(review.verdict)}{target}"]
    if review.fixes:
        lines += ["*Two fixes worth most*" if len(review.fixes) > 1 else "*The fix worth most*"]
        lines += [f"{i}. {bk.escape(fix)}" for i, fix in enumerate(review.fixes, start=1)]
    else:
        lines.append("Nothing important missing.")
    blocks = bk.sections("\n".join(lines), escaped=True)
    blocks += bk.house_rules_blocks(review.house_rules)
    for note in review.language_notes:
        blocks += bk.context(note)
    if review.ethics is not None:
        blocks += bk.sections(":no_entry: " + review.ethics.text)
    if edited:
        blocks += bk.context("Updated for the edited message.")
    tail = [{"type": "actions", "block_id": f"{bk.REVIEW_BLOCK_PREFIX}{review_id}", "elements": [
        bk.button("Full review", ACTION_FULL_REVIEW, review_id, style="primary")]}]
    stop = " (ethics: stop)" if review.ethics is not None else ""
    return bk.paginate(blocks, f"Framecraft: {review.score}/100, {review.verdict}{stop}", tail)


def withdrawn_messages() -> list[bk.Message]:
    return bk.notice_messages("This message no longer reads as a video prompt, so I took my "
                              "review back. Edit it into a prompt again and I will review it.")


def busy_messages(count: int) -> list[bk.Message]:
    noun = "prompt" if count == 1 else "prompts"
    return bk.notice_messages(
        f":hourglass_flowing_sand: Busy channel: to keep up with the newest messages I did not "
        f"review {count} {noun} here. `/critique` still works for any of them.")


def status_line(s: channel_settings.ChannelSettings) -> str:
    watched = "on" if s.watched else "off"
    notes = "on" if s.ethics_notes else "off"
    return f"• review channel: {watched} · ethics notes: {notes}"


class _Tracked:
    """The queue as the worker sees it: what it takes is counted until handled."""

    def __init__(self, owner: ReviewChannels):
        self.owner = owner
        self.came_up_empty = False

    def take(self) -> list[Action]:
        actions = self.owner._take()
        self.came_up_empty = not actions
        return actions

    def wait_s(self) -> float | None:
        """As the queue says, except that "due now" after an empty take means the shared
        budget refused: back off briefly instead of spinning (a new job still wakes us)."""
        wait = self.owner.queue.wait_s()
        if wait is not None and wait <= 0 and self.came_up_empty:
            return SHARED_RETRY_S / 4
        return wait


# ---- the feature -------------------------------------------------------------------------------
class ReviewChannels:
    """One per app: the admin commands, the message listener and the queue's worker."""

    def __init__(self, front: SlackFront, client: WebClient, queue: ReviewQueue | None = None,
                 shared_per_minute: int = PER_CHANNEL_PER_MINUTE):
        self.front = front
        self.client = client
        self.client_for: Callable[[str], WebClient] = lambda team: client
        """The client of a workspace (build_app sets the per-workspace one in OAuth mode)."""
        self.store = front.engine.store
        if queue is None:
            queue = ReviewQueue(shared_allow=self._shared_allow)
        self.queue = queue
        self.shared_per_minute = shared_per_minute
        self.worker = QueueWorker(_Tracked(self), self.handle,  # type: ignore[arg-type]
                                  name="framecraft-slack-review")
        self._busy = 0
        self._busy_lock = threading.Lock()
        self._recent: dict[str, float] = {}
        """Message keys this process queued lately: an edit into chatter must reach them."""
        self._refused_until: dict[str, float] = {}
        self._lock = threading.Lock()

    # ---- lifecycle ------------------------------------------------------------------------------
    def start(self) -> ReviewChannels:
        self.worker.start()
        return self

    def stop(self) -> None:
        self.worker.stop()

    def idle(self) -> bool:
        """Nothing due now and nothing taken but unposted (tests and shutdown wait on this)."""
        with self._busy_lock:
            wait = self.queue.wait_s()
            return self._busy == 0 and (wait is None or wait > 0)

    def _take(self) -> list[Action]:
        with self._busy_lock:
            actions = self.queue.take()
            self._busy += len(actions)
            return actions

    def _shared_allow(self, channel: str) -> bool:
        """The channel's budget across replicas: a sliding minute in the database. After a
        refusal the channel waits a second before asking again, so a worker with local
        tokens left does not poll the database in a tight loop."""
        now = time.monotonic()
        with self._lock:
            if self._refused_until.get(channel, 0.0) > now:
                return False
        ok = self.store.allow(f"{PLATFORM}:review:{channel}", self.shared_per_minute,
                              SHARED_WINDOW_S)
        if not ok:
            with self._lock:
                self._refused_until[channel] = now + SHARED_RETRY_S
        return ok

    # ---- commands -------------------------------------------------------------------------------
    def is_admin(self, client: WebClient, where: Where, creator_ok: bool = True) -> bool:
        return is_admin(client, where, creator_ok)

    @staticmethod
    def refusal(what: str, creator: bool = True) -> list[bk.Message]:
        who = ("a workspace admin or owner, or whoever created this channel," if creator
               else "a workspace admin or owner")
        return bk.notice_messages(f"Sorry, only {who} can {what}. Ask one of them, or use "
                                  "`/critique` any time.")

    def framecraft(self, text: str, where: Where, client: WebClient) -> list[bk.Message]:
        """`/framecraft`: the review-channel subcommands here, everything else in SlackFront,
        with an admin check in front of workspace-wide changes."""
        words = text.split()
        first = words[0].lower() if words else ""
        if first in REVIEW_COMMANDS:
            return self.review_command(first, [w.lower() for w in words[1:]], where, client)
        if first == "settings":
            rest = [w.lower() for w in words[1:]]
            if (rest[:1] == ["workspace"] and len(rest) > 1
                    and not self.is_admin(client, where, creator_ok=False)):
                return self.refusal("change workspace-wide settings", creator=False)
            messages = self.front.framecraft(text, where)
            if len(rest) <= 1:  # a listing: add the channel's review status
                s = channel_settings.read(self.store, PLATFORM, where.channel_scope)
                blocks = [b for m in messages for b in m["blocks"]]
                blocks += bk.sections(status_line(s), escaped=True)
                return bk.paginate(blocks, "Framecraft settings")
            return messages
        return self.front.framecraft(text, where)

    def review_command(self, name: str, args: list[str], where: Where,
                       client: WebClient) -> list[bk.Message]:
        scope = where.channel_scope
        if name == "ethics-notes" and not args:
            s = channel_settings.read(self.store, PLATFORM, scope)
            return bk.notice_messages("Ethics notes in this channel are "
                                      f"*{'on' if s.ethics_notes else 'off'}*.")
        if name == "ethics-notes" and args not in (["on"], ["off"]):
            raise InputError("Usage: `/framecraft ethics-notes on|off`.")
        if name != "ethics-notes" and args:
            raise InputError(f"Usage: `/framecraft {name}` (in the channel itself).")
        if not is_channel(where.channel):
            raise InputError("Run this in the channel you want to change, not in a DM.")
        if not self.is_admin(client, where):
            return self.refusal("change how I behave in this channel")
        if name == "watch":
            channel_settings.set_watched(self.store, PLATFORM, scope, True)
            per_minute = self.queue.rate * 60
            return bk.notice_messages(
                "Done: this is now a review channel. Each message that reads as a video prompt "
                "gets a short review in a thread (score, the two most useful fixes, a *Full "
                "review* button); chatter and questions are left alone, and editing a prompt "
                f"updates its review. I review up to {per_minute:g} prompts a minute here; in "
                "a flood I skip the oldest and say so. Invite me (`/invite @Framecraft`) if I "
                "am not in the channel yet. `/framecraft unwatch` turns this off.")
        if name == "unwatch":
            channel_settings.set_watched(self.store, PLATFORM, scope, False)
            return bk.notice_messages("Done: this is no longer a review channel. I stay quiet "
                                      "here unless asked (ethics notes aside, if they are on).")
        on = args == ["on"]
        channel_settings.set_ethics_notes(self.store, PLATFORM, scope, on)
        return bk.notice_messages(
            "Done: ethics notes are *on* here: a prompt that raises a serious concern gets a "
            "short, polite note in its thread (it never quotes the message)." if on else
            "Done: ethics notes are *off* here: I will not comment on prompts unasked "
            "(`/ethics` still works).")

    # ---- events -------------------------------------------------------------------------------
    def on_message(self, body: dict[str, Any], event: dict[str, Any], context: Any) -> None:
        """A channel message or an edit: classify it and queue what it needs (lazy listener)."""
        subtype = event.get("subtype")
        if subtype == "message_deleted":
            self.on_deleted(body, event, context)
            return
        if subtype not in (None, "message_changed"):
            return
        edited = subtype == "message_changed"
        msg = (event.get("message") or {}) if edited else event
        if edited and (msg.get("text") == (event.get("previous_message") or {}).get("text")):
            return  # an unfurl or a reply count changed, not the text
        if msg.get("subtype") or msg.get("bot_id") or event.get("bot_id"):
            return
        user, ts = str(msg.get("user") or ""), str(msg.get("ts") or "")
        channel = str(event.get("channel") or "")
        bot_user = context.get("bot_user_id")
        raw = str(msg.get("text") or "")
        if not user or not ts or not channel or user == bot_user:
            return
        if bot_user and f"<@{bot_user}" in raw:
            return  # a mention: the app_mention listener answers it
        team = str(context.get("team_id") or body.get("team_id") or "unknown")
        where = Where(team, channel, user)
        s = channel_settings.read(self.store, PLATFORM, where.channel_scope)
        if not s.watched and not s.ethics_notes:
            return
        verdict = self.front.engine.classify_message(bk.plain(raw))
        target = Target(action="review", team=team, channel=channel, ts=ts,
                        thread_ts=msg.get("thread_ts") if msg.get("thread_ts") != ts else None,
                        user=user)
        key = f"{where.channel_scope}:{ts}"
        event_id = body.get("event_id")
        if s.watched:
            if not verdict.is_prompt:
                if edited and self._may_have_review(key, target):
                    self._submit(key, target.model_copy(update={"action": "withdraw"}), "",
                                 event_id, edited=True, version=_written_at(msg))
                return
            kind = "review"
            if s.ethics_notes and self._note(verdict.prompt_text) is not None:
                kind = "ethics"  # never dropped in a flood
            self._submit(key, target, verdict.prompt_text, event_id, edited=edited, kind=kind,
                         version=_written_at(msg))
            return
        if not verdict.is_prompt or self._note(verdict.prompt_text) is None:
            return
        if not self.store.claim_once(f"{PLATFORM}:ethics-note:{key}", NOTE_CLAIM_TTL_S):
            return  # a note for this message is out already (or a retry, or another replica)
        self._submit(key, target.model_copy(update={"action": "note"}), verdict.prompt_text,
                     None, kind="ethics")

    def on_deleted(self, body: dict[str, Any], event: dict[str, Any], context: Any) -> None:
        """A deleted message takes its review with it: a waiting review is dropped and a
        posted one is deleted (a review of words nobody can see any more only confuses)."""
        ts = str(event.get("deleted_ts") or (event.get("previous_message") or {}).get("ts") or "")
        channel = str(event.get("channel") or "")
        if not ts or not channel:
            return
        team = str(context.get("team_id") or body.get("team_id") or "unknown")
        target = Target(action="review", team=team, channel=channel, ts=ts)
        self.queue.cancel(target.scope, f"{target.scope}:{ts}")
        ref = self._linked(target)
        if ref is None:
            return
        try:
            self.client_for(team).chat_delete(channel=ref.channel, ts=ref.ts)
        except SlackApiError as e:
            if e.response.get("error") != "message_not_found":  # a retry, or deleted by hand
                raise

    def _note(self, text: str) -> Any:
        try:
            return self.front.engine.ethics_note(text)
        except InputError:
            return None

    def _may_have_review(self, key: str, target: Target) -> bool:
        now = time.monotonic()
        with self._lock:
            queued_at = self._recent.get(key, -1e9)
        if now - queued_at <= self.queue.max_wait_s + 5:
            return True
        return self.store.get_post(PLATFORM, target.scope, target.ts) is not None

    def _submit(self, key: str, target: Target, text: str, event_id: Any, *,
                edited: bool = False, kind: str = "review", version: float = 0.0) -> None:
        if event_id and not self.store.claim_once(f"{PLATFORM}:event:{event_id}"):
            return  # Slack's retry of an event already handled here or by another replica
        now = time.monotonic()
        with self._lock:
            self._recent = {k: t for k, t in self._recent.items()
                            if now - t <= self.queue.max_wait_s + 5}
            self._recent[key] = now
        self.queue.submit(ReviewJob(key=key, channel=target.scope, text=text, payload=target,
                                    kind=kind, edited=edited,  # type: ignore[arg-type]
                                    version=version))
        self.worker.wake()

    # ---- the worker ---------------------------------------------------------------------------
    def handle(self, action: Action) -> None:
        try:
            if isinstance(action, Skipped):
                target = action.payload
                if isinstance(target, Target):
                    self._post(target.team, target.channel, None, busy_messages(action.count))
                return
            target = action.payload
            if not isinstance(target, Target):
                return
            if target.action == "note":
                self._post_note(action, target)
            elif target.action == "withdraw":
                self._withdraw(target)
            else:
                self._review(action, target)
        except SlackApiError as e:  # logged by code only: the request carried members' text
            log.warning("slack review post failed: %s", e.response.get("error"))
        except InputError:
            log.info("a queued message could not be reviewed (invalid text)")
        except Exception as e:  # noqa: BLE001 (a database error's text may carry the prompt)
            log.error("slack review action failed: %s", type(e).__name__)
        finally:
            with self._busy_lock:
                self._busy -= 1

    def _post(self, team: str, channel: str, thread_ts: str | None,
              messages: list[bk.Message]) -> str:
        ts = ""
        client = self.client_for(team)
        for msg in messages:
            resp = client.chat_postMessage(channel=channel, thread_ts=thread_ts,
                                                text=msg["text"], blocks=msg["blocks"])
            ts = ts or str(resp.get("ts") or "")
        return ts

    def _post_note(self, job: ReviewJob, target: Target) -> None:
        if not channel_settings.read(self.store, PLATFORM, target.scope).ethics_notes:
            return  # switched off while the note waited
        note = self._note(job.text)
        if note is None:  # edited into something milder before its turn
            return
        self._post(target.team, target.channel, target.reply_thread,
                   bk.notice_messages(note.text))

    def _linked(self, target: Target) -> ReplyRef | None:
        return linked_reply(self.store, PLATFORM, target.scope, target.ts, ReplyRef)

    def _update(self, team: str, ref: ReplyRef, messages: list[bk.Message]) -> bool:
        """Edit the earlier reply in place; False when it is gone (deleted by someone)."""
        msg = messages[0]
        try:
            self.client_for(team).chat_update(channel=ref.channel, ts=ref.ts, text=msg["text"],
                                    blocks=msg["blocks"])
            return True
        except SlackApiError as e:
            if e.response.get("error") in ("message_not_found", "cant_update_message"):
                return False
            raise

    def _review(self, job: ReviewJob, target: Target) -> None:
        if not channel_settings.read(self.store, PLATFORM, target.scope).watched:
            return  # unwatched while the review waited
        where = Where(target.team, target.channel, target.user)
        rules = self.front.engine.house_rules(PLATFORM, target.team, target.channel)
        review = self.front.engine.compact_review(job.text, self.front.setting(where, "model"),
                                                  rules)
        review_id = self.store.record_review(PLATFORM, target.team, target.channel, target.user,
                                             review.prompt, review.score, review.model)
        ref = self._linked(target)
        messages = compact_review_messages(review, review_id, edited=ref is not None)
        if ref is not None and self._update(target.team, ref, messages):
            self.store.link_post(PLATFORM, target.scope, target.ts, ref.model_dump_json(),
                                 review_id)
            return
        ts = self._post(target.team, target.channel, target.reply_thread, messages[:1])
        if ts:
            self.store.link_post(PLATFORM, target.scope, target.ts,
                                 ReplyRef(channel=target.channel, ts=ts).model_dump_json(),
                                 review_id)

    def _withdraw(self, target: Target) -> None:
        ref = self._linked(target)
        if ref is not None:
            self._update(target.team, ref, withdrawn_messages())

    # ---- the Full review button -------------------------------------------------------------
    def full_review(self, body: dict[str, Any], context: Any, respond: Any) -> None:
        send = respond_sender(respond, "ephemeral")
        action = (body.get("actions") or [{}])[0]
        where = Where.of(context, body)
        review = self.store.get_review(str(action.get("value") or ""), PLATFORM, where.team)
        if review is None:
            send(bk.error_messages("I no longer have that review; run `/critique` on the "
                                   "prompt instead."))
            return
        self.front.reply(send, lambda: bk.critique_messages(
            self.front.engine.critique(review.prompt, review.model, rules=self.front.engine.house_rules(
                review.platform, review.scope, review.channel)), review_id=review.id,
            models=self.front.models(), share=True, lang=self.front.language(where)),
            what="slack full review")

    # ---- wiring -------------------------------------------------------------------------------
    def register(self, app: App) -> None:
        """Listen to channel messages (public and private; DMs have their own listener) and to
        the Full review button. Register before any catch-all `message` listener."""
        def work(body: dict[str, Any], event: dict[str, Any], context: Any) -> None:
            try:
                self.on_message(body, event, context)
            except Exception as e:  # noqa: BLE001 (logged by type: errors may carry the text)
                log.error("slack channel message not handled: %s", type(e).__name__)

        app.event("message", matchers=[channel_type_is("channel", "group")])(
            ack=ack_now, lazy=[work])
        app.action(ACTION_FULL_REVIEW)(ack=ack_now, lazy=[self.full_review])


def _written_at(msg: dict[str, Any]) -> float:
    """When the message's current text was written: its edit time, else its own ts (Slack's
    timestamps are seconds with microseconds, so they order as floats)."""
    stamp = (msg.get("edited") or {}).get("ts") or msg.get("ts") or 0
    try:
        return float(stamp)
    except (TypeError, ValueError):
        return 0.0
