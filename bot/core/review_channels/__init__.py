"""Review channels: the bot reviews prompts posted in chat, and raises ethics concerns unasked.

Fronts (Slack, Discord) feed each message they can read through this flow:
1. `channel_settings.read(store, platform, scope)`: is the channel watched; are ethics notes on?
2. `engine.classify_message(text)` (`detect.classify_message`): is it a prompt at all?
3. Watched and a prompt: submit a `ReviewJob` to the front's `ReviewQueue`; the `QueueWorker`
   calls back with it when the budget allows, and the front posts `engine.compact_review(...)`
   in a thread (or edits its earlier reply: `store.get_post`/`store.link_post`).
   Not watched, a prompt, ethics notes on: `engine.ethics_note(text)`; when not None, claim the
   message once (`store.claim_once`) and submit a job of kind "ethics".
4. A `Skipped` action from the queue: post one "busy channel" notice saying how many prompts
   were not reviewed and that `/critique` still works for any of them.
"""

from bot.core.review_channels.channel_settings import (
    ETHICS_NOTES_KEY,
    WATCH_KEY,
    ChannelSettings,
)
from bot.core.review_channels.detect import MessageVerdict, classify_message
from bot.core.review_channels.notes import CompactReview, EthicsNote, compact_review, ethics_note
from bot.core.review_channels.queue import Action, QueueWorker, ReviewJob, ReviewQueue, Skipped

__all__ = [
    "ETHICS_NOTES_KEY", "WATCH_KEY", "Action", "ChannelSettings", "CompactReview", "EthicsNote",
    "MessageVerdict", "QueueWorker", "ReviewJob", "ReviewQueue", "Skipped", "classify_message",
    "compact_review", "ethics_note",
]
