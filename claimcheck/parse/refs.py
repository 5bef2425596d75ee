"""Read the reference part of a claim (引用部分).

The reference part is read at the head of a claim, before anything else: after
the opening word (根据 / 如 / 按照 / 依据 / 基于 / 按 …) comes the reference, then the
subject name.  Forms handled (Chinese): 根据权利要求1所述的… / 如权利要求1所述 /
权利要求1或2所述 / 权利要求1-3中任一项所述 (any dash, 至, 到, ～) / 权利要求1、2或5 /
权利要求1，2或9 / 权利要求1或权利要求2 / 权利要求第1项 / 权利要求书1 / 根据权利要求73的驱动系统
(translations, no 所述) / 根据前述权利要求1或2所述 (numbers after 前述: those claims) /
如前面权利要求中任一项所述 / 前述任一权利要求 (no number: all preceding claims) /
truncated 权1 / 权利1 / a second reference inside the subject
(权利要求1至6任一所述的构建体或权利要求13所述的细胞的用途).  English: of claim 1 /
according to claim 1 or 2 / as claimed in any one of claims 1 to 3 / according to any
preceding claim.  German: nach Anspruch 1 / gemäß einem der Ansprüche 1 bis 3 /
nach einem der vorhergehenden Ansprüche.  French: selon la revendication 1 / selon l'une
quelconque des revendications 1 à 3 / selon l'une des revendications précédentes.

A claim number above :data:`MAX_CLAIM` is not read as a claim number, so ranges are
never expanded beyond it.  The functions work on the width-folded, line-joined text
of one claim and return offsets into it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from types import MappingProxyType

from claimcheck.lazyre import lazy
from claimcheck.model.claim import MAX_CLAIM, ClaimRange, RefMode

_DASH_CHARS = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d~\uff5e\u301c"
_DASH = "[" + re.escape(_DASH_CHARS) + "]"
_RANGE_WORDS = frozenset({"至", "到", "to", "through", "bis", "à"})
_CONN = rf"和/或|或者|以及|或是|或|和|及|与|并|、|,|，|至|到|{_DASH}"
_KW = r"(?:(?:前述|上述)?权利要求书?|权利|权项|权要|权)"
_CN_NUMERAL = "[一二三四五六七八九十]{1,3}"
_NUM = r"(?:第[ \t]*)?\d+(?:[ \t]*项(?!所述|的|之))?"
_NUMLIST = rf"{_NUM}(?:[ \t]*(?:{_CONN})[ \t]*(?:{_KW}[ \t]*)?{_NUM})*"
# at the head of a claim a number may also be written in Chinese numerals (权利要求一所述, wrong but meant)
_HEAD_NUM = rf"(?:第[ \t]*(?:\d+|{_CN_NUMERAL})|\d+|{_CN_NUMERAL}(?![种个件台套类位组项]))(?:[ \t]*项(?!所述|的|之))?"
_HEAD_NUMLIST = rf"{_HEAD_NUM}(?:[ \t]*(?:{_CONN})[ \t]*(?:{_KW}[ \t]*)?{_HEAD_NUM})*"
_ABBREVIATED_KW = r"权利(?=[ \t]*第?[ \t]*\d)|权项|权要|权(?=[ \t]*第?[ \t]*\d)"
_ANY = (
    r"(?:中的|中|的|之)?[ \t]*"
    r"(?:任一项或多项|任意一项或多项|一项或多项|一项或几项|其中任一项|其中任意一项|其中一项|其中之一|任一项|任意一项|任何一项"
    r"|任意一个|任一个|任一|任意一|任何一|之一)"
    r"(?:权利要求)?"
)
_END = (
    r"(?:[ \t]*(?:中|项)?[ \t]*"
    r"(?:所述之|所述的|所述|所限定的|所限定|限定的|所定义的|所记载的|记载的|所要求保护的|所要求的|之|的))"
)
_PRECEDING = r"(?:前面|前述|上述|以上|在先|在前|之前|前)(?:的|所有|各项|各)?"
_ANY_FIRST = r"(?:任一项|任意一项|任何一项|任一|任意一|任何一|任意)"

CN_REF = re.compile(
    rf"""
    (?P<kw>权利要求书?|{_ABBREVIATED_KW})[ \t]*
    (?P<list>{_NUMLIST})
    [ \t]*(?P<any>{_ANY})?
    (?P<end>{_END})?
    """,
    re.X,
)
"""A numbered Chinese reference anywhere in a text (used for mentions)."""

_CN_HEAD = re.compile(
    rf"""
    (?P<pre>{_PRECEDING})?[ \t]*
    (?P<any0>{_ANY_FIRST})?[ \t]*
    (?P<kw>权利要求书?|{_ABBREVIATED_KW})[ \t]*
    (?P<list>{_HEAD_NUMLIST})?
    [ \t]*(?P<any>{_ANY})?
    (?P<end>{_END})?
    """,
    re.X,
)
_CN_SECOND = re.compile(
    rf"""
    (?P<conn>或者|或|以及|和/或|和|及|与)[ \t]*(?:根据|如)?[ \t]*
    (?:{_PRECEDING})?[ \t]*权利要求书?[ \t]*
    (?P<list>{_NUMLIST})
    [ \t]*(?P<any>{_ANY})?
    (?P<end>{_END})
    """,
    re.X,
)
_SUBJECT_STOP = re.compile(r"[，,：:；;。]|其特征|其中|还包括|包括")

_CN_LEAD = re.compile(r"^\s*(?:根据|按照|依据|依照|按|如|基于|由|依|参照|参考)?\s*(?:在)?\s*")

# references in Latin script: compiled on first use (a Chinese claim set never needs them)
EN_REF = lazy(
    rf"""
    (?:(?:any|one)[ \t]+(?:one[ \t]+)?(?:or[ \t]+more[ \t]+)?of[ \t]+)?
    (?i:claims?)[ \t]+
    (?P<list>\d+(?:[ \t]*(?:,|or|and|to|through|{_DASH})[ \t]*(?:(?i:claims?)[ \t]+)?\d+)*)
    """,
    re.X,
)
EN_ALL_PRECEDING = lazy(
    r"(?i:(?:any|one|either)[ \t]+(?:one[ \t]+)?(?:or[ \t]+more[ \t]+)?(?:of[ \t]+)?(?:the[ \t]+)?"
    r"(?:preceding|previous|foregoing|above)[ \t]+claims?)"
)
DE_REF = lazy(
    r"(?P<any>(?:(?:irgend|mindestens\s+|wenigstens\s+)?einem|einer)\s+der\s+)?(?:den\s+|dem\s+)?"
    r"(?i:anspr(?:uch|üchen|üche))\s+"
    r"(?P<list>\d+(?:\s*(?:,|oder|und|bis|-|–)\s*(?:(?i:anspr(?:uch|üchen|üche))\s+)?\d+)*)"
)
"""German: nach Anspruch 1, gemäß einem der Ansprüche 1 bis 3, nach den Ansprüchen 1 und 2."""
DE_ALL_PRECEDING = lazy(
    r"(?i:(?:(?:irgend|mindestens\s+|wenigstens\s+)?einem|jedem)\s+der\s+"
    r"(?:vorhergehenden|vorangehenden|vorangegangenen|vorstehenden|voranstehenden|vorherigen|obigen)\s+ansprüche)"
)
FR_REF = lazy(
    r"(?P<any>(?:l['’]une|l['’]un|n['’]importe\s+laquelle)\s+(?:quelconque\s+)?des\s+)?"
    r"(?i:revendications?)\s+"
    r"(?P<list>\d+(?:\s*(?:,|ou|et|à|-|–)\s*(?:(?i:revendications?)\s+)?\d+)*)"
)
"""French: selon la revendication 1, selon l'une quelconque des revendications 1 à 3."""
FR_ALL_PRECEDING = lazy(
    r"(?i:(?:l['’]une|l['’]un|n['’]importe\s+laquelle|toutes)\s+(?:quelconque\s+)?(?:des|les)\s+"
    r"revendications\s+(?:précédentes|antérieures|qui\s+précèdent))"
)
_LATIN_REF = MappingProxyType({"de": (DE_REF, DE_ALL_PRECEDING), "fr": (FR_REF, FR_ALL_PRECEDING)})

