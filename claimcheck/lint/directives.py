"""Inline suppressions: ``# claimcheck: ignore[rule] reason`` and ``<!-- claimcheck: ignore rule -->``.

Directives are applied after all rules ran; a directive that suppresses nothing is reported (X002), one that
cannot be read or names an unknown rule too (X003).
"""

from __future__ import annotations

import re

from claimcheck.lint.findings import engine_diag
from claimcheck.model import ClaimSet, Span
from claimcheck.model.diagnostic import Diagnostic, Severity
from claimcheck.rules import find_rule

_DIRECTIVE = re.compile(r"claimcheck:\s*(?P<kind>ignore-file|ignore)\b(?P<rest>.*?)\s*(?:-->)?\s*$")
_RULE_TOKEN = re.compile(r"^(?:[a-z][a-z0-9]*(?:-[a-z0-9]+)+|[A-Z]\d{3}|[a-z]+)$")


def parse_directive(text: str) -> tuple[bool, list[str], str] | None:
    """``# claimcheck: ignore[a, b] reason`` -> (file_wide, [a, b], reason); None when unreadable.

    The rule list may also be written without brackets (``<!-- claimcheck: ignore a b -->``); an
    empty list means every rule.
    """
    m = _DIRECTIVE.search(text)
    if not m:
        return None
    rest = m.group("rest").strip()
    names: list[str] = []
    if rest.startswith("["):
        close = rest.find("]")
        if close == -1:
            return None
        names = [n.strip() for n in re.split(r"[,\s]+", rest[1:close]) if n.strip()]
        reason = rest[close + 1 :].strip()
    else:
        tokens = re.split(r"[,\s]+", rest) if rest else []
        i = 0
        while i < len(tokens) and _RULE_TOKEN.match(tokens[i]):
            names.append(tokens[i])
            i += 1
        reason = " ".join(tokens[i:])
    return m.group("kind") == "ignore-file", names, reason


def apply_directives(cs: ClaimSet, found: list[Diagnostic]) -> list[Diagnostic]:
    """Mark suppressed findings (``extra['suppressed']``) and return X002/X003 findings about the directives."""
    extra: list[Diagnostic] = []
    for directive in cs.directives:
        parsed = parse_directive(directive.text)
        if parsed is None:
            extra.append(
                directive_diag(
                    "X003",
                    "unknown-suppression",
                    directive.span,
                    "无法识别的 claimcheck 指令",
                    f"cannot read directive '{directive.text}'",
                )
            )
            continue
        file_wide, names, _reason = parsed
        rules: set[str] = set()
        for n in names:
            r = find_rule(n)
            if r is None and n not in ("house-rules", "H001"):
                extra.append(
                    directive_diag(
                        "X003",
                        "unknown-suppression",
                        directive.span,
                        f"未知规则“{n}”",
                        f"unknown rule '{n}' in suppression",
                    )
                )
                continue
            rules.add(r.name if r is not None else "house-rules")
        used = False
        for d in found:
            if (not rules or d.rule in rules) and (file_wide or d.claim == directive.claim):
                d.extra["suppressed"] = True
                used = True
        if not used and (rules or not names):
            extra.append(
                directive_diag(
                    "X002",
                    "unused-suppression",
                    directive.span,
                    "该抑制指令未抑制任何问题，可删除",
                    "this suppression matched no finding; remove it",
                    claim=directive.claim,
                )
            )
    return extra


def directive_diag(code: str, rule: str, span: Span, zh: str, en: str, claim: int | None = None) -> Diagnostic:
    return engine_diag(code, rule, Severity.INFO if code == "X002" else Severity.WARNING, span, zh, en, claim)
