"""Antecedent rules (A): antecedent-basis, antecedent-quantity.

Both read *referring markers* (所述 / 该 / 上述 / 前述) and the term that follows,
and look for the term in the *prior text*: the claim before the marker plus
every claim on each chain of claims it depends on (or, for an independent
claim of another category, the claims it refers to).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from claimcheck.lexicon import Lexicons
from claimcheck.model import Claim, ClaimSet, Span
from claimcheck.model.diagnostic import Diagnostic, Fix, Severity
from claimcheck.rules.base import Context, Rule

MARKER = re.compile(r"所述之|所述的|所述|(?<![应活])该(?!当|些)|该些|上述的|上述|前述的|前述")
_SKIP_BEFORE = re.compile(r"(?:权利要求|权利|权)[0-9、,，或和及与至到\-~ 任意一项之中的]*$")
_SIGN = re.compile(r"[（(〔\[]\s*[0-9]{1,4}[a-zA-Z'′]?(?:\s*[,，、-]\s*[0-9]{1,4}[a-zA-Z'′]?)*\s*[）)〕\]]")
_ORDINALS = re.compile(
    r"(第[一二三四五六七八九十0-9]+)((?:(?:、|和|及|与|或|以及)第[一二三四五六七八九十0-9]+)+)([\u4e00-\u9fffA-Za-z]{1,8})"
)
_TERM_END = re.compile(r"[，。；：,;:、（(〔\[\s“”\"'《》|/]")
_ORDINAL_ONLY = re.compile(r"^(?:第[一二三四五六七八九十0-9]+|[一二两三四五六七八九十0-9]+[个根块条只台套]?)$")
_GENERIC = {"方法", "装置", "系统", "设备", "步骤", "结构", "产品", "组合物", "用途", "部件", "工艺"}


@dataclass(frozen=True, slots=True)
class Words:
    """The antecedent word lists, each sorted longest first."""

    plural: list[str]
    singular: list[str]
    anyq: list[str]
    stops: list[str]
    parts: list[str]
    early: frozenset[str]


def words(lex: Lexicons | None = None) -> Words:
    """The word lists of ``lexicons/antecedent.toml``."""
    return (lex or Lexicons.default()).table("antecedent.words", _build_words)


def _build_words(lex: Lexicons) -> Words:
    def get(*keys: str) -> list[str]:
        return sorted(lex.words("antecedent", *keys), key=len, reverse=True)

    return Words(
        plural=get("quantifiers", "plural"),
        singular=get("quantifiers", "singular"),
        anyq=get("quantifiers", "any"),
        stops=get("stops", "words"),
        parts=get("parts", "words"),
        early=frozenset(get("stops", "early")),
    )


def normalise(text: str) -> str:
    """Prior text for matching: reference signs removed, compressed ordinals expanded (第一、第二支架)."""
    text = _SIGN.sub("", text)

    def expand(m: re.Match[str]) -> str:
        firsts = [m.group(1), *re.findall(r"第[一二三四五六七八九十0-9]+", m.group(2))]
        return "、".join(f"{o}{m.group(3)}" for o in firsts)

    return _ORDINALS.sub(expand, text)


@dataclass(frozen=True, slots=True)
class Mention:
    """A referring marker and the span of text after it, in flat offsets of its claim."""

    start: int
    marker_end: int
    term_start: int
    span_text: str
    quantifier: str


def mentions(claim: Claim) -> list[Mention]:
    """The referring markers of a claim that may need an antecedent, with the text that follows."""
    flat = claim.flat
    if flat is None:
        return []
    t = flat.folded
    w = words()
    skip_until = 0
    if claim.reference is not None:
        ref_end = claim.reference.segment.span.end
        skip_until = flat.index(ref_end)
    out: list[Mention] = []
    for m in MARKER.finditer(t):
        if m.start() < skip_until or _SKIP_BEFORE.search(t[max(0, m.start() - 30) : m.start()]):
            continue
        i = m.end()
        quant = ""
        for q in (*w.anyq, *w.plural, *w.singular):
            if t.startswith(q, i) and len(t) > i + len(q):
                quant = q
                i += len(q)
                break
        end = _TERM_END.search(t, i)
        j = min(end.start() if end else len(t), i + 24)
        # a following marker ends the span
        nxt = MARKER.search(t, i, j)
        if nxt:
            j = nxt.start()
        span_text = t[i:j]
        if len(span_text) < 1:
            continue
        out.append(Mention(m.start(), m.end(), i, span_text, quant))
    return out


def _starts_with_any(text: str, words: list[str]) -> str | None:
    for w in words:
        if text.startswith(w):
            return w
    return None


def term_of(span_text: str) -> str:
    """The term a span starts with.

    It ends at 的 or another one-character function word (from the second character on), at a
    digit, or at a predicate word (from the third character on): 所述滑块往复运动 -> 滑块,
    所述轴以… -> 轴, 所述排出口达25cm -> 排出口.
    """
    w = words()
    for k in range(1, len(span_text)):
        ch = span_text[k]
        if ch in w.early or (ch.isdigit() and not span_text[k - 1].isascii()):
            return span_text[:k]
        if k >= 2 and (_starts_with_any(span_text[k:], w.stops) or _starts_with_any(span_text[k:], w.parts)):
            return span_text[:k]
    return span_text


_MARKED = re.compile(
    r"(?:所述之|所述的|所述|该|上述的|上述|前述的|前述)(?:多个|若干个|若干|各个|各|每个|至少一个|一个|两个)?$"
)


def _unmarked(term: str, prior: str) -> Iterator[int]:
    """Offsets where ``term`` occurs in ``prior`` other than right after a referring marker (所述X is no introduction)."""
    start = prior.find(term)
    while start != -1:
        if not _MARKED.search(prior[max(0, start - 8) : start]):
            yield start
        start = prior.find(term, start + 1)


def introduced(term: str, prior: str) -> bool:
    """True when ``term`` occurs in ``prior`` at least once without a referring marker before it."""
    return next(_unmarked(term, prior), None) is not None


def _whole_char(ch: str, prior: str) -> bool:
    """True when the one-character term ``ch`` stands alone in ``prior`` (包括壳体和盖，), not inside a word (运转)."""
    stops = words().stops
    for start in _unmarked(ch, prior):
        before = prior[start - 1] if start > 0 else "|"
        after = prior[start + 1 :]
        if before in "|，,、和及与的：:；;个括有设一" and (
            not after or _TERM_END.match(after) or after[0] in "|。的" or _starts_with_any(after, stops)
        ):
            return True
    return False


def _complete_in(term: str, prior: str) -> bool:
    """True when ``term`` occurs in ``prior`` as a whole term: followed by punctuation, a stop word or the end."""
    stops = words().stops
    for start in _unmarked(term, prior):
        after = prior[start + len(term) :]
        if not after or _TERM_END.match(after) or after[0] in "|。的" or _starts_with_any(after, stops):
            return True
    return False


def has_basis(span_text: str, prior: str) -> bool:
    """Whether the term at the start of ``span_text`` is introduced in ``prior``.

    The term is the span cut at 的 or at a predicate word (:func:`term_of`).  It has a basis when
    it occurs in the prior text; or when a prefix of it (two characters or more) occurs there as a
    whole term and what follows is a part or attribute (壳体顶部) rather than a noun suffix (支撑|架).
    """
    parts = words().parts
    s = normalise(span_text)
    if not s:
        return True
    token = re.match(r"[A-Za-z0-9\-′'αβγ]+", s)
    if token is not None:
        after = s[token.end() :]
        w = words()
        if (
            not after
            or not ("\u4e00" <= after[0] <= "\u9fff")
            or after[0] in w.early
            or _starts_with_any(after, w.stops)
        ):
            # an ASCII term (ECU, S1, a chemical symbol): the whole token must occur
            return introduced(token.group(0), prior)
    if introduced(s, prior):
        return True
    term = term_of(s)
    if introduced(term, prior):
        return True
    p = 0
    for k in range(len(term) - 1, 1, -1):
        if introduced(term[:k], prior):
            if _starts_with_any(term[k:], parts):
                return True
            p = p or k
    if p < 2:
        # a one-character term (所述盖铰接 after 包括壳体和盖) stands whole in the prior text
        return (
            "\u4e00" <= s[0] <= "\u9fff"
            and s[0] not in "一二两三四五六七八九十第各每个"
            and not _noun_suffix(term[1:])
            and _whole_char(s[0], prior)
        )
    head, rest = term[:p], term[p:]
    if _starts_with_any(rest, parts):
        return True
    if _ORDINAL_ONLY.match(head) or head in _GENERIC or _noun_suffix(rest):
        return False
    return _complete_in(head, prior)


_NOUN_SUFFIX = set("件杆板架块体座套管轴轮器机片条环盘盖壳罩柱槽孔腔室箱筒头线层膜网阀泵口端面部段芯丝")


def _noun_heads() -> tuple[str, ...]:
    return Lexicons.default().table("antecedent.noun-heads", _build_noun_heads)


def _build_noun_heads(lex: Lexicons) -> tuple[str, ...]:
    heads = [h for h in lex.words("categories", "product", "heads") if len(h) >= 2]
    return tuple(sorted(heads, key=len, reverse=True))


def _noun_suffix(rest: str) -> bool:
    """A noun head after a prefix (支撑|架, 动力|模块, 钻孔|装置, 分配|甲机): the prefix alone is not the term."""
    if not rest:
        return False
    heads = list(_noun_heads())
    return (
        rest[0] in _NOUN_SUFFIX
        or rest[-1] in _NOUN_SUFFIX
        or _starts_with_any(rest, heads) is not None
        or any(rest.endswith(h) for h in heads)
    )


def _suggest(term: str, prior: str) -> str | None:
    """A close term of the prior text ("did you mean"), if any."""
    from rapidfuzz import fuzz

    if len(term) < 2:
        return None
    best: tuple[float, str] | None = None
    chunks = re.split(r"[，。；：,;:、|（）()\s]+", prior)
    seen: set[str] = set()
    for chunk in chunks:
        for n in range(max(2, len(term) - 1), len(term) + 3):
            for i in range(0, max(0, len(chunk) - n) + 1):
                cand = chunk[i : i + n]
                if len(cand) < 2 or cand in seen or cand == term or (cand[0] != term[0] and cand[-1] != term[-1]):
                    continue
                if cand[0] in "个种的所述该其之和与及或" or cand[-1] in "的和与及或":
                    continue
                seen.add(cand)
                score = fuzz.ratio(term, cand) + (10 if _complete_in(cand, prior) else 0)
                if score >= 70 and (best is None or score > best[0]):
                    best = (score, cand)
    return best[1] if best else None


def _flat_text(c: Claim) -> str:
    return c.flat.folded if c.flat is not None else c.text


class AntecedentBasis(Rule):
    """所述X / 该X / 上述X where X is not introduced earlier in the claim or the claims it depends on.

    ## What it flags
    A referring marker (所述, 该, 上述, 前述) followed by a term that neither the claim (before the
    marker, preamble included) nor any claim on its chain of dependencies introduces.  For a
    multiple dependent claim every alternative chain must supply the term: 根据权利要求1或2所述 with
    the term introduced only in claim 2 is a finding naming the chain that lacks it.  The message
    says where it looked and offers a close earlier term ("did you mean").

    ## Why
    Examination practice under 专利法 第26条第4款 (clarity) and 专利审查指南 第二部分第二章 §3.2.2:
    a claim whose terms have no antecedent (缺乏引用基础) is unclear. Catalogue CN-ANT-001, CN-ANT-002.

    ## Bad
        1. 一种夹具，包括底座，其特征在于，所述滑块可沿所述导轨移动。

    ## Good
        1. 一种夹具，包括底座、设置在所述底座上的导轨以及滑块，其特征在于，所述滑块可沿所述导轨移动。

    ## Traps
    The 所述 of the reference part (根据权利要求1所述的) is not a referring marker; terms introduced
    with a quantity (多个X, 至少一个X, 若干X, 一对X) support 所述X and 所述多个X; parts and attributes of
    an introduced whole (所述壳体的顶部, 所述壳体顶部) need only the whole; the claim's own subject
    (所述方法, 所述装置) and its preamble count; terms in a list (包括A、B和C), compressed ordinals
    (第一、第二支架), reference signs (所述壳体(1)), abbreviations defined in parentheses
    (电子控制单元（ECU）) and chemical names with digits and hyphens are handled.
    """

    name = "antecedent-basis"
    code = "A001"
    severity = Severity.WARNING
    catalogue = ("CN-ANT-001", "CN-ANT-002")
    source = "专利法 第26条第4款"

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        texts: dict[int, str] = {}

        def text_of(p: Claim) -> str:
            if p.number not in texts:
                subject = normalise(p.subject.text) if p.subject is not None else ""
                texts[p.number] = subject + "|" + normalise(_flat_text(p))
            return texts[p.number]

        for c in cs:
            flat = c.flat
            if flat is None:
                continue
            own = normalise(flat.folded)
            subject = normalise(c.subject.text) if c.subject is not None else ""
            bases = cs.parents(c) if c.refs else cs.basis_claims(c)
            reported: set[str] = set()
            for m in mentions(c):
                before = subject + "|" + normalise(flat.folded[: m.start])
                if has_basis(m.span_text, before):
                    continue
                memo: dict[int, bool] = {}

                def ok(p: Claim, span_text: str = m.span_text, memo: dict[int, bool] = memo) -> bool:
                    # the term is available through p when p introduces it, or when every claim p depends on does
                    if p.number not in memo:
                        memo[p.number] = False  # guards against cycles
                        parents = cs.parents(p) if p.refs else cs.basis_claims(p)
                        memo[p.number] = has_basis(span_text, text_of(p)) or (
                            bool(parents) and all(ok(q) for q in parents)
                        )
                    return memo[p.number]

                oks = [ok(p) for p in bases]
                if oks and all(oks):
                    continue
                term = term_of(normalise(m.span_text))
                token = re.match(r"[A-Za-z0-9\-′'αβγ]+", term)
                if not re.search(r"[\u4e00-\u9fff]", term) and token:
                    term = token.group(0)
                if term in reported:
                    continue
                reported.add(term)
                span = flat.span(m.start, m.term_start + len(term))
                rest = re.sub(f"(?:{MARKER.pattern}){re.escape(term)}", "|", own[m.marker_end + len(term) :])
                later = has_basis(m.span_text, rest)
                prior = "|".join([before, *(text_of(a) for b in bases for a in [b, *cs.ancestors(b)])])
                yield self._finding(cs, c, span, term, bases, oks, later, prior, ok)

    def _finding(
        self,
        cs: ClaimSet,
        c: Claim,
        span: Span,
        term: str,
        bases: list[Claim],
        oks: list[bool],
        later: bool,
        prior: str,
        ok: Callable[[Claim], bool],
    ) -> Diagnostic:
        ancestors = sorted({a.number for b in bases for a in [b, *cs.ancestors(b)]})
        where_zh = f"权利要求{c.number}" + (f"及其引用的权利要求{'、'.join(map(str, ancestors))}" if ancestors else "")
        where_en = f"claim {c.number}" + (
            f" or in claim{'s' if len(ancestors) > 1 else ''} {', '.join(map(str, ancestors))} it depends on"
            if ancestors
            else ""
        )
        if any(oks):
            good = [b.number for b, k in zip(bases, oks, strict=True) if k]
            bad = [b.number for b, k in zip(bases, oks, strict=True) if not k]
            # one chain that lacks the term, from this claim up to an independent claim
            chain_claims = [c, next(b for b, k in zip(bases, oks, strict=True) if not k)]
            while True:
                last = chain_claims[-1]
                ps = cs.parents(last) if last.refs else cs.basis_claims(last)
                nxt = next((q for q in ps if not ok(q)), None)
                if nxt is None or nxt in chain_claims:
                    break
                chain_claims.append(nxt)
            chain = " → ".join(str(x.number) for x in chain_claims)
            return self.report(
                c,
                span,
                zh=f"“{term}”仅在引用权利要求{'、'.join(map(str, good))}时有引用基础；"
                f"引用权利要求{'、'.join(map(str, bad))}时（{chain}）缺乏引用基础",
                en=f"'{term}' has an antecedent through claim {', '.join(map(str, good))} but not through claim "
                f"{', '.join(map(str, bad))} (path {chain})",
                fix=Fix(
                    f"在权利要求{'、'.join(map(str, bad))}中引入“{term}”，或只引用权利要求{'、'.join(map(str, good))}",
                    f"introduce '{term}' in claim {', '.join(map(str, bad))}, or refer only to claim {', '.join(map(str, good))}",
                ),
                path=chain,
            )
        if later:
            return self.report(
                c,
                span,
                zh=f"“{term}”在首次引入之前即以“所述”引用",
                en=f"'{term}' is referred to before it is introduced later in the claim",
                fix=Fix(
                    f"先引入“{term}”（如“一{term}”），再以“所述{term}”引用",
                    f"introduce '{term}' before referring to it",
                ),
            )
        suggestion = _suggest(term, prior)
        dym_zh = f"；是否指“{suggestion}”？" if suggestion else ""
        dym_en = f"; did you mean '{suggestion}'?" if suggestion else ""
        return self.report(
            c,
            span,
            zh=f"“{term}”缺乏引用基础：{where_zh}中均未引入“{term}”{dym_zh}",
            en=f"'{term}' has no antecedent: not introduced in {where_en}{dym_en}",
            fix=Fix(
                f"改为“{suggestion}”" if suggestion else f"在前文引入“{term}”，或改用已引入的名称",
                f"use '{suggestion}'" if suggestion else f"introduce '{term}' first, or use a name already introduced",
            ),
            suggestion=suggestion,
        )


_PLURAL_MARK = re.compile(r"(?:各|每个|每一个|各个)$")


class AntecedentQuantity(Rule):
    """A term introduced as one (一个X) is referred to as several (所述多个X, 各所述X), or the reverse.

    ## What it flags
    所述多个X / 各所述X / 每个所述X when every introduction of X says one (一个X, 一X); 所述一个X when
    X was introduced only as several (多个X).

    ## Why
    Examination practice under 专利法 第26条第4款: the number of an element must be clear.
    Catalogue CN-ANT-004.

    ## Bad
        1. 一种散热装置，包括一个风扇，所述多个风扇沿周向布置。

    ## Good
        1. 一种散热装置，包括多个风扇，所述多个风扇沿周向布置。

    ## Traps
    至少一个X supports both readings; 所述X after 多个X is a collective reference and is fine.
    """

    name = "antecedent-quantity"
    code = "A002"
    severity = Severity.INFO
    catalogue = ("CN-ANT-004",)
    source = "专利法 第26条第4款"

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        w = words()
        plural, singular, anyq = w.plural, w.singular, w.anyq
        for c in cs:
            flat = c.flat
            if flat is None:
                continue
            bases = cs.parents(c) if c.refs else cs.basis_claims(c)
            prior_all = "|".join(normalise(_flat_text(a)) for b in bases for a in [b, *cs.ancestors(b)])
            for m in mentions(c):
                before_marker = flat.folded[max(0, m.start - 4) : m.start]
                referred_plural = (
                    (m.quantifier in plural and m.quantifier not in ("各", "每个", "每一个", "每一"))
                    or bool(_PLURAL_MARK.search(before_marker))
                    or m.quantifier in ("各", "每个", "各个")
                )
                referred_single = m.quantifier in ("一个", "单个")
                if not referred_plural and not referred_single:
                    continue
                term = term_of(normalise(m.span_text))
                if len(term) < 2:
                    continue
                prior = normalise(flat.folded[: m.start]) + "|" + prior_all
                intro = self._introductions(term, prior, plural, singular, anyq)
                if not intro:
                    continue
                span = flat.span(m.start, m.term_start + len(term))
                if referred_plural and intro == {"singular"}:
                    yield self.report(
                        c,
                        span,
                        zh=f"“{term}”引入时为单个（如“一个{term}”），此处却作为多个引用",
                        en=f"'{term}' was introduced as one (一个{term}) but is referred to as several here",
                    )
                elif referred_single and intro == {"plural"}:
                    yield self.report(
                        c,
                        span,
                        zh=f"“{term}”引入时为多个，此处“所述一个{term}”指代不清，宜写作“所述{term}中的一个”",
                        en=f"'{term}' was introduced as several; 'the one {term}' is unclear, write 所述{term}中的一个",
                    )

    @staticmethod
    def _introductions(term: str, prior: str, plural: list[str], singular: list[str], anyq: list[str]) -> set[str]:
        kinds: set[str] = set()
        for m in re.finditer(re.escape(term), prior):
            head = prior[max(0, m.start() - 6) : m.start()]
            if head.endswith(("所述", "该", "上述", "所述的")):
                continue
            if any(head.endswith(q) for q in anyq):
                kinds.add("any")
            elif any(head.endswith(q) for q in plural):
                kinds.add("plural")
            elif any(head.endswith(q) for q in singular if q != "一") or (
                head.endswith("一") and not head.endswith(("第一", "统一", "唯一", "同一"))
            ):
                kinds.add("singular")
            else:
                kinds.add("plain")
        return kinds if kinds in ({"singular"}, {"plural"}) else set()
