"""Typer commands: parse, tree, lint, rules."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated

import typer

from claimcheck import __version__

app = typer.Typer(
    name="claimcheck",
    help="Check the drafting quality of Chinese patent claims (权利要求书质量检查).",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = None,
) -> None:
    """claimcheck: parse and lint patent claim sets (权利要求书)."""


class ParseFormat(enum.StrEnum):
    text = "text"
    json = "json"


class TreeFormat(enum.StrEnum):
    text = "text"
    json = "json"
    mermaid = "mermaid"
    dot = "dot"


FileArg = Annotated[
    Path, typer.Argument(help="Claims file: .txt (UTF-8 or GBK), CNIPA/WIPO/EPO .xml, or .docx; - for stdin.")
]
LangOpt = Annotated[
    str | None,
    typer.Option("--claims-lang", help="Which claim set to read from a multilingual XML file (default: zh, else en)."),
]
MaxSizeOpt = Annotated[int, typer.Option("--max-size", help="Refuse input files larger than this many MB.")]


def _load(path: Path, lang: str | None, max_size: int):  # type: ignore[no-untyped-def]
    from claimcheck.parse import parse_source
    from claimcheck.readers import read_path

    return parse_source(read_path(path, lang=lang, max_bytes=max_size * 1024 * 1024))


@app.command()
def parse(
    file: FileArg,
    format: Annotated[ParseFormat, typer.Option("--format", "-f", help="Output format.")] = ParseFormat.text,
    lang: LangOpt = None,
    max_size: MaxSizeOpt = 20,
) -> None:
    """Parse a claim set and show each claim's kind, category, subject and references (解析权利要求)."""
    from claimcheck.report import parse_output

    cs = _load(file, lang, max_size)
    typer.echo(parse_output.parse_json(cs) if format is ParseFormat.json else parse_output.parse_text(cs))


@app.command()
def tree(
    file: FileArg,
    format: Annotated[TreeFormat, typer.Option("--format", "-f", help="Output format.")] = TreeFormat.text,
    lang: LangOpt = None,
    max_size: MaxSizeOpt = 20,
) -> None:
    """Draw the dependency tree of a claim set (引用关系树); Mermaid and Graphviz for documents."""
    from claimcheck.report import parse_output

    cs = _load(file, lang, max_size)
    if format is TreeFormat.text:
        from rich.console import Console

        Console(highlight=False).print(parse_output.tree_rich(cs))
        return
    render = {
        TreeFormat.json: parse_output.tree_json,
        TreeFormat.mermaid: parse_output.tree_mermaid,
        TreeFormat.dot: parse_output.tree_dot,
    }
    typer.echo(render[format](cs))


