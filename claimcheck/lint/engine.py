"""The lint engine: select rules, run them over claim sets, apply suppressions and baselines.

Rules are pure functions of (ClaimSet, Context).  The engine fills the
configured severity, turns a crashing rule into one ``X000 internal-error``
finding (the other rules still run), applies ``# claimcheck: ignore[…]``
directives after all rules ran, and reports unused (X002) or unknown (X003)
suppressions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from claimcheck.application.model import Application
from claimcheck.errors import InputError
from claimcheck.lint.config import Config, HouseRules
from claimcheck.model import ClaimSet, Span
from claimcheck.model.diagnostic import Diagnostic, Severity
from claimcheck.rules import ALL_RULES, Context, Rule, find_rule

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


class HouseRulesRule(Rule):
    """An agency's house rules from configuration: claim limits and forbidden words.

    ## What it flags
    More independent claims than ``max-independent-claims``, more claims than ``max-claims``, and any
    word of ``forbidden-words``, as set in a profile or the ``[house]`` table of the configuration.

    ## Why
    The agency's own drafting standard; no legal source.

    ## Bad
        1. 一种夹具，包括底座。

    ## Good
        1. 一种夹具，包括底座。

    ## Options
    ``[house] max-independent-claims``, ``max-claims``, ``forbidden-words`` and ``severity`` (warning).
    """

    name = "house-rules"
    code = "H001"
    severity = Severity.WARNING
    languages = ("zh", "en")

    def __init__(self, house: HouseRules) -> None:
        self.house = house

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        h = self.house
        sev = h.severity
        ind = cs.independent
        if h.max_independent_claims is not None and len(ind) > h.max_independent_claims:
            c = ind[h.max_independent_claims]
            yield self.report(
                c,
                c.label.span,
                zh=f"独立权利要求{len(ind)}项，超过本所规定的{h.max_independent_claims}项",
                en=f"{len(ind)} independent claims, more than the house limit of {h.max_independent_claims}",
                severity=sev,
            )
        if h.max_claims is not None and len(cs) > h.max_claims:
            c = cs.claims[h.max_claims]
            yield self.report(
                c,
                c.label.span,
                zh=f"权利要求{len(cs)}项，超过本所规定的{h.max_claims}项",
                en=f"{len(cs)} claims, more than the house limit of {h.max_claims}",
                severity=sev,
            )
        for c in cs:
            if c.flat is None:
                continue
            for w in h.forbidden_words:
                for m in re.finditer(re.escape(w), c.flat.text):
                    yield self.report(
                        c,
                        c.flat.span(m.start(), m.end()),
                        zh=f"本所规定不得使用“{w}”",
                        en=f"'{w}' is forbidden by the house rules",
                        severity=sev,
                    )


def _specificity(selectors: list[str], rule: type[Rule]) -> int:
    best = -1
    for s in selectors:
        if s == rule.name or s.upper() == rule.code:
            best = max(best, 100)
        elif s == "ALL":
            best = max(best, 0)
        elif s[:1].isalpha() and rule.code.startswith(s.upper()) and s.upper() == s:
            best = max(best, len(s))
    return best


def selected_rules(cfg: Config) -> list[Rule]:
    """Instances of the rules the configuration enables, in registry order."""
    select = cfg.select if cfg.select is not None else ["ALL"]
    out: list[Rule] = []
    for r in ALL_RULES:
        on = max(_specificity(select, r), _specificity(cfg.extend_select, r))
        off = _specificity(cfg.ignore, r)
        if on >= 0 and on > off:
            out.append(r())
    if cfg.house.active and _specificity(cfg.ignore, HouseRulesRule) < 100:
        out.append(HouseRulesRule(cfg.house))
    return out


@dataclass
class FileResult:
    """The outcome of linting one file."""

    path: str
    claimset: ClaimSet | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str | None = None
    baselined: int = 0


@dataclass
class Report:
    """Everything formatters need: one result per file."""

    files: list[FileResult]
    fail_on: Severity = Severity.ERROR

    def count(self, severity: Severity) -> int:
        """Number of findings of exactly this severity."""
        return sum(1 for f in self.files for d in f.diagnostics if d.severity is severity)

    @property
    def failed(self) -> bool:
        """True when a finding is at or above the fail level."""
        return any(d.severity >= self.fail_on for f in self.files for d in f.diagnostics)

    @property
    def input_errors(self) -> int:
        """Number of files that could not be read."""
        return sum(1 for f in self.files if f.error)


def _engine_diag(
    code: str, rule: str, severity: Severity, span: Span, zh: str, en: str, claim: int | None = None
) -> Diagnostic:
    """A finding of the engine itself (X codes) rather than of a rule."""
    return Diagnostic(rule=rule, code=code, severity=severity, claim=claim, span=span, message_zh=zh, message_en=en)


def _start(cs: ClaimSet) -> Span:
    start = cs.claims[0].span.start if cs.claims else 0
    return Span(start, start)


def _internal(rule: Rule, exc: Exception, cs: ClaimSet) -> Diagnostic:
    return _engine_diag(
        "X000",
        "internal-error",
        Severity.ERROR,
        _start(cs),
        f"规则{rule.name}内部错误：{type(exc).__name__}: {exc}（可用 ignore[{rule.name}] 跳过）",
        f"rule {rule.name} failed: {type(exc).__name__}: {exc} (ignore[{rule.name}] skips it)",
    )


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
            out.append(_internal(rule, exc, cs))
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


def apply_directives(cs: ClaimSet, found: list[Diagnostic]) -> list[Diagnostic]:
    """Mark suppressed findings (``extra['suppressed']``) and return X002/X003 findings about the directives."""
    extra: list[Diagnostic] = []
    for directive in cs.directives:
        parsed = parse_directive(directive.text)
        if parsed is None:
            extra.append(
                _directive_diag(
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
                    _directive_diag(
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
                _directive_diag(
                    "X002",
                    "unused-suppression",
                    directive.span,
                    "该抑制指令未抑制任何问题，可删除",
                    "this suppression matched no finding; remove it",
                    claim=directive.claim,
                )
            )
    return extra


def _directive_diag(code: str, rule: str, span: Span, zh: str, en: str, claim: int | None = None) -> Diagnostic:
    return _engine_diag(code, rule, Severity.INFO if code == "X002" else Severity.WARNING, span, zh, en, claim)


def lint_claimset(cs: ClaimSet, cfg: Config | None = None, ctx: Context | None = None) -> list[Diagnostic]:
    """Lint one parsed claim set (library entry point)."""
    cfg = cfg or Config()
    ctx = ctx or Context(options=cfg.rules, profile=cfg.profile, lexicons=cfg.lexicons())
    return run_rules(cs, selected_rules(cfg), ctx, cfg)


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


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files to lint: files as given, folders searched recursively for .txt/.xml/.docx."""
    from claimcheck.readers import SUFFIXES

    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(
                sorted(
                    f
                    for f in p.rglob("*")
                    if f.is_file()
                    and f.suffix.lower() in SUFFIXES
                    and not any(part.startswith(".") for part in f.relative_to(p).parts)
                    and not f.name.endswith(".desc.txt")
                )
            )
        else:
            out.append(p)
    return out


