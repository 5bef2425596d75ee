"""Words that are not Chinese technical terms: foreign words (C007 foreign-word) and trade names (C008 trade-name)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from claimcheck.lexicon import Lexicons
from claimcheck.model import Claim, ClaimSet
from claimcheck.model.diagnostic import Diagnostic, Fix, Severity
from claimcheck.rules.base import Context, Rule

# a run of ASCII letters and digits (STM32F103, loss, NaCl, Wi-Fi, H.264)
_TOKEN = re.compile(r"(?<![A-Za-z0-9_])[A-Za-z0-9](?:[A-Za-z0-9]|[\-.](?=[A-Za-z0-9]))*(?![A-Za-z0-9_])")
_ELEMENTS = frozenset(
    [
        "H",
        "He",
        "Li",
        "Be",
        "B",
        "C",
        "N",
        "O",
        "F",
        "Ne",
        "Na",
        "Mg",
        "Al",
        "Si",
        "P",
        "S",
        "Cl",
        "Ar",
        "K",
        "Ca",
        "Sc",
        "Ti",
        "V",
        "Cr",
        "Mn",
        "Fe",
        "Co",
        "Ni",
        "Cu",
        "Zn",
        "Ga",
        "Ge",
        "As",
        "Se",
        "Br",
        "Kr",
        "Rb",
        "Sr",
        "Y",
        "Zr",
        "Nb",
        "Mo",
        "Tc",
        "Ru",
        "Rh",
        "Pd",
        "Ag",
        "Cd",
        "In",
        "Sn",
        "Sb",
        "Te",
        "I",
        "Xe",
        "Cs",
        "Ba",
        "La",
        "Ce",
        "Pr",
        "Nd",
        "Pm",
        "Sm",
        "Eu",
        "Gd",
        "Tb",
        "Dy",
        "Ho",
        "Er",
        "Tm",
        "Yb",
        "Lu",
        "Hf",
        "Ta",
        "W",
        "Re",
        "Os",
        "Ir",
        "Pt",
        "Au",
        "Hg",
        "Tl",
        "Pb",
        "Bi",
        "Po",
        "At",
        "Rn",
        "Fr",
        "Ra",
        "Ac",
        "Th",
        "Pa",
        "U",
        "Np",
        "Pu",
        "Am",
    ]
)
_FORMULA_PIECE = re.compile(r"([A-Z][a-z]?)(\d{0,3})")
# a value or range with its unit (3-7cm, 0.1-0.3MPa, 220V, 10kHz)
_VALUE = re.compile(r"^[0-9]+(?:\.[0-9]+)?(?:[\-~][0-9]+(?:\.[0-9]+)?)?[A-Za-z%μΩ/]{1,6}$")
# an abbreviation in brackets (after a Chinese term), and one before brackets (holding a Chinese term)
_GLOSS = re.compile(r"[（(]([A-Za-z0-9 ,，\-./]+)[）)]")
_GLOSSED = re.compile(r"([A-Za-z][A-Za-z0-9\-]*)\s*[（(]")
_PARTICLES = frozenset("的述在上下内外和及与或、为用是有将把于由")
_MATH = "=＝+＋*×÷<>≤≥＜＞^_|"


@dataclass(frozen=True, slots=True)
class _Words:
    abbreviations: frozenset[str]
    units: frozenset[str]
    terms: frozenset[str]
    suffixes: tuple[str, ...]
    standards: tuple[re.Pattern[str], ...]
    brands: tuple[str, ...]
    plaques: tuple[str, ...]


def _build(lex: Lexicons) -> _Words:
    d = lex.load("foreign")
    acc = d.get("accepted", {})
    return _Words(
        frozenset(acc.get("abbreviations", [])),
        frozenset(acc.get("units", [])),
        frozenset(acc.get("terms", [])),
        tuple(acc.get("variable-suffixes", [])),
        tuple(re.compile(r) for r in d.get("standards", {}).get("regexes", [])),
        tuple(sorted(d.get("trade", {}).get("brands", []), key=len, reverse=True)),
        tuple(d.get("trade", {}).get("plaque-words", [])),
    )


def words(lex: Lexicons) -> _Words:
    """The word lists of ``lexicons/foreign.toml`` (built once per lexicons)."""
    return lex.table("names.words", _build)


def chemical_formula(token: str) -> bool:
    """Whether ``token`` reads as a formula or grade of element symbols (NaCl, SiO2, Al2O3, 1Cr18Ni9Ti, Cr12MoV)."""
    core = token.lstrip("0123456789")
    if not core or not core[0].isupper():
        return False
    pos = 0
    for m in _FORMULA_PIECE.finditer(core):
        if m.start() != pos or m.group(1) not in _ELEMENTS:
            return False
        pos = m.end()
    return pos == len(core)


def standard(token: str, w: _Words) -> bool:
    """Whether ``token`` is a standard designation, grade, label or unit rather than a product name."""
    return any(p.search(token) for p in w.standards)


def model_number(token: str, w: _Words) -> bool:
    """Whether ``token`` looks like a maker's model or part number (BP2832A, STM32F103, LM358, DS18B20)."""
    letters = sum(ch.isalpha() for ch in token)
    digits = sum(ch.isdigit() for ch in token)
    if letters < 2 or digits < 2 or len(token) < 5 or _VALUE.match(token):
        return False
    return not (chemical_formula(token) or standard(token, w))