class LintFormat(enum.StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"


class Level(enum.StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


class MessageLang(enum.StrEnum):
    zh = "zh"
    en = "en"
    both = "both"


def _split(values: list[str] | None) -> list[str]:
    out: list[str] = []
    for v in values or []:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


@app.command()
def lint(
    paths: Annotated[list[Path], typer.Argument(help="Claim files or folders (searched for .txt, .xml, .docx).")],
    format: Annotated[LintFormat, typer.Option("--format", "-f", help="Output format.")] = LintFormat.text,
    fail_on: Annotated[
        Level | None,
        typer.Option("--fail-on", help="Exit 1 when a finding at or above this level is found [default: error]."),
    ] = None,
    select: Annotated[
        list[str] | None, typer.Option("--select", help="Only these rules (names, codes, prefixes, ALL).")
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option("--ignore", help="Skip these rules (names, codes or prefixes).")
    ] = None,
    config: Annotated[
        Path | None, typer.Option("--config", help="Use this config file instead of searching upward.")
    ] = None,
    profile: Annotated[
        str | None, typer.Option("--profile", help="Profile: cn-invention, cn-utility-model or a .toml file.")
    ] = None,
    baseline: Annotated[
        Path | None, typer.Option("--baseline", help="Report only findings not recorded in this baseline.")
    ] = None,
    write_baseline: Annotated[
        Path | None,
        typer.Option("--write-baseline", help="Record today's findings in this file (and exit 0)."),
    ] = None,
    lang: Annotated[MessageLang | None, typer.Option("--lang", help="Message language: zh, en or both.")] = None,
    description: Annotated[
        Path | None,
        typer.Option(
            "--description", help="The description (说明书), when it is not in the claims file: enables the W rules."
        ),
    ] = None,
    abstract: Annotated[
        Path | None,
        typer.Option("--abstract", help="The abstract (说明书摘要), when it is not in the claims file."),
    ] = None,
    claims_lang: LangOpt = None,
    max_size: MaxSizeOpt = 20,
    color: Annotated[
        bool | None, typer.Option("--color/--no-color", help="Colour the text output [default: when a terminal].")
    ] = None,
) -> None:
    """Check claim sets against the drafting rules (权利要求书形式与撰写检查). Exit 0 clean, 1 findings, 2 bad input."""
    import sys

    from claimcheck.errors import InputError
    from claimcheck.lint import baseline as bl
    from claimcheck.lint.config import Config, check_rule_selector, load_config
    from claimcheck.lint.engine import Report, expand_paths, lint_paths
    from claimcheck.model.diagnostic import Severity
    from claimcheck.report.formatters import FORMATTERS

    sel, ign = _split(select), _split(ignore)
    for x in sel + ign:
        check_rule_selector(x, "command line")
    cache: dict[Path, Config] = {}

    def config_for(path: Path) -> Config:
        key = path.resolve().parent
        if key not in cache:
            cfg = load_config(path, config, profile)
            if sel:
                cfg.select = sel
            cfg.ignore = cfg.ignore + ign
            if fail_on is not None:
                cfg.fail_on = Severity.parse(fail_on.value)
            if lang is not None:
                cfg.lang = lang.value
            cache[key] = cfg
        return cache[key]

    for extra in (description, abstract):
        if extra is not None and not extra.is_file():
            raise InputError(f"{extra}: no such file")
    files = expand_paths(paths)
    if not files:
        raise InputError("no claim files found in " + ", ".join(str(p) for p in paths))
    show_progress = len(files) > 10 and sys.stderr.isatty() and format is LintFormat.text
    progress = None
    task = None
    if show_progress:
        from rich.progress import Progress

        progress = Progress(transient=True)
        progress.start()
        task = progress.add_task("linting", total=len(files))

    def tick(_: Path) -> None:
        if progress is not None and task is not None:
            progress.advance(task)

    try:
        results = lint_paths(
            files,
            config_for=config_for,
            lang=claims_lang,
            max_bytes=max_size * 1024 * 1024,
            description_path=description,
            abstract_path=abstract,
            on_file=tick,
        )
    finally:
        if progress is not None:
            progress.stop()
    first_cfg = config_for(files[0])
    if write_baseline is not None:
        n = bl.write_baseline(write_baseline, results)
        typer.echo(f"claimcheck: recorded {n} finding(s) in {write_baseline}", err=True)
        raise typer.Exit(2 if any(r.error for r in results) else 0)
    if baseline is not None:
        bl.apply_baseline(results, bl.read_baseline(baseline))
    report = Report(results, fail_on=first_cfg.fail_on)
    use_color = color if color is not None else sys.stdout.isatty()
    renderer = FORMATTERS[format.value]
    if format is LintFormat.text:
        typer.echo(renderer(report, first_cfg.lang, use_color))
    else:
        typer.echo(renderer(report, first_cfg.lang))
    if report.input_errors:
        for r in results:
            if r.error and format is not LintFormat.text:
                typer.echo(f"claimcheck: error: {r.error}", err=True)
        raise typer.Exit(2)
    raise typer.Exit(1 if report.failed else 0)


@app.command()
def rules(
    name: Annotated[str | None, typer.Argument(help="A rule name or code: print its documentation.")] = None,
) -> None:
    """List the rules, or print one rule's documentation (规则说明)."""
    import difflib
    import inspect

    from claimcheck.errors import InputError
    from claimcheck.rules import ALL_RULES, find_rule
    from claimcheck.rules.house import HouseRulesRule

    if name is None:
        typer.echo(f"{'code':<5} {'name':<34} {'severity':<8} summary")
        for r in ALL_RULES:
            typer.echo(f"{r.code:<5} {r.name:<34} {r.severity.label:<8} {r.summary()}")
        typer.echo(f"{HouseRulesRule.code:<5} {HouseRulesRule.name:<34} {'warning':<8} {HouseRulesRule.summary()}")
        return
    rule = find_rule(name) or (HouseRulesRule if name in ("house-rules", "H001") else None)
    if rule is None:
        names = [r.name for r in ALL_RULES]
        close = difflib.get_close_matches(name, names, n=1)
        raise InputError(
            f"unknown rule '{name}'" + (f" (did you mean '{close[0]}'?)" if close else "") + "; see 'claimcheck rules'"
        )
    langs = ", ".join(rule.languages)
    catalogue = ", ".join(rule.catalogue) or "-"
    typer.echo(
        f"{rule.code} {rule.name}  (default severity: {rule.severity.label}; languages: {langs}; catalogue: {catalogue})\n"
    )
    typer.echo(inspect.cleandoc(rule.__doc__ or ""))


class DiffFormat(enum.StrEnum):
    text = "text"
    json = "json"
    html = "html"


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(help="The claims before the amendment.")],
    new: Annotated[Path, typer.Argument(help="The amended claims.")],
    against_original: Annotated[
        Path | None,
        typer.Option(
            "--against-original", help="The application as filed: look every added feature up in it (修改超范围)."
        ),
    ] = None,
    description: Annotated[
        Path | None,
        typer.Option("--description", help="The original description, when not in the --against-original file."),
    ] = None,
    format: Annotated[DiffFormat, typer.Option("--format", "-f", help="Output format.")] = DiffFormat.text,
    claims_lang: LangOpt = None,
    max_size: MaxSizeOpt = 20,
    color: Annotated[bool | None, typer.Option("--color/--no-color", help="Colour the text output.")] = None,
) -> None:
    """Compare two versions of a claim set claim by claim (权利要求修改对照); exit 1 when added matter is suspected."""
    import sys

    from claimcheck.application import load_application
    from claimcheck.diff import check_added_matter, pair_claims
    from claimcheck.report import diff_output

    limit = max_size * 1024 * 1024
    old_app = load_application(old, lang=claims_lang, max_bytes=limit)
    new_app = load_application(new, lang=claims_lang, max_bytes=limit)
    changes = pair_claims(old_app.claims, new_app.claims)
    if against_original is not None:
        original = load_application(against_original, description=description, lang=claims_lang, max_bytes=limit)
        check_added_matter(changes, original)
    if format is DiffFormat.json:
        typer.echo(diff_output.diff_json(changes))
    elif format is DiffFormat.html:
        typer.echo(diff_output.diff_html(changes, f"{old.name} → {new.name}"))
    else:
        typer.echo(diff_output.diff_text(changes, color if color is not None else sys.stdout.isatty()))
    raise typer.Exit(1 if any(not lk.found for ch in changes for lk in ch.lookups) else 0)