_TOKENS = re.compile(
    rf"\d+|{_CN_NUMERAL}|和/或|或者|以及|或是|或|和|及|与|并|、|,|，|至|到|{_DASH}|\b(?:or|and|to|through)\b"
    r"|\b(?:oder|und|bis|ou|et|à)\b"
)
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}


def _number(tok: str) -> int | None:
    """The value of a number token (``12``, ``十二``), or None for a connector."""
    if tok.isdigit():
        return int(tok) if len(tok) <= 6 else MAX_CLAIM + 1  # never int() of thousands of digits
    if tok[0] not in _CN_DIGITS and tok[0] != "十":
        return None
    tens, _, units = tok.partition("十")
    if "十" not in tok:
        return _CN_DIGITS[tok] if len(tok) == 1 else None
    return (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CN_DIGITS.get(units, 0) if units else 0)


@dataclass(frozen=True, slots=True)
class RefMatch:
    """A reference found in a claim's text, in offsets of that text."""

    start: int
    end: int
    numbers: Sequence[int]
    connectors: tuple[str, ...]
    mode: RefMode
    any_of: bool
    all_preceding: bool
    bare_range: bool
    abbreviated: bool
    has_end: bool


def _is_range(tok: str) -> bool:
    return tok in _RANGE_WORDS or (len(tok) == 1 and tok in _DASH_CHARS)


