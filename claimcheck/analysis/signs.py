"""Reference signs (附图标记) in running text: the one reader used by every rule and by matching.

A sign is a numeral of the drawings written after the name of the part it labels: in brackets, ``底座(1)``
``底座（1）`` ``底座〔1〕`` ``底座【1】`` ``底座[1]``, several at once ``(28、29)`` ``(28,29)``, or bare,
``手柄4`` ``第一齿轮12a`` ``齿轮12'``, with lists and ranges ``接收器9、11和13`` ``传感器9-13`` (every dash).

What is not a sign: a value (:mod:`claimcheck.analysis.numbers`: ``4-20mA`` ``5-8％`` ``3相`` ``1：2.4``
``(1≤n)`` ``0.5`` ``2008年`` ``GB/T 1234`` ``S101``), and a number after a label word: ``图1`` ``第1``
``权利要求1`` ``实施例1`` ``步骤1)`` ``式(1)`` ``温度20`` ``约3``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from claimcheck.analysis.numbers import DASHES, VALUE_BEFORE, fold, value_mask
from claimcheck.lazyre import lazy
from claimcheck.model import Claim, ClaimSet, Span

_CJK = r"\u4e00-\u9fff"
_DASH = "[" + re.escape(DASHES) + "]"
_ONE = r"[1-9][0-9]{0,3}(?:[a-z]|[A-E])?(?:''|'|′′|′|″|’)?(?![A-Za-z0-9])"
_LIST_SEP = r"\s*(?:[、,，;；/]|以及|和|及|与|或)\s*"
_RANGE_SEP = rf"\s*(?:{_DASH}|至|到)\s*"
_BRACKETED = re.compile(rf"[(（〔【\[［]\s*(?P<body>{_ONE}(?:(?:{_LIST_SEP}|{_RANGE_SEP}){_ONE})*)\s*[)）〕】\]］]")
_BARE = re.compile(rf"(?<=[{_CJK}])(?P<body>{_ONE}(?:(?:[、,，]|和|及|或|{_DASH}|至|到){_ONE})*)")
_ITEM = re.compile(rf"{_ONE}|{_RANGE_SEP}|{_LIST_SEP}")
_NUMERAL = re.compile(r"[0-9]{1,4}[A-Za-z]?(?:''|'|′′|′|″|’)?")
_LABEL_BEFORE = re.compile(
    r"(?:图|附图|实施例|实例|示例|对比例|例|步骤|权利要求|权项|第|式|公式|方程|(?<![仪电水气钟手力])表|方案|型|条件|"
    r"工况|阶段|模式|等级|档|号|页|样品|试样|如|有|至|到|比|比例)$"
)
_NAME_PREFIXES = re.compile(
    r"^(?:.*?(?:所述的|所述|上述|该|包括有|包括|设有|设置有|具有|其中|通过|以及|和|及|与|在|将|对|由|从|向|的|上|于|个|两|多|"
    r"并经|并|实现|比|例如|使|用|把|被|即|且|则|均|都|也|还|可|已|各|每|其|为|是))+"
)
# lists of signs are read in descriptions: compiled on first use
_LIST_ITEM = lazy(
    rf"(?:^|(?<=[；;，,。：:\s]))(?P<num>{_ONE})\s*(?:[、.:：—]|{_DASH})\s*(?P<name>[{_CJK}][{_CJK}A-Za-z]{{0,15}})"
)
_NAME_THEN_NUMERAL = lazy(rf"(?P<name>[{_CJK}]{{2,12}}?)\s*(?P<num>{_ONE})")


@dataclass(frozen=True, slots=True)
class Sign:
    """Reference signs written together after one part name, with offsets into the text read.

    ``numerals`` are as written (``("28", "29")`` for ``(28、29)``, ``("9", "13")`` for ``传感器9-13``);
    ``ranged`` tells that they are the ends of a range; ``start``/``end`` cover the sign, brackets included;
    ``name_start`` is where the name begins (``name_start == start`` when there is none).
    """

    name: str
    numerals: tuple[str, ...]
    start: int
    end: int
    name_start: int
    bracketed: bool
    ranged: bool = False

    @property
    def members(self) -> tuple[str, ...]:
        """Every numeral the sign stands for: the numerals written, a range of plain numbers filled in."""
        if not self.ranged or len(self.numerals) != 2 or not all(n.isdigit() for n in self.numerals):
            return self.numerals
        lo, hi = int(self.numerals[0]), int(self.numerals[1])
        if not lo < hi <= lo + 50:
            return self.numerals
        return tuple(str(i) for i in range(lo, hi + 1))


def name_before(text: str, end: int) -> str:
    """The CJK run before ``end`` (at most 12 characters), without the function words that open it."""
    start = end
    while start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff" and end - start < 12:
        start -= 1
    return _NAME_PREFIXES.sub("", text[start:end])


def _cjk_run(text: str, end: int) -> str:
    start = end
    while start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff" and end - start < 12:
        start -= 1
    return text[start:end]


def _after_label(text: str, end: int) -> bool:
    """Whether the number at ``end`` follows a word after which numbers are labels or values (图, 第, 温度 …)."""
    run = _cjk_run(text, end)
    return bool(run) and (_LABEL_BEFORE.search(run) is not None or VALUE_BEFORE.search(run) is not None)


def _items(body: str, offset: int, mask: bytearray) -> tuple[list[str], bool, int]:
    """(numerals, ranged, length kept) of a sign body, stopping at the first numeral that is part of a value."""
    numerals: list[str] = []
    ranged = False
    kept = 0
    pending_range = False
    for m in _ITEM.finditer(body):
        piece = m.group(0)
        if _NUMERAL.fullmatch(piece):
            if mask[offset + m.start()]:
                break
            numerals.append(piece)
            ranged = ranged or pending_range
            kept = m.end()
            pending_range = False
        else:
            pending_range = bool(re.fullmatch(_RANGE_SEP, piece))
    return numerals, ranged, kept


def find_signs(text: str) -> list[Sign]:
    """Every reference sign in ``text``, in order of position."""
    folded = fold(text)
    mask = value_mask(folded)
    out: list[Sign] = []
    taken = bytearray(len(folded))
    for m in _BRACKETED.finditer(folded):
        j = m.start()
        while j > 0 and folded[j - 1] in " \t":
            j -= 1
        before = folded[j - 1] if j > 0 else ""
        if _after_label(folded, j):
            continue
        numerals, ranged, kept = _items(m.group("body"), m.start("body"), mask)
        if not numerals or kept != len(m.group("body")):
            continue
        name = ""
        if "\u4e00" <= before <= "\u9fff":
            name = name_before(folded, j)
        elif out and re.fullmatch(_LIST_SEP, folded[out[-1].end : m.start()] or "x"):
            name = out[-1].name
        out.append(Sign(name, tuple(numerals), m.start(), m.end(), j - len(name), True, ranged))
        taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    for m in _BARE.finditer(folded):
        if taken[m.start()] or _after_label(folded, m.start()):
            continue
        numerals, ranged, kept = _items(m.group("body"), m.start(), mask)
        if not numerals:
            continue
        name = name_before(folded, m.start())
        out.append(Sign(name, tuple(numerals), m.start(), m.start() + kept, m.start() - len(name), False, ranged))
    out.sort(key=lambda s: s.start)
    return out


def strip_signs(text: str) -> str:
    """``text`` without its reference signs (壳体(1) → 壳体, 输送带98 → 输送带); values are kept."""
    parts: list[str] = []
    pos = 0
    for s in find_signs(text):
        parts.append(text[pos : s.start])
        pos = s.end
    parts.append(text[pos:])
    return "".join(parts)


def strip_bracket_signs(text: str) -> str:
    """``text`` without its bracketed reference signs (壳体(1), 车架〔3〕, (28、29)); bare numbers are kept."""
    parts: list[str] = []
    pos = 0
    for s in find_signs(text):
        if s.bracketed:
            parts.append(text[pos : s.start])
            pos = s.end
    parts.append(text[pos:])
    return "".join(parts)


def is_sign_content(content: str) -> bool:
    """Whether the text inside a pair of brackets is reference signs only: ``1``, ``28、29``, ``9-13``, ``12a'``."""
    folded = fold(content.strip())
    if not folded:
        return False
    mask = value_mask(folded)
    body = re.fullmatch(rf"{_ONE}(?:(?:{_LIST_SEP}|{_RANGE_SEP}){_ONE})*", folded)
    if body is None:
        return False
    numerals, _ranged, kept = _items(folded, 0, mask)
    return bool(numerals) and kept == len(folded)


