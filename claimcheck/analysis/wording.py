"""Unclear wording: the compiled entries of ``lexicons/unclear.toml`` (relative, exemplary, optional, approximate)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.lexicon import Lexicons
from claimcheck.model.diagnostic import Severity


@dataclass(frozen=True, slots=True)
class Trigger:
    """One compiled entry of the unclear-term lexicon."""

    pattern: re.Pattern[str]
    kind: str
    severity: Severity
    note_zh: str
    note_en: str
    unless_defined: bool
    optin: bool


def _build(lex: Lexicons) -> tuple[list[Trigger], list[str]]:
    data = lex.load("unclear")
    out: list[Trigger] = []
    for e in data.get("entry", []):
        if "regex" in e:
            pattern = re.compile(e["regex"])
        else:
            words = sorted(e["words"], key=len, reverse=True)
            pattern = re.compile("|".join(re.escape(w) for w in words))
        out.append(
            Trigger(
                pattern,
                e.get("kind", ""),
                Severity.parse(e.get("severity", "warning")),
                e.get("note_zh", ""),
                e.get("note_en", ""),
                bool(e.get("unless_defined", False)),
                bool(e.get("optin", False)),
            )
        )
    return out, list(data.get("exempt", {}).get("words", []))


def unclear_triggers(lex: Lexicons) -> tuple[list[Trigger], list[str]]:
    """The unclear-wording triggers and the exempt words of ``lex`` (built once per lexicons)."""
    return lex.table("wording.unclear", _build)
