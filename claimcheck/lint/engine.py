"""The lint engine: run the selected rules over claim sets and whole applications.

Rules are pure functions of (ClaimSet, Context).  The engine fills the
configured severity, turns a crashing rule into one ``X000 internal-error``
finding (the other rules still run) and applies the inline directives
(:mod:`claimcheck.lint.directives`) after all rules ran.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from claimcheck.application.model import Application
from claimcheck.errors import InputError
from claimcheck.lint.config import Config
from claimcheck.lint.directives import apply_directives
from claimcheck.lint.files import expand_inputs, expand_paths
from claimcheck.lint.findings import internal_error, missing_sections
from claimcheck.lint.results import FileResult, Report
from claimcheck.lint.select import selected_rules
from claimcheck.model import ClaimSet
from claimcheck.model.diagnostic import Diagnostic
from claimcheck.rules import Context, Rule

__all__ = [
    "FileResult",
    "Report",
    "expand_paths",
    "lint_application",
    "lint_claimset",
    "lint_paths",
    "lint_text",
    "run_rules",
]


def run_rules(cs: ClaimSet, rules: list[Rule], ctx: Context, cfg: Config) -> list[Diagnostic]:
    """Run ``rules`` over one claim set and return the findings, configured severities applied."""
    out: list[Diagnostic] = []
    app = ctx.application
    for rule in rules:
        if cs.language not in rule.languages:
            continue
        if rule.needs is not None and not _has_part(app, rule.needs):
            continue
        try:
            found = list(rule.check(cs, ctx))
        except Exception as exc:  # one bad rule must not stop the others
            out.append(internal_error(rule, exc, cs))
            continue
        override = cfg.severity.get(rule.name) or cfg.severity.get(rule.code)
        for d in found:
            if override is not None:
                d.severity = override
            out.append(d)
    out.extend(apply_directives(cs, out))
    out.sort(key=lambda d: (d.span.start, d.code))
    seen: set[tuple[str, int, int, str]] = set()
    unique: list[Diagnostic] = []
    for d in out:
        key = (d.code, d.span.start, d.span.end, d.message_en)
        if key not in seen and not d.extra.get("suppressed"):
            seen.add(key)
            unique.append(d)
    return unique


def _has_part(app: object, part: str) -> bool:
    if app is None:
        return False
    if part == "title":
        desc = getattr(app, "description", None)
        return desc is not None and desc.title is not None
    return getattr(app, part, None) is not None


def lint_claimset(cs: ClaimSet, cfg: Config | None = None, ctx: Context | None = None) -> list[Diagnostic]:
    """Lint one parsed claim set (library entry point)."""
    cfg = cfg or Config()
    ctx = ctx or Context(options=cfg.rules, profile=cfg.profile, lexicons=cfg.lexicons())
    app = ctx.application
    rules = selected_rules(cfg, language=cs.language, has_part=lambda part: _has_part(app, part))
    return run_rules(cs, rules, ctx, cfg)


def lint_text(text: str, cfg: Config | None = None) -> list[Diagnostic]:
    """Parse and lint a claim set, or a whole application (权利要求书 / 说明书 / 说明书摘要 headings), from a string."""
    from claimcheck.application.split import split_application
    from claimcheck.model import SourceText
    from claimcheck.parse import parse_source

    cfg = cfg or Config()
    src = SourceText(text)
    split = split_application(src)
    if split is None:
        return lint_claimset(parse_source(src, cfg.lexicons()), cfg)
    claims_src, desc, abstract, missing = split
    return lint_application(Application(parse_source(claims_src, cfg.lexicons()), desc, abstract, missing), cfg)


def lint_paths(
    paths: list[Path],
    *,
    config_for: Callable[[Path], Config],
    lang: str | None = None,
    max_bytes: int | None = None,
    description_path: Path | None = None,
    abstract_path: Path | None = None,
    on_file: Callable[[Path], None] | None = None,
    revisions: str = "accepted",
) -> list[FileResult]:
    """Read, parse and lint each file; an unreadable file becomes a result with ``error`` set."""
    from claimcheck.application import load_application

    results: list[FileResult] = []
    for item in expand_inputs(paths):
        path = item.path
        if on_file is not None:
            on_file(path)
        cfg = config_for(path)
        try:
            app = load_application(
                path,
                description=description_path or item.description,
                abstract=abstract_path or item.abstract,
                lang=lang,
                max_bytes=max_bytes,
                lexicons=cfg.lexicons(),
                revisions=revisions,
            )
        except InputError as e:
            results.append(FileResult(str(path), None, error=str(e)))
            continue
        results.append(FileResult(str(path), app.claims, lint_application(app, cfg)))
    return results


def lint_application(app: Application, cfg: Config) -> list[Diagnostic]:
    """Lint a claim set together with the other parts of its application that were given."""
    ctx = Context(options=cfg.rules, profile=cfg.profile, application=app, lexicons=cfg.lexicons())
    return lint_claimset(app.claims, cfg, ctx) + missing_sections(app)
