"""The claims a claim depends on, directly or not, computed once per claim set and walked without recursion.

Every claim's *closure* (itself and every claim on its chains of dependencies) is a bit set over the claims'
positions, built in one pass in order of claim number: a union of closures is a bitwise or, so a claim set
with many multiple dependencies (如前述权利要求中任一项, 300 times) costs no more than its references.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from claimcheck.model import Claim, ClaimSet


class Lineage:
    """Closures of the claims of one claim set (kept by whoever owns the set's analyses)."""

    def __init__(self, cs: ClaimSet, edges: Callable[[Claim], list[Claim]] | None = None) -> None:
        self.cs = cs
        self.edges = edges or cs.parents  # the claims a claim depends on (its parents by default)
        self.claims = list(cs.claims)
        self._position = {id(c): i for i, c in enumerate(self.claims)}
        self._masks: dict[int, int] = {}
        # claims in increasing order of number: the smallest numbers of a bit set are its lowest bits
        self._in_order = all(a.number < b.number for a, b in zip(self.claims, self.claims[1:], strict=False))

    def mask(self, claim: Claim) -> int:
        """The closure of ``claim`` as a bit set: the claim and every claim it depends on (through ``edges``)."""
        key = id(claim)
        found = self._masks.get(key)
        if found is not None:
            return found
        # parents always have smaller numbers: walk the missing ones first, without recursion
        stack = [claim]
        while stack:
            c = stack[-1]
            if id(c) in self._masks:
                stack.pop()
                continue
            parents = self.edges(c)
            missing = [p for p in parents if id(p) not in self._masks]
            if missing:
                stack.extend(missing)
                continue
            m = 1 << self._position.get(id(c), len(self.claims))
            for p in parents:
                m |= self._masks[id(p)]
            self._masks[id(c)] = m
            stack.pop()
        return self._masks[key]

    def numbers(self, mask: int) -> list[int]:
        """The claim numbers of a bit set, sorted, each once."""
        return sorted({self.claims[i].number for i in _bits(mask) if i < len(self.claims)})

    def members(self, mask: int) -> list[Claim]:
        """The claims of a bit set, in the order of the claim set."""
        return [self.claims[i] for i in _bits(mask) if i < len(self.claims)]

    def first_numbers(self, mask: int, k: int) -> tuple[list[int], int]:
        """``numbers(mask)[:k]`` and ``len(numbers(mask))``, without listing every number of a large set."""
        if not self._in_order:
            found = self.numbers(mask)
            return found[:k], len(found)
        mask &= (1 << len(self.claims)) - 1
        out: list[int] = []
        rest = mask
        while rest and len(out) < k:
            low = rest & -rest
            out.append(self.claims[low.bit_length() - 1].number)
            rest ^= low
        return out, mask.bit_count()

    def last_members(self, mask: int, k: int) -> list[Claim]:
        """``members(mask)[::-1][:k]``: the ``k`` latest claims of a bit set, latest first."""
        mask &= (1 << len(self.claims)) - 1
        out: list[Claim] = []
        while mask and len(out) < k:
            i = mask.bit_length() - 1
            out.append(self.claims[i])
            mask ^= 1 << i
        return out

    def size(self, claims: list[Claim]) -> int:
        """How many claims the closures of ``claims`` hold together."""
        m = 0
        for c in claims:
            m |= self.mask(c)
        return m.bit_count()

    def union(self, claims: list[Claim]) -> int:
        """The union of the closures of ``claims``."""
        m = 0
        for c in claims:
            m |= self.mask(c)
        return m


def _bits(mask: int) -> Iterator[int]:
    """Positions of the set bits of ``mask``, lowest first."""
    digits = bin(mask)[:1:-1]
    i = digits.find("1")
    while i != -1:
        yield i
        i = digits.find("1", i + 1)
