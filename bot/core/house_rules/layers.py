"""Which rules are in force: layers merged key by key, the nearer layer winning.

Chat: channel over workspace (Slack workspace, Discord guild) over the defaults. CLI: the rules
file over the defaults. A layer that sets a key replaces that key whole (a channel's `ban`
replaces the workspace's list, as a linter's `select` does), so the rules in force are always
exactly what one layer wrote for each key, and `sources` says which.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from bot.core.house_rules.model import RULE_KEYS, HouseRules

DEFAULTS = HouseRules()
"""No house rules: nothing is required or banned; the built-in critique still applies."""
DEFAULTS_NAME = "defaults"


class Layer(BaseModel):
    """One source of rules and its name as shown to people (`channel #promo`, `framecraft.toml`)."""

    name: str
    rules: HouseRules


class RulesInForce(BaseModel):
    """The merged rules and, for each key set, the layer it came from."""

    rules: HouseRules = Field(default_factory=HouseRules)
    sources: dict[str, str] = Field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return self.rules.is_empty()


def merge(layers: list[Layer]) -> RulesInForce:
    """Merge layers given from lowest to highest precedence (defaults first, channel last)."""
    values: dict[str, object] = {}
    sources: dict[str, str] = {}
    for layer in [Layer(name=DEFAULTS_NAME, rules=DEFAULTS), *layers]:
        for key in layer.rules.keys_set():
            values[key] = getattr(layer.rules, key)
            sources[key] = layer.name
    ordered = {k: sources[k] for k in RULE_KEYS if k in sources}
    return RulesInForce(rules=HouseRules.model_validate(
        {k: _plain(v) for k, v in values.items()}), sources=ordered)


def _plain(value: object) -> object:
    """Validated sub-models back to plain data so the merged model validates them again."""
    if isinstance(value, tuple):
        return [v.model_dump() if isinstance(v, BaseModel) else v for v in value]
    return value


def for_cli(file_rules: HouseRules | None, file_name: str | None = None) -> RulesInForce:
    """The CLI's rules: the rules file (if any) over the defaults."""
    if file_rules is None:
        return merge([])
    return merge([Layer(name=file_name or "rules file", rules=file_rules)])


def for_chat(workspace: HouseRules | None, channel: HouseRules | None,
             workspace_name: str = "workspace", channel_name: str = "channel") -> RulesInForce:
    """Chat: the channel's rules over the workspace's (or guild's) over the defaults."""
    layers = []
    if workspace is not None:
        layers.append(Layer(name=workspace_name, rules=workspace))
    if channel is not None:
        layers.append(Layer(name=channel_name, rules=channel))
    return merge(layers)