def defined_abbreviations(text: str) -> set[str]:
    """Abbreviations explained in Chinese where they are used: 电子控制单元（ECU）, ECU（电子控制单元）,
    长短期记忆网络（Long Short-Term Memory，LSTM）."""
    out: set[str] = set()
    # the CJK character beside the bracket is tested here, not in the patterns: a class of every CJK character
    # costs about a millisecond to compile, and neither pattern can match across one, so the matches are the same
    for m in _GLOSS.finditer(text):
        if m.start() > 0 and "\u4e00" <= text[m.start() - 1] <= "\u9fff":
            out.update(_TOKEN.findall(m.group(1)))
    for m in _GLOSSED.finditer(text):
        if "\u4e00" <= text[m.end() : m.end() + 1] <= "\u9fff":
            out.add(m.group(1))
    return out


def _occurrences(word: str, text: str) -> Iterator[int]:
    """Where ``word`` starts in ``text``, left to right and not overlapping (as ``re.finditer`` of the word)."""
    if not word:
        yield from range(len(text) + 1)
        return
    i = text.find(word)
    while i != -1:
        yield i
        i = text.find(word, i + len(word))


def _glossed(text: str, s: int) -> bool:
    """Whether position ``s`` lies inside brackets that follow a Chinese word (an English gloss)."""
    open_at = max(text.rfind("（", 0, s), text.rfind("(", 0, s))
    if open_at <= 0:
        return False
    close_at = min((i for i in (text.find("）", open_at), text.find(")", open_at)) if i != -1), default=-1)
    return (close_at == -1 or close_at > s) and "\u4e00" <= text[open_at - 1] <= "\u9fff"


def _brand_start(t: str, i: int) -> int:
    """Where a name that ends at ``i`` (before 牌 or ®) begins: at most 4 characters back, not across 的/所述/在 …."""
    a = i
    while (
        a > 0 and i - a < 4 and (t[a - 1].isalnum() or "\u4e00" <= t[a - 1] <= "\u9fff") and t[a - 1] not in _PARTICLES
    ):
        a -= 1
    return a


def _formula_context(text: str, s: int, e: int) -> bool:
    before = text[max(0, s - 2) : s].strip()
    after = text[e : e + 2].strip()
    return bool(before and before[-1] in _MATH) or bool(after and after[0] in _MATH)


class ForeignWord(Rule):
    """A Chinese claim uses a foreign word, or an abbreviation it never explains.

    ## What it flags
    English or other Latin-script words inside a Chinese claim (直至loss收敛, drain极, 对batch中的样本) as a
    warning, and abbreviations that are neither generally known nor explained in Chinese at their first use in the
    claims (info).

    ## Why
    专利法实施细则 第3条第1款: the documents are in Chinese; 专利审查指南 第二部分第二章 §3.2.2 and 第一部分第一章
    §4.2: a foreign term is written in Chinese, and a term or abbreviation with no accepted Chinese rendering is
    explained in Chinese where it is first used. Catalogue CN-CLR-011.

    ## Bad
        1. 一种模型训练方法，包括：计算预测值与标签值的交叉熵损失，迭代更新网络参数直至loss收敛。

    ## Good
        1. 一种模型训练方法，包括：计算预测值与标签值的交叉熵损失，迭代更新网络参数直至所述交叉熵损失收敛。

    ## Traps
    Generally known abbreviations (CPU, LED, PLC, PID, DNA, pH; ``lexicons/foreign.toml``), units (mm, MPa, r/min),
    chemical formulae and grades (NaCl, SiO2, 1Cr18Ni9Ti), variables and functions in formulae (x, Pmax, sin,
    softmax), letters naming a shape (T形, U型槽), component designators and step labels (U1, R1, S101), an
    English gloss in brackets after a Chinese term (长短期记忆网络（Long Short-Term Memory，LSTM）) and an
    abbreviation explained at its first use (电子控制单元（ECU）) are not foreign words. Model numbers and brand
    names are left to trade-name.
    """

    name = "foreign-word"
    code = "C007"
    severity = Severity.WARNING
    catalogue = ("CN-CLR-011",)
    source = "专利法实施细则 第3条第1款"

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        w = words(ctx.lexicons)
        defined = defined_abbreviations("".join(c.flat.folded for c in cs if c.flat is not None))
        reported: set[str] = set()
        for c in cs:
            if c.flat is None:
                continue
            t = c.flat.folded
            for m in _TOKEN.finditer(t):
                tok = m.group(0)
                kind = self._kind(tok, t, m.start(), m.end(), w, defined)
                if kind is None or (kind == "abbreviation" and tok in reported):
                    continue
                reported.add(tok)
                yield self._found(c, m.start(), m.end(), tok, kind)

    @staticmethod
    def _kind(tok: str, t: str, s: int, e: int, w: _Words, defined: set[str]) -> str | None:
        if any(ch.isdigit() for ch in tok) or len(tok) < 2 or "." in tok:
            return None
        if tok in w.units or tok in w.terms or tok in w.abbreviations or tok in defined:
            return None
        if tok in w.brands or chemical_formula(tok) or standard(tok, w):
            return None
        if _glossed(t, s) or _formula_context(t, s, e):
            return None
        if len(tok) <= 5 and tok[0].isalpha() and tok[1:].lower() in w.suffixes:
            return None  # Pmax, Tin: a variable with a suffix
        bare = tok.replace("-", "")
        if bare.isupper() and len(bare) <= 8:
            return "abbreviation"
        return "word"

    def _found(self, c: Claim, s: int, e: int, tok: str, kind: str) -> Diagnostic:
        assert c.flat is not None
        if kind == "abbreviation":
            return self.report(
                c,
                c.flat.span(s, e),
                zh=f"缩略语“{tok}”不是公知的缩略语，首次使用时应注明中文含义",
                en=f"abbreviation '{tok}' is not generally known: explain it in Chinese at its first use",
                severity=Severity.INFO,
                fix=Fix(f"写成“中文名称（{tok}）”", f"write it as <Chinese term>（{tok}）"),
            )
        return self.report(
            c,
            c.flat.span(s, e),
            zh=f"中文权利要求中使用了外文词“{tok}”，应使用规范的中文技术术语",
            en=f"the Chinese claim uses the foreign word '{tok}': use the Chinese technical term",
            fix=Fix("改为对应的中文技术术语", "use the Chinese technical term"),
        )


