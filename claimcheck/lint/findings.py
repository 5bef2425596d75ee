"""Findings of the engine itself (X codes) rather than of a rule: internal errors, missing sections."""

from __future__ import annotations

from claimcheck.application.model import Application
from claimcheck.model import ClaimSet, Span
from claimcheck.model.diagnostic import Diagnostic, Severity
from claimcheck.rules import Rule


def engine_diag(
    code: str, rule: str, severity: Severity, span: Span, zh: str, en: str, claim: int | None = None
) -> Diagnostic:
    """A finding of the engine itself (X codes) rather than of a rule."""
    return Diagnostic(rule=rule, code=code, severity=severity, claim=claim, span=span, message_zh=zh, message_en=en)


def start_span(cs: ClaimSet) -> Span:
    start = cs.claims[0].span.start if cs.claims else 0
    return Span(start, start)


def internal_error(rule: Rule, exc: Exception, cs: ClaimSet) -> Diagnostic:
    return engine_diag(
        "X000",
        "internal-error",
        Severity.ERROR,
        start_span(cs),
        f"规则{rule.name}内部错误：{type(exc).__name__}: {exc}（可用 ignore[{rule.name}] 跳过）",
        f"rule {rule.name} failed: {type(exc).__name__}: {exc} (ignore[{rule.name}] skips it)",
    )


def missing_sections(app: Application) -> list[Diagnostic]:
    """X004 findings for the parts a whole application lacks."""
    return [
        engine_diag(
            "X004",
            "missing-section",
            Severity.INFO,
            start_span(app.claims),
            f"申请文件缺少：{part}",
            f"the application has no {part.split(' (')[-1].rstrip(')')} section ({part.split(' (')[0]})",
        )
        for part in app.missing
    ]
