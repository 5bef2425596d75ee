"""English antecedent basis (A101): ``the X`` / ``said X`` with no earlier ``a X`` along every dependency path."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator

from claimcheck.analysis.english import Basis, Phrase, basis, english_words, phrases, singular, suggestion
from claimcheck.analysis.lineage import Lineage
from claimcheck.lexicon import Lexicons
from claimcheck.model import Claim, ClaimSet
from claimcheck.model.diagnostic import Diagnostic, Fix, Severity
from claimcheck.rules.base import Context, Rule
from claimcheck.rules.en_common import EnglishClaims, english_claims

# "of which the combined field", "whose end": a property of the thing just named
_OWNED = re.compile(r"(?:\bof\s+which|\bwhose|\bin\s+which|\bwhereof)\s+(?:the\s+|said\s+)?$", re.I)
# a formula or element symbol in the phrase ("the intermetallic compound Co5Sm"): a name, not a reference
_NAMED = re.compile(r"\s(?:[A-Z][a-z]?\d*|[A-Za-z]*\d[A-Za-z0-9]*)(?=[\s.,;:)]|$)")
# "the proximity or overlap of the regions": a part or property of what follows
_OF = re.compile(r"\s*(?:(?:or|and)\s+[\w-]+\s+)?(?:of|thereof)\b")


def _misspelt(term: str, near: str) -> bool:
    """Whether ``term`` differs from ``near`` by a misspelt word (``fin-drain tube`` for ``fill-drain tube``)."""
    a, b = term.split(), near.split()
    if len(a) != len(b):
        return False
    diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(diff) == 1 and difflib.SequenceMatcher(None, *diff[0]).ratio() >= 0.75


_PRUNE = 64  # claims: a longer claim set prunes its walks to the claims that introduce a head of the reference
_LONG = 64  # claims looked in: beyond this many, a suggestion comes from the latest ones
_LISTED = 30  # a message names at most this many claims; a longer list gives its first twenty and its count


def _listed(numbers: list[int], count: int, sep: str) -> str:
    """Claim numbers (the first of ``count``) joined by ``sep``; a long list shortened to twenty and its count."""
    if count <= _LISTED:
        return sep.join(map(str, numbers))
    return sep.join(map(str, numbers[:20])) + f"{sep}… ({count})"


_ORDER = {Basis.NONE: 0, Basis.CONFLICT: 1, Basis.HEAD: 2, Basis.LITERAL: 3}


def _best(a: Basis, b: Basis) -> Basis:
    """The stronger of two levels (the first on a tie)."""
    return a if _ORDER[a] >= _ORDER[b] else b


def _worst(levels: list[Basis]) -> Basis:
    """The weakest of the levels (NONE for none)."""
    if not levels:
        return Basis.NONE
    out = levels[0]
    for b in levels[1:]:
        if _ORDER[b] < _ORDER[out]:
            out = b
    return out


def claim_phrases(c: Claim, lex: Lexicons) -> list[Phrase]:
    """The noun phrases of a claim's (line-joined) text."""
    return phrases(c.flat.text if c.flat is not None else c.text, lex)


