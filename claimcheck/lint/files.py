"""The files a lint run reads: files as given, folders searched for claim sets and the parts filed with them.

In a folder, ``NAME.txt`` (or ``.xml``, ``.docx``) is a claim set; ``NAME.desc.txt`` beside it is its
description and ``NAME.abstract.txt`` (or ``NAME.abs.txt``) its abstract, read with it (the W rules then run).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DESCRIPTION_TAGS = (".desc",)
ABSTRACT_TAGS = (".abstract", ".abs")
COMPANION_SUFFIXES = (".txt", ".docx", ".xml")


@dataclass(frozen=True, slots=True)
class LintInput:
    """One claim file and, when found beside it in a folder, its description and abstract."""

    path: Path
    description: Path | None = None
    abstract: Path | None = None


def _tag(name: str) -> str:
    """``.desc`` for ``X.desc.txt``, ``.abstract`` for ``X.abstract.txt``, else ``""``."""
    stem = name.rsplit(".", 1)[0] if "." in name else name
    for tag in (*DESCRIPTION_TAGS, *ABSTRACT_TAGS):
        if stem.lower().endswith(tag):
            return tag
    return ""


def is_companion(path: Path) -> bool:
    """Whether a file is a description or abstract filed beside a claim set (``X.desc.txt``, ``X.abstract.txt``)."""
    return path.suffix.lower() in COMPANION_SUFFIXES and _tag(path.name) != ""


def companion(path: Path, tags: tuple[str, ...]) -> Path | None:
    """The file beside ``path`` named ``STEM<tag><suffix>`` for the first tag and suffix that exists."""
    for tag in tags:
        for suffix in COMPANION_SUFFIXES:
            candidate = path.with_name(path.stem + tag + suffix)
            if candidate.is_file():
                return candidate
    return None


def expand_inputs(paths: list[Path]) -> list[LintInput]:
    """Claim files to lint: files as given; folders searched recursively, each file with its companions."""
    from claimcheck.readers import SUFFIXES

    out: list[LintInput] = []
    for p in paths:
        if p.is_dir():
            found = sorted(
                f
                for f in p.rglob("*")
                if f.is_file()
                and f.suffix.lower() in SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
                and not is_companion(f)
            )
            out.extend(LintInput(f, companion(f, DESCRIPTION_TAGS), companion(f, ABSTRACT_TAGS)) for f in found)
        else:
            out.append(LintInput(p))
    return out


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files to lint: files as given, folders searched recursively for .txt/.xml/.docx (companions left out)."""
    return [i.path for i in expand_inputs(paths)]


def check_inputs(
    files: list[Path], description: Path | None, abstract: Path | None, fmt: str, output: Path | None
) -> None:
    """Refuse option combinations that cannot mean what the user wants, with one clear line."""
    from claimcheck.errors import InputError

    for option, given in (("--description", description), ("--abstract", abstract)):
        if given is not None and len(files) > 1:
            raise InputError(
                f"{option} {given} belongs to one claim file, but {len(files)} are given; lint them one by one, "
                f"or put NAME{'.desc' if option == '--description' else '.abstract'}.txt beside each NAME.txt in a folder"
            )
    if fmt == "docx":
        if output is None:
            raise InputError("--format docx needs --output FILE.docx (the reviewed copy; the draft is not modified)")
        if len(files) != 1 or files[0].suffix.lower() != ".docx":
            raise InputError("--format docx reviews one Word draft (.docx): give exactly one .docx file")
    if output is not None and any(output.resolve() == f.resolve() for f in files):
        raise InputError(f"--output {output} is an input file: the original is never overwritten")