@app.command()
def support(
    file: FileArg,
    description: Annotated[
        Path | None,
        typer.Option("--description", help="The description, when it is not in FILE."),
    ] = None,
    format: Annotated[ParseFormat, typer.Option("--format", "-f", help="Output format.")] = ParseFormat.text,
    claims_lang: LangOpt = None,
    max_size: MaxSizeOpt = 20,
) -> None:
    """Show where the description supports each claim term (说明书支持对照), citing paragraphs."""
    import json

    from claimcheck.application import load_application
    from claimcheck.errors import InputError
    from claimcheck.rules.support import term_support

    app_ = load_application(file, description=description, lang=claims_lang, max_bytes=max_size * 1024 * 1024)
    if app_.description is None:
        raise InputError(f"{file}: no description found (give a whole application or --description FILE)")
    rows = term_support(app_.claims, app_.description)
    if format is ParseFormat.json:
        doc = {
            "terms": [
                {
                    "term": t.text,
                    "claim": t.claim,
                    "found_in": [{"paragraph": p.cite, "section": p.section} for p in body],
                    "background": [p.cite for p in background],
                    "supported": bool(body),
                }
                for t, body, background in rows
            ],
            "summary": {"terms": len(rows), "supported": sum(1 for _, b, _ in rows if b)},
        }
        typer.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    for t, body, background in rows:
        if body:
            cites = "、".join(p.cite for p in body[:8]) + (" …" if len(body) > 8 else "")
            typer.echo(f"  claim {t.claim:>2}  {t.text:<16} {cites}")
        elif background:
            typer.echo(
                f"  claim {t.claim:>2}  {t.text:<16} ONLY IN BACKGROUND {'、'.join(p.cite for p in background[:5])}"
            )
        else:
            typer.echo(f"  claim {t.claim:>2}  {t.text:<16} NOT FOUND")
    supported = sum(1 for _, b, _ in rows if b)
    typer.echo(f"{supported} of {len(rows)} claim terms found in the description")


