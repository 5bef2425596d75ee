"""English clarity wording (C101, C102): unclear terms and references to the description or drawings."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from claimcheck.lexicon import Lexicons
from claimcheck.model import ClaimSet
from claimcheck.model.diagnostic import Diagnostic, Fix, Severity
from claimcheck.rules.base import Context, Rule
from claimcheck.rules.en_practice import practice


def _alternation(words: list[str]) -> str:
    parts = sorted({re.escape(w).replace(r"\ ", r"\s+") for w in words}, key=len, reverse=True)
    return "|".join(parts)


def _word_pattern(words: list[str]) -> re.Pattern[str]:
    """Any of ``words`` as a whole word (case-insensitive).

    A lookahead on the words' first letters lets the regular expression engine skip every other position
    before it tries the alternation (the same matches, about a third of the time).
    """
    firsts = {w[:1] for w in words}
    ahead = "" if not all(f.isalnum() for f in firsts) else f"(?=[{''.join(sorted(firsts))}])"
    return re.compile(rf"(?i){ahead}(?<![\w-])(?:{_alternation(words)})(?![\w-])")


_RUN = re.compile(r"[a-z0-9]+")
_Needs = tuple[frozenset[str], ...] | None


def _needs(words: list[str]) -> _Needs:
    """For each word, the runs of letters and digits a text must hold for :func:`_word_pattern` to find it there.

    In an ASCII text a match of a word holds each run of the word (lower case) as a whole run of the text: the
    word's runs end at its non-alphanumeric characters and the pattern lets no letter or digit follow it. None
    (always search) when a word is not ASCII: case folding may then match characters the runs do not show.
    """
    if not all(w.isascii() for w in words):
        return None
    return tuple(dict.fromkeys(frozenset(_RUN.findall(w.lower())) for w in words))


def _may_hold(needs: _Needs, runs: frozenset[str] | None) -> bool:
    """Whether a text whose runs are ``runs`` (None: not ASCII) may hold a word of ``needs``."""
    return needs is None or runs is None or any(n <= runs for n in needs)


@dataclass(frozen=True, slots=True)
class _Patterns:
    exemplary: re.Pattern[str]
    approximation: re.Pattern[str]
    relative: re.Pattern[str]
    settled: frozenset[str]
    exemplary_needs: _Needs
    approximation_needs: _Needs
    relative_needs: _Needs


def _patterns(lex: Lexicons) -> _Patterns:
    def build(lx: Lexicons) -> _Patterns:
        ex = lx.words("english", "unclear", "exemplary")
        ap = lx.words("english", "unclear", "approximation")
        rel = lx.words("english", "unclear", "relative")
        return _Patterns(
            _word_pattern(ex),
            _word_pattern(ap),
            _word_pattern(rel),
            frozenset(" ".join(w.lower().split()) for w in lx.words("english", "unclear", "settled")),
            _needs(ex),
            _needs(ap),
            _needs(rel),
        )

    return lex.table("english-unclear", build)


_AND_OR = re.compile(r"\band/or\b")
_NUMBER_AFTER = re.compile(r"\s*(?:[-+±~]?\s*\d|the\s+same|equal|identical|parallel|perpendicular|constant|uniform)")
_NEXT_WORD = re.compile(r"\s+([A-Za-z][\w-]*)")
_GRADED_NOUN = re.compile(
    r"(?i)(?:temperatures?|pressures?|speeds?|frequenc(?:y|ies)|voltages?|concentrations?|amounts?|"
    r"quantit(?:y|ies)|numbers?|strength|thickness|diameter|size|degree|level|rate|density|viscosity|"
    r"molecular|power|currents?|energy|resistance|load|force|flow|heat|intensity|proportion|content)\b"
)
_RELATIVE_ADJ = frozenset(
    [
        "thin",
        "thick",
        "high",
        "low",
        "large",
        "small",
        "wide",
        "narrow",
        "strong",
        "weak",
        "long",
        "short",
        "fast",
        "slow",
        "big",
        "tiny",
        "huge",
        "heavy",
    ]
)


class EnglishUnclearTerm(Rule):
    """Exemplary, optional, relative or approximate wording in an English claim.

    ## What it flags
    Exemplary and preference wording (``such as``, ``for example``, ``e.g.``, ``preferably``, ``in particular``,
    ``or the like``, ``etc.``): warning; ``optionally`` (the feature plainly does not limit): info. Relative terms before a graded quantity (``high temperature``,
    ``a thin layer``, ``large amount``): warning. Approximation (``about 5``, ``approximately``,
    ``substantially``), other relative words and ``and/or``: info, to check against the description.

    ## Why
    EPO Guidelines F-IV 4.6 (relative terms), 4.7 (``about``, ``approximately``), 4.9 (optional features);
    MPEP 2173.05(b) (terms of degree), 2173.05(d) (exemplary language: ``such as``, ``for example``,
    ``preferably``, ``or the like``); 35 U.S.C. 112(b); EPC Art. 84. Catalogue EN-CLR-001, EN-CLR-002,
    US-EXM-001, US-REL-001, EP-REL-001, EP-APX-001, EP-OPT-001.

    ## Bad
        1. A coating comprising a filler such as silica, applied at a high temperature.

    ## Good
        1. A coating comprising a silica filler, applied at a temperature of 150 to 200 °C.

    ## Traps
    ``about`` as a preposition (``rotatable about an axis``) is not approximation: only ``about`` before a
    number counts; ``such that``, ``such a``, ``so as to``; ``optionally substituted`` (Markush groups);
    ``consisting essentially of``; comparatives with a reference (``higher than the inlet``); settled compounds
    (``high-frequency``, ``low-pass``, ``short circuit``, ``thin film``).
    """

    name = "en-unclear-term"
    code = "C101"
    severity = Severity.WARNING
    catalogue = ("EN-CLR-001", "EN-CLR-002", "US-EXM-001", "US-REL-001", "EP-REL-001", "EP-APX-001", "EP-OPT-001")
    source = "EPO Guidelines F-IV 4.6–4.9; MPEP 2173.05(b), (d); EPC Art. 84"
    languages = ("en",)

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        pats = _patterns(ctx.lexicons)
        for c in cs:
            if c.flat is None:
                continue
            text = c.flat.text
            # the runs of letters and digits of an ASCII text: a pattern none of whose words they hold is not run
            runs = frozenset(_RUN.findall(text.lower())) if text.isascii() else None
            for m in pats.exemplary.finditer(text) if _may_hold(pats.exemplary_needs, runs) else ():
                word = m.group()
                if word.lower() == "optionally" and re.match(r"\s+substituted", text[m.end() :]):
                    continue
                optional = word.lower() == "optionally"
                yield self.report(
                    c,
                    c.flat.span(m.start(), m.end()),
                    zh=f"示例性或可选用语“{word}”使保护范围不清楚",
                    en=f"exemplary or optional wording '{word}' leaves the scope unclear",
                    fix=Fix(
                        "删除示例或优选内容，或将其写入从属权利要求",
                        "delete the example or preference, or put it in a dependent claim",
                    ),
                    severity=Severity.INFO if optional else None,
                )
            for m in pats.approximation.finditer(text) if _may_hold(pats.approximation_needs, runs) else ():
                word = m.group().lower()
                if word in ("about", "around") and not _NUMBER_AFTER.match(text, m.end()):
                    continue
                if word == "essentially" and re.search(r"consist\w*\s+$", text[: m.start()]):
                    continue
                yield self.report(
                    c,
                    c.flat.span(m.start(), m.end()),
                    zh=f"近似用语“{m.group()}”：请确认说明书或本领域给出了其容差",
                    en=f"approximation '{m.group()}': check that the description or the art gives its tolerance",
                    severity=Severity.INFO,
                )
            for m in pats.relative.finditer(text) if _may_hold(pats.relative_needs, runs) else ():
                word = m.group().lower()
                nxt = _NEXT_WORD.match(text, m.end())
                following = nxt.group(1).lower() if nxt else ""
                if following in ("than", "as", "enough") or f"{word} {following}" in pats.settled:
                    continue
                if word in _RELATIVE_ADJ and not _GRADED_NOUN.match(following):
                    continue
                graded = word in _RELATIVE_ADJ
                yield self.report(
                    c,
                    c.flat.span(m.start(), m.end()),
                    zh=f"相对用语“{m.group()}”{'没有比较基准，' if graded else ''}使保护范围不清楚",
                    en=f"relative term '{m.group()}'{' with no standard of comparison' if graded else ''}: "
                    "the scope is unclear",
                    fix=Fix("写明具体数值或范围", "state a value or range"),
                    severity=Severity.WARNING if graded else Severity.INFO,
                )
            for m in _AND_OR.finditer(text) if "and/or" in text else ():
                yield self.report(
                    c,
                    c.flat.span(m.start(), m.end()),
                    zh="“and/or”：请确认各种组合均有支持且分组清楚",
                    en="'and/or': check that every combination is supported and the grouping is clear",
                    severity=Severity.INFO,
                )


_DESC_REF = re.compile(
    r"(?i)\b(?:(?:as|substantially\s+as)\s+(?:herein\s+)?(?:shown|illustrated|depicted|described|represented|"
    r"seen|disclosed|set\s+forth)\s+(?:in|with\s+reference\s+to|by)\s+(?:the\s+)?(?:accompanying\s+)?"
    r"(?:fig(?:ure)?s?\b\.?\s*\d*[A-Za-z]?|drawings?|description|specification|examples?\b\s*\d*|tables?\s*\d*)"
    r"|substantially\s+as\s+(?:herein\s+)?(?:described|shown|illustrated)"
    r"|as\s+herein(?:before|after)?\s+described"
    r"|(?:shown|illustrated|depicted)\s+in\s+(?:fig(?:ure)?s?\b\.?\s*\d+[A-Za-z]?)"
    r"|(?:see|cf\.?)\s+fig(?:ure)?s?\b\.?\s*\d+"
    r"|(?:according\s+to|in\s+accordance\s+with)\s+(?:fig(?:ure)?s?\b\.?\s*\d+|table\s+\d+|example\s+\d+))"
)

# what every match of _DESC_REF holds (keep in step with it): a verb of showing with an object or after
# "substantially" / "herein", "see" or "cf" with "fig", "accord" with an object
_SHOWN = ("shown", "illustrated", "depicted", "described", "represented", "seen", "disclosed", "forth")
_OBJECTS = ("fig", "drawing", "description", "specification", "example", "table")


def _may_refer(text: str) -> bool:
    """Whether ``text`` may hold a match of ``_DESC_REF`` (always, for a text that is not ASCII)."""
    if not text.isascii():
        return True
    low = text.lower()
    objects = any(o in low for o in _OBJECTS)
    if any(v in low for v in _SHOWN) and (objects or "substantially" in low or "herein" in low):
        return True
    return ("accord" in low and objects) or ("fig" in low and ("see" in low or "cf" in low))


class EnglishDescriptionReference(Rule):
    """An English claim relies on the description or drawings (``as shown in Fig. 2``).

    ## What it flags
    ``as shown in Fig. 2``, ``as illustrated in the drawings``, ``as described in the description``,
    ``substantially as herein described`` (omnibus claims), ``according to Example 3``, ``see Fig. 1``.
    Error in EP and PCT practice; US practice allows it only in exceptional cases (the us profile makes it a
    warning).

    ## Why
    EPC Rule 43(6) and EPO Guidelines F-IV 4.17: claims shall not rely on references to the description or
    drawings except where absolutely necessary; PCT Rule 6.2(a); MPEP 2173.05(s). Catalogue EN-REF-001,
    EP-REF-001, US-REF-002.

    ## Bad
        1. A clamp comprising a jaw, the jaw having the shape shown in Fig. 3.

    ## Good
        1. A clamp comprising a jaw (3), the jaw (3) having a V-shaped profile.

    ## Traps
    Reference signs in parentheses (``jaw (3)``) are the proper way to point at the drawings; ``formula (I)``
    and ``Table`` as part of a chemical name are not references to the description.
    """

    name = "en-description-reference"
    code = "C102"
    severity = Severity.ERROR
    catalogue = ("EN-REF-001", "EP-REF-001", "US-REF-002")
    source = "EPC Rule 43(6); PCT Rule 6.2(a); MPEP 2173.05(s)"
    languages = ("en",)
    options: ClassVar[dict[str, Any]] = {"practice": "pct"}

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        level = Severity.WARNING if practice(ctx, self.name) == "us" else Severity.ERROR
        for c in cs:
            if c.flat is None:
                continue
            for m in _DESC_REF.finditer(c.flat.text) if _may_refer(c.flat.text) else ():
                yield self.report(
                    c,
                    c.flat.span(m.start(), m.end()),
                    zh=f"权利要求不应引用说明书或附图：“{m.group()}”",
                    en=f"the claim relies on the description or drawings: '{m.group()}'",
                    fix=Fix("用文字写明该技术特征", "state the feature in words"),
                    severity=level,
                )