class TradeName(Rule):
    """A claim names a product by its trade mark, brand or model number.

    ## What it flags
    Trade-mark signs (®, ™), a brand with 牌 (金龙牌电机), brand names (西门子, 特氟龙, Teflon; list in
    ``lexicons/foreign.toml``) and model or part numbers (BP2832A, STM32F103, LM358).

    ## Why
    专利法 第26条第4款; 专利审查指南 第二部分第二章 §3.2.2: a trade mark or model number names one maker's
    product, which may change without notice, so the scope of the claim is unclear; name the technical features
    (the material, the circuit, the function with its structure) instead. Catalogue CN-CLR-012.

    ## Bad
        1. 一种LED驱动电路，包括整流桥和型号为BP2832A的恒流驱动芯片。

    ## Good
        1. 一种LED驱动电路，包括整流桥和恒流驱动芯片，所述恒流驱动芯片的输出电流为300mA。

    ## Traps
    Words ending in 牌 that are no brand (铭牌, 标牌, 指示牌); standard designations and grades (RS485, PT100,
    Q235, 1Cr18Ni9Ti, M8, IP65, R134a); chemical formulae (Al2O3); component designators and step labels (U1, R12,
    S101); values with units (220V, 10kHz) are not model numbers.
    """

    name = "trade-name"
    code = "C008"
    severity = Severity.WARNING
    catalogue = ("CN-CLR-012",)
    source = "专利法 第26条第4款"

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        w = words(ctx.lexicons)
        for c in cs:
            if c.flat is None:
                continue
            t = c.flat.folded
            marks: list[tuple[int, int]] = []
            for m in re.finditer(r"[®™]", t):
                a = m.start()
                while a > 0 and t[a - 1].isascii() and (t[a - 1].isalnum() or t[a - 1] == "-") and m.start() - a < 16:
                    a -= 1
                if a == m.start():
                    a = _brand_start(t, a)
                marks.append((a, m.end()))
                yield self._found(c, a, m.end(), "mark")
            for m in re.finditer(r"牌", t):
                i = m.start()
                if (
                    i == 0
                    or any(t.startswith(p, i + 1 - len(p)) for p in w.plaques)
                    or t.startswith(("牌照", "牌匾"), i)
                ):
                    continue
                a = _brand_start(t, i)
                if a < i:
                    yield self._found(c, a, i + 1, "brand")
            for b in w.brands:
                for start in _occurrences(b, t):
                    end = start + len(b)
                    if b.isascii() and (t[start - 1 : start].isalnum() or t[end : end + 1].isalnum()):
                        continue
                    if any(x <= start < y for x, y in marks):
                        continue  # reported with its ®
                    yield self._found(c, start, end, "brand")
            for m in _TOKEN.finditer(t):
                if model_number(m.group(0), w):
                    yield self._found(c, m.start(), m.end(), "model")

    def _found(self, c: Claim, s: int, e: int, kind: str) -> Diagnostic:
        assert c.flat is not None
        text = c.flat.text[s:e]
        what_zh = {"mark": "商标", "brand": "商标或商品名称", "model": "产品型号"}[kind]
        what_en = {"mark": "a trade mark", "brand": "a brand or trade name", "model": "a model number"}[kind]
        return self.report(
            c,
            c.flat.span(s, e),
            zh=f"权利要求中使用了{what_zh}“{text}”，保护范围不清楚",
            en=f"the claim uses {what_en} '{text}': the scope is unclear",
            fix=Fix("改用该产品的技术特征（材料、结构、参数）限定", "define the product by its technical features"),
            kind=kind,
        )
