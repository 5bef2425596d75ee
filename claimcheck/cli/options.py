"""Option types and small option parsers shared by the commands."""

from __future__ import annotations

import enum
import re
from pathlib import Path
from typing import Annotated

import typer

from claimcheck.errors import InputError

FileArg = Annotated[
    Path, typer.Argument(help="Claims file: .txt (UTF-8 or GBK), CNIPA/WIPO/EPO .xml, or .docx; - for stdin.")
]
LangOpt = Annotated[
    str | None,
    typer.Option("--claims-lang", help="Which claim set to read from a multilingual XML file (default: zh, else en)."),
]
MaxSizeOpt = Annotated[
    int, typer.Option("--max-size", min=1, max=100_000, help="Refuse input files larger than this many MB.")
]


class TextOrJson(enum.StrEnum):
    text = "text"
    json = "json"


class ColorMode(enum.StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


def wants_color(mode: ColorMode, terminal: bool) -> bool:
    """``--color``: always, never, or auto (when the output is a terminal)."""
    return mode is ColorMode.always or (mode is ColorMode.auto and terminal)


def megabytes(value: int) -> int:
    """``--max-size`` in bytes."""
    return value * 1024 * 1024


def split_list(values: list[str] | None) -> list[str]:
    """Repeated and comma-separated option values as one list (``--select A,B --select C``)."""
    out: list[str] = []
    for v in values or []:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


def claim_numbers(value: str | None) -> list[int] | None:
    """``--claims 1,5`` or ``1-3`` as claim numbers; None when not given."""
    if not value:
        return None
    from claimcheck.model import MAX_CLAIM

    numbers: dict[int, None] = {}
    for part in re.split(r"[,，\s]+", value.strip()):
        if not part:
            continue
        m = re.fullmatch(r"(\d+)(?:[-~～–](\d+))?", part)
        if not m:
            raise InputError(f"--claims: cannot read '{part}' (use 1,5 or 1-3)")
        if any(len(g) > 6 or int(g) > MAX_CLAIM or int(g) < 1 for g in m.groups() if g is not None):
            raise InputError(f"--claims: '{part}': claim numbers run from 1 to {MAX_CLAIM:,}")
        lo, hi = int(m.group(1)), int(m.group(2) or m.group(1))
        if hi < lo:
            raise InputError(f"--claims: '{part}' is not a range of claim numbers (the first is larger)")
        numbers.update(dict.fromkeys(range(lo, hi + 1)))
    if not numbers:
        raise InputError("--claims: no claim numbers given (use 1,5 or 1-3)")
    return list(numbers)


def emit(text: str, output: Path | None, color: bool | None = None) -> None:
    """Print ``text`` (``color``: keep its colour codes even when piped), or write it atomically to ``output``."""
    if output is None:
        typer.echo(text, color=color)
        return
    from claimcheck.outfile import write_atomic

    write_atomic(output, text)
    typer.echo(f"claimcheck: wrote {output}", err=True)
