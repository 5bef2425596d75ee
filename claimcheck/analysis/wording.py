"""Unclear wording: the entries of ``lexicons/unclear.toml`` (relative, exemplary, optional, approximate), read as words.

A lexicon word is a hit only where the text really uses that word: the match must start at a word boundary of the
clause as segmented by ``rjieba`` (比如 is no word in 配比如下, nor 等 in 等离子体 or 相等) and end at one, unless a
second hit joins it (高温高压), and no other reading may cut it (配比|如下, 提高|温度).  Context rules follow: 等 closes a list (铜、铝等金属, 电机等部件), 可以
introduces an option only before 是/为/包括 …, not before a verb of capability (可以转动), a relative term with a value
in the same clause (800℃以上的高温) is defined.  Segmentation runs only for clauses where a trigger matched.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from claimcheck.lexicon import Lexicons
from claimcheck.model.diagnostic import Severity

_CLAUSE = re.compile(r"[，。；：,;:\n]")
_DEFINED = re.compile(
    r"[0-9]+(?:\.[0-9]+)?\s*(?:℃|°C|K|MPa|kPa|Pa|bar|atm|%|mm|cm|nm|μm|m|kV|V|A|W|Hz|kg|g|mg|mol|s|min|h)"
)
_COMPARED = re.compile(r"比|大于|小于|高于|低于")
# a list before 等: A、B等 / A和B等 / A或B等 / A与B等
_LIST_BEFORE = re.compile(r"、|[\u4e00-\u9fffA-Za-z0-9)）](?:和|或|及|与)[\u4e00-\u9fffA-Za-z0-9]")


@dataclass(frozen=True, slots=True)
class Trigger:
    """One compiled entry of the unclear-term lexicon.

    ``segment``: the match must be a word of the segmented clause; ``context``: ``"list-end"`` (等 closing a list)
    or ``""``; ``follow``: words of which one must come right after the match (for ``list-end``: the generic heads,
    such as 部件, that make a 等 a list ending without a visible list).
    """

    pattern: re.Pattern[str]
    kind: str
    severity: Severity
    note_zh: str
    note_en: str
    unless_defined: bool
    optin: bool
    segment: bool = False
    context: str = ""
    follow: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class WordingHit:
    """An unclear word at ``text[start:end]`` and the lexicon entry it belongs to."""

    start: int
    end: int
    trigger: Trigger


def _build(lex: Lexicons) -> tuple[list[Trigger], list[str]]:
    data = lex.load("unclear")
    out: list[Trigger] = []
    for e in data.get("entry", []):
        if "regex" in e:
            pattern = re.compile(e["regex"])
        else:
            words = sorted(e["words"], key=len, reverse=True)
            pattern = re.compile("|".join(re.escape(w) for w in words))
        out.append(
            Trigger(
                pattern,
                e.get("kind", ""),
                Severity.parse(e.get("severity", "warning")),
                e.get("note_zh", ""),
                e.get("note_en", ""),
                bool(e.get("unless_defined", False)),
                bool(e.get("optin", False)),
                bool(e.get("segment", "words" in e)),
                str(e.get("context", "")),
                tuple(sorted(e.get("follow", []), key=len, reverse=True)),
            )
        )
    return out, list(data.get("exempt", {}).get("words", []))


def unclear_triggers(lex: Lexicons) -> tuple[list[Trigger], list[str]]:
    """The unclear-wording triggers and the exempt words of ``lex`` (built once per lexicons).

    The raw patterns match substrings; :func:`unclear_wording` reads them as words in context.
    """
    return lex.table("wording.unclear", _build)


def clause_bounds(text: str, i: int, seps: list[int] | None = None) -> tuple[int, int]:
    """Start and end of the clause (between ，。；： and line breaks) of ``text`` holding index ``i``.

    ``seps``: the offsets of every clause separator of ``text`` (:func:`separators`), to look the clause up in
    logarithmic time when many are looked up in one text.
    """
    if seps is None:
        seps = separators(text)
    k = bisect.bisect_left(seps, i)
    return (seps[k - 1] + 1 if k else 0), (seps[k] if k < len(seps) else len(text))


def separators(text: str) -> list[int]:
    """The offsets of the clause separators of ``text``, in order."""
    return [m.start() for m in _CLAUSE.finditer(text)]


class _Words:
    """Word boundaries of clauses, segmented on first use (one object per call: no state is kept)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.seps = separators(text)
        self.clauses: dict[int, tuple[set[int], set[int]]] = {}

    def bounds(self, i: int) -> tuple[set[int], set[int]]:
        """Start and end offsets (in the whole text) of the words of the clause holding ``i``."""
        a, b = clause_bounds(self.text, i, self.seps)
        if a not in self.clauses:
            from claimcheck.segment import segmenter

            starts: set[int] = set()
            ends: set[int] = set()
            pos = a
            for word in segmenter().cut(self.text[a:b]):
                starts.add(pos)
                pos += len(word)
                ends.add(pos)
            if pos != b:  # the segmenter changed the text: accept every boundary
                starts = ends = set(range(a, b + 1))
            self.clauses[a] = (starts, ends)
        return self.clauses[a]

    def crossed(self, s: int, e: int, joined: set[int]) -> bool:
        """Whether a word that begins before ``s`` ends inside ``text[s:e]`` and the rest reads as a word too.

        配比|如下 (组分配比如下 is cut 分配|比如|下 by the segmenter) and 提高|温度 hold no 比如 and no 高温.
        A word beginning at ``joined`` (where another hit begins: 高温高压) does not count.
        """
        from claimcheck.segment import segmenter

        has_word = segmenter().has_word
        t = self.text
        a, b = clause_bounds(t, s, self.seps)
        for i in range(max(a, s - 3), s):
            if i in joined:
                continue
            for j in range(s + 1, e + 1):
                if not has_word(t[i:j]):
                    continue
                if j == e or any(has_word(t[j:k]) for k in range(max(e, j + 2), min(b, j + 4) + 1)):
                    return True
        return False


