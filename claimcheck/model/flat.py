"""A line-joined view of a piece of the source, mapped back to source offsets."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from claimcheck.model.claim import Segment
from claimcheck.model.source import Span, fold_width


@dataclass(frozen=True, slots=True)
class FlatText:
    """The line-joined text of a piece of the source, with the offset of each character.

    ``text`` keeps the original characters; ``folded`` has full-width digits and
    letters folded to half width (same length).
    """

    text: str
    folded: str
    offsets: tuple[int, ...]
    end: int

    def span(self, i: int, j: int) -> Span:
        """The source span of flat characters ``i`` to ``j`` (half-open)."""
        if not self.offsets:
            return Span(self.end, self.end)
        i = max(0, min(i, len(self.offsets)))
        j = max(i, min(j, len(self.offsets)))
        if i == len(self.offsets):
            return Span(self.end, self.end)
        if j == i:
            return Span(self.offsets[i], self.offsets[i])
        return Span(self.offsets[i], self.offsets[j - 1] + 1)

    def index(self, offset: int) -> int:
        """The flat index of the first character at or after source ``offset`` (``len(text)`` if none)."""
        return bisect.bisect_left(self.offsets, offset)

    def segment(self, i: int, j: int) -> Segment:
        """A :class:`Segment` for flat characters ``i`` to ``j``."""
        return Segment(self.text[i:j], self.span(i, j))


def _ascii_word(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in ",;:)")


def flatten(text: str, start: int, end: int) -> FlatText:
    """Join the wrapped lines of ``text[start:end]`` into one line."""
    chars: list[str] = []
    offsets: list[int] = []
    i = start
    while i < end:
        ch = text[i]
        if ch == "\r":
            i += 1
            continue
        if ch == "\n":
            j = i + 1
            while j < end and text[j] in " \t\u3000\r\n":
                j += 1
            if (
                chars
                and j < end
                and _ascii_word(chars[-1])
                and _ascii_word(text[j])
                and not (chars[-1].isdigit() and text[j].isdigit())  # a number wrapped over two lines
            ):
                chars.append(" ")
                offsets.append(i)
            elif chars and j < end and chars[-1] in "；;：:。" and text[j] != " ":
                # keep sub-paragraph breaks where a delimiter ends the line; wrapped words are joined
                chars.append("\n")
                offsets.append(i)
            i = j
            continue
        chars.append(ch)
        offsets.append(i)
        i += 1
    flat = "".join(chars)
    return FlatText(flat, fold_width(flat), tuple(offsets), end)
