"""The reviewed copy of a Word draft: every finding as a Word comment (批注) on the words it flags.

The copy is the original package with comments added and, where asked, safe fixes written as tracked changes
(修订): runs are split only where a finding starts or ends, so the text, its formatting, the automatic
numbering, the styles, the existing comments and the existing revisions stay as they were.  The original file is
never written to.

Findings are placed by the locations the .docx reader gave them (paragraph number and column in the paragraph's
text as read, tracked changes accepted or not); a finding in another file (a separate description) cannot be
placed in this copy and is counted apart.
"""

from __future__ import annotations

import bisect
import copy
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimcheck.errors import InputError
from claimcheck.lint.results import FileResult
from claimcheck.model.diagnostic import Applicability, Diagnostic
from claimcheck.model.source import SourceText
from claimcheck.outfile import write_atomic
from claimcheck.readers.docx_text import W_NS, paragraph_pieces

AUTHOR = "claimcheck"
INITIALS = "CC"
_W = "{" + W_NS + "}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_TEXT_TAGS = (_W + "t", _W + "delText")
_SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


@dataclass
class ReviewOutcome:
    """What the reviewed copy holds."""

    comments: int = 0
    tracked: int = 0
    elsewhere: int = 0  # findings pointing into another file


def comment_text(d: Diagnostic, lang: str = "zh") -> str:
    """The comment for one finding: code and rule, message, fix and legal source, in ``lang`` (zh, en or both)."""
    head_zh = f"【{d.code} {d.rule}｜{_SEVERITY_ZH[d.severity.label]}】"
    head_en = f"[{d.code} {d.rule} | {d.severity.label}]"
    lines: list[str] = []
    if lang in ("zh", "both"):
        lines.append(head_zh + d.message_zh)
    if lang == "en":
        lines.append(head_en + " " + d.message_en)
    elif lang == "both":
        lines.append(d.message_en)
    if d.fix is not None:
        if lang in ("zh", "both"):
            lines.append("修改建议：" + d.fix.title_zh)
        if lang in ("en", "both"):
            lines.append("Fix: " + d.fix.title_en)
    if d.source:
        lines.append(("Source: " if lang == "en" else "依据：") + d.source)
    return "\n".join(line.replace("\n", " ") for line in lines)


def _run_pieces(pieces: list[Any], run: Any) -> list[Any]:
    return [p for p in pieces if p.run is run]


def _split_run(run: Any, pieces: list[Any], at: int) -> None:
    """Split ``run`` in two so that a run boundary falls at paragraph offset ``at`` (inside the run's text)."""
    children = [c for c in run if c.tag != _W + "rPr"]
    second = copy.deepcopy(run)
    second_children = [c for c in second if c.tag != _W + "rPr"]
    by_child = {id(p.child): p for p in pieces}
    for k, child in enumerate(children):
        piece = by_child.get(id(child))
        if piece is None:
            continue
        if piece.start >= at:  # the boundary falls before this child
            first_end, second_start = k, k
            break
        if at < piece.start + len(piece.text):  # the boundary falls inside this text
            j = at - piece.start
            child.text, second_children[k].text = piece.text[:j], piece.text[j:]
            child.set(_XML_SPACE, "preserve")
            second_children[k].set(_XML_SPACE, "preserve")
            first_end, second_start = k + 1, k
            break
    else:
        return
    for child in children[first_end:]:
        run.remove(child)
    for child in second_children[:second_start]:
        second.remove(child)
    run.addnext(second)


def _boundary(paragraph: Any, at: int, revisions: str) -> None:
    """Make a run boundary at offset ``at`` of the paragraph's text."""
    pieces = paragraph_pieces(paragraph, revisions)
    for p in pieces:
        if p.start < at < p.start + len(p.text) or (p.start == at and _run_pieces(pieces, p.run)[0] is not p):
            _split_run(p.run, _run_pieces(pieces, p.run), at)
            return


def runs_between(paragraph: Any, start: int, end: int, revisions: str = "accepted") -> list[Any]:
    """The ``w:r`` elements that hold exactly the text ``[start, end)`` of a paragraph, split as needed."""
    _boundary(paragraph, start, revisions)
    _boundary(paragraph, end, revisions)
    out: list[Any] = []
    for p in paragraph_pieces(paragraph, revisions):
        if start <= p.start < end and (not out or out[-1] is not p.run):
            out.append(p.run)
    return out


def _revision_id(body: Any) -> int:
    ids = [int(e.get(_W + "id")) for e in body.iter(_W + "ins", _W + "del") if (e.get(_W + "id") or "").isdigit()]
    return max(ids, default=0) + 1


def track_replace(paragraph: Any, start: int, end: int, replacement: str, author: str = AUTHOR) -> None:
    """Replace ``[start, end)`` of a paragraph by ``replacement`` as a tracked change (a deletion and an insertion)."""
    runs = runs_between(paragraph, start, end)
    anchor = runs[-1] if runs else None
    if anchor is None:
        return
    body = paragraph.getroottree().getroot()
    rid = _revision_id(body)
    date = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    attrs = {_W + "author": author, _W + "date": date}
    last = anchor
    for run in runs:
        wrapper = run.makeelement(_W + "del", {_W + "id": str(rid), **attrs})
        rid += 1
        run.addprevious(wrapper)
        wrapper.append(run)
        for t in run.iter(_W + "t"):
            t.tag = _W + "delText"
        last = wrapper
    ins = anchor.makeelement(_W + "ins", {_W + "id": str(rid), **attrs})
    new_run = copy.deepcopy(runs[0])
    for child in list(new_run):
        if child.tag != _W + "rPr":
            new_run.remove(child)
    t = new_run.makeelement(_W + "t", {_XML_SPACE: "preserve"})
    t.text = replacement
    new_run.append(t)
    ins.append(new_run)
    last.addnext(ins)


