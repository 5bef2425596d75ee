"""``claimcheck match``."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated

import typer

from claimcheck.cli.options import LangOpt, MaxSizeOpt, claim_numbers, emit, megabytes


class MatchFormat(enum.StrEnum):
    text = "text"
    markdown = "markdown"
    html = "html"
    json = "json"
    docx = "docx"


def match(
    claims: Annotated[Path, typer.Argument(help="The claim set (any format the parser reads).")],
    against: Annotated[
        list[Path],
        typer.Option("--against", help="Prior-art documents D1, D2 … (text, XML, PDF, .docx), or folders of them."),
    ] = [],  # noqa: B006
    index: Annotated[
        str | None, typer.Option("--index", help="A prior-art index (claimcheck index build): its closest documents.")
    ] = None,
    top: Annotated[int, typer.Option("--top", min=1, max=500, help="With --index: how many documents to align.")] = 20,
    claim_selection: Annotated[str | None, typer.Option("--claims", help="Only these claims, e.g. 1,5 or 1-3.")] = None,
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
    office_action: Annotated[
        Path | None,
        typer.Option(
            "--office-action",
            help="The office action (审查意见通知书: text, .docx or PDF): its 对比文件 and mappings are checked and answered.",
        ),
    ] = None,
    embeddings: Annotated[
        Path | None,
        typer.Option(
            "--embeddings",
            help="A local embedding model folder (model2vec: embeddings.safetensors + tokenizer.json; or "
            "sentence-transformers): passages are also ranked by meaning. Never downloaded.",
        ),
    ] = None,
    glossary: Annotated[
        list[Path],
        typer.Option(
            "--glossary",
            help="The firm's glossary: one line per group of equal terms, 检测杆 = 测量杆 = measuring rod.",
        ),
    ] = [],  # noqa: B006
    confirm: Annotated[
        list[str],
        typer.Option("--confirm", help="Add an alignment to the (first) glossary before matching, e.g. 检测杆=测量杆."),
    ] = [],  # noqa: B006
    translation: Annotated[
        list[str],
        typer.Option(
            "--translation",
            help="ORIGINAL=TRANSLATION: a translation of a document (quotes stay in the original); "
            "a file NAME.zh.txt beside a document is used without this option.",
        ),
    ] = [],  # noqa: B006
    claims_lang: LangOpt = None,
    max_size: MaxSizeOpt = 20,
) -> None:
    """Compare claims with prior art (特征对比): feature table, closest prior art, distinguishing features, reply draft."""
    import sys

    from claimcheck.application import load_application
    from claimcheck.application.split import description_from_path
    from claimcheck.errors import InputError
    from claimcheck.match import all_features, build_chart
    from claimcheck.match.office_action import check_office_action, read_office_action
    from claimcheck.match.reply import build_reply
    from claimcheck.report import match_output

    limit = megabytes(max_size)
    app_ = load_application(claims, lang=claims_lang, max_bytes=limit)
    numbers = claim_numbers(claim_selection)
    if features_only:
        feats = all_features(app_.claims, numbers)
        typer.echo(
            match_output.features_json(feats) if format is MatchFormat.json else match_output.features_text(feats)
        )
        return
    if not against and index is None:
        raise InputError("give the prior-art documents with --against D1 [--against D2 …] or --index INDEX")
    if format is MatchFormat.docx and output is None:
        raise InputError("--format docx needs --output FILE.docx")
    if output is not None:
        from claimcheck.outfile import check_writable

        check_writable(output, "--output")
    from claimcheck.index import prior_art

    documents = prior_art(app_.claims, against, index, top, limit)
    from claimcheck.match.documents import with_translations
    from claimcheck.match.glossary import add_to_glossary, parse_pair, vocabulary_with

    given: dict[str, Path] = {}
    for item in translation:
        original, sep, translated = item.partition("=")
        if not sep or not original.strip() or not translated.strip():
            raise InputError(f"--translation {item!r}: give ORIGINAL=TRANSLATION")
        given[original.strip()] = Path(translated.strip())
    with_translations(documents, given, limit)
    if confirm:
        if not glossary:
            raise InputError("--confirm needs --glossary FILE to save the alignment in")
        added = add_to_glossary(glossary[0], [parse_pair(c) for c in confirm])
        typer.echo(f"claimcheck: {added} alignment(s) added to {glossary[0]}", err=True)
    vocab = vocabulary_with(glossary) if glossary else None
    embedder = None
    if embeddings is not None:
        from claimcheck.match.embed import load_embedder

        embedder = load_embedder(embeddings)
    desc = app_.description if description is None else description_from_path(description, limit)
    bar = None
    progress = None
    if sys.stderr.isatty() and len(documents) * 10 > 50:
        from rich.progress import Progress

        bar = Progress(transient=True)
        bar.start()
        task = bar.add_task("matching", total=1)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

    try:
        chart = build_chart(app_.claims, documents, numbers, progress, vocab=vocab, embedder=embedder)
    finally:
        if bar is not None:
            bar.stop()
    oa = read_office_action(office_action, limit) if office_action is not None else None
    draft = build_reply(chart, desc, oa) if reply else None
    checks = draft.checks if draft is not None else (check_office_action(oa, chart) if oa is not None else [])
    text = draft.text() if draft is not None else None
    if format is MatchFormat.docx:
        assert output is not None
        if draft is not None:
            from claimcheck.report.reply_docx import reply_docx

            reply_docx(draft, chart, output)
        else:
            match_output.chart_docx(chart, output, None)
        typer.echo(f"claimcheck: wrote {output}", err=True)
        return
    if oa is not None and format is not MatchFormat.json:
        text = "\n".join([*match_output.office_action_lines(oa, checks), "", text or ""]).rstrip()
    render = {
        MatchFormat.text: match_output.chart_text,
        MatchFormat.markdown: match_output.chart_markdown,
        MatchFormat.html: match_output.chart_html,
        MatchFormat.json: match_output.chart_json,
    }[format]
    if format is MatchFormat.json and oa is not None:
        emit(match_output.chart_json(chart, text, match_output.office_action_dict(oa, checks)), output)
        return
    emit(render(chart, text), output)