class ScoreFormat(enum.StrEnum):
    text = "text"
    json = "json"
    html = "html"
    csv = "csv"


@app.command()
def score(
    paths: Annotated[list[Path], typer.Argument(help="Disclosures (.docx, .md, .txt) or folders of them.")],
    format: Annotated[ScoreFormat, typer.Option("--format", "-f", help="Output format.")] = ScoreFormat.text,
    rubric: Annotated[
        Path | None, typer.Option("--rubric", help="The panel's rubric (weights, verdict bands).")
    ] = None,
    panel: Annotated[
        Path | None,
        typer.Option(
            "--panel",
            help="The panel's judgement sheet (TOML or CSV): market-demand, commercial-risk, grant-prospect 1–5.",
        ),
    ] = None,
    corpus: Annotated[
        Path | None,
        typer.Option("--corpus", help="A folder of prior-art documents: the closest one gives a novelty risk."),
    ] = None,
    against: Annotated[
        list[Path],
        typer.Option(
            "--against", help="Prior-art documents (text, XML, PDF, .docx) to measure the novelty risk against."
        ),
    ] = [],  # noqa: B006
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to this file.")] = None,
    max_size: MaxSizeOpt = 20,
) -> None:
    """Score invention disclosures (技术交底书评分) for a pre-filing review panel: score, verdict, requests."""
    import sys

    from claimcheck.disclose import load_panel, load_rubric, read_corpus, score_disclosure
    from claimcheck.errors import InputError
    from claimcheck.readers import read_path
    from claimcheck.report import score_output

    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files.extend(
                sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in (".txt", ".md", ".docx"))
            )
        else:
            files.append(p)
    if not files:
        raise InputError("no disclosures found in " + ", ".join(map(str, paths)))
    rub = load_rubric(rubric)
    sheet = load_panel(panel) if panel is not None else None
    docs = read_corpus(corpus) if corpus is not None else None
    if against:
        from claimcheck.match import read_document

        docs = (docs or []) + [
            (p.name, read_document(p, f"D{i}", max_size * 1024 * 1024).text) for i, p in enumerate(against, start=1)
        ]
    reports = []
    errors = 0
    for f in files:
        try:
            reports.append(score_disclosure(read_path(f, max_bytes=max_size * 1024 * 1024), rub, sheet, docs))
        except InputError as e:
            errors += 1
            print(f"claimcheck: error: {e}", file=sys.stderr)
    if not reports:
        raise typer.Exit(2)
    render = {
        ScoreFormat.text: score_output.score_text,
        ScoreFormat.json: score_output.score_json,
        ScoreFormat.html: score_output.score_html,
        ScoreFormat.csv: score_output.score_csv,
    }[format]
    out = render(reports)
    if output is not None:
        output.write_text(out, encoding="utf-8")
        typer.echo(f"claimcheck: wrote {output}", err=True)
    else:
        typer.echo(out)
    raise typer.Exit(2 if errors else 0)