def lint_paths(
    paths: list[Path],
    *,
    config_for: Callable[[Path], Config],
    lang: str | None = None,
    max_bytes: int | None = None,
    description_path: Path | None = None,
    abstract_path: Path | None = None,
    on_file: Callable[[Path], None] | None = None,
) -> list[FileResult]:
    """Read, parse and lint each file; an unreadable file becomes a result with ``error`` set."""
    from claimcheck.application import load_application

    results: list[FileResult] = []
    for path in expand_paths(paths):
        if on_file is not None:
            on_file(path)
        cfg = config_for(path)
        try:
            app = load_application(
                path,
                description=description_path,
                abstract=abstract_path,
                lang=lang,
                max_bytes=max_bytes,
                lexicons=cfg.lexicons(),
            )
        except InputError as e:
            results.append(FileResult(str(path), None, error=str(e)))
            continue
        results.append(FileResult(str(path), app.claims, lint_application(app, cfg)))
    return results


def _missing_sections(app: Application) -> list[Diagnostic]:
    """X004 findings for the parts a whole application lacks."""
    return [
        _engine_diag(
            "X004",
            "missing-section",
            Severity.INFO,
            _start(app.claims),
            f"申请文件缺少：{part}",
            f"the application has no {part.split(' (')[-1].rstrip(')')} section ({part.split(' (')[0]})",
        )
        for part in app.missing
    ]


def lint_application(app: Application, cfg: Config) -> list[Diagnostic]:
    """Lint a claim set together with the other parts of its application that were given."""
    ctx = Context(options=cfg.rules, profile=cfg.profile, application=app, lexicons=cfg.lexicons())
    return lint_claimset(app.claims, cfg, ctx) + _missing_sections(app)
