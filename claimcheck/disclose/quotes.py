"""Evidence quotes cut where a reader cuts them: at clause and sentence boundaries, never inside a word.

A quote is a verbatim slice of one paragraph of the disclosure.  It is widened from the hit to the clause around
it (up to the ，；。 before and after); when that clause is longer than the quote may be, it is cut at a word
boundary of the segmented clause (rjieba), so ``提高了35%`` is never quoted as ``高了35``.
"""

from __future__ import annotations

import re

CLAUSE_STOPS = "，,；;。！？!?：:\n"
SENTENCE_STOPS = "。！？!?；;\n"
_CLOSING = "。；;！？!?）)”」》"


def word_bounds(text: str) -> set[int]:
    """Offsets of ``text`` where a word starts or ends (0 and ``len(text)`` included)."""
    if not re.search(r"[\u4e00-\u9fff]", text):
        return {0, len(text), *(m.start() for m in re.finditer(r"\b", text))}
    from claimcheck.segment import segmenter

    out = {0, len(text)}
    for _word, a, b in segmenter().tokenize(text):
        out.add(a)
        out.add(b)
    return out


def _widen(text: str, start: int, end: int, stops: str) -> tuple[int, int]:
    a = start
    while a > 0 and text[a - 1] not in stops:
        a -= 1
    b = end
    if b > start and text[b - 1] in stops:
        return a, b  # the hit ends with its stop
    while b < len(text) and text[b] not in stops:
        b += 1
    if b < len(text) and text[b] in _CLOSING:
        b += 1
    return a, b


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " \t\u3000，,、；;：:":
        a += 1
    while b > a and text[b - 1] in " \t\u3000，,、：:":
        b -= 1
    return a, b


def clause_bounds(text: str, start: int, end: int, width: int = 80) -> tuple[int, int]:
    """The slice ``[a, b)`` of ``text`` to quote for the hit ``[start, end)``: whole clauses, at most ``width`` long.

    The clause (or clauses) holding the hit; clauses before and after are added while the quote stays within
    ``width``.  A hit longer than ``width`` keeps its start and is cut at the last word boundary that fits.
    """
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    a, b = _trim(text, *_widen(text, start, end, CLAUSE_STOPS))
    if b - a <= width:
        # add the rest of the sentence while it fits
        sa, sb = _trim(text, *_widen(text, start, end, SENTENCE_STOPS))
        if sb - sa <= width:
            return sa, sb
        return a, b
    # one clause longer than the quote may be: cut at word boundaries around the hit
    clause = text[a:b]
    bounds = sorted(word_bounds(clause))
    hit_start, hit_end = start - a, end - a
    before = [x for x in bounds if x <= hit_start]
    fitting = [x for x in before if hit_end - x <= width]
    lo = max(fitting) if fitting else max(before, default=0)
    hi = max((x for x in bounds if lo < x <= lo + width), default=len(clause))
    return a + lo, a + hi


def sentence_of(text: str, start: int, end: int, width: int = 160) -> tuple[int, int]:
    """The whole sentence around ``[start, end)`` (cut to ``width`` at clause boundaries when longer)."""
    a, b = _trim(text, *_widen(text, start, end, SENTENCE_STOPS))
    if b - a <= width:
        return a, b
    return clause_bounds(text, start, end, width)


def is_whole_words(line: str, quote: str) -> bool:
    """Whether ``quote`` occurs in ``line`` starting and ending on word boundaries (the benchmark's test)."""
    i = line.find(quote)
    if i < 0:
        return False
    bounds = word_bounds(line)
    return i in bounds and i + len(quote) in bounds
