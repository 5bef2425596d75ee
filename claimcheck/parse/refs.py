"""Read the reference part of a claim (引用部分).

Forms handled (Chinese): 根据权利要求1所述的… / 如权利要求1所述 / 权利要求1或2所述 /
权利要求1-3中任一项所述 / 权利要求1至3任一项 / 权利要求1、2或5 / 权利要求1～3 /
权利要求1或权利要求2 / 根据权利要求73的驱动系统 (translations, no 所述) /
如前面权利要求中任一项所述 / 如前述权利要求任一项所述 (all preceding claims) /
truncated 权1 / 权利1.  English: of claim 1 / according to claim 1 or 2 / as claimed
in any one of claims 1 to 3 / according to any preceding claim.

The functions work on the width-folded, line-joined text of one claim and
return offsets into it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.model.claim import RefMode

_CONN = r"和/或|或者|以及|或是|或|和|及|与|、|,|，|至|到|-|–|—|~"
_NUMLIST = rf"\d{{1,3}}(?:[ \t]*(?:{_CONN})[ \t]*(?:权利要求|权利|权)?[ \t]*\d{{1,3}})*"
_ANY = r"(?:中的|中|的)?[ \t]*(?:任一项|任意一项|任何一项|任一|任意一|任何一|之一|其中一项|其中任一项)(?:权利要求)?"
_END = r"(?:[ \t]*(?:中|项)?[ \t]*(?:所述之|所述的|所述|所限定的|所限定|限定的|所定义的|所记载的|记载的|之|的))"

CN_REF = re.compile(
    rf"""
    (?P<kw>权利要求|权利|权(?=[ \t]*\d))[ \t]*
    (?P<list>{_NUMLIST})
    [ \t]*(?P<any>{_ANY})?
    (?P<end>{_END})?
    """,
    re.X,
)

CN_ALL_PRECEDING = re.compile(
    rf"""
    (?:前面|前述|上述|以上|在先|之前)的?[ \t]*
    (?:(?:任一项|任意一项|任何一项)[ \t]*)?
    权利要求[ \t]*
    (?:{_ANY})?
    (?P<end>{_END})?
    """,
    re.X,
)

_CN_LEAD = re.compile(r"^\s*(?:根据|按照|依据|依照|按|如|基于|由|依|参照)?\s*(?:在)?\s*")

EN_REF = re.compile(
    r"""
    (?:(?:any|one)[ \t]+(?:one[ \t]+)?(?:or[ \t]+more[ \t]+)?of[ \t]+)?
    (?i:claims?)[ \t]+
    (?P<list>\d{1,3}(?:[ \t]*(?:,|or|and|to|through|-|–)[ \t]*(?:(?i:claims?)[ \t]+)?\d{1,3})*)
    """,
    re.X,
)
EN_ALL_PRECEDING = re.compile(
    r"(?i:(?:any|one|either)[ \t]+(?:one[ \t]+)?(?:or[ \t]+more[ \t]+)?(?:of[ \t]+)?(?:the[ \t]+)?"
    r"(?:preceding|previous|foregoing|above)[ \t]+claims?)"
)


@dataclass(frozen=True, slots=True)
class RefMatch:
    """A reference found in a claim's text, in offsets of that text."""

    start: int
    end: int
    numbers: tuple[int, ...]
    connectors: tuple[str, ...]
    mode: RefMode
    any_of: bool
    all_preceding: bool
    bare_range: bool
    abbreviated: bool
    has_end: bool


def _expand(listing: str) -> tuple[tuple[int, ...], tuple[str, ...], bool]:
    """Numbers and connectors of a number list; ranges are expanded."""
    tokens = re.findall(rf"\d{{1,3}}|{_CONN}|\b(?:or|and|to|through)\b", listing)
    numbers: list[int] = []
    connectors: list[str] = []
    has_range = False
    pending_range = False
    for tok in tokens:
        if tok.isdigit():
            n = int(tok)
            if pending_range and numbers:
                lo = numbers[-1]
                if lo < n and n - lo <= 200:
                    numbers.extend(range(lo + 1, n + 1))
                else:
                    numbers.append(n)
                pending_range = False
            else:
                numbers.append(n)
        else:
            connectors.append(tok)
            if tok in ("至", "到", "-", "–", "—", "~", "to", "through"):
                pending_range = True
                has_range = True
    return tuple(numbers), tuple(connectors), has_range


_ALT = {"或", "或者", "或是", "or"}
_CUM = {"和", "及", "以及", "与", "和/或", "and"}


def _mode(numbers: tuple[int, ...], connectors: tuple[str, ...], any_of: bool) -> RefMode:
    if len(set(numbers)) <= 1:
        return RefMode.SINGLE
    if any_of:
        return RefMode.ALTERNATIVE
    if any(c in _CUM for c in connectors):
        return RefMode.CUMULATIVE
    if any(c in _ALT for c in connectors):
        return RefMode.ALTERNATIVE
    # a bare range or a list joined only by 、 is not in the alternative
    return RefMode.CUMULATIVE


def _all_preceding(m: re.Match[str], own_number: int, has_end: bool) -> RefMatch:
    """A reference to every preceding claim (如前述权利要求中任一项所述, any preceding claim)."""
    numbers = tuple(range(1, own_number))
    mode = RefMode.ALTERNATIVE if len(numbers) > 1 else RefMode.SINGLE
    return RefMatch(m.start(), m.end(), numbers, (), mode, True, True, False, False, has_end)


def find_cn_reference(text: str, own_number: int) -> RefMatch | None:
    """The first Chinese reference to other claims in ``text``, or None."""
    candidates: list[RefMatch] = []
    m = CN_REF.search(text)
    if m:
        numbers, connectors, has_range = _expand(m.group("list"))
        any_of = bool(m.group("any"))
        candidates.append(
            RefMatch(
                m.start(),
                m.end(),
                numbers,
                connectors,
                _mode(numbers, connectors, any_of),
                any_of,
                False,
                has_range and not any_of,
                m.group("kw") != "权利要求",
                bool(m.group("end")),
            )
        )
    a = CN_ALL_PRECEDING.search(text)
    if a:
        candidates.append(_all_preceding(a, own_number, bool(a.group("end"))))
    return min(candidates, key=lambda r: r.start, default=None)


def find_en_reference(text: str, own_number: int) -> RefMatch | None:
    """The first English reference to other claims in ``text``, or None."""
    candidates: list[RefMatch] = []
    m = EN_REF.search(text)
    if m:
        numbers, connectors, has_range = _expand(m.group("list"))
        any_of = bool(re.match(r"(?i)(any|one)", m.group(0))) or has_range
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
    a = EN_ALL_PRECEDING.search(text)
    if a:
        candidates.append(_all_preceding(a, own_number, True))
    return min(candidates, key=lambda r: r.start, default=None)


def lead_length(text: str) -> int:
    """Length of the words that may open a reference part (根据 / 如 / 按照 …)."""
    m = _CN_LEAD.match(text)
    return m.end() if m else 0


def all_mentions(text: str, english: bool) -> tuple[int, ...]:
    """Every claim number mentioned anywhere in ``text`` (ranges expanded)."""
    out: list[int] = []
    pattern = EN_REF if english else CN_REF
    for m in pattern.finditer(text):
        out.extend(_expand(m.group("list"))[0])
    return tuple(dict.fromkeys(out))