_LAZY_RANGE = 64  # a single range longer than this stays a ClaimRange


def _expand(listing: str) -> tuple[Sequence[int], tuple[str, ...], bool]:
    """Numbers and connectors of a number list; ranges are expanded (a long single range lazily).

    Numbers above :data:`MAX_CLAIM` are not claim numbers: they are dropped, and a
    range ending above it is not expanded.
    """
    numbers: list[int] = []
    connectors: list[str] = []
    has_range = False
    pending_range = False
    tokens = _TOKENS.findall(listing)
    if len(tokens) == 3 and _is_range(tokens[1]):
        lo, hi = _number(tokens[0]), _number(tokens[2])
        if lo is not None and hi is not None and hi <= MAX_CLAIM and hi - lo > _LAZY_RANGE:
            return ClaimRange(hi + 1, lo), (tokens[1],), True
    for tok in tokens:
        n = _number(tok)
        if n is not None:
            if n > MAX_CLAIM:
                pending_range = False
                continue
            if pending_range and numbers and numbers[-1] < n:
                numbers.extend(range(numbers[-1] + 1, n + 1))
            else:
                numbers.append(n)
            pending_range = False
        else:
            connectors.append(tok)
            if _is_range(tok):
                pending_range = True
                has_range = True
    return tuple(numbers), tuple(connectors), has_range


_ALT = {"或", "或者", "或是", "or", "oder", "ou"}
_CUM = {"和", "及", "以及", "与", "并", "和/或", "and", "und", "et"}


def _mode(numbers: Sequence[int], connectors: tuple[str, ...], any_of: bool) -> RefMode:
    if len(numbers if isinstance(numbers, ClaimRange) else set(numbers)) <= 1:
        return RefMode.SINGLE
    if any_of:
        return RefMode.ALTERNATIVE
    if any(c in _CUM for c in connectors):
        return RefMode.CUMULATIVE
    if any(c in _ALT for c in connectors):
        return RefMode.ALTERNATIVE
    # a bare range or a list joined only by 、 is not in the alternative
    return RefMode.CUMULATIVE


def _all_preceding(start: int, end: int, own_number: int, has_end: bool) -> RefMatch:
    """A reference to every preceding claim (如前述权利要求中任一项所述, any preceding claim)."""
    numbers = ClaimRange(own_number)
    mode = RefMode.ALTERNATIVE if len(numbers) > 1 else RefMode.SINGLE
    return RefMatch(start, end, numbers, (), mode, True, True, False, False, has_end)


