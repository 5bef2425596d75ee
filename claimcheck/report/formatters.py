"""Formatters for lint results: text (compiler style), json, sarif (2.1.0) and github (workflow annotations).

Each formatter is a pure function of the :class:`~claimcheck.lint.engine.Report`;
locations are computed from the source once, here, never by rules.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from claimcheck import __version__
from claimcheck.lint.results import FileResult, Report
from claimcheck.model import SourceText
from claimcheck.model.diagnostic import Diagnostic, Severity

SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _src(f: FileResult, d: Diagnostic) -> SourceText:
    """The text a finding points into: the claims, or the description or abstract it names."""
    if d.where is not None:
        return d.where
    assert f.claimset is not None
    return f.claimset.source


def _path(f: FileResult, d: Diagnostic) -> str:
    return d.where.path if d.where is not None else f.path


def _loc(f: FileResult, d: Diagnostic) -> tuple[int, int, int, int]:
    loc = _src(f, d).locate(d.span)
    return loc.line, loc.column, loc.end_line, loc.end_column


def _fix_dict(f: FileResult, d: Diagnostic) -> dict[str, Any] | None:
    if d.fix is None:
        return None
    out: dict[str, Any] = {
        "title": d.fix.title_zh,
        "title_en": d.fix.title_en,
        "applicability": d.fix.applicability.value,
    }
    if d.fix.span is not None and d.fix.replacement is not None and f.claimset is not None:
        loc = f.claimset.source.locate(d.fix.span)
        out.update(
            replacement=d.fix.replacement,
            line=loc.line,
            column=loc.column,
            end_line=loc.end_line,
            end_column=loc.end_column,
        )
    return out


def word_place(f: FileResult, d: Diagnostic, words: int = 14) -> dict[str, Any] | None:
    """Where a Word user finds a finding in a .docx: the paragraph number, the claim and the paragraph's first words."""
    src = _src(f, d)
    if src.format != "docx":
        return None
    text = src.line_text(d.span.start).strip()
    first = text[:words] + ("…" if len(text) > words else "")
    return {"paragraph": src.locate(d.span).line, "claim": d.claim, "first_words": first}


def _word_line(place: dict[str, Any], lang: str) -> str:
    claim = place["claim"]
    if lang == "en":
        where = f"paragraph {place['paragraph']}" + (f", claim {claim}" if claim is not None else "")
        return f"in Word: {where}, starting “{place['first_words']}”"
    where = f"第{place['paragraph']}段" + (f"，权利要求{claim}" if claim is not None else "")
    return f"Word 中位置：{where}，段首“{place['first_words']}”"


def summary(report: Report) -> dict[str, Any]:
    """Counts for the summary line and the JSON ``summary`` object."""
    return {
        "files": len(report.files),
        "claims": sum(len(f.claimset) for f in report.files if f.claimset is not None),
        "errors": report.count(Severity.ERROR),
        "warnings": report.count(Severity.WARNING),
        "infos": report.count(Severity.INFO),
        "baselined": sum(f.baselined for f in report.files),
        "input_errors": report.input_errors,
        "fail_on": report.fail_on.label,
        "failed": report.failed,
    }


def render_json(report: Report, lang: str = "both") -> str:
    """One JSON object with every file and finding."""
    import json

    files = []
    for f in report.files:
        entry: dict[str, Any] = {
            "path": f.path,
            "claims": len(f.claimset) if f.claimset is not None else 0,
            "diagnostics": [],
        }
        if f.error:
            entry["error"] = f.error
        for d in f.diagnostics:
            line, col, end_line, end_col = _loc(f, d)
            entry["diagnostics"].append(
                {
                    "rule": d.rule,
                    "code": d.code,
                    "severity": d.severity.label,
                    "claim": d.claim,
                    "line": line,
                    "column": col,
                    "end_line": end_line,
                    "end_column": end_col,
                    "message": d.message_zh,
                    "message_en": d.message_en,
                    "fix": _fix_dict(f, d),
                    "source": d.source or None,
                    "catalogue": list(d.catalogue),
                    **({"file": _path(f, d)} if _path(f, d) != f.path else {}),
                    **({"word": place} if (place := word_place(f, d)) is not None else {}),
                }
            )
        files.append(entry)
    return json.dumps({"version": 1, "files": files, "summary": summary(report)}, ensure_ascii=False, indent=2)


def render_sarif(report: Report, lang: str = "both") -> str:
    """SARIF 2.1.0 for code-review tools."""
    import json

    from claimcheck.rules import ALL_RULES

    rules = [
        {
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.summary()},
            "fullDescription": {"text": (r.__doc__ or "").strip()},
            "defaultConfiguration": {"level": SARIF_LEVEL[r.severity]},
            "properties": {"catalogue": list(r.catalogue), "source": r.source},
        }
        for r in ALL_RULES
    ]
    index = {r["id"]: i for i, r in enumerate(rules)}
    results = []
    for f in report.files:
        for d in f.diagnostics:
            line, col, end_line, end_col = _loc(f, d)
            result: dict[str, Any] = {
                "ruleId": d.code,
                "level": SARIF_LEVEL[d.severity],
                "message": {"text": _message(d, lang)},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": _path(f, d).replace("\\", "/")},
                            "region": {
                                "startLine": line,
                                "startColumn": col,
                                "endLine": end_line,
                                "endColumn": end_col,
                            },
                        }
                    }
                ],
                "properties": {"rule": d.rule, "claim": d.claim},
            }
            if d.code in index:
                result["ruleIndex"] = index[d.code]
            results.append(result)
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "claimcheck", "version": __version__, "rules": rules}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2)


