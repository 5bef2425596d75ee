"""A firm's glossary: the names its documents and the prior art give the same thing, CN–CN and CN–EN.

A plain UTF-8 text file, one group of equivalent terms per line, separated by ``=`` (or a tab); ``#`` starts a
comment::

    # 本所术语表
    检测杆 = 测量杆
    丝杠 = 螺杆 = lead screw
    光伏板 = photovoltaic panel = solar module

Chinese terms of a line become synonyms; English ones become their renderings.  Alignments the user confirms
(``claimcheck match --confirm 检测杆=测量杆``) are appended, the file rewritten atomically.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from claimcheck.errors import InputError
from claimcheck.match.vocab import Vocabulary, build_vocabulary
from claimcheck.outfile import write_atomic

_SEP = re.compile(r"\s*(?:=|\t)\s*")


def parse_glossary(text: str, name: str = "glossary") -> list[list[str]]:
    """The groups of a glossary's text; a line with one term only is an error."""
    groups: list[list[str]] = []
    for n, line in enumerate(text.splitlines(), start=1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        terms = [t.strip() for t in _SEP.split(line) if t.strip()]
        if len(terms) < 2:
            raise InputError(f"{name}:{n}: a glossary line needs two terms or more, separated by '=': {line!r}")
        groups.append(terms)
    return groups


def read_glossary(path: Path) -> list[list[str]]:
    """The groups of the glossary file at ``path`` (none when it does not exist yet)."""
    if not path.exists():
        return []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: cannot read the glossary: {e}") from None
    return parse_glossary(text, str(path))


def vocabulary_with(paths: Sequence[Path]) -> Vocabulary:
    """The shipped vocabulary with the groups of the glossary files."""
    groups: list[list[str]] = []
    for p in paths:
        groups += read_glossary(p)
    return build_vocabulary(groups)


def parse_pair(text: str) -> list[str]:
    """An alignment given on the command line (``检测杆=测量杆``) as its terms."""
    terms = [t.strip() for t in _SEP.split(text) if t.strip()]
    if len(terms) < 2:
        raise InputError(f"--confirm {text!r}: give two terms or more, e.g. --confirm 检测杆=测量杆")
    return terms


def add_to_glossary(path: Path, groups: Iterable[Sequence[str]]) -> int:
    """Append the groups the glossary does not hold yet; returns how many lines were added."""
    known = read_glossary(path)
    have = [set(g) for g in known]
    new: list[list[str]] = []
    for g in groups:
        terms = list(dict.fromkeys(t.strip() for t in g if t.strip()))
        if len(terms) >= 2 and not any(set(terms) <= h for h in have):
            new.append(terms)
            have.append(set(terms))
    if not new:
        return 0
    old = (
        path.read_text(encoding="utf-8-sig")
        if path.exists()
        else "# claimcheck match glossary: terms on one line name the same thing\n"
    )
    if old and not old.endswith("\n"):
        old += "\n"
    write_atomic(path, old + "".join(" = ".join(g) + "\n" for g in new))
    return len(new)
