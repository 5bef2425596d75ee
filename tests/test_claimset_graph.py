"""The claim graph's roots: right on branching sets, and read in one pass on a long chain."""

from __future__ import annotations

from typing import Any

import pytest

from claimcheck.model import ClaimSet, SourceText
from claimcheck.parse import parse_source

HEAD = "1. 一种夹具，包括底座和滑块。\n"


def _parse(text: str) -> ClaimSet:
    return parse_source(SourceText(text))


def test_roots_of_branching_and_multiple_dependencies() -> None:
    cs = _parse(
        "1. 一种夹具，包括底座。\n"
        "2. 根据权利要求1所述的夹具，其特征在于，所述底座为钢制。\n"
        "3. 一种夹紧方法，使用底座。\n"
        "4. 根据权利要求2或3所述的夹具，其特征在于，所述底座为方形。\n"
        "5. 根据权利要求4所述的夹具，其特征在于，所述底座为圆形。\n"
        "6. 根据权利要求9所述的夹具，其特征在于，所述底座为铝制。\n"
    )
    roots = {c.number: [r.number for r in cs.roots(c)] for c in cs}
    assert roots == {1: [1], 2: [1], 3: [3], 4: [1, 3], 5: [1, 3], 6: [6]}


def test_a_long_chain_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    n = 3000
    text = HEAD + "".join(
        f"{i}. 根据权利要求{i - 1}所述的夹具，其特征在于，所述滑块为钢制。\n" for i in range(2, n + 1)
    )
    cs = _parse(text)
    calls = 0
    parents = ClaimSet.parents

    def counting(self: ClaimSet, claim: Any) -> Any:
        nonlocal calls
        calls += 1
        return parents(self, claim)

    monkeypatch.setattr(ClaimSet, "parents", counting)
    assert all(cs.roots(c)[0].number == 1 for c in cs)
    assert calls <= n  # one pass over the claims, not a walk to the top from each of them
