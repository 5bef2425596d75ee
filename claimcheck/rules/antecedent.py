"""Antecedent rules (A): antecedent-basis, antecedent-quantity.

Both read *referring markers* (所述 / 该 / 上述 / 前述) and the term that follows,
and look for the term in the *prior text*: the claim before the marker plus
every claim on each chain of claims it depends on (or, for an independent
claim of another category, the claims it refers to).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from typing import Any

from claimcheck.analysis.lineage import Lineage
from claimcheck.analysis.terms import (
    MARKER,
    Before,
    Openings,
    Reading,
    closest,
    head_variant,
    introduced_terms_of,
    last_openings,
    marked_at,
    may_read,
    mentions,
    normalise,
    opening_of,
    openings,
    read,
    term_at,
    whole_of,
    words,
)
from claimcheck.lexicon import Lexicons
from claimcheck.model import Claim, ClaimSet, Span
from claimcheck.model.diagnostic import Diagnostic, Fix, Severity
from claimcheck.rules.base import Context, Rule


def _flat_text(c: Claim) -> str:
    return c.flat.folded if c.flat is not None else c.text


def _available(
    claim: Claim,
    memo: dict[int, bool],
    basis: Callable[[Claim], list[Claim]],
    introduces: Callable[[Claim], bool],
    hopeless: Callable[[Claim], bool],
) -> bool:
    """Whether a term is available through ``claim``: the claim introduces it, or every claim it depends on makes
    it available. Results are kept in ``memo`` (by claim number); the walk is iterative, so a chain of thousands
    of claims is no deeper than one."""
    if claim.number in memo:
        return memo[claim.number]
    stack: list[tuple[Claim, int]] = [(claim, -1)]  # (claim, next parent to look at; -1: its text not read yet)
    while stack:
        node, cursor = stack.pop()
        if node.number in memo:
            continue
        if cursor < 0:
            if hopeless(node):
                memo[node.number] = False
                continue
            if introduces(node):
                memo[node.number] = True
                continue
            cursor = 0
        parents = basis(node)
        if not parents:
            memo[node.number] = False
            continue
        # all(available(q) for q in parents), left to right, stopping at the first claim that lacks the term
        while cursor < len(parents) and memo.get(parents[cursor].number) is True:
            cursor += 1
        if cursor == len(parents):
            memo[node.number] = True
        elif parents[cursor].number in memo:
            memo[node.number] = False
        else:
            stack.append((node, cursor))
            stack.append((parents[cursor], -1))
    return memo[claim.number]


def _may_follow(ch: str | None, term: str, own: str, tail: int, last: dict[str, int]) -> bool:
    """Whether ``own[tail:]`` with its references to ``term`` replaced by ``|`` may introduce a term starting with
    ``ch`` (``last``: :func:`last_openings` of ``own``).

    An opening there is an opening of ``own`` after ``tail``, or a position whose 8 characters before reach back
    to ``tail`` or to a replaced reference (which ends where ``term`` does): only those are read again, with what
    precedes them cut there.
    """
    if ch is None or ch == "|" or last.get(ch, -1) >= tail:
        return True
    cuts = [tail]
    at = own.find(term, tail)
    while at != -1:
        cuts.append(at + len(term))
        at = own.find(term, at + 1)
    for lo in cuts:
        p = own.find(ch, lo, lo + 8)
        while p != -1:
            if not marked_at(own, p, lo):
                return True
            p = own.find(ch, p + 1, lo + 8)
    return False


def _lineage_order(cs: ClaimSet, lineage: Lineage, bases: list[Claim], limit: int = 64) -> list[Claim]:
    """Each base and the claims it depends on, nearest first; beyond ``limit`` claims, the ``limit`` latest."""
    if lineage.size(bases) <= limit:
        return [a for b in bases for a in [b, *cs.ancestors(b)]]
    return lineage.last_members(lineage.union(bases), limit)


def _listed(numbers: list[int], sep: str, limit: int = 30, count: int | None = None) -> str:
    """Claim numbers joined by ``sep``; a long list (``count`` numbers, of which ``numbers`` are the first)
    shortened to its first twenty and its count."""
    count = len(numbers) if count is None else count
    if count <= limit:
        return sep.join(map(str, numbers))
    return sep.join(map(str, numbers[:20])) + f"{sep}… ({count})"


def _suggest(term: str, prior: list[str], lex: Lexicons, cache: dict[tuple[str, str], Any]) -> str | None:
    """A close term the prior texts introduce ("did you mean"), if any: only whole terms, never a cut-out substring."""
    if len(term) < 2:
        return None
    terms = introduced_terms_of(prior, lex, cache)
    return closest(term, terms, heads=True) or head_variant(term, terms, lex)


SUGGESTIONS = 100
QUANTITY_INDEX = True  # antecedent-quantity reads a term's occurrences from an index (False: scans every prefix)
"""Findings of a claim set that get a "did you mean" (each reads every claim the finding's claim depends on)."""


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
    (电子控制单元（ECU）) and chemical names with digits and hyphens are handled.  A verb or a step
    name is no introduction of the noun it modifies (所述还原温度 after 在氢气中还原, 所述检测盲隙 after
    用于检测): the term ends at its noun and is reported whole.  A part named after an introduced whole
    (所述锁体外壳 after 锁体) is reported as info: it is often an inherent part, better written 所述锁体的外壳.
    A claim that refers only to missing or later claims, and every claim that depends on it, is not read: the
    broken reference is reported once, by reference-missing or reference-forward.
    """

    name = "antecedent-basis"
    code = "A001"
    severity = Severity.WARNING
    catalogue = ("CN-ANT-001", "CN-ANT-002")
    source = "专利法 第26条第4款"

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        lex = ctx.lexicons
        lineage = Lineage(cs)
        texts: dict[int, str] = {}
        bases_of: dict[int, list[Claim]] = {}
        # whether a term is available through a claim, by the term's span text and the claim: shared by every
        # mention of the same words, so a set of many multiple dependencies reads each claim once per term
        memos: dict[str, dict[int, bool]] = {}

        unread_of: dict[str, Reading] = {}

        def unread(span_text: str) -> Reading:
            # the reading of a span against a text that introduces nothing it could refer to
            if span_text not in unread_of:
                unread_of[span_text] = read(span_text, "", lex)
            return unread_of[span_text]

        def text_of(p: Claim) -> str:
            if p.number not in texts:
                subject = normalise(p.subject.text) if p.subject is not None else ""
                texts[p.number] = subject + "|" + normalise(_flat_text(p))
            return texts[p.number]

        def basis(p: Claim) -> list[Claim]:
            if id(p) not in bases_of:
                bases_of[id(p)] = cs.parents(p) if p.refs else cs.basis_claims(p)
            return bases_of[id(p)]

        reach = Lineage(cs, basis)  # closures along the claims a claim's terms may come from

        def broken(p: Claim) -> bool:
            # a claim that refers only to missing or later claims (reported once by D001/D002): what it builds on
            # is unknown, so neither it nor a claim that depends on it is read for a missing basis
            return bool(p.refs) and not basis(p)

        broken_mask = sum(1 << i for i, p in enumerate(reach.claims) if broken(p))
        openings_of: dict[int, Openings] = {}
        openers_of: dict[str, int] = {}
        read_terms: dict[tuple[str, str], Any] = {}  # the terms each claim's text introduces, for suggestions

        def opening(p: Claim) -> Openings:
            if id(p) not in openings_of:
                openings_of[id(p)] = openings(text_of(p))
            return openings_of[id(p)]

        def openers(span_text: str) -> int:
            # the claims (a bit set) whose text may introduce the term of span_text: all when it cannot be told
            ch = opening_of(span_text)
            if ch is None:
                return -1
            if ch not in openers_of:
                openers_of[ch] = sum(
                    1 << i for i, p in enumerate(reach.claims) if p.flat is not None and opening(p).admits(ch)
                )
            return openers_of[ch]

        for c in cs:
            flat = c.flat
            if flat is None:
                continue
            own = normalise(flat.folded)
            bases = basis(c)
            if broken(c):
                continue
            reported: set[str] = set()
            last: dict[str, int] | None = None  # where each character last opens a term in the claim
            prefixes = Before(c.subject.text if c.subject is not None else "", flat.folded)
            for m in mentions(c, lex):
                if may_read(m.span_text, prefixes.openings_before(m.start)):
                    here = read(m.span_text, prefixes.text_before(m.start), lex)
                else:
                    here = unread(m.span_text)  # nothing before the marker can introduce it: no need to read there
                if here.ok:
                    continue
                memo = memos.setdefault(m.span_text, {})

                def ok(p: Claim, span_text: str = m.span_text, memo: dict[int, bool] = memo) -> bool:
                    # the term is available through p when p introduces it, or when every claim p depends on does
                    def introduces(q: Claim) -> bool:
                        return broken(q) or (may_read(span_text, opening(q)) and read(span_text, text_of(q), lex).ok)

                    def hopeless(q: Claim) -> bool:
                        # no claim q depends on has an opening for the term (nor a broken reference): it is
                        # introduced nowhere on q's chains
                        return not reach.mask(q) & (openers(span_text) | broken_mask)

                    return _available(p, memo, basis, introduces, hopeless)

                oks = [ok(p) for p in bases]
                if oks and all(oks):
                    continue
                term = here.term
                if term in reported:
                    continue
                reported.add(term)
                span = flat.span(m.start, m.term_start + len(term))
                tail = m.marker_end + len(term)
                later = False
                if last is None:
                    last = last_openings(own)
                if _may_follow(opening_of(m.span_text), term, own, tail, last):
                    rest = re.sub(f"(?:{MARKER.pattern}){re.escape(term)}", "|", own[tail:])
                    later = read(m.span_text, rest, lex).ok

                def reachable(
                    span_text: str = m.span_text,
                    start: int = m.start,
                    here: Before = prefixes,
                    bases: list[Claim] = bases,
                ) -> bool:
                    # whether the text before the marker or a claim looked in has an opening for the term: else no
                    # part of it is introduced there (whole_of finds nothing)
                    if opening_of(span_text) in (None, "|") or may_read(span_text, here.openings_before(start)):
                        return True
                    return any(may_read(span_text, opening(a)) for a in _lineage_order(cs, lineage, bases))

                def prior(start: int = m.start, here: Before = prefixes, bases: list[Claim] = bases) -> list[str]:
                    return [here.text_before(start), *(text_of(a) for a in _lineage_order(cs, lineage, bases))]

                yield self._finding(
                    cs, c, span, term, m.span_text, bases, oks, later, prior, ok, lex, lineage, read_terms, reachable
                )

    def _finding(
        self,
        cs: ClaimSet,
        c: Claim,
        span: Span,
        term: str,
        span_text: str,
        bases: list[Claim],
        oks: list[bool],
        later: bool,
        prior: Callable[[], list[str]],
        ok: Callable[[Claim], bool],
        lex: Lexicons,
        lineage: Lineage,
        read_terms: dict[tuple[str, str], Any],
        reachable: Callable[[], bool],
    ) -> Diagnostic:
        ancestors, count = lineage.first_numbers(lineage.union(bases), 31)
        where_zh = f"权利要求{c.number}" + (
            f"及其引用的权利要求{_listed(ancestors, '、', count=count)}" if count else ""
        )
        where_en = f"claim {c.number}" + (
            f" or in claim{'s' if count > 1 else ''} {_listed(ancestors, ', ', count=count)} it depends on"
            if count
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
        whole = whole_of(span_text, "|".join(prior()), lex) if reachable() else ""
        if whole:
            part = term[len(whole) :]
            return self.report(
                c,
                span,
                zh=f"“{term}”未在前文引入；{where_zh}只引入了“{whole}”，如指其{part}，宜写作“所述{whole}的{part}”",
                en=f"'{term}' is not introduced in {where_en}, only '{whole}': if the {part} of the {whole} is meant, "
                f"write 所述{whole}的{part}",
                fix=Fix(
                    f"改为“所述{whole}的{part}”，或先引入“{term}”", f"write 所述{whole}的{part}, or introduce '{term}'"
                ),
                severity=Severity.INFO,
                whole=whole,
            )
        # "did you mean" for the first SUGGESTIONS terms of a claim set: past them, the set needs reading, not hints
        read_terms[("", "count")] = read_terms.get(("", "count"), 0) + 1
        suggestion = _suggest(term, prior(), lex, read_terms) if read_terms[("", "count")] <= SUGGESTIONS else None
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
        lex = ctx.lexicons
        w = words(lex)
        plural, singular, anyq = w.plural, w.singular, w.anyq
        lineage = Lineage(cs)
        texts: dict[int, str] = {}
        # the index reads the text before a marker and the claims it depends on apart: exact when no word a
        # quantity is told by holds the "|" that joins them
        indexed = QUANTITY_INDEX and not any("|" in q for q in (*plural, *singular, *anyq))

        def text_of(a: Claim) -> str:
            if id(a) not in texts:
                texts[id(a)] = normalise(_flat_text(a))
            return texts[id(a)]

        for c in cs:
            flat = c.flat
            if flat is None:
                continue
            bases = cs.parents(c) if c.refs else cs.basis_claims(c)
            prior_all: str | None = None  # the claims it depends on, each once (built when a quantity is read)
            before: Before | None = None
            own_kinds: dict[str, _KindIndex] = {}
            prior_kinds: dict[str, set[str]] = {}
            for m in mentions(c, lex):
                before_marker = flat.folded[max(0, m.start - 4) : m.start]
                referred_plural = (
                    (m.quantifier in plural and m.quantifier not in ("各", "每个", "每一个", "每一"))
                    or bool(_PLURAL_MARK.search(before_marker))
                    or m.quantifier in ("各", "每个", "各个")
                )
                referred_single = m.quantifier in ("一个", "单个")
                if not referred_plural and not referred_single:
                    continue
                term = term_at(m.span_text, lex)
                if len(term) < 2:
                    continue
                if prior_all is None:
                    prior_all = "|".join(text_of(a) for a in lineage.members(lineage.union(bases)))
                length = None
                if indexed and "|" not in term:
                    if before is None:
                        before = Before("", flat.folded)  # "|" and the claim's normal form, clause by clause
                    length = before.prefix_length(m.start)
                if length is None or before is None:
                    prior = normalise(flat.folded[: m.start]) + "|" + prior_all
                    intro = self._introductions(term, prior, plural, singular, anyq)
                else:
                    # the occurrences before the marker, from an index of the claim's text, and those in the claims
                    # it depends on, once per term: no match and no quantity word reaches across a "|"
                    if term not in own_kinds:
                        own_kinds[term] = _KindIndex(term, before.text, plural, singular, anyq)
                    if term not in prior_kinds:
                        prior_kinds[term] = _kinds(term, "|" + prior_all, 1, plural, singular, anyq)
                    kinds = own_kinds[term].before(length) | prior_kinds[term]
                    intro = kinds if kinds in ({"singular"}, {"plural"}) else set()
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
        kinds = _kinds(term, prior, 0, plural, singular, anyq)
        return kinds if kinds in ({"singular"}, {"plural"}) else set()


def _kind(head: str, plural: list[str], singular: list[str], anyq: list[str]) -> str | None:
    """How the words before an occurrence of a term count it (``any``, ``plural``, ``singular``, ``plain``), or
    None for a reference (所述X)."""
    if head.endswith(("所述", "该", "上述", "所述的")):
        return None
    if any(head.endswith(q) for q in anyq):
        return "any"
    if any(head.endswith(q) for q in plural):
        return "plural"
    if any(head.endswith(q) for q in singular if q != "一") or (
        head.endswith("一") and not head.endswith(("第一", "统一", "唯一", "同一"))
    ):
        return "singular"
    return "plain"


def _occurrences(term: str, text: str, lo: int) -> Iterator[int]:
    """Where ``term`` occurs in ``text[lo:]``, as ``re.finditer`` finds it (left to right, not overlapping)."""
    at = text.find(term, lo) if term else -1
    while at != -1:
        yield at
        at = text.find(term, at + len(term))


def _kinds(term: str, text: str, lo: int, plural: list[str], singular: list[str], anyq: list[str]) -> set[str]:
    """The kinds (:func:`_kind`) of the occurrences of ``term`` in ``text[lo:]``."""
    found = (_kind(text[max(lo, at - 6) : at], plural, singular, anyq) for at in _occurrences(term, text, lo))
    return {k for k in found if k is not None}


class _KindIndex:
    """The kinds of a term's occurrences in ``text[1:]`` (``text`` starts with ``|``), as a union over every
    prefix: :meth:`before` gives ``_kinds`` of ``text[1:length]`` by bisection."""

    _BITS = ("any", "plural", "singular", "plain")

    def __init__(self, term: str, text: str, plural: list[str], singular: list[str], anyq: list[str]) -> None:
        self.ends: list[int] = []
        self.unions: list[int] = []
        union = 0
        for at in _occurrences(term, text, 1):
            kind = _kind(text[max(1, at - 6) : at], plural, singular, anyq)
            if kind is not None:
                union |= 1 << self._BITS.index(kind)
            self.ends.append(at + len(term))
            self.unions.append(union)

    def before(self, length: int) -> set[str]:
        """The kinds of the occurrences that end within ``text[:length]``."""
        k = bisect.bisect_right(self.ends, length)
        union = self.unions[k - 1] if k else 0
        return {b for i, b in enumerate(self._BITS) if union >> i & 1}
