"""The files a lint run reads: files as given, folders searched for claim sets."""

from __future__ import annotations

from pathlib import Path


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