class MatchFormat(enum.StrEnum):
    text = "text"
    markdown = "markdown"
    html = "html"
    json = "json"
    docx = "docx"


@app.command()
def match(
    claims: Annotated[Path, typer.Argument(help="The claim set (any format the parser reads).")],
    against: Annotated[
        list[Path], typer.Option("--against", help="Prior-art documents D1, D2 … (text, XML, PDF, .docx).")
    ] = [],  # noqa: B006
    claim_numbers: Annotated[str | None, typer.Option("--claims", help="Only these claims, e.g. 1,5 or 1-3.")] = None,
    description: Annotated[
        Path | None, typer.Option("--description", help="The application's description: the effects for the reply.")
    ] = None,
    features_only: Annotated[
        bool, typer.Option("--features-only", help="Print the feature decomposition and stop.")
    ] = False,
    reply: Annotated[bool, typer.Option("--reply/--no-reply", help="Add the reply skeleton (意见陈述书草稿).")] = True,
    format: Annotated[MatchFormat, typer.Option("--format", "-f", help="Output format.")] = MatchFormat.text,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file (required for docx).")
    ] = None,
    claims_lang: LangOpt = None,
    max_size: MaxSizeOpt = 20,
) -> None:
    """Compare claims with prior art (特征对比): feature table, closest prior art, distinguishing features, reply draft."""
    import re
    import sys

    from claimcheck.application import load_application
    from claimcheck.application.split import description_from_path
    from claimcheck.errors import InputError
    from claimcheck.match import all_features, build_chart, read_document
    from claimcheck.match.reply import reply_skeleton
    from claimcheck.report import match_output

    limit = max_size * 1024 * 1024
    app_ = load_application(claims, lang=claims_lang, max_bytes=limit)
    numbers: list[int] | None = None
    if claim_numbers:
        numbers = []
        for part in re.split(r"[,，\s]+", claim_numbers.strip()):
            m = re.fullmatch(r"(\d+)(?:-(\d+))?", part)
            if not m:
                raise InputError(f"--claims: cannot read '{part}' (use 1,5 or 1-3)")
            lo, hi = int(m.group(1)), int(m.group(2) or m.group(1))
            numbers.extend(range(lo, hi + 1))
    if features_only:
        feats = all_features(app_.claims, numbers)
        if format is MatchFormat.json:
            import json

            doc = [{"id": f.id, "claim": f.claim, "kind": f.kind, "text": f.text} for f in feats]
            typer.echo(json.dumps({"features": doc}, ensure_ascii=False, indent=2))
        else:
            for f in feats:
                typer.echo(f"{f.id:<5} [{f.kind}] {f.text}")
        return
    if not against:
        raise InputError("give the prior-art documents with --against D1 [--against D2 …]")
    documents = [read_document(p, f"D{i}", limit) for i, p in enumerate(against, start=1)]
    desc = app_.description if description is None else description_from_path(description, limit)
    progress = None
    bar = None
    if sys.stderr.isatty() and len(documents) * 10 > 50:
        from rich.progress import Progress

        bar = Progress(transient=True)
        bar.start()
        task = bar.add_task("matching", total=1)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

    try:
        chart = build_chart(app_.claims, documents, numbers, progress)
    finally:
        if bar is not None:
            bar.stop()
    text = reply_skeleton(chart, desc) if reply else None
    if format is MatchFormat.docx:
        if output is None:
            raise InputError("--format docx needs --output FILE.docx")
        match_output.chart_docx(chart, output, text)
        typer.echo(f"claimcheck: wrote {output}", err=True)
        return
    render = {
        MatchFormat.text: match_output.chart_text,
        MatchFormat.markdown: match_output.chart_markdown,
        MatchFormat.html: match_output.chart_html,
        MatchFormat.json: match_output.chart_json,
    }[format]
    out = render(chart, text)
    if output is not None:
        output.write_text(out, encoding="utf-8")
        typer.echo(f"claimcheck: wrote {output}", err=True)
    else:
        typer.echo(out)
