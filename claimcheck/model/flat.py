"""A line-joined view of a piece of the source, mapped back to source offsets."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from claimcheck.model.claim import Segment
from claimcheck.model.source import Span, fold_width


@dataclass(frozen=True, slots=True)
class FlatText:
    """The line-joined text of a piece of the source, with the source offset of each character.

    ``text`` keeps the original characters; ``folded`` has full-width digits and letters folded to half width
    (same length).  The offsets are kept as runs (a run of flat characters copied from consecutive source
    characters starts at flat index ``starts[k]`` and source offset ``sources[k]``), so the map costs memory per
    line, not per character.
    """

    text: str
    folded: str
    starts: tuple[int, ...]
    sources: tuple[int, ...]
    end: int

    def source(self, i: int) -> int:
        """The source offset of flat character ``i`` (``0 <= i < len(text)``)."""
        k = bisect.bisect_right(self.starts, i) - 1
        return self.sources[k] + (i - self.starts[k])

    def span(self, i: int, j: int) -> Span:
        """The source span of flat characters ``i`` to ``j`` (half-open)."""
        n = len(self.text)
        if not n:
            return Span(self.end, self.end)
        i = max(0, min(i, n))
        j = max(i, min(j, n))
        if i == n:
            return Span(self.end, self.end)
        starts, sources = self.starts, self.sources
        k = bisect.bisect_right(starts, i) - 1
        at = sources[k] + (i - starts[k])
        if j == i:
            return Span(at, at)
        j -= 1
        if k + 1 == len(starts) or j < starts[k + 1]:  # the same run (most spans lie within one line)
            return Span(at, sources[k] + (j - starts[k]) + 1)
        k = bisect.bisect_right(starts, j) - 1
        return Span(at, sources[k] + (j - starts[k]) + 1)

    def index(self, offset: int) -> int:
        """The flat index of the first character at or after source ``offset`` (``len(text)`` if none)."""
        k = bisect.bisect_right(self.sources, offset) - 1
        if k < 0:
            return 0
        run_end = self.starts[k + 1] if k + 1 < len(self.starts) else len(self.text)
        i = self.starts[k] + (offset - self.sources[k])
        return i if i < run_end else run_end

    def segment(self, i: int, j: int) -> Segment:
        """A :class:`Segment` for flat characters ``i`` to ``j``."""
        return Segment(self.text[i:j], self.span(i, j))


def _ascii_word(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in ",;:)")


_GAP = re.compile("\r|\n[ \t\u3000\r\n]*")


def flatten(text: str, start: int, end: int) -> FlatText:
    """Join the wrapped lines of ``text[start:end]`` into one line.

    A carriage return is dropped; a line break and the blank space after it are removed, except that a space
    joins two Latin words (not the two halves of a number) and a line ending in a delimiter (；：。) keeps its
    break (a sub-paragraph).  Runs are copied as slices, so a long claim is flattened in C.
    """
    pieces: list[str] = []
    starts: list[int] = []
    sources: list[int] = []
    n = 0
    i = start
    last = ""
    for m in _GAP.finditer(text, start, end):
        if m.start() > i:
            pieces.append(text[i : m.start()])
            starts.append(n)
            sources.append(i)
            n += m.start() - i
            last = text[m.start() - 1]
        i = m.end()
        if m.group() == "\r":
            continue
        j = m.end()
        insert = ""
        if last and j < end:
            nxt = text[j]
            if _ascii_word(last) and _ascii_word(nxt) and not (last.isdigit() and nxt.isdigit()):
                insert = " "
            elif last in "；;：:。" and nxt != " ":
                insert = "\n"  # keep sub-paragraph breaks where a delimiter ends the line; wrapped words are joined
        if insert:
            pieces.append(insert)
            starts.append(n)
            sources.append(m.start())
            n += 1
            last = insert
    if end > i:
        pieces.append(text[i:end])
        starts.append(n)
        sources.append(i)
    flat = "".join(pieces)
    return FlatText(flat, fold_width(flat), tuple(starts), tuple(sources), end)