def _message(d: Diagnostic, lang: str) -> str:
    if lang == "zh":
        return d.message_zh
    if lang == "en":
        return d.message_en
    return f"{d.message_zh} / {d.message_en}"


def _gh_escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def render_github(report: Report, lang: str = "both") -> str:
    """GitHub Actions workflow commands, one annotation per finding."""
    lines = []
    for f in report.files:
        if f.error:
            lines.append(f"::error file={_gh_escape(f.path, True)}::{_gh_escape(f.error)}")
        for d in f.diagnostics:
            line, col, end_line, end_col = _loc(f, d)
            props = f"file={_gh_escape(_path(f, d), True)},line={line},col={col},endLine={end_line},endColumn={end_col}"
            title = _gh_escape(f"{d.code} {d.rule}", True)
            lines.append(f"::{GITHUB_LEVEL[d.severity]} {props},title={title}::{_gh_escape(_message(d, lang))}")
    return "\n".join(lines)


def render_text(report: Report, lang: str = "both", color: bool | None = None) -> str:
    """Compiler-style text: location, code, rule, message, the claim line with a caret underline, summary.

    In colour it is rendered by rich; plain text (piped, ``--color never``) is written directly, without
    importing rich.
    """
    lines: list[str] = []
    if color:
        import io

        from rich.cells import cell_len
        from rich.console import Console
        from rich.markup import escape

        buf = io.StringIO()
        console = Console(
            file=buf, force_terminal=True, color_system="standard", width=200, highlight=False, soft_wrap=True
        )

        def out(*parts: tuple[str, str]) -> None:
            console.print("".join(f"[{style}]{escape(text)}[/]" if style else escape(text) for style, text in parts))

        width: Callable[[str], int] = cell_len
    else:

        def out(*parts: tuple[str, str]) -> None:
            lines.append("".join(text for _, text in parts))

        width = plain_cell_len
    styles = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
    for f in report.files:
        if f.error:
            out(("bold", f.path), ("", ": "), ("bold red", "error"), ("", f": {f.error}"))
            continue
        for d in f.diagnostics:
            src = _src(f, d)
            line, col, _, _ = _loc(f, d)
            claim = f" (claim {d.claim})" if d.claim is not None else ""
            msg = d.message_zh if lang in ("zh", "both") else d.message_en
            out(
                ("bold", f"{_path(f, d)}:{line}:{col}"),
                ("", ": "),
                (styles[d.severity], d.severity.label),
                ("", " "),
                ("bold", d.code),
                ("", " "),
                ("dim", d.rule),
                ("", f"{claim}: {msg}"),
            )
            if lang == "both":
                out(("", "    "), ("dim", d.message_en))
            snippet, caret = _snippet(src.text, d.span.start, d.span.end, width)
            if snippet:
                out(("", "    "), ("dim", "|"), ("", f" {snippet}"))
                out(("", "    "), ("dim", "|"), ("", " "), (styles[d.severity], caret))
            place = word_place(f, d)
            if place is not None:
                out(("", "    "), ("dim", f"= {_word_line(place, lang)}"))
            if d.fix is not None:
                title = d.fix.title_zh if lang != "en" else d.fix.title_en
                out(("", "    "), ("green", "= fix:"), ("", f" {title}"))
            if d.source:
                out(("", "    "), ("dim", f"= source: {d.source}"))
    s = summary(report)
    verdict = ("bold red", "FAILED") if report.failed or s["input_errors"] else ("bold green", "OK")
    base = f", {s['baselined']} baselined" if s["baselined"] else ""
    bad = f", {s['input_errors']} unreadable" if s["input_errors"] else ""
    out(
        verdict,
        (
            "",
            f": {s['files']} file(s), {s['claims']} claims: {s['errors']} error(s), {s['warnings']} warning(s), "
            f"{s['infos']} info{base}{bad} (fail on {s['fail_on']})",
        ),
    )
    text = buf.getvalue() if color else "\n".join(lines)
    return text.rstrip("\n")


def plain_cell_len(text: str) -> int:
    """Terminal cells ``text`` takes: two for wide and full-width characters (汉字, ，), none for combining marks."""
    import unicodedata

    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text
    )


def _snippet(text: str, start: int, end: int, cell_len: Callable[[str], int], width: int = 70) -> tuple[str, str]:
    """The source line around ``start`` (cut to about ``width`` cells) and a caret line under the span."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", start)
    le = len(text) if le == -1 else le
    line = text[ls:le].rstrip("\r")
    col = start - ls
    span_end = min(end, ls + len(line)) - ls
    left = max(0, col - 20)
    while left > 0 and cell_len(line[left:col]) > width // 3:
        left += 1
    right = min(len(line), max(span_end, col + 1) + 20)
    while cell_len(line[left:right]) > width and right > max(span_end, col + 1):
        right -= 1
    shown = line[left:right]
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(line) else ""
    pad = cell_len(prefix + line[left:col])
    mark = max(1, cell_len(line[col : max(span_end, col + 1)]))
    return prefix + shown + suffix, " " * pad + "^" * mark


FORMATTERS: dict[str, Callable[..., str]] = {
    "text": render_text,
    "json": render_json,
    "sarif": render_sarif,
    "github": render_github,
}
