"""Per-channel switches for review channels, kept in the Store so every replica agrees."""

from __future__ import annotations

from typing import Protocol

from pydantic import BaseModel

WATCH_KEY = "review_channel"
""""on" when an admin made the channel a review channel (`/framecraft watch`)."""
ETHICS_NOTES_KEY = "ethics_notes"
""""off" when an admin switched the unasked ethics notes off for the channel; on by default."""


class SettingsStore(Protocol):
    def get_setting(self, platform: str, scope: str, key: str) -> str | None: ...
    def set_setting(self, platform: str, scope: str, key: str, value: str) -> None: ...


class ChannelSettings(BaseModel):
    watched: bool = False
    ethics_notes: bool = True


def read(store: SettingsStore, platform: str, scope: str) -> ChannelSettings:
    return ChannelSettings(
        watched=(store.get_setting(platform, scope, WATCH_KEY) or "") == "on",
        ethics_notes=(store.get_setting(platform, scope, ETHICS_NOTES_KEY) or "") != "off")


def set_watched(store: SettingsStore, platform: str, scope: str, on: bool) -> None:
    store.set_setting(platform, scope, WATCH_KEY, "on" if on else "")


def set_ethics_notes(store: SettingsStore, platform: str, scope: str, on: bool) -> None:
    store.set_setting(platform, scope, ETHICS_NOTES_KEY, "" if on else "off")
