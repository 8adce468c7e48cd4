"""Why a figure was put on its speaker, in words a reviewer can check against the sentence."""

from __future__ import annotations

from .rules import RULES


def rule_summary(rule: str | None) -> str:
    """The first line of a rule's docstring: the construction it reads."""
    fn = RULES.get(rule or "")
    doc = (fn.__doc__ or "").strip() if fn else ""
    return " ".join(doc.split("\n\n")[0].split())


def explanation(speaker: str | None, rule: str | None, cue: str | None, via: str | None = None) -> str:
    """One sentence: which rule put the figure on whom, through which words, relayed by whom."""
    if not speaker:
        if cue:
            return f"No speaker: the words “{cue}” name no one in particular."
        return "No speaker: no attribution construction names a source for this figure."
    words = f" through the words “{cue}”" if cue else ""
    relay = f", relayed by {via}" if via else ""
    if not rule:
        return f"Put on {speaker}{words}{relay}."
    return f"Put on {speaker} by the rule “{rule}”{words}{relay}. The rule reads: {rule_summary(rule)}"
