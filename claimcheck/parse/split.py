"""Split a text into claims.

A claim starts at a number label at the start of a line (``1.`` ``1．`` ``1、``
``1)`` ``[1]`` ``【1】`` ``权利要求1`` ``Claim 1.``, full-width digits too) or
right after a full stop when several claims were pasted on one line.  Labels
must follow the claim sequence, so that decimals (``3.5mm``), numbered steps
inside a claim (``1)获取…；``) and list items are not taken as new claims: a
label is accepted when its number is the next one, or when the previous claim
has ended with a full stop (then a gap or repeat is kept, for the numbering
rule to report).  Headings (``权利要求书``, ``What is claimed is:``), page
headers and footers (``1/3页``) and directive lines (``# claimcheck: …``) are
not claim text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.model.claim import MAX_CLAIM
from claimcheck.model.source import Span

_LABEL = re.compile(
    r"""
    (?P<lead>^[ \t\u3000]*|(?<=[。.])[ \t\u3000]*)
    (?:
        (?P<n1>\d{1,5})[ \t]*(?P<sep>[.、](?!\d)|\)(?!\d))
      | [\[【][ \t]*(?P<n2>\d{1,5})[ \t]*[\]】]
      | 权利要求[ \t]*(?P<n3>\d{1,5})[ \t]*(?:[.、:：]|[ \t]+)(?!所述|或|和|至|中)
      | (?i:claim)[ \t]+(?P<n4>\d{1,5})[ \t]*[.:]
    )
    [ \t\u3000\xa0]*
    """,
    re.M | re.X,
)

IGNORED_LINE = re.compile(
    r"""^[ \t\u3000]*(?:
        权[ \t\u3000]*利[ \t\u3000]*要[ \t\u3000]*求[ \t\u3000]*书[ \t\u3000]*
      | (?:CN[ \t]*\d[\d \t]*[A-Z]\d?[ \t]*)?(?:权[ \t]*利[ \t]*要[ \t]*求[ \t]*书[ \t]*)?(?:第[ \t]*)?\d+[ \t]*/[ \t]*\d+[ \t]*页
      | 第[ \t]*\d+[ \t]*页(?:[ \t]*[,，]?[ \t]*共[ \t]*\d+[ \t]*页)?
      | -[ \t]*\d+[ \t]*-
      | (?i:claims|what\ is\ claimed\ is:?|we\ claim:?|i\ claim:?|the\ claims\ are:?)
    )[ \t\u3000]*\r?$""",
    re.M | re.X,
)

DIRECTIVE_LINE = re.compile(r"^[ \t]*(?:#|<!--|//)[ \t]*claimcheck:[^\n]*$", re.M)

_TERMINATORS = "。.．"
_LINE_ENDS_KEPT = re.compile(r"[^\r\n]")


@dataclass(frozen=True, slots=True)
class RawClaim:
    """A claim as split from the text: its number, label span and whole span."""

    number: int
    span: Span
    label: Span


def blank_ignored(text: str) -> tuple[str, list[Span]]:
    """Replace heading, page-header and directive lines by spaces (same length).

    Returns the cleaned text and the spans of directive lines.
    """
    directives = [Span(m.start(), m.end()) for m in DIRECTIVE_LINE.finditer(text)]
    # same-length replacements made with the regex engine (a list of characters would cost ~80 bytes each)
    out = DIRECTIVE_LINE.sub(lambda m: " " * len(m.group()), text) if directives else text
    return IGNORED_LINE.sub(lambda m: _LINE_ENDS_KEPT.sub(" ", m.group()), out), directives


def _strong(m: re.Match[str]) -> bool:
    return m.group("sep") != ")"


def _number(m: re.Match[str]) -> int:
    for g in ("n1", "n2", "n3", "n4"):
        if m.group(g):
            return int(m.group(g))
    raise AssertionError("label without number")  # pragma: no cover


def split_claims(folded: str) -> list[RawClaim]:
    """Split width-folded, cleaned text into claims (see the module docstring)."""
    accepted: list[tuple[int, int, int]] = []  # (number, start, label_end)
    for m in _LABEL.finditer(folded):
        n = _number(m)
        start = m.start() + len(m.group("lead"))
        label_end = m.end()
        midline = not _at_line_start(folded, m.start())
        if (label_end >= len(folded) or folded[label_end] in "\r\n") and not folded[label_end:].strip():
            continue  # a bare number at the very end is not a claim label
        if not accepted:
            if n == 1 or (_strong(m) and n <= MAX_CLAIM):
                accepted.append((n, start, label_end))
            continue
        prev_n, _, prev_label_end = accepted[-1]
        prev_text = folded[prev_label_end:start].rstrip()
        if not prev_text:
            continue
        ended = prev_text[-1] in _TERMINATORS
        expected = n == prev_n + 1
        if midline:
            if expected and _strong(m) and ended:
                accepted.append((n, start, label_end))
            continue
        if not _strong(m):
            if expected and ended:
                accepted.append((n, start, label_end))
            continue
        if expected:
            line_end = folded.find("\n", label_end)
            line = folded[label_end : line_end if line_end != -1 else len(folded)].rstrip()
            if not ended and line and line[-1] in "；;,，" and prev_text[-1] in "：:；;":
                continue  # a numbered item of a list inside the previous claim
            accepted.append((n, start, label_end))
        elif ended and 1 <= n <= prev_n + 50:
            accepted.append((n, start, label_end))
    out: list[RawClaim] = []
    for i, (n, start, label_end) in enumerate(accepted):
        end = accepted[i + 1][1] if i + 1 < len(accepted) else len(folded)
        while end > label_end and folded[end - 1].isspace():
            end -= 1
        out.append(RawClaim(n, Span(start, end), Span(start, label_end)))
    return out


def _at_line_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t\u3000":
        i -= 1
    return i < 0 or text[i] == "\n"