class EnglishAntecedentBasis(Rule):
    """``the X`` or ``said X`` where no earlier ``a X`` introduces X in the claim or the claims it depends on.

    ## What it flags
    A noun phrase after ``the`` or ``said`` (also ``the at least one``, ``said plurality of``, ``each of the``)
    that neither the claim before it (preamble included) nor every chain of claims it depends on introduces
    with ``a``, ``an``, ``one``, ``at least one``, ``one or more``, ``a plurality of``, a number, or as a bare
    noun (``comprising rollers``). A multiple dependent claim needs the term on every chain. A reference whose
    distinguishing word (``first``, ``second``, ``upper``, ``inner`` …) no introduction has (``the second arm``
    after ``a first arm``) is a warning with a did-you-mean taken from the real introductions; a reference
    whose other modifiers differ (``said fixed magnets`` after ``a magnet``), a part or property of something
    (``the end of the shaft``, ``the temperature``) and the surroundings (``the user``, ``the ground``) are
    info.

    ## Why
    35 U.S.C. 112(b) and MPEP 2173.05(e) (lack of antecedent basis makes a claim indefinite when the reference
    is unclear); EPC Art. 84 (clarity). Catalogue EN-ANT-001, US-ANT-001.

    ## Bad
        1. A clamp comprising a base, wherein the slider is movable along the guide rail.

    ## Good
        1. A clamp comprising a base, a guide rail on the base and a slider, wherein the slider is movable along the guide rail.

    ## Traps
    Plurals fold (``a plurality of rollers`` … ``the roller``); coordinated ordinals (``a first and a second
    magnet`` … ``said second magnet``); the claim's own subject (``The device of claim 1``) and its preamble
    count; ``the same``, ``the art``, ``the group consisting of``, ``the steps of``, ``the preceding claims``
    need no basis; a verb after a noun ends the phrase (``the field produces a voltage``).
    """

    name = "en-antecedent-basis"
    code = "A101"
    severity = Severity.WARNING
    catalogue = ("EN-ANT-001", "US-ANT-001")
    source = "35 U.S.C. 112(b); MPEP 2173.05(e); EPC Art. 84"
    languages = ("en",)

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        lex = ctx.lexicons
        ew = english_words(lex)
        shared = english_claims(cs, ctx)
        # how far each claim and its chains support a reference, by the reference's words: parents are always
        # earlier claims, so the answer for one claim does not depend on where the walk started
        levels: dict[tuple[str, ...], dict[int, Basis]] = {}
        bases_of: dict[int, list[Claim]] = {}

        def bases_of_claim(p: Claim) -> list[Claim]:
            found = bases_of.get(id(p))
            if found is None:
                found = bases_of[id(p)] = cs.parents(p) if p.refs else cs.basis_claims(p)
            return found

        lineage = Lineage(cs)  # closures through parents: the claims a finding names
        reach = Lineage(cs, bases_of_claim)  # closures through the claims a claim builds on: the walks
        heads_of: dict[str, int] | None = None
        if len(reach.claims) > _PRUNE:
            # a long claim set: the claims (a bit set) that introduce each head, so that a walk skips every claim
            # whose closure introduces no head of the reference (its answer is NONE)
            heads_of = {}
            for i, q in enumerate(reach.claims):
                for h in shared.introductions(q).heads:
                    heads_of[h] = heads_of.get(h, 0) | 1 << i
        for c in cs:
            if c.flat is None:
                continue
            own = shared.phrases(c)
            head_end = c.flat.index(c.reference.segment.span.end) if c.reference is not None else 0
            bases = cs.parents(c) if c.refs else cs.basis_claims(c)
            reported: set[tuple[str, ...]] = set()
            for idx, ref in enumerate(own):
                if not ref.referring or not ref.words or ref.start < head_end:
                    continue
                if ref.words[0] in ew.exempt or ref.head in ew.exempt or ref.key in reported:
                    continue
                if _NAMED.search(c.flat.text[ref.start : ref.end + 1]):
                    continue
                heads = None
                if heads_of is not None:
                    heads = 0
                    for w in ref.words:
                        heads |= heads_of.get(shared.memo.singular(w), 0)
                level = self._level(
                    c, ref, idx, bases, shared, levels.setdefault(ref.words, {}), bases_of_claim, reach, heads
                )
                if level is Basis.LITERAL:
                    continue
                reported.add(ref.key)
                yield self._finding(cs, c, ref, level, own, idx, bases, shared.phrases, lex, lineage)

    def _level(
        self,
        c: Claim,
        ref: Phrase,
        idx: int,
        bases: list[Claim],
        shared: EnglishClaims,
        memo: dict[int, Basis],
        bases_of: Callable[[Claim], list[Claim]],
        reach: Lineage,
        heads: int | None,
    ) -> Basis:
        """How the claim before phrase ``idx`` and every chain of ``bases`` support ``ref`` (the weakest chain).

        ``memo`` holds what is known of the claims for a reference with the same words; ``heads``, when given,
        the claims (a bit set of ``reach``) that introduce a head of the reference."""

        own: dict[int, Basis] = {}  # what a claim's own phrases give, while its parents are walked

        def through(p: Claim) -> Basis:
            # the claims a claim builds on are earlier claims: walk the missing ones first, without recursion; a
            # claim that introduces the reference literally needs no walk (nothing beats LITERAL)
            stack = [p]
            while stack:
                q = stack[-1]
                n = q.number
                if n in memo:
                    stack.pop()
                    continue
                if heads is not None and not reach.mask(q) & heads:
                    memo[n] = Basis.NONE  # no claim it builds on introduces a head of the reference
                    stack.pop()
                    continue
                here = own.get(n)
                if here is None:
                    here = own[n] = shared.introductions(q).basis(ref)
                    if here is Basis.LITERAL:
                        memo[n] = here
                        stack.pop()
                        continue
                parents = bases_of(q)
                missing = [r for r in parents if r.number not in memo]
                if missing:
                    stack.extend(missing)
                    continue
                memo[n] = _best(here, _worst([memo[r.number] for r in parents]))
                stack.pop()
            return memo[p.number]

        here = shared.introductions(c).basis(ref, idx)
        if here is Basis.LITERAL or not bases:
            return here
        return _best(here, _worst([through(p) for p in bases]))

    def _finding(
        self,
        cs: ClaimSet,
        c: Claim,
        ref: Phrase,
        level: Basis,
        own: list[Phrase],
        idx: int,
        bases: list[Claim],
        of: Callable[[Claim], list[Phrase]],
        lex: Lexicons,
        lineage: Lineage,
    ) -> Diagnostic:
        words = english_words(lex)
        assert c.flat is not None
        span = c.flat.span(ref.start, ref.end)
        closure = lineage.union(bases)
        chain, count = lineage.first_numbers(closure, _LISTED + 1)
        where_zh = f"权利要求{c.number}" + (f"及其引用的权利要求{_listed(chain, count, '、')}" if count else "")
        where_en = f"claim {c.number}" + (
            f" or in claim{'s' if count > 1 else ''} {_listed(chain, count, ', ')} it depends on" if count else ""
        )
        # the introductions a suggestion is taken from: beyond _LONG claims looked in, those of the latest _LONG
        looked_in = (
            [a for b in bases for a in [b, *cs.ancestors(b)]]
            if closure.bit_count() <= _LONG
            else lineage.last_members(closure, _LONG)
        )
        intros = [p for p in own[:idx] if not p.referring] + [p for a in looked_in for p in of(a) if not p.referring]
        later = basis(ref, [p for p in own[idx + 1 :] if not p.referring], lex) is Basis.LITERAL
        term = ref.text
        info = Severity.INFO
        if level is Basis.HEAD:
            near = suggestion(ref, intros)
            if near is None or near == term:
                return self.report(
                    c,
                    span,
                    zh=f"“{term}”仅在部分引用路径上有字面一致的引用基础（{where_zh}）",
                    en=f"'{term}' has a literal antecedent on some but not all of its dependency paths ({where_en})",
                    severity=info,
                )
            return self.report(
                c,
                span,
                zh=f"“{term}”与前文引入的“{near}”措辞不同，引用基础不够明确",
                en=f"'{term}' differs in wording from the '{near}' introduced before: the antecedent is not literal",
                fix=Fix(f"改为“{near}”", f"write '{near}'"),
                severity=Severity.WARNING if _misspelt(term, near) else info,
                suggestion=near,
            )
        if _OF.match(c.flat.text, ref.end):
            return self.report(
                c,
                span,
                zh=f"“{term}”未在前文引入，视为所属对象的固有部分或属性（请确认）",
                en=f"'{term}' is not introduced; read as an inherent part or property of what follows (check)",
                severity=info,
            )
        owner = ref.words[0][:-2] if ref.words[0].endswith(("'s", "’s")) else ""
        if (
            ref.head in words.environment
            or ref.head in words.properties
            or ref.words[0] in words.process
            or singular(owner) in words.environment
            or _OWNED.search(c.flat.text, 0, ref.start) is not None
        ):
            return self.report(
                c,
                span,
                zh=f"“{term}”未在前文引入，视为环境或固有属性（请确认）",
                en=f"'{term}' is not introduced; read as the surroundings or an inherent property (check)",
                severity=info,
            )
        if later and level is Basis.NONE:
            return self.report(
                c,
                span,
                zh=f"“{term}”在本权利要求后文才引入，此处以“the/said”引用缺乏引用基础",
                en=f"'{term}' is referred to with the/said before the claim introduces it",
                fix=Fix(f"先以“a {term}”引入，再引用", f"introduce 'a {term}' before referring to it"),
            )
        near = suggestion(ref, intros)
        dym_zh = f"；是否指“{near}”？" if near else ""
        dym_en = f"; did you mean '{near}'?" if near else ""
        return self.report(
            c,
            span,
            zh=f"“{term}”缺乏引用基础：{where_zh}中均未引入“{term}”{dym_zh}",
            en=f"'{term}' has no antecedent basis: not introduced in {where_en}{dym_en}",
            fix=Fix(
                f"改为“{near}”" if near else f"先以“a {term}”引入",
                f"use '{near}'" if near else f"introduce 'a {term}' first, or use a name already introduced",
            ),
            suggestion=near,
        )
