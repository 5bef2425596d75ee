"""The text of a Word paragraph as it stands with its tracked changes (修订) accepted, or as it was before them.

python-docx reads only the runs directly under a paragraph or a hyperlink: text inserted with track changes on
(``w:ins``, ``w:moveTo``) is lost and the reading no longer matches what Word shows.  This module walks every
run of a paragraph in document order and keeps or drops it by the revisions around it:

* ``accepted`` (the default): inserted and moved-to text kept, deleted and moved-from text dropped: the draft as
  it reads once every change is accepted;
* ``original``: the reverse: the draft before the changes.

Each run's pieces keep the XML element they come from, so that a writer can find the runs under a span of the
paragraph's text (to anchor a comment, or to split a run).  Runs in text boxes nested in the paragraph are not
part of its text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{" + W_NS + "}"
REVISION_MODES = ("accepted", "original")
DELETED = frozenset({_W + "del", _W + "moveFrom"})
INSERTED = frozenset({_W + "ins", _W + "moveTo"})
_NESTED = frozenset({_W + "p", _W + "txbxContent", _W + "footnote", _W + "endnote"})
# run content other than text, as the .docx reader reads it: a line break inside a paragraph is a space,
# a page or column break nothing
_CHAR = {
    _W + "tab": "\t",
    _W + "ptab": "\t",
    _W + "cr": " ",
    _W + "noBreakHyphen": "-",
}


@dataclass(frozen=True, slots=True)
class Piece:
    """One text-bearing child of a run (``w:t``, ``w:delText``, ``w:tab`` …) and the text it stands for."""

    run: Any  # the w:r element
    child: Any  # the child element of the run
    text: str
    start: int  # offset of the piece in the paragraph's text


def run_state(run: Any, paragraph: Any) -> str:
    """``inserted``, ``deleted``, ``both`` (inserted, then deleted) or ``plain``: the revisions around a run."""
    inserted = deleted = False
    node = run.getparent()
    while node is not None and node is not paragraph:
        if node.tag in DELETED:
            deleted = True
        elif node.tag in INSERTED:
            inserted = True
        node = node.getparent()
    if inserted and deleted:
        return "both"
    return "inserted" if inserted else "deleted" if deleted else "plain"


def _in_nested(run: Any, paragraph: Any) -> bool:
    node = run.getparent()
    while node is not None and node is not paragraph:
        if node.tag in _NESTED:
            return True
        node = node.getparent()
    return False


def visible(state: str, revisions: str = "accepted") -> bool:
    """Whether a run in this revision state is part of the text read in this mode."""
    if revisions == "original":
        return state in ("plain", "deleted")
    return state in ("plain", "inserted")


def paragraph_pieces(paragraph: Any, revisions: str = "accepted") -> list[Piece]:
    """The text pieces of a ``w:p`` element in document order, for the chosen reading of its revisions."""
    if revisions not in REVISION_MODES:
        raise ValueError(f"unknown revisions mode '{revisions}' (use accepted or original)")
    out: list[Piece] = []
    pos = 0
    for run in paragraph.iter(_W + "r"):
        if _in_nested(run, paragraph) or not visible(run_state(run, paragraph), revisions):
            continue
        for child in run:
            tag = child.tag
            if tag in (_W + "t", _W + "delText"):
                text = child.text or ""
            elif tag == _W + "br":
                text = " " if child.get(_W + "type") in (None, "textWrapping") else ""
            elif tag in _CHAR:
                text = _CHAR[tag]
            else:
                continue
            if text:
                out.append(Piece(run, child, text, pos))
                pos += len(text)
    return out


def paragraph_text(paragraph: Any, revisions: str = "accepted") -> str:
    """The text of a ``w:p`` element with its tracked changes accepted (or, ``original``, rejected)."""
    return "".join(p.text for p in paragraph_pieces(paragraph, revisions))


def has_revisions(paragraph: Any) -> bool:
    """Whether a ``w:p`` element holds tracked insertions, deletions or moves."""
    return any(True for tag in (*DELETED, *INSERTED) for _ in paragraph.iter(tag))
