"""Compare a translated claim set with its original, claim by claim.

Structural checks run for any pair of languages: claim count and numbering, the dependency graph (which claims,
in the alternative or cumulatively), numbers, units, formulae and reference signs, and the transition (open or
closed). Between English and Chinese the terms are aligned through the vocabulary (and the firm's glossary):
one English term rendered two ways, two English terms merged into one rendering, a glossary pair not used, a
clause present on one side only, and 所述 where the English introduces the term with ``a``. Every finding
quotes both sides with their locations.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections import Counter
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from types import MappingProxyType

from claimcheck.analysis.english import Phrase, english_words, phrases, singular
from claimcheck.model import Claim, ClaimSet, RefMode, SourceText, Span
from claimcheck.model.diagnostic import Severity
from claimcheck.model.language import language_of
from claimcheck.translation.vocabulary import Vocabulary, scan

KINDS = (
    "count",
    "dependency",
    "number",
    "sign",
    "term-split",
    "term-merge",
    "glossary",
    "missing",
    "extra",
    "transition",
    "antecedent",
    "description-split",
    "description-merge",
)


@dataclass(frozen=True, slots=True)
class Quote:
    """A verbatim slice of one side, with where it lies."""

    text: str
    claim: int | None
    span: Span
    source: SourceText

    def where(self) -> str:
        """``line:column`` of the slice."""
        loc = self.source.locate(self.span)
        return f"{loc.line}:{loc.column}"


@dataclass(frozen=True, slots=True)
class TranslationFinding:
    """One difference between the original and the translation."""

    kind: str
    severity: Severity
    claim: int | None
    message_zh: str
    message_en: str
    original: Quote | None
    translation: Quote | None


def _quote(c: Claim, i: int, j: int, cs: ClaimSet) -> Quote:
    flat = c.flat
    assert flat is not None
    i, j = max(0, i), min(len(flat.text), j)
    return Quote(flat.text[i:j], c.number, flat.span(i, j), cs.source)


def _whole(c: Claim, cs: ClaimSet, limit: int = 60) -> Quote:
    text = c.flat.text if c.flat is not None else c.text
    return _quote(c, 0, min(len(text), limit), cs)


_CLAIM_MENTION = re.compile(
    r"(?i)\b(?:claims?|anspr(?:uch|üche[n]?)|revendications?)\s+\d+(?:\s*(?:,|or|and|to|oder|und|bis|ou|et|à|-|–)\s*(?:claims?\s+)?\d+)*|权利要求\s*\d+(?:\s*[至到\-–~～、,，或和及]\s*\d+)*"
)
_SIGN_GROUP = re.compile(
    r"[(（]\s*([A-Za-z]{0,3}\d+[A-Za-z'’]*(?:\s*[,，;；/、-]\s*(?:and\s+)?[A-Za-z]{0,3}\d+[A-Za-z'’]*)*)\s*[)）]"
)
_CODE = re.compile(r"(?<![A-Za-z0-9])(?=[A-Za-z0-9]*[A-Za-z])(?=[A-Za-z0-9]*\d)[A-Za-z0-9]+(?![A-Za-z0-9])")
_NUMBER = re.compile(r"(?<![\w.])0,\d+|\d+(?:\.\d+)?")
_UNITS = MappingProxyType(
    {
        "°c": "°C",
        "℃": "°C",
        "° c": "°C",
        "%": "%",
        "％": "%",
        "mm": "mm",
        "毫米": "mm",
        "cm": "cm",
        "厘米": "cm",
        "μm": "µm",
        "µm": "µm",
        "微米": "µm",
        "m": "m",
        "米": "m",
        "kg": "kg",
        "千克": "kg",
        "g": "g",
        "克": "g",
        "hour": "h",
        "hours": "h",
        "h": "h",
        "小时": "h",
        "min": "min",
        "minutes": "min",
        "分钟": "min",
        "mpa": "MPa",
        "兆帕": "MPa",
        "kpa": "kPa",
        "千帕": "kPa",
        "inch": "in",
        "英寸": "in",
        "v": "V",
        "伏": "V",
        "mol": "mol",
        "摩尔": "mol",
    }
)
_UNIT_AFTER = re.compile(
    r"\d\s*(°\s*[Cc]|℃|%|％|mm|毫米|cm|厘米|[μµ]m|微米|kg|千克|g(?![a-z])|克|hours?|h(?![a-z])|小时|min(?:utes)?|"
    r"分钟|MPa|兆帕|kPa|千帕|inch|英寸|V(?![a-z])|伏|mol|摩尔|m(?![a-z])|米)"
)


_UNIT_GLUED = re.compile(r"(\d)(?=(?:mm|cm|kg|kb|Mb|kDa|min|mol|MPa|kPa|nm|ml|mL|g|h|m|V|s)(?![A-Za-z0-9]))")


@dataclass(frozen=True, slots=True)
class _Values:
    numbers: Counter[str]
    codes: Counter[str]
    signs: Counter[str]
    units: Counter[str]


def _values(text: str) -> _Values:
    """Numbers, letter-digit codes (C3, Li2O, 50kb), reference signs and units of one claim."""
    signs: Counter[str] = Counter()
    for m in _SIGN_GROUP.finditer(text):
        signs.update(x.lower() for x in re.findall(r"[A-Za-z]{0,3}\d+[A-Za-z'’]*", m.group(1)))
    rest = _SIGN_GROUP.sub(" ", _CLAIM_MENTION.sub(" ", text))
    rest = _UNIT_GLUED.sub(r"\1 ", rest)
    units = Counter(_UNITS.get(" ".join(u.lower().split()), u) for u in _UNIT_AFTER.findall(rest))
    codes = Counter(m.group().lower() for m in _CODE.finditer(rest))
    plain = _CODE.sub(" ", rest)
    numbers = Counter(n.replace(",", ".") for n in _NUMBER.findall(plain))
    return _Values(numbers, codes, signs, units)


def _language(cs: ClaimSet) -> str:
    """``zh``, ``en``, ``de`` or ``fr``, as the parser read it (from :func:`language_of`)."""
    return cs.language or language_of(cs.source.text)


def compare(
    original: ClaimSet, translation: ClaimSet, vocabulary: Vocabulary | None = None
) -> list[TranslationFinding]:
    """Every difference found between ``original`` and its ``translation`` (either may be the Chinese side)."""
    vocabulary = vocabulary or Vocabulary.shipped()
    out: list[TranslationFinding] = []
    out.extend(_count(original, translation))
    pairs = [(o, t) for o in original if (t := translation.get(o.number)) is not None]
    for o, t in pairs:
        out.extend(_dependency(original, translation, o, t))
        out.extend(_numbers(original, translation, o, t))
        out.extend(_transition(original, translation, o, t))
    langs = {_language(original), _language(translation)}
    if langs == {"en", "zh"}:
        en_is_original = _language(original) == "en"
        en_cs, zh_cs = (original, translation) if en_is_original else (translation, original)
        out.extend(_Terms(en_cs, zh_cs, en_is_original, vocabulary).run())
    return out


def _count(original: ClaimSet, translation: ClaimSet) -> Iterator[TranslationFinding]:
    a = [c.number for c in original]
    b = [c.number for c in translation]
    if len(a) != len(b):
        yield TranslationFinding(
            "count",
            Severity.ERROR,
            None,
            f"原文有{len(a)}项权利要求，译文有{len(b)}项",
            f"the original has {len(a)} claims, the translation {len(b)}",
            None,
            None,
        )
    for here, there, cs, zh, en in (
        (a, b, original, "原文权利要求{}在译文中缺失", "claim {} of the original is missing from the translation"),
        (
            b,
            a,
            translation,
            "译文权利要求{}在原文中没有对应",
            "claim {} of the translation has no counterpart in the original",
        ),
    ):
        for n in sorted(set(here) - set(there)):
            c = cs.get(n)
            assert c is not None
            q = _whole(c, cs)
            pair = (q, None) if cs is original else (None, q)
            yield TranslationFinding("count", Severity.ERROR, n, zh.format(n), en.format(n), *pair)


def _ref_quote(c: Claim, cs: ClaimSet) -> Quote:
    if c.reference is not None:
        return Quote(c.reference.segment.text, c.number, c.reference.segment.span, cs.source)
    return _whole(c, cs, 30)


def _dependency(original: ClaimSet, translation: ClaimSet, o: Claim, t: Claim) -> Iterator[TranslationFinding]:
    ro, rt = sorted(set(o.refs or o.mentions)), sorted(set(t.refs or t.mentions))
    if ro != rt:
        yield TranslationFinding(
            "dependency",
            Severity.ERROR,
            o.number,
            f"权利要求{o.number}的引用关系不同：原文引用{ro or '无'}，译文引用{rt or '无'}",
            f"claim {o.number} depends on {ro or 'nothing'} in the original and on {rt or 'nothing'} in the translation",
            _ref_quote(o, original),
            _ref_quote(t, translation),
        )
        return
    if len(ro) >= 2 and (o.ref_mode is RefMode.CUMULATIVE) != (t.ref_mode is RefMode.CUMULATIVE):
        yield TranslationFinding(
            "dependency",
            Severity.ERROR,
            o.number,
            f"权利要求{o.number}的引用方式不同：原文为{_mode_zh(o)}，译文为{_mode_zh(t)}",
            f"claim {o.number} refers {_mode_en(o)} in the original and {_mode_en(t)} in the translation",
            _ref_quote(o, original),
            _ref_quote(t, translation),
        )


def _mode_zh(c: Claim) -> str:
    return "累加引用（和）" if c.ref_mode is RefMode.CUMULATIVE else "择一引用（或）"


def _mode_en(c: Claim) -> str:
    return "cumulatively (and)" if c.ref_mode is RefMode.CUMULATIVE else "in the alternative (or)"


def _flat(c: Claim) -> str:
    return c.flat.text if c.flat is not None else c.text


def _numbers(original: ClaimSet, translation: ClaimSet, o: Claim, t: Claim) -> Iterator[TranslationFinding]:
    vo, vt = _values(_flat(o)), _values(_flat(t))
    for label_zh, label_en, a, b, kind in (
        ("数值", "number", vo.numbers, vt.numbers, "number"),
        ("代号或化学式", "code or formula", vo.codes, vt.codes, "number"),
        ("单位", "unit", vo.units, vt.units, "number"),
        ("附图标记", "reference sign", vo.signs, vt.signs, "sign"),
    ):
        if kind == "sign":
            # a translation may repeat a sign (所述测力系统(12)): compare which occur, not how often
            lost, added = sorted(set(a) - set(b)), sorted(set(b) - set(a))
        else:
            lost, added = sorted((a - b).elements()), sorted((b - a).elements())
        if not lost and not added:
            continue
        parts_zh, parts_en = [], []
        if lost:
            parts_zh.append(f"原文的{label_zh}{'、'.join(lost)}在译文中缺失或不同")
            parts_en.append(f"{label_en} {', '.join(lost)} of the original missing or changed in the translation")
        if added:
            parts_zh.append(f"译文多出{label_zh}{'、'.join(added)}")
            parts_en.append(f"the translation adds {label_en} {', '.join(added)}")
        yield TranslationFinding(
            kind,
            Severity.ERROR,
            o.number,
            f"权利要求{o.number}：" + "；".join(parts_zh),
            f"claim {o.number}: " + "; ".join(parts_en),
            _around(o, original, lost[0] if lost else ""),
            _around(t, translation, added[0] if added else (lost[0] if lost else "")),
        )

    yield from _sign_names(original, translation, o, t)


_NAME_BEFORE_SIGN = re.compile(
    r"([A-Za-z][\w-]*|[\u4e00-\u9fff]{2})\s*[(（]\s*([A-Za-z]{0,3}\d+[A-Za-z'’]*(?:\s*[,，、]\s*[A-Za-z]{0,3}\d+[A-Za-z'’]*)*)\s*[)）]"
)


def _sign_names(original: ClaimSet, translation: ClaimSet, o: Claim, t: Claim) -> Iterator[TranslationFinding]:
    """A sign that marks more parts in the translation than in the original (设有机构(18) beside 偏转装置(7, 18))."""

    def names(text: str) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for m in _NAME_BEFORE_SIGN.finditer(text):
            name = singular(m.group(1).lower())
            for sign in re.findall(r"[A-Za-z]{0,3}\d+[A-Za-z'’]*", m.group(2)):
                out.setdefault(sign.lower(), set()).add(name)
        return out

    no, nt = names(_flat(o)), names(_flat(t))
    for sign, parts in sorted(nt.items()):
        if sign in no and len(parts) > len(no[sign]):
            yield TranslationFinding(
                "sign",
                Severity.ERROR,
                o.number,
                f"权利要求{o.number}：附图标记{sign}在原文中标注{len(no[sign])}个部件，在译文中标注了{len(parts)}个",
                f"claim {o.number}: sign {sign} marks {len(no[sign])} part(s) in the original and {len(parts)} in the "
                "translation",
                _around(o, original, sign),
                _around(t, translation, sign),
            )


def _around(c: Claim, cs: ClaimSet, needle: str, width: int = 20) -> Quote:
    text = _flat(c)
    i = text.lower().find(needle.lower()) if needle else -1
    if i < 0:
        return _whole(c, cs)
    a, b = max(0, i - width), min(len(text), i + len(needle) + width)
    while 0 < a < i and text[a - 1].isalnum() and text[a].isascii():  # whole words on a Latin side
        a -= 1
    while i < b < len(text) and text[b].isalnum() and text[b - 1].isascii():
        b += 1
    return _quote(c, a, b, cs)


_SCOPE = (
    "open",
    "essentially",
    "closed",
)  # comprising / 包括, consisting essentially of / 基本上由……组成, consisting of
_SCOPE_ZH = MappingProxyType(
    {"open": "开放式（包括）", "essentially": "半封闭式（基本上由……组成）", "closed": "封闭式（由……组成）"}
)
_SCOPE_EN = MappingProxyType(
    {"open": "open (comprising)", "essentially": "consisting essentially of", "closed": "closed (consisting of)"}
)
_ESSENTIALLY = re.compile(r"(?i)\bessentially\b|(?:主要|基本上|基本|本质上|实质上)(?:由|组成为)")


def _scope(c: Claim) -> str | None:
    """``open``, ``essentially`` or ``closed``: the transition of a claim, with 基本上由……组成 told apart."""
    if c.transition_type is None or c.transition is None:
        return None
    if c.transition_type == "open" and _ESSENTIALLY.search(c.transition.text):
        return "essentially"
    return c.transition_type


def _transition(original: ClaimSet, translation: ClaimSet, o: Claim, t: Claim) -> Iterator[TranslationFinding]:
    a, b = _scope(o), _scope(t)
    if a is None or b is None or a == b:
        return
    narrower = _SCOPE.index(b) > _SCOPE.index(a)
    yield TranslationFinding(
        "transition",
        Severity.ERROR,
        o.number,
        f"权利要求{o.number}的过渡语由{_SCOPE_ZH[a]}变为{_SCOPE_ZH[b]}，保护范围{'缩小' if narrower else '扩大'}",
        f"claim {o.number}: the transition is {_SCOPE_EN[a]} in the original and {_SCOPE_EN[b]} in the translation: "
        f"the scope {'narrows' if narrower else 'broadens'}",
        _transition_quote(o, original),
        _transition_quote(t, translation),
    )


def _transition_quote(c: Claim, cs: ClaimSet) -> Quote:
    if c.transition is not None:
        return Quote(c.transition.text, c.number, c.transition.span, cs.source)
    return _whole(c, cs, 30)


_CLAUSE_EN = re.compile(
    r"[;:]|,\s*(?:wherein|whereby|and wherein|characteri[sz]ed)\b|\bwherein\b|,\s+(?=(?:said|each\s+of\s+said)\b)"
)
_CLAUSE_ZH = re.compile(r"[；;：:，。]")
_REFERRING_ZH = re.compile(r"(?:所述|该|上述|前述)(?:多个|至少一个|一个或多个|一个|一对|两个|若干)?$")
_INTRODUCING = frozenset({"a", "an", "a plurality of", "at least one", "one or more", "a pair of", "a set of"})


class _Terms:
    """The term checks between an English and a Chinese claim set."""

    def __init__(self, en: ClaimSet, zh: ClaimSet, en_is_original: bool, vocabulary: Vocabulary) -> None:
        self.en, self.zh, self.en_is_original, self.vocabulary = en, zh, en_is_original, vocabulary
        self.renderings = vocabulary.chinese()
        self.exempt = english_words().exempt
        self.rendered: dict[str, dict[int, set[str]]] = {}

    def _pair(self, en_quote: Quote | None, zh_quote: Quote | None) -> tuple[Quote | None, Quote | None]:
        return (en_quote, zh_quote) if self.en_is_original else (zh_quote, en_quote)

    def _unmatched(
        self, number: int, clause: str, of_original: bool, en_quote: Quote | None, zh_quote: Quote | None
    ) -> TranslationFinding:
        """A clause with no counterpart: ``missing`` from the translation (a clause of the original) or ``extra``."""
        o, t = self._pair(en_quote, zh_quote)
        side_zh, other_zh, other_en = ("原文", "译文", "translation") if of_original else ("译文", "原文", "original")
        return TranslationFinding(
            "missing" if of_original else "extra",
            Severity.ERROR,
            number,
            f"权利要求{number}：{side_zh}特征“{clause}”在{other_zh}中没有对应",
            f"claim {number}: the feature '{clause}' has no counterpart in the {other_en}",
            o,
            t,
        )

    def _terms(self, c: Claim) -> list[tuple[Phrase, str]]:
        out = []
        for p in phrases(_flat(c)):
            if not p.words or p.words[0] in self.exempt:
                continue
            key = self.vocabulary.lookup(p.words)
            if key is not None:
                out.append((p, key))
        return out

    def _rendered(self) -> dict[str, dict[int, set[str]]]:
        """For each English term, the renderings found in each claim."""
        out: dict[str, dict[int, set[str]]] = {}
        for e in self.en:
            z = self.zh.get(e.number)
            if z is None:
                continue
            present = {r for _, r in scan(_flat(z), self.renderings)}
            for _p, key in self._terms(e):
                here = present & set(self.vocabulary.terms[key])
                if here:
                    out.setdefault(key, {}).setdefault(e.number, set()).update(here)
        return out

    def run(self) -> Iterator[TranslationFinding]:
        self.rendered = self._rendered()
        seen: dict[str, dict[int, set[str]]] = {}
        for e in self.en:
            z = self.zh.get(e.number)
            if z is None or e.flat is None or z.flat is None:
                continue
            zh_text = z.flat.text
            found = scan(zh_text, self.renderings)
            present = Counter(r for _, r in found)
            terms = self._terms(e)
            unrendered: list[tuple[Phrase, str]] = []
            keys_here = {k for _, k in terms}
            split_here: set[str] = set()
            for p, key in terms:
                cands = self.vocabulary.terms[key]
                here = {r for r in cands if present[r]}
                if here:
                    seen.setdefault(key, {}).setdefault(e.number, set()).update(here)
                    if len(here) > 1 and key not in split_here and key not in self.vocabulary.generic:
                        others = {r for k in keys_here - {key} for r in self.vocabulary.terms[k]}
                        if not here & others:
                            split_here.add(key)
                            yield self._split_in_claim(e, z, p, key, sorted(here))
                else:
                    unrendered.append((p, key))
                glossary = self.vocabulary.glossary.get(key)
                if glossary and not any(g in zh_text for g in glossary):
                    yield self._glossary(e, z, p, key, glossary, here)
            yield from self._merged_or_missing(e, z, terms, unrendered, present, found)
            yield from self._extra(e, z, found)
            yield from self._antecedent(e, z, terms, found)
        yield from self._split(seen)

    def _glossary(
        self, e: Claim, z: Claim, p: Phrase, key: str, glossary: list[str], here: set[str]
    ) -> TranslationFinding:
        used = "、".join(sorted(here)) or "其他译法"
        zq = _around(z, self.zh, next(iter(here), ""))
        o, t = self._pair(_quote(e, p.start, p.end, self.en), zq)
        return TranslationFinding(
            "glossary",
            Severity.WARNING,
            e.number,
            f"权利要求{e.number}：术语表要求“{key}”译为“{'/'.join(glossary)}”，译文用了“{used}”",
            f"claim {e.number}: the glossary renders '{key}' as '{'/'.join(glossary)}'; the translation uses '{used}'",
            o,
            t,
        )

    def _split_in_claim(self, e: Claim, z: Claim, p: Phrase, key: str, here: list[str]) -> TranslationFinding:
        o, t = self._pair(_quote(e, p.start, p.end, self.en), _around(z, self.zh, here[1]))
        return TranslationFinding(
            "term-split",
            Severity.WARNING,
            e.number,
            f"权利要求{e.number}：原文术语“{key}”在同一权利要求中译为“{'”和“'.join(here)}”",
            f"claim {e.number}: '{key}' is rendered both '{' and '.join(here)}' in one claim",
            o,
            t,
        )

    def _variant(self, z: Claim, key: str, usual: set[str]) -> str | None:
        """Another rendering of a term in a Chinese claim: a string of the same length ending like the usual one
        (转换开关 for 切换开关, 地板 for 楼板, 2-丙醇 for 异丙醇) that is no known rendering."""
        text = _flat(z)
        known = set(self.renderings)
        for r in sorted(usual, key=len, reverse=True):
            tail = r[-2:] if len(r) > 2 else r[-1:]
            lead = len(r) - len(tail)
            for m in re.finditer(re.escape(tail), text):
                a = m.start() - lead
                if a < 0 or not lead:
                    continue
                while a > 0 and re.match(r"[A-Za-z0-9-]", text[a - 1]):
                    a -= 1
                candidate = text[a : m.end()]
                if candidate == r or candidate in known or re.search(r"[所述该的和与或、，,；;]", candidate):
                    continue
                return candidate
        return None

    def _merged_or_missing(
        self,
        e: Claim,
        z: Claim,
        terms: list[tuple[Phrase, str]],
        unrendered: list[tuple[Phrase, str]],
        present: Counter[str],
        found: list[tuple[int, str]],
    ) -> Iterator[TranslationFinding]:
        en_count = Counter(key for _, key in terms)
        reported: set[str] = set()
        missing_keys: set[str] = set()
        for p, key in unrendered:
            if key in reported:
                continue
            reported.add(key)
            # another term's rendering used more often than that term occurs: the two were merged
            merged = None
            for _q, other in terms:
                if other == key or other in self.vocabulary.generic:
                    continue
                if not _related(key, other, self.vocabulary):
                    continue
                cands = [r for r in self.vocabulary.terms[other] if present[r]]
                if len(cands) == 1 and present[cands[0]] >= en_count[other] + en_count[key]:
                    merged = (other, cands[0])
                    break
            if merged is not None:
                other, rendering = merged
                zq = _around(z, self.zh, rendering)
                o, t = self._pair(_quote(e, p.start, p.end, self.en), zq)
                yield TranslationFinding(
                    "term-merge",
                    Severity.WARNING,
                    e.number,
                    f"权利要求{e.number}：原文的“{other}”和“{key}”在译文中都译为“{rendering}”",
                    f"claim {e.number}: '{other}' and '{key}' are both rendered '{rendering}'",
                    o,
                    t,
                )
            else:
                found_variant = yield from self._split_variant(e, z, p, key)
                if not found_variant:
                    missing_keys.add(key)
        # a term rendered fewer times than the original names it, and a variant rendering in its place
        rendered_keys = {k: p for p, k in reversed(terms) if k not in missing_keys and k not in reported}
        for key, p in rendered_keys.items():
            cands = self.vocabulary.terms[key]
            if key not in self.vocabulary.generic and sum(present[r] for r in cands) < en_count[key]:
                yield from self._split_variant(e, z, p, key)
        yield from self._missing_clauses(e, z, terms, missing_keys, found, present, en_count)

    def _split_variant(self, e: Claim, z: Claim, p: Phrase, key: str) -> Generator[TranslationFinding, None, bool]:
        """Report a variant rendering of ``key`` in this claim (usual elsewhere); whether one was found."""
        usual = {r for rs in self.rendered.get(key, {}).values() for r in rs}
        variant = self._variant(z, key, usual) if usual and key not in self.vocabulary.generic else None
        if variant is None:
            return False
        first = sorted(usual)[0]
        o, t = self._pair(_quote(e, p.start, p.end, self.en), _around(z, self.zh, variant))
        yield TranslationFinding(
            "term-split",
            Severity.WARNING,
            e.number,
            f"权利要求{e.number}：原文术语“{key}”在其他权利要求中译为“{first}”，此处译为“{variant}”",
            f"claim {e.number}: '{key}' is rendered '{first}' elsewhere and '{variant}' here",
            o,
            t,
        )
        return True

    def _covers(self, clause: set[str], keys: set[str], need: int) -> bool:
        """Whether a Chinese clause's renderings render at least ``need`` of the English terms ``keys``."""
        return sum(bool(clause & set(self.vocabulary.terms[k])) for k in keys) >= need

    def _missing_clauses(
        self,
        e: Claim,
        z: Claim,
        terms: list[tuple[Phrase, str]],
        missing: set[str],
        found: list[tuple[int, str]],
        present: Counter[str],
        en_count: Counter[str],
    ) -> Iterator[TranslationFinding]:
        text = _flat(e)
        zv = _values(_flat(z))
        zh_text = _flat(z)
        zb = [0, *(m.end() for m in _CLAUSE_ZH.finditer(zh_text)), len(zh_text)]
        zh_clauses = [{r for i, r in found if x <= i < y} for x, y in itertools.pairwise(zb)]
        pointer = 0
        bounds = [0, *(m.end() for m in _CLAUSE_EN.finditer(text)), len(text)]
        for a, b in itertools.pairwise(bounds):
            inside = [(p, k) for p, k in terms if a <= p.start < b]
            keys = {k for _, k in inside}
            lost_terms = {k for k in keys if k in missing and k not in self.vocabulary.generic}
            nums = _values(text[a:b])
            lost_nums = [n for n in nums.numbers if n not in zv.numbers] + [c for c in nums.codes if c not in zv.codes]
            anchors = len(keys) + len(nums.numbers) + len(nums.codes)
            lost = len(lost_terms) + len(lost_nums)
            specific = {k for k in keys if k not in self.vocabulary.generic}
            # every term of the clause is rendered fewer times than the original names it: the clause is gone
            short = {k for k in specific if sum(present[r] for r in self.vocabulary.terms[k]) < en_count[k]}
            need = len(specific) - 1 if len(specific) >= 3 else len(specific)

            # clauses in order: a Chinese clause (or two) at or after the last match holding the terms matches
            single = next(
                (i for i in range(pointer, len(zh_clauses)) if self._covers(zh_clauses[i], specific, need)), None
            )
            union = next(
                (
                    i
                    for i in range(pointer, len(zh_clauses) - 1)
                    if self._covers(zh_clauses[i] | zh_clauses[i + 1], specific, need)
                ),
                None,
            )
            gone = len(specific) >= 2 and a > 0 and bool(short)
            if single is not None and specific:
                pointer = single + 1
                gone = False
            elif union is not None and specific:
                pointer = union + 2
                gone = gone and short == specific
            if not gone and (not lost_terms or not (lost >= 2 or (anchors and lost == anchors))):
                continue
            clause = text[a:b].strip(" ,;:")
            start = a + text[a:b].find(clause)
            ratio = (a + b) / 2 / max(1, len(text))
            zq = _zh_clause_at(z, self.zh, ratio)
            yield self._unmatched(
                e.number, clause, self.en_is_original, _quote(e, start, start + len(clause), self.en), zq
            )

    def _extra(self, e: Claim, z: Claim, found: list[tuple[int, str]]) -> Iterator[TranslationFinding]:
        raw = re.findall(r"[a-z][\w-]*", _flat(e).lower())
        en_words = {singular(w) for w in raw} | {singular(x) for w in raw for x in w.split("-") if x}
        en_text = " " + " ".join(re.findall(r"[a-z][\w-]*", _flat(e).lower())) + " "
        zh_text = _flat(z)
        ev = _values(_flat(e))
        bounds = [0, *(m.end() for m in _CLAUSE_ZH.finditer(zh_text)), len(zh_text)]
        for a, b in itertools.pairwise(bounds):
            inside = {r for i, r in found if a <= i < b}
            absent = []
            for r in inside:
                keys = self.vocabulary.sources(r)
                if len(r) < 2 or all(k in self.vocabulary.generic for k in keys):
                    continue
                if keys and not any(_in_english(k, en_words, en_text) for k in keys):
                    absent.append(r)
            nums = _values(zh_text[a:b])
            absent += [n for n in nums.numbers if n not in ev.numbers]
            if len([x for x in absent if not x[:1].isdigit()]) < 1 or len(absent) < 2:
                continue
            clause = zh_text[a:b].strip("，,；;：:。 ")
            start = a + zh_text[a:b].find(clause)
            ratio = (a + b) / 2 / max(1, len(zh_text))
            eq = _en_clause_at(e, self.en, ratio)
            yield self._unmatched(
                e.number, clause, not self.en_is_original, eq, _quote(z, start, start + len(clause), self.zh)
            )

    def _antecedent(
        self, e: Claim, z: Claim, terms: list[tuple[Phrase, str]], found: list[tuple[int, str]]
    ) -> Iterator[TranslationFinding]:
        if not self.en_is_original:
            yield from self._antecedent_reverse(e, z, terms, found)
            return
        ancestors = " ".join(_flat(a).lower() for a in self.en.ancestors(e))
        zh_text = _flat(z)
        first: dict[str, Phrase] = {}
        for p, key in terms:
            first.setdefault(key, p)
        for key, p in first.items():
            if p.det not in _INTRODUCING or key in self.vocabulary.generic or singular(p.words[-1]) in ancestors:
                continue
            if re.search(rf"\b{re.escape(key)}", ancestors) or p.words[-1] in ancestors:
                continue
            cands = self.vocabulary.terms[key]
            hits = [i for i, r in found if r in cands]
            if not hits:
                continue
            i = hits[0]
            before = _REFERRING_ZH.search(zh_text[max(0, i - 7) : i])
            if before:
                mark = before.group()
                zq = _quote(z, i - len(mark), i + len(next(r for j, r in found if j == i)), self.zh)
                yield TranslationFinding(
                    "antecedent",
                    Severity.WARNING,
                    e.number,
                    f"权利要求{e.number}：原文以“{p.det} {p.text}”首次引入该特征，译文却写作“{zq.text}”（缺乏引用基础）",
                    f"claim {e.number}: the original introduces '{p.det} {p.text}', the translation refers to it "
                    f"with '{zq.text}' (no antecedent)",
                    _quote(e, p.start, p.end, self.en),
                    zq,
                )

    def _antecedent_reverse(
        self, e: Claim, z: Claim, terms: list[tuple[Phrase, str]], found: list[tuple[int, str]]
    ) -> Iterator[TranslationFinding]:
        """An English translation of Chinese claims: the k-th English mention of a term against the k-th Chinese
        mention of its rendering. ``the X`` / ``said X`` where the Chinese introduces X (first mention along the
        dependency path, no 所述), and ``a X`` where the Chinese refers back with 所述 to an X named before."""
        en_before = " ".join(_flat(a).lower() for a in _before(self.en, e))
        zh_before = "".join(_flat(a) for a in _before(self.zh, z))
        zh_text, en_text = _flat(z), _flat(e)
        skip = self.exempt | english_words().properties | english_words().environment
        seen: Counter[str] = Counter()
        for p, key in terms:
            k = seen[key]
            seen[key] += 1
            if key in self.vocabulary.generic or p.head in skip or not p.det:
                continue
            hits = [i for i, r in found if r in self.vocabulary.terms[key]]
            if len(hits) <= k:
                continue
            i = hits[k]
            rendering = next(r for j, r in found if j == i)
            mark = _REFERRING_ZH.search(zh_text[max(0, i - 7) : i])
            zh_new = k == 0 and mark is None and not any(r in zh_before for r in self.vocabulary.terms[key])
            en_new = k == 0 and not re.search(rf"\b{re.escape(key)}", en_before)
            of_part = (
                en_text[p.end :].lstrip().startswith(("of ", "thereof"))
            )  # the top of …: a part named by what owns it
            if p.referring and zh_new and en_new and not of_part:
                message = (
                    f"原文首次引入“{rendering}”，译文却写作“{p.det} {p.text}”（缺乏引用基础）",
                    f"the original introduces '{rendering}' here; the translation writes '{p.det} {p.text}' "
                    "(no antecedent)",
                )
            elif p.det in _INTRODUCING and mark is not None and not zh_new and not en_new:
                message = (
                    f"原文写作“{mark.group()}{rendering}”（引用在前的特征），译文却写作“{p.det} {p.text}”（引入新特征）",
                    f"the original refers back with '{mark.group()}{rendering}'; the translation writes "
                    f"'{p.det} {p.text}', introducing a new one",
                )
            else:
                continue
            start = i - (len(mark.group()) if mark else 0)
            yield TranslationFinding(
                "antecedent",
                Severity.WARNING,
                e.number,
                f"权利要求{e.number}：" + message[0],
                f"claim {e.number}: " + message[1],
                _quote(z, start, i + len(rendering), self.zh),
                _quote(e, p.start, p.end, self.en),
            )

    def _split(self, seen: dict[str, dict[int, set[str]]]) -> Iterator[TranslationFinding]:
        for key, by_claim in seen.items():
            if key in self.vocabulary.generic or len(by_claim) < 2:
                continue
            single = {n: next(iter(rs)) for n, rs in by_claim.items() if len(rs) == 1}
            variants = Counter(single.values())
            if len(variants) < 2:
                continue
            usual = variants.most_common(1)[0][0]
            for n, r in sorted(single.items()):
                if r == usual:
                    continue
                e, z = self.en.get(n), self.zh.get(n)
                assert e is not None and z is not None
                others = sorted(m for m, x in single.items() if x == usual)
                o, t = self._pair(_around(e, self.en, key.split()[-1]), _around(z, self.zh, r))
                yield TranslationFinding(
                    "term-split",
                    Severity.WARNING,
                    n,
                    f"原文术语“{key}”在权利要求{'、'.join(map(str, others))}中译为“{usual}”，在权利要求{n}中译为“{r}”",
                    f"'{key}' is rendered '{usual}' in claim {', '.join(map(str, others))} and '{r}' in claim {n}",
                    o,
                    t,
                )