def sign_list_items(text: str) -> list[tuple[str, str]]:
    """The (numeral, name) items of a list of reference signs: ``1、底座；2、滑槽``, ``1-胶条``, ``144‑主动齿轮``."""
    folded = fold(text)
    return [(m.group("num"), m.group("name")) for m in _LIST_ITEM().finditer(folded)]


def name_numeral_items(text: str) -> list[tuple[str, str]]:
    """The (numeral, name) items of a list written name first: ``底座1，滑槽2``."""
    folded = fold(text)
    mask = value_mask(folded)
    return [
        (m.group("num"), m.group("name")) for m in _NAME_THEN_NUMERAL().finditer(folded) if not mask[m.start("num")]
    ]


_ORDINAL = "第[一二三四五六七八九十]{1,3}"
_SHARED_ORDINALS = lazy(rf"((?:{_ORDINAL}\s*[、，,和及与]\s*)+)$")
_LEADING_ORDINAL = lazy(rf"^{_ORDINAL}")


def named_numerals(text: str, sign: Sign) -> list[tuple[str, str]]:
    """(name, numeral) for each numeral of ``sign`` in ``text``: ordinals written before a shared name go with
    the numerals one by one (第一、第二杆件(1、2) → 第一杆件 1, 第二杆件 2); otherwise every numeral takes the name."""
    lead = _LEADING_ORDINAL().match(sign.name)
    if lead and len(sign.numerals) > 1:
        shared = _SHARED_ORDINALS().search(fold(text)[: sign.name_start])
        if shared:
            ordinals = [*re.findall(_ORDINAL, shared.group(1)), lead.group(0)]
            if len(ordinals) == len(sign.numerals):
                base = sign.name[lead.end() :]
                return [(o + base, n) for o, n in zip(ordinals, sign.numerals, strict=True)]
    return [(sign.name, n) for n in sign.numerals]


