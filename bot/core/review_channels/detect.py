"""Is a chat message a video prompt? Decides which messages in a review channel get a review.

Skeleton: the classifier is being written; the names and fields here are the interface.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from bot.core.analysis import analyze

MAX_CHARS = 4000


class MessageVerdict(BaseModel):
    is_prompt: bool
    reason: str
    components: list[str] = Field(default_factory=list)
    prompt_text: str = ""
    """The part of the message to review (markup and prefaces stripped)."""
    confidence: float = 0.0


def classify_message(text: str) -> MessageVerdict:
    if not isinstance(text, str) or not text.strip():
        return MessageVerdict(is_prompt=False, reason="empty")
    body = text.strip()[:MAX_CHARS]
    if body.endswith("?"):
        return MessageVerdict(is_prompt=False, reason="a question")
    found = [c.value for c in analyze(body).present]
    ok = len(found) >= 4
    return MessageVerdict(is_prompt=ok, reason=("looks like a prompt: " if ok else "chatter: ")
                          + ", ".join(found), components=found, prompt_text=body,
                          confidence=min(1.0, len(found) / 6))