def _before(cs: ClaimSet, c: Claim) -> list[Claim]:
    """The claims a claim builds on: its ancestors, and the claims it names (一种包括权利要求1所述组件的车辆)."""
    named = [m for n in c.mentions if n < c.number and (m := cs.get(n)) is not None]
    return [*cs.ancestors(c), *named, *(a for m in named for a in cs.ancestors(m))]


def claim_renderings(en: ClaimSet, zh: ClaimSet, vocabulary: Vocabulary) -> dict[str, set[str]]:
    """For each English term of the claims, the Chinese renderings the translated claims use for it."""
    by_claim = _Terms(en, zh, True, vocabulary)._rendered()
    return {key: set().union(*claims.values()) for key, claims in by_claim.items()}


def related(a: str, b: str, vocabulary: Vocabulary) -> bool:
    """Whether two English terms are near enough to be confused (member / membrane, housing / casing)."""
    return _related(a, b, vocabulary)


def _related(a: str, b: str, vocabulary: Vocabulary) -> bool:
    """Whether two English terms are near enough to be confused (member / membrane, housing / casing)."""
    if a.split()[-1] == b.split()[-1] or set(vocabulary.terms[a]) & set(vocabulary.terms[b]):
        return True
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.7


def _in_english(key: str, words: set[str], text: str) -> bool:
    """Whether an English term occurs in a claim: its last word (or a word of its stem: react-ion, react-ing)."""
    parts = key.split()
    last = singular(parts[-1])
    found = last in words or (len(last) >= 6 and any(w.startswith(last[:5]) for w in words))
    return found and (len(parts) == 1 or f" {' '.join(parts[:-1])} " in text)


def _zh_clause_at(c: Claim, cs: ClaimSet, ratio: float) -> Quote:
    text = _flat(c)
    bounds = [0, *(m.end() for m in _CLAUSE_ZH.finditer(text)), len(text)]
    pos = int(ratio * len(text))
    for a, b in itertools.pairwise(bounds):
        if a <= pos < b:
            return _quote(c, a, b, cs)
    return _whole(c, cs)


def _en_clause_at(c: Claim, cs: ClaimSet, ratio: float) -> Quote:
    text = _flat(c)
    bounds = [0, *(m.end() for m in _CLAUSE_EN.finditer(text)), len(text)]
    pos = int(ratio * len(text))
    for a, b in itertools.pairwise(bounds):
        if a <= pos < b:
            return _quote(c, a, b, cs)
    return _whole(c, cs)