def _place(result: FileResult, d: Diagnostic) -> tuple[int, int, int] | None:
    """(paragraph number, start, end) of a finding in the reviewed file, columns 0-based; None: another file."""
    src = d.where if d.where is not None else (result.claimset.source if result.claimset is not None else None)
    if src is None or src.path != result.path:
        return None
    loc = src.locate(d.span)
    start, end = loc.column - 1, (loc.end_column - 1 if loc.end_line == loc.line else -1)
    if src.origins and _in_number_label(src, d.span.start):
        start, end = 0, -1  # the number Word draws is no text: the finding goes on the whole paragraph
    return loc.line, start, end


def _in_number_label(src: SourceText, offset: int) -> bool:
    """Whether ``offset`` lies in a claim number the reader rebuilt from Word's automatic numbering."""
    assert src.origins is not None
    i = bisect.bisect_right([o.offset for o in src.origins], offset) - 1
    return 0 <= i < len(src.origins) - 1 and src.origins[i + 1].line == src.origins[i].line


def _safe_fix(d: Diagnostic) -> bool:
    f = d.fix
    return f is not None and f.applicability is Applicability.SAFE and f.span is not None and f.replacement is not None


def review_docx(
    data: bytes,
    result: FileResult,
    out: Path,
    *,
    lang: str = "zh",
    revisions: str = "accepted",
    track_fixes: bool = False,
    author: str = AUTHOR,
) -> ReviewOutcome:
    """Write to ``out`` a copy of the .docx ``data`` with the findings of ``result`` as comments.

    With ``track_fixes``, a finding whose fix is safe and textual is written as a tracked change instead.
    """
    import docx
    from docx.text.run import Run

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises many kinds on broken parts
        raise InputError(f"{result.path}: cannot read .docx: {e}") from None
    paragraphs = document.paragraphs
    outcome = ReviewOutcome()
    placed: list[tuple[int, int, int, Diagnostic]] = []
    for d in result.diagnostics:
        where = _place(result, d)
        if where is None or not paragraphs:
            outcome.elsewhere += 1
            continue
        placed.append((*where, d))
    # right to left within a paragraph, so that a split never moves a later finding's runs
    placed.sort(key=lambda x: (x[0], -x[1]))
    for number, start, end, d in placed:
        paragraph = paragraphs[min(max(number, 1), len(paragraphs)) - 1]
        p = paragraph._p
        length = sum(len(x.text) for x in paragraph_pieces(p, revisions))
        start = min(start, max(length - 1, 0))
        end = length if end < 0 else min(max(end, start + 1), length)
        if track_fixes and revisions == "accepted" and _safe_fix(d):
            assert d.fix is not None and d.fix.span is not None and d.fix.replacement is not None
            fix_loc = _place(result, _with_span(d))
            if fix_loc is not None and fix_loc[0] == number and fix_loc[2] > fix_loc[1]:
                track_replace(p, fix_loc[1], fix_loc[2], d.fix.replacement, author)
                outcome.tracked += 1
                continue
        runs: list[Any] = runs_between(p, start, end, revisions) if length else []
        if not runs:
            runs = list(p.iter(_W + "r"))[:1] or [paragraph.add_run("")._r]
        first: Any = runs[0]
        last: Any = runs[-1]
        document.add_comment(
            [Run(first, paragraph), Run(last, paragraph)], text=comment_text(d, lang), author=author, initials=INITIALS
        )
        outcome.comments += 1
    write_atomic(out, lambda tmp: document.save(str(tmp)))
    return outcome


def _with_span(d: Diagnostic) -> Diagnostic:
    """The finding moved onto its fix's span (to locate the fix)."""
    assert d.fix is not None and d.fix.span is not None
    return Diagnostic(d.rule, d.code, d.severity, d.claim, d.fix.span, "", "", where=d.where)


def write_review(
    result: FileResult, out: Path, lang: str = "zh", *, revisions: str = "accepted", track_fixes: bool = False
) -> str:
    """Write the reviewed copy of the draft ``result`` was read from; the line that says what it holds."""
    if result.error:
        raise InputError(result.error)
    try:
        data = Path(result.path).read_bytes()
    except OSError as e:
        raise InputError(f"{result.path}: cannot read: {e.strerror}") from None
    outcome = review_docx(data, result, out, lang=lang, revisions=revisions, track_fixes=track_fixes)
    parts = [f"{outcome.comments} comment(s)"]
    if outcome.tracked:
        parts.append(f"{outcome.tracked} tracked change(s)")
    if outcome.elsewhere:
        parts.append(f"{outcome.elsewhere} finding(s) in other files not placed")
    return f"claimcheck: wrote {out}: " + ", ".join(parts)