def _comma_cut(listing: str, followed: bool) -> int:
    """Where a number list really ends when commas join its numbers.

    ``1，2或9`` and ``1，2，3所述`` are lists; in ``权利要求1，2个…`` the comma ends the
    reference.  A comma-joined list is kept when another connector joins it too or
    when the reference part goes on after it (任一项, 所述).
    """
    commas = [m.start() for m in re.finditer(r"[,，]", listing)]
    if not commas or followed or re.search(rf"或|和|及|与|、|至|到|\b(?:or|and|to)\b|{_DASH}", listing):
        return len(listing)
    return commas[0]


def find_cn_reference(text: str, own_number: int) -> RefMatch | None:
    """The reference part at the head of a Chinese claim (after 根据 / 如 …), or None."""
    lead = lead_length(text)
    m = _CN_HEAD.match(text, lead)
    if m is None:
        return None
    listing = m.group("list")
    any_of = bool(m.group("any0") or m.group("any"))
    has_end = bool(m.group("end"))
    if not listing:
        if not (m.group("pre") or any_of):
            return None
        return _all_preceding(m.start(), m.end(), own_number, has_end)
    cut = _comma_cut(listing, any_of or has_end)
    if cut < len(listing):
        listing = listing[:cut].rstrip()
        end = m.start("list") + len(listing)
        any_of, has_end = False, False
    else:
        end = m.end()
    numbers, connectors, has_range = _expand(listing)
    if not numbers:
        return None
    if has_end:
        numbers, connectors, any_of = _second_reference(text, end, numbers, connectors, any_of)
    return RefMatch(
        m.start(),
        end,
        numbers,
        connectors,
        _mode(numbers, connectors, any_of),
        any_of,
        False,
        has_range and not any_of,
        m.group("kw") not in ("权利要求", "权利要求书") or not re.search(r"\d", listing),
        has_end,
    )


def _second_reference(
    text: str, start: int, numbers: Sequence[int], connectors: tuple[str, ...], any_of: bool
) -> tuple[Sequence[int], tuple[str, ...], bool]:
    """Add a second reference written inside the subject name (…所述的构建体或权利要求13所述的细胞的用途)."""
    stop = _SUBJECT_STOP.search(text, start)
    s = _CN_SECOND.search(text, start, stop.start() if stop else len(text))
    if s is None:
        return numbers, connectors, any_of
    more, more_conn, _ = _expand(s.group("list"))
    return (*numbers, *more), (*connectors, s.group("conn"), *more_conn), any_of or bool(s.group("any"))


def find_en_reference(text: str, own_number: int, lang: str = "en") -> RefMatch | None:
    """The first reference to other claims in ``text`` written in English (or German, French: ``lang``), or None."""
    candidates: list[RefMatch] = []
    ref, preceding = _LATIN_REF.get(lang, (EN_REF, EN_ALL_PRECEDING))
    m = ref().search(text)
    if m:
        numbers, connectors, has_range = _expand(m.group("list"))
        any_of = bool(m.groupdict().get("any") or re.match(r"(?i)(any|one)", m.group(0))) or has_range
        if numbers:
            candidates.append(
                RefMatch(
                    m.start(),
                    m.end(),
                    numbers,
                    connectors,
                    RefMode.ALTERNATIVE if any_of and len(set(numbers)) > 1 else _mode(numbers, connectors, any_of),
                    any_of,
                    False,
                    False,
                    False,
                    True,
                )
            )
    a = preceding().search(text)
    if a:
        candidates.append(_all_preceding(a.start(), a.end(), own_number, True))
    return min(candidates, key=lambda r: r.start, default=None)


def lead_length(text: str) -> int:
    """Length of the words that may open a reference part (根据 / 如 / 按照 …)."""
    m = _CN_LEAD.match(text)
    return m.end() if m else 0


def all_mentions(text: str, english: bool, lang: str = "en") -> tuple[int, ...]:
    """Every claim number mentioned anywhere in ``text`` (ranges expanded); ``lang`` for Latin-script text."""
    out: list[int] = []
    pattern = (_LATIN_REF[lang][0] if lang in _LATIN_REF else EN_REF)() if english else CN_REF
    for m in pattern.finditer(text):
        out.extend(_expand(m.group("list"))[0])
    return tuple(dict.fromkeys(out))
