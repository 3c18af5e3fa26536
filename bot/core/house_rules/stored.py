"""The rules in force in a chat channel, from the store: channel over workspace (Slack) or
guild (Discord) over the defaults; and the text `/framecraft rules` shows.

The chat fronts call `rules_for_channel` before a critique, a review-channel reply or a
`/prompt save`, and `describe` for `/framecraft rules`.
"""

from __future__ import annotations

import logging
from typing import Protocol

from bot.core.house_rules.layers import Layer, RulesInForce, merge
from bot.core.house_rules.model import RULE_KEYS, HouseRules
from bot.core.house_rules.toml_file import RulesError

log = logging.getLogger(__name__)

WORKSPACE_NAME = {"slack": "workspace", "discord": "server"}


class _Stored(Protocol):
    toml: str

    def parsed(self) -> HouseRules: ...


class RulesStore(Protocol):
    def get_house_rules(self, platform: str, scope: str,
                        channel: str | None = None) -> _Stored | None: ...


def _layer(stored: _Stored | None, name: str) -> list[Layer]:
    if stored is None:
        return []
    try:
        return [Layer(name=name, rules=stored.parsed())]
    except RulesError:  # validated when saved; a later, stricter version may refuse it
        log.warning("stored %s rules no longer validate; ignored", name)
        return []


def rules_for_channel(store: RulesStore, platform: str, scope: str,
                      channel: str | None) -> RulesInForce:
    """Merge the workspace's (guild's) and the channel's stored rules over the defaults."""
    ws_name = WORKSPACE_NAME.get(platform, "workspace")
    layers = _layer(store.get_house_rules(platform, scope, None), ws_name)
    if channel:
        layers += _layer(store.get_house_rules(platform, scope, channel), "channel")
    return merge(layers)


def _value(rules: HouseRules, key: str) -> str:
    value = getattr(rules, key)
    if key == "require":
        return ", ".join(r.component.value + ("" if r.severity == "error" else f" ({r.severity})")
                         for r in value)
    if key == "ban":
        return ", ".join(b.label + (f" -> {b.replace!r}" if b.replace is not None else "")
                         for b in value)
    if key == "prefer":
        return "; ".join(f"{p.use!r} instead of {', '.join(map(repr, p.instead_of))}"
                         for p in value)
    return str(value)


def describe(rules_in_force: RulesInForce) -> list[str]:
    """One plain line per rule in force, with where it comes from (for `/framecraft rules`)."""
    if rules_in_force.empty:
        return ["No house rules are set: only the built-in critique applies."]
    return [f"{key} = {_value(rules_in_force.rules, key)}  (from {rules_in_force.sources[key]})"
            for key in RULE_KEYS if key in rules_in_force.sources]
