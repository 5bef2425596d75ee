"""Source text, spans and locations.

Positions are half-open character offsets into :class:`SourceText.text`.  A
reader may build that text from pieces of a larger file (XML, .docx); it then
records an origin map so that :meth:`SourceText.locate` points into the
original file.  For plain text files the text *is* the file (decoded), so the
mapping is the identity.
"""

from __future__ import annotations

import bisect
import operator
from array import array
from dataclasses import dataclass, field
from itertools import accumulate, repeat

FULLWIDTH = {
    ord(c): ord(c) - 0xFEE0
    for c in "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ"
}
FULLWIDTH.update(
    {
        ord("（"): ord("("),
        ord("）"): ord(")"),
        ord("．"): ord("."),
        ord("～"): ord("~"),
        ord("－"): ord("-"),
        ord("　"): ord(" "),
    }
)


def fold_width(text: str) -> str:
    """Fold full-width digits, letters and a few signs to half width.

    The result has exactly the length of the input, so offsets stay valid.
    """
    return text.translate(FULLWIDTH)


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range of character offsets."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Location:
    """1-based line and column (Unicode code points) of a span's start and end."""

    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True, slots=True)
class Origin:
    """A run of the text that starts at ``offset`` and lies at ``line``/``column`` of the file."""

    offset: int
    line: int
    column: int


@dataclass(slots=True)
class SourceText:
    """The text a reader produced, with what is needed to locate offsets in the file.

    ``blocks`` is set by readers that know the claim boundaries (XML): a list of
    ``(number, span)``; the parser then uses them instead of splitting the text.
    """

    text: str
    path: str = "<string>"
    format: str = "text"
    encoding: str = "utf-8"
    origins: list[Origin] | None = None
    blocks: list[tuple[int | None, Span]] | None = None
    warnings: list[str] = field(default_factory=list)
    parts: dict[str, SourceText] = field(default_factory=dict)  # other parts read with it (XML: description, abstract)
    folded: str = ""
    _line_starts: array[int] = field(default_factory=lambda: array("q"))
    _origin_offsets: array[int] = field(default_factory=lambda: array("q"))

    def __post_init__(self) -> None:
        self.folded = fold_width(self.text)
        # the offset after each line break, computed in C (a text of a million empty lines is common in hostile input)
        starts = array("q", accumulate(map(operator.add, map(len, self.text.split("\n")), repeat(1)), initial=0))
        starts.pop()
        self._line_starts = starts
        if self.origins is not None:
            self._origin_offsets = array("q", (o.offset for o in self.origins))

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of ``offset`` in the original file."""
        offset = max(0, min(offset, len(self.text)))
        if self.origins:
            i = bisect.bisect_right(self._origin_offsets, offset) - 1
            if i >= 0:
                o = self.origins[i]
                return o.line, o.column + (offset - o.offset)
        i = bisect.bisect_right(self._line_starts, offset) - 1
        return i + 1, offset - self._line_starts[i] + 1

    def locate(self, span: Span) -> Location:
        """The location of ``span`` in the original file."""
        line, col = self.position(span.start)
        end_line, end_col = self.position(span.end)
        return Location(line, col, end_line, end_col)

    def line_text(self, offset: int) -> str:
        """The line of :attr:`text` that holds ``offset`` (without its line break)."""
        i = bisect.bisect_right(self._line_starts, offset) - 1
        start = self._line_starts[i]
        end = self._line_starts[i + 1] - 1 if i + 1 < len(self._line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r")

    def line_start(self, offset: int) -> int:
        """The offset of the first character of the line that holds ``offset``."""
        return self._line_starts[bisect.bisect_right(self._line_starts, offset) - 1]