def claim_signs(cs: ClaimSet) -> Iterator[tuple[Claim, str, str, Span]]:
    """Reference signs written in brackets in the claims: (claim, name before it, numeral, span of name+sign)."""
    for c in cs:
        if c.flat is None:
            continue
        for sign in find_signs(c.flat.folded):
            if sign.bracketed and sign.name_start < sign.start:
                for name, numeral in named_numerals(c.flat.folded, sign):
                    yield c, name, numeral, c.flat.span(sign.name_start, sign.end)


def numeral_names(text: str) -> dict[str, Counter[str]]:
    """Reference numerals used in running text (底座1, 底座(1), 底座〔1〕) and the names written before them.

    A name given to a range of numerals (传感器9-13) names the group: it is not counted as the name of
    each numeral the range covers, which keep their own names (接收器9, 发射器10).  Names listed before
    a list of numerals (进、出风口4b、4c) go with them one by one, so the last name is not counted for all.
    """
    found = find_signs(text)
    folded = fold(text)
    group: dict[str, set[str]] = defaultdict(set)
    for sign in found:
        if sign.ranged:
            for n in sign.members:
                group[n].add(sign.name)
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for sign in found:
        if sign.ranged or len(sign.name) < 2:
            continue
        if len(sign.numerals) > 1 and re.search(r"[\u4e00-\u9fff](?:、|和|及|与)$", folded[: sign.name_start]):
            continue
        for n in sign.numerals:
            if sign.name not in group[n]:
                out[n][sign.name] += 1
    return out


def is_sign_list(line: str) -> bool:
    """A paragraph that lists reference signs (1-胶条 2-毛条 3-外上框 …), wherever it stands."""
    return len(sign_list_items(line)) >= 3


def sign_list(lines: list[str]) -> dict[str, str]:
    """The list of reference signs (附图标记说明: 1、底座；2、滑槽 or 底座1), numeral -> name."""
    out: dict[str, str] = {}
    for line in lines:
        for numeral, name in sign_list_items(line):
            out.setdefault(numeral, name)
        if not out:
            for numeral, name in name_numeral_items(line):
                out.setdefault(numeral, name)
    return out
