"""``claimcheck translation``: a translated claim set checked against its original."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from claimcheck.cli.options import FileArg, MaxSizeOpt, TextOrJson, emit, megabytes


def translation(
    file: FileArg,
    original: Annotated[
        Path,
        typer.Option(
            "--original", help="The claims FILE was translated from (English, or German/French from EPO XML)."
        ),
    ],
    glossary: Annotated[
        Path | None,
        typer.Option("--glossary", help="The firm's term list: 'english<TAB>chinese' lines, or TOML [terms]."),
    ] = None,
    original_lang: Annotated[
        str | None, typer.Option("--original-lang", help="Which claim set of a multilingual XML original (en, de, fr).")
    ] = None,
    description: Annotated[
        Path | None, typer.Option("--description", help="The translation's description (说明书), to check its terms.")
    ] = None,
    original_description: Annotated[
        Path | None, typer.Option("--original-description", help="The original's description.")
    ] = None,
    format: Annotated[TextOrJson, typer.Option("--format", "-f", help="Output format.")] = TextOrJson.text,
    lang: Annotated[str, typer.Option("--lang", help="Message language: zh, en or both.")] = "both",
    max_size: MaxSizeOpt = 20,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file (atomically).")] = None,
) -> None:
    """Check a translation against its original claim by claim (译文核对); exit 1 when they differ."""
    from claimcheck.errors import InputError
    from claimcheck.parse import parse_source
    from claimcheck.readers import read_path
    from claimcheck.report.translation_output import translation_json, translation_text
    from claimcheck.translation import Vocabulary, compare, compare_descriptions, load_glossary

    if lang not in ("zh", "en", "both"):
        raise InputError(f"--lang must be zh, en or both, not '{lang}'")
    limit = megabytes(max_size)
    target_src = read_path(file, max_bytes=limit)
    source_src = read_path(original, lang=original_lang or "en", max_bytes=limit)
    target, source = parse_source(target_src), parse_source(source_src)
    # the descriptions: given as files, or carried by the XML files of the claims
    descriptions = [
        read_path(path, max_bytes=limit) if path is not None else src.parts.get("description")
        for path, src in ((original_description, source_src), (description, target_src))
    ]
    for path, cs in ((file, target), (original, source)):
        if not cs.claims:
            raise InputError(f"{path}: no claims found")
    if target.language == source.language:
        raise InputError(f"{file} and {original} are both in '{target.language}': give a translation and its original")
    vocabulary = Vocabulary.shipped()
    if glossary is not None:
        vocabulary = vocabulary.with_glossary(load_glossary(glossary))
    typer.echo(f"claimcheck: {file} ({target.language}) against {original} ({source.language})", err=True)
    findings = compare(source, target, vocabulary)
    if descriptions[0] is not None and descriptions[1] is not None:
        findings += compare_descriptions(source, target, descriptions[0], descriptions[1], vocabulary)
    elif description is not None or original_description is not None:
        raise InputError("give both descriptions (--description and --original-description) to check their terms")
    if format is TextOrJson.json:
        emit(translation_json(findings, str(original), str(file)), output)
    else:
        emit(translation_text(findings, str(original), str(file), lang), output)
    raise typer.Exit(1 if any(f.severity.label in ("error", "warning") for f in findings) else 0)