def _han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _bounded(text: str, s: int, e: int) -> bool:
    """Whether ``text[s:e]`` stands between non-Han characters (，优选4.5cm): no word can cross its ends, so the
    segmenter need not be asked."""
    return (s == 0 or not _han(text[s - 1])) and (e == len(text) or not _han(text[e]))


class _Within:
    """Whether a pattern matches inside ``text[a:s]``, for many ``(a, s)`` of one text, each in logarithmic time.

    At most one alternative of the pattern can match at a position (their first characters differ), so a match
    lies inside ``text[a:s]`` when some match starting at ``a`` or later ends by ``s``.
    """

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        ahead = re.compile(f"(?=({pattern.pattern}))")
        found = [(m.start(), m.start() + len(m.group(1))) for m in ahead.finditer(text) if m.group(1)]
        self.starts = [a for a, _ in found]
        self.least_end = list(itertools.accumulate(reversed([e for _, e in found]), min))[::-1]

    def fits(self, a: int, s: int) -> bool:
        k = bisect.bisect_left(self.starts, a)
        return k < len(self.starts) and self.least_end[k] <= s


class _Context:
    """What the context rules read around each hit of one text, computed once per text (and per clause)."""

    def __init__(self, text: str, seps: list[int]) -> None:
        self.text = text
        self.seps = seps
        self.defined: dict[int, bool] = {}
        self._compared: _Within | None = None
        self._listed: _Within | None = None

    def compared(self, a: int, s: int) -> bool:
        if self._compared is None:
            self._compared = _Within(_COMPARED, self.text)
        return self._compared.fits(a, s)

    def listed(self, a: int, s: int) -> bool:
        if self._listed is None:
            self._listed = _Within(_LIST_BEFORE, self.text)
        return self._listed.fits(a, s)


def _in_context(text: str, s: int, e: int, trig: Trigger, ctx: _Context) -> bool:
    a, b = clause_bounds(text, s, ctx.seps)
    if trig.unless_defined:
        if a not in ctx.defined:
            ctx.defined[a] = _DEFINED.search(text, a, b) is not None
        if ctx.defined[a]:
            return False
    if trig.kind == "relative" and ctx.compared(a, s):
        return False
    after = text[e:b].lstrip()
    if trig.context == "list-end":
        # 等 closing a list (铜、铝等金属), after a generic head (电机等部件) or at the end of the clause
        return ctx.listed(a, s) or not after or after.startswith((*trig.follow, "的"))
    if trig.follow and not after.startswith(trig.follow):
        return False
    # 不可以 is a clear negative limitation
    return not (trig.kind == "optional" and text[max(0, s - 1) : s] == "不")


def unclear_wording(text: str, lex: Lexicons, *, extended: bool = False) -> list[WordingHit]:
    """The unclear words of ``text``, read as words in context, sorted and without overlaps.

    ``extended`` adds the opt-in degree words (较大, 适量, 明显 …).
    """
    triggers, exempt = unclear_triggers(lex)
    covered: list[tuple[int, int]] = []
    for w in exempt:
        start = text.find(w)
        while start != -1:
            covered.append((start, start + len(w)))
            start = text.find(w, start + 1)
    raw: list[WordingHit] = []
    for trig in triggers:
        if trig.optin and not extended:
            continue
        for m in trig.pattern.finditer(text):
            s, e = m.start(), m.end()
            if s == e or any(x <= s and e <= y for x, y in covered):
                continue
            raw.append(WordingHit(s, e, trig))
    if not raw:
        return []
    starts_of_hits = {h.start for h in raw}
    ends_of_hits = {h.end for h in raw}
    words = _Words(text)
    context = _Context(text, words.seps)
    hits: list[WordingHit] = []
    for h in raw:
        if not _in_context(text, h.start, h.end, h.trigger, context):
            continue  # the cheap reading first: the segmenter is loaded only for what context leaves open
        if h.trigger.segment and not _bounded(text, h.start, h.end):
            starts, ends = words.bounds(h.start)
            if h.start not in starts and h.start not in ends_of_hits:
                continue  # the match begins inside a word: 配比|如下, 相等
            if h.end not in ends and h.end not in starts_of_hits:
                continue  # the match is the head of a longer word: 等离子体, 等值线 (but 高温高压 is two hits)
            if words.crossed(h.start, h.end, starts_of_hits):
                continue
        hits.append(h)
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    out: list[WordingHit] = []
    last_end = -1
    for h in hits:
        if h.start < last_end:
            continue
        last_end = h.end
        out.append(h)
    return out
