"""Technical terms of claims, and reference numerals of claims and descriptions.

Claim terms are taken the way the antecedent check reads them: the term after each referring
marker (所述X), the items of each list introduced by 包括 / 设有 / 含有 (包括A、B和C), and the
subject of each independent claim.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from claimcheck.model import Claim, ClaimSet, Span

_INTRO = re.compile(r"(?:包括有|包括|包含有|包含|含有|设有|设置有|具有|安装有|连接有|还包括)[：:]?")
_QUANT = re.compile(
    r"^(?:所述|该|上述|各|每个|不止|至少|一个或多个|若干个|若干|多个|复数个|"
    r"[一二两三四五六七八九十0-9]+(?:个|根|块|条|只|对|组|片|台|套|种))+"
)
_CJK_TERM = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9\-]+$")
# words that are not technical terms of the invention (a claim's "所述地方" needs no support)
_NOT_TERMS = frozenset(
    [
        "地方",
        "位置",
        "方式",
        "时间",
        "情况",
        "部分",
        "状态",
        "过程",
        "方向",
        "作用",
        "效果",
        "数量",
        "程度",
        "范围",
        "区域",
        "结果",
        "目的",
        "步骤",
        "方法",
        "装置",
        "系统",
    ]
)


@dataclass(frozen=True, slots=True)
class ClaimTerm:
    """A technical term of a claim and where it stands."""

    text: str
    claim: int
    span: Span


def _clean_item(item: str) -> str:
    from claimcheck.rules import antecedent as A

    item = A.normalise(item).strip(" ，,；;：:。")
    item = item.split("的")[-1]
    item = _QUANT.sub("", item)
    item = A.term_of(item) if item else item
    return item


def claim_terms(cs: ClaimSet) -> list[ClaimTerm]:
    """Every distinct term of the claims, first occurrence first."""
    from claimcheck.rules import antecedent as A

    out: list[ClaimTerm] = []
    seen: set[str] = set()

    def add(term: str, claim: Claim, i: int, j: int) -> None:
        if claim.flat is None or term in seen or not (2 <= len(term) <= 12) or not _CJK_TERM.match(term):
            return
        if not re.search(r"[\u4e00-\u9fff]{2}", term) or A._ORDINAL_ONLY.match(term) or term in _NOT_TERMS:
            return
        seen.add(term)
        out.append(ClaimTerm(term, claim.number, claim.flat.span(i, j)))

    for c in cs:
        if c.flat is None:
            continue
        t = c.flat.folded
        for m in A.mentions(c):
            term = A.term_of(A.normalise(m.span_text))
            idx = t.find(term, m.term_start)
            if idx != -1:
                add(term, c, idx, idx + len(term))
        for intro in _INTRO.finditer(t):
            end = len(t)
            stop = re.search(r"[，。；;]", t[intro.end() :])
            if stop:
                end = intro.end() + stop.start()
            pos = intro.end()
            for item in re.split(r"(、|以及|和|及)", t[intro.end() : end]):
                cleaned = _clean_item(item)
                if cleaned and item not in ("、", "以及", "和", "及"):
                    idx = t.find(cleaned, pos)
                    if idx != -1:
                        add(cleaned, c, idx, idx + len(cleaned))
                pos += len(item)
    return out


_SIGN_AFTER = re.compile(
    r"(?<![A-Za-z0-9.\-])([0-9]{1,4}[a-z]?)(?![0-9.%℃°μ]|mm|cm|m\b|kg|g\b|个|根|块|条|层|次|度|倍|秒|分|小时|年|月|日|号)"
)
_NOT_SIGN_BEFORE = re.compile(
    r"(?:图|实施例|步骤|权利要求|第|式|表|例|如|型号|约|为|是|有|共|达|至|到|~|-|～|大于|小于|等于|超过|S|s)$"
)
_NAME_PREFIXES = re.compile(
    r"^(?:.*?(?:所述的|所述|上述|该|包括有|包括|设有|设置有|具有|其中|通过|以及|和|及|与|在|将|对|由|从|向|的|上|于|个|两|多|"
    r"并经|并|实现|比|例如|使|用|把|被|即|且|则|均|都|也|还|可|已|各|每|其|为|是))+"
)


def name_before(text: str, end: int) -> str:
    """The CJK run before ``end``, without the function words that open it."""
    start = end
    while start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff" and end - start < 12:
        start -= 1
    run = text[start:end]
    return _NAME_PREFIXES.sub("", run)


_CLAIM_SIGN = re.compile(r"([\u4e00-\u9fff]{2,12}?)\s*[（(]\s*([0-9]{1,4}[a-z]?)\s*[）)]")


def claim_signs(cs: ClaimSet) -> Iterator[tuple[Claim, str, str, Span]]:
    """Reference signs written in parentheses in the claims: (claim, name before it, numeral, span of name+sign)."""
    for c in cs:
        if c.flat is None:
            continue
        for m in _CLAIM_SIGN.finditer(c.flat.folded):
            name = name_before(c.flat.folded, m.end(1))
            yield c, name, m.group(2), c.flat.span(m.end(1) - len(name), m.end())


def numeral_names(text: str) -> dict[str, Counter[str]]:
    """Reference numerals used in running text (底座1, 底座(1)) and the names written before them."""
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for m in re.finditer(r"([\u4e00-\u9fff])\s*[（(]?\s*([0-9]{1,4}[a-z]?)\s*[）)]?", text):
        num_start = m.start(2)
        if not _SIGN_AFTER.match(text, num_start):
            continue
        before = text[: m.start(1) + 1]
        if _NOT_SIGN_BEFORE.search(before):
            continue
        name = name_before(text, m.start(1) + 1)
        if len(name) >= 2:
            out[m.group(2)][name] += 1
    return out


_LIST_ITEM = re.compile(
    r"(?:^|(?<=[；;，,。\s]))([0-9]{1,4}[a-z]?)\s*[、.．:：\-—]\s*([\u4e00-\u9fff][\u4e00-\u9fffA-Za-z]{0,15})"
)


def is_sign_list(line: str) -> bool:
    """A paragraph that lists reference signs (1-胶条 2-毛条 3-外上框 …), wherever it stands."""
    return len(_LIST_ITEM.findall(line)) >= 3


def sign_list(lines: list[str]) -> dict[str, str]:
    """The list of reference signs (附图标记说明: 1、底座；2、滑槽 or 底座1), numeral -> name."""
    out: dict[str, str] = {}
    for line in lines:
        for m in _LIST_ITEM.finditer(line):
            out.setdefault(m.group(1), m.group(2))
        if not out:
            for m in re.finditer(r"([\u4e00-\u9fff]{2,12}?)\s*([0-9]{1,4}[a-z]?)(?![0-9])", line):
                out.setdefault(m.group(2), m.group(1))
    return out


def same_part(a: str, b: str) -> bool:
    """Whether two names plausibly name the same part (one ends with the other, or they share a 2-character head)."""
    a, b = a.removesuffix("子"), b.removesuffix("子")
    return a == b or a.endswith(b) or b.endswith(a) or (len(a) >= 2 and len(b) >= 2 and a[-2:] == b[-2:])
