"""A claim set as a dependency graph."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from claimcheck.model.claim import Claim, ClaimRange
from claimcheck.model.source import SourceText, Span


@dataclass(frozen=True, slots=True)
class Directive:
    """A ``# claimcheck: …`` line in the input and the claim that follows it (None at the end)."""

    span: Span
    text: str
    claim: int | None


@dataclass
class ClaimSet:
    """The claims of one document, in the order they appear.

    A dependent claim may refer to several claims, so the set is a directed
    acyclic graph (when references point backwards, as they must).  Graph
    helpers ignore references to claims that do not exist and references that
    point forward or to the claim itself: those are reported by rules, and
    following them could loop.
    """

    source: SourceText
    claims: list[Claim]
    warnings: list[str] = field(default_factory=list)
    text: str = ""
    directives: list[Directive] = field(default_factory=list)
    language: str = "zh"

    def __iter__(self) -> Iterator[Claim]:
        return iter(self.claims)

    def __len__(self) -> int:
        return len(self.claims)

    @cached_property
    def by_number(self) -> dict[int, Claim]:
        """Claims by number (the first claim wins when a number repeats)."""
        out: dict[int, Claim] = {}
        for c in self.claims:
            out.setdefault(c.number, c)
        return out

    def get(self, number: int) -> Claim | None:
        """The claim with this number, or None."""
        return self.by_number.get(number)

    def parents(self, claim: Claim) -> list[Claim]:
        """The existing, earlier claims that ``claim`` depends on, in reference order."""
        refs = claim.refs
        if isinstance(refs, ClaimRange):
            # all preceding claims or a long range: the claims in it, without a lookup per number
            return [c for n, c in self._sorted_numbers if n < claim.number and n in refs and c is not claim]
        out: list[Claim] = []
        for n in dict.fromkeys(refs):
            p = self.by_number.get(n)
            if p is not None and p.number < claim.number and p is not claim:
                out.append(p)
        return out

    @cached_property
    def _sorted_numbers(self) -> list[tuple[int, Claim]]:
        return sorted(self.by_number.items())

    def has_parents(self, claim: Claim) -> bool:
        """True when ``claim`` depends on an existing earlier claim (without listing them all)."""
        for n in claim.refs:
            p = self.by_number.get(n)
            if p is not None and p.number < claim.number and p is not claim:
                return True
        return False

    def basis_claims(self, claim: Claim) -> list[Claim]:
        """Claims whose text a claim may rely on: its parents, or the claims it mentions."""
        if claim.refs:
            return self.parents(claim)
        out: list[Claim] = []
        for n in claim.mentions:
            p = self.by_number.get(n)
            if p is not None and p.number < claim.number:
                out.append(p)
        return out

    @cached_property
    def _children(self) -> dict[int, list[Claim]]:
        kids: dict[int, list[Claim]] = {c.number: [] for c in self.claims}
        for c in self.claims:
            for p in self.parents(c):
                kids[p.number].append(c)
        return kids

    def children(self, claim: Claim) -> list[Claim]:
        """Claims that depend directly on ``claim``."""
        return list(self._children.get(claim.number, []))

    def ancestors(self, claim: Claim) -> list[Claim]:
        """Every claim ``claim`` depends on, directly or not, nearest first, without repeats."""
        refs = claim.refs
        if isinstance(refs, ClaimRange) and refs.start == 1:
            return self.parents(claim)  # every ancestor is an earlier claim, and each of those is a parent
        seen: dict[int, Claim] = {}
        frontier = self.parents(claim)
        while frontier:
            nxt: list[Claim] = []
            for p in frontier:
                if p.number not in seen:
                    seen[p.number] = p
                    nxt.extend(self.parents(p))
            frontier = nxt
        return list(seen.values())

    def paths(self, claim: Claim) -> list[list[Claim]]:
        """Each chain of ancestors from ``claim``'s parent up to an independent claim.

        A claim with two parents has at least two paths.  The number of paths is capped at 256 to stay fast
        on pathological sets; the walk is iterative, so a chain of thousands of claims is followed too.
        """
        out: list[list[Claim]] = []
        # a stack of (claim, the link to the path that led to it): paths are built only at their ends
        Link = tuple[Claim, object]
        stack: list[tuple[Claim, Link | None]] = [(p, None) for p in reversed(self.parents(claim))]
        while stack and len(out) < 256:
            c, before = stack.pop()
            link: Link = (c, before)
            ps = self.parents(c)
            if not ps:
                path: list[Claim] = []
                node: object = link
                while node is not None:
                    assert isinstance(node, tuple)
                    path.append(node[0])
                    node = node[1]
                path.reverse()
                out.append(path)
                continue
            stack.extend((p, link) for p in reversed(ps))
        return out

    def roots(self, claim: Claim) -> list[Claim]:
        """The independent claim(s) at the top of ``claim``'s chains (itself if independent)."""
        if not self.has_parents(claim):
            return [claim]
        found = self._roots.get(id(claim))
        if found is None:  # a claim that is not in the set
            return sorted({r.number: r for p in self.parents(claim) for r in self.roots(p)}.values(), key=_number)
        return list(found)

    @cached_property
    def _roots(self) -> dict[int, tuple[Claim, ...]]:
        """The roots of every claim (by ``id``), read once: parents are earlier claims, so in number order each
        claim's roots are the union of its parents' (a chain of thousands of claims costs one pass, not a walk
        to the top from every claim)."""
        out: dict[int, tuple[Claim, ...]] = {}
        for c in sorted(self.claims, key=_number):
            if not self.has_parents(c):
                out[id(c)] = (c,)
                continue
            found: dict[int, Claim] = {}
            for p in self.parents(c):
                for r in out.get(id(p), (p,)):
                    found[r.number] = r
            out[id(c)] = tuple(sorted(found.values(), key=_number))
        return out

    @property
    def independent(self) -> list[Claim]:
        """The independent claims, in order."""
        return [c for c in self.claims if c.is_independent]


def _number(claim: Claim) -> int:
    return claim.number
