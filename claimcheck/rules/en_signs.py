"""English reference signs (C103): signs in parentheses, nothing else in them, one sign set per part."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from claimcheck.analysis.english import Phrase
from claimcheck.model import Claim, ClaimSet, Span
from claimcheck.model.diagnostic import Diagnostic, Fix, Severity
from claimcheck.rules.base import Context, Rule
from claimcheck.rules.en_common import english_claims

_GROUP = re.compile(r"\(([^()]{1,80})\)")
_SIGN_TOKEN = r"[A-Za-z]{0,3}\d+[A-Za-z'’]*(?:\s*-\s*[A-Za-z]{0,3}\d*[A-Za-z]?)?"
_SIGNS = re.compile(rf"\s*{_SIGN_TOKEN}(?:\s*(?:[,;/&]|and)\s*{_SIGN_TOKEN})*\s*")
_LABEL = re.compile(r"\s*(?:[a-zA-Z]|[ivxIVX]+|[a-z]\d?)\s*(?:,\s*(?:[a-zA-Z]|[ivxIVX]+))*\s*")
_WORD = re.compile(r"[A-Za-z]{3,}")
_NUMBER_SIGN = re.compile(r"(?<![\w.])\d+[a-z]?'?(?![\w.%])")
# what may stand in parentheses without being a sign: abbreviations, (meth)acrylate, (s), formulae, units
_ALLOWED = re.compile(
    r"(?i)^\s*(?:meth|s|es|co|ies|[+-]|\+/-|v/v|w/w|w/v|wt|vol|mol|i\.e\.|e\.g\.|ca\.|approx\.|"
    r"seq\s+id\s+no\s*:?\s*\d+|formula\s+\w+)\s*$"
)
_UNIT = re.compile(
    r"(?i)\b(?:inch(?:es)?|foot|feet|mils?|pounds?|lbs?|psi|ounces?|oz|gallons?|degrees?|mm|cm|µm|nm|kg|mg|°[cf])\b"
)


def _is_abbreviation_or_formula(content: str) -> bool:
    c = content.strip()
    return bool(re.fullmatch(r"[A-Z][A-Za-z0-9+\-/·.]*[A-Z0-9][A-Za-z0-9+\-/·.]*s?", c)) or bool(
        re.search(r"[A-Z][a-z]?\d", c)
    )


def _numbers(content: str) -> frozenset[str]:
    return frozenset(x.lower() for x in re.findall(r"[A-Za-z]{0,3}\d+[A-Za-z'’]*", content))


def _named(found: list[Phrase], text: str, at: int) -> Phrase | None:
    """The last phrase that ends right before offset ``at`` (only spaces between), or None.

    A phrase ending earlier has the later phrase's words between it and ``at``, so only the phrases with the
    greatest end up to ``at`` can qualify; phrases come in the order of their ends.
    """
    pos = bisect_right(found, at, key=lambda p: p.end)
    if pos == 0 or text[found[pos - 1].end : at].strip():
        return None
    return found[pos - 1]


def _stems(signs: frozenset[str]) -> frozenset[str]:
    return frozenset(re.sub(r"\D", "", x) for x in signs)


class EnglishReferenceSign(Rule):
    """Reference signs in an English claim: words inside them, bracketed words, one part with two sign sets.

    ## What it flags
    Words inside the parentheses of a sign (``securing means (screw 13)``) and bracketed wording with no sign
    (``(concrete) moulded brick``): warning, the reader cannot tell whether the words limit the claim. One part
    named with two sign sets that share a sign but do not contain each other (``deflection means (7, 18)`` …
    ``deflection means (7, 17)``): warning; with disjoint sets (two parts of one kind, ``screw threads (1a)``
    and ``screw threads (6a)``), and one sign given to parts with different names: info.

    ## Why
    EPC Rule 43(7) and the EPO Guidelines (F-IV, "Reference signs"): signs in parentheses, not limiting, and
    nothing else in the parentheses; PCT Rule 6.2(b); MPEP 608.01(m). Catalogue EP-SGN-001, US-REF-001.

    ## Bad
        1. A clamp comprising a base (1) and securing means (screw 13) fixing the jaw (3) to the base (1).

    ## Good
        1. A clamp comprising a base (1) and a screw (13) fixing the jaw (3) to the base (1).

    ## Traps
    Abbreviations (``(DASD)``), ``(meth)acrylate``, plural ``(s)``, formulae (``(Nb2O5+Li2O)``), units and their
    conversions (``0,63 cm (one-quarter inch)``, ``(v/v)``), step labels ``(a)``, ``(ii)`` and ranges of signs
    (``(16A-H)`` and ``(16B, 16C)`` are one family) are not findings.
    """

    name = "en-reference-sign"
    code = "C103"
    severity = Severity.WARNING
    catalogue = ("EP-SGN-001", "US-REF-001")
    source = "EPC Rule 43(7); PCT Rule 6.2(b)"
    languages = ("en",)

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        names: dict[tuple[str, ...], tuple[frozenset[str], Claim, Span, str]] = {}
        by_sign: dict[str, tuple[str, str]] = {}
        shared = english_claims(cs, ctx)
        for c in cs:
            if c.flat is None or "(" not in c.flat.text:
                continue
            text = c.flat.text
            for m in _GROUP.finditer(text):
                content = m.group(1)
                span = c.flat.span(m.start(), m.end())
                if _SIGNS.fullmatch(content) or _LABEL.fullmatch(content):
                    if _SIGNS.fullmatch(content):
                        yield from self._consistency(c, m, text, shared.phrases(c), content, span, names, by_sign)
                    continue
                if _ALLOWED.match(content) or _UNIT.search(content) or _is_abbreviation_or_formula(content):
                    continue
                if not _WORD.search(content):
                    continue
                if _NUMBER_SIGN.search(content):
                    yield self.report(
                        c,
                        span,
                        zh=f"附图标记括号内含有文字：“{m.group()}”",
                        en=f"words inside the parentheses of a reference sign: '{m.group()}'",
                        fix=Fix("括号内只写附图标记，文字移到括号外", "keep only the sign in the parentheses"),
                    )
                else:
                    yield self.report(
                        c,
                        span,
                        zh=f"括号内的文字“{m.group()}”不清楚是否构成限定",
                        en=f"bracketed wording '{m.group()}' without a sign: unclear whether it limits the claim",
                        fix=Fix("删去括号，写明是否为必要特征", "drop the parentheses and say whether it limits"),
                    )

    def _consistency(
        self,
        c: Claim,
        m: re.Match[str],
        text: str,
        found: list[Phrase],
        content: str,
        span: Span,
        names: dict[tuple[str, ...], tuple[frozenset[str], Claim, Span, str]],
        by_sign: dict[str, tuple[str, str]],
    ) -> Iterator[Diagnostic]:
        name = _named(found, text, m.start())
        if name is None:
            return
        signs = _numbers(content)
        earlier = names.get(name.key)
        if earlier is None:
            names[name.key] = (signs, c, span, m.group())
        elif not (signs <= earlier[0] or earlier[0] <= signs or _stems(signs) == _stems(earlier[0])):
            overlap = bool(_stems(signs) & _stems(earlier[0]))
            yield self.report(
                c,
                span,
                zh=f"“{name.text}”在权利要求{earlier[1].number}中标为“{earlier[3]}”，此处为“{m.group()}”",
                en=f"'{name.text}' is marked '{earlier[3]}' in claim {earlier[1].number} and '{m.group()}' here",
                fix=Fix("统一附图标记", "use one set of signs for one part"),
                severity=None if overlap else Severity.INFO,
            )
        for sign in sorted(signs, key=content.lower().find):  # in the order written, whatever the hash seed
            other = by_sign.setdefault(sign, (name.head, name.text))
            if other[0] != name.head and not re.search(r"\bmeans\b", f"{other[1]} {name.text}"):
                by_sign[sign] = (name.head, name.text)
                yield self.report(
                    c,
                    span,
                    zh=f"附图标记{sign}此前标注“{other[1]}”，此处标注“{name.text}”",
                    en=f"sign {sign} marks '{other[1]}' before and '{name.text}' here",
                    severity=Severity.INFO,
                )
