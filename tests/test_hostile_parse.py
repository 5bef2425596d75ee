"""Parser bounds on hostile input: claim numbers, "all preceding claims", long chains, huge numbers.

Every input is built here; sizes are bounded by construction and nothing asserts on time.
"""

from __future__ import annotations

import sys
import tracemalloc

import pytest

from claimcheck.errors import InputError
from claimcheck.model import MAX_CLAIM, ClaimRange
from claimcheck.parse import parse_source, parse_text
from claimcheck.readers import read_bytes

HEAD = "1. 一种夹具，包括底座和滑块。\n"


def xml_claims(*claims: tuple[str, str]) -> bytes:
    body = "".join(f'<claim num="{n}"><claim-text>{t}</claim-text></claim>' for n, t in claims)
    return f'<?xml version="1.0"?><claims lang="zh">{body}</claims>'.encode()


@pytest.mark.parametrize("num", ["200000000", "10001", "9" * 5000, "0010001"])
def test_claim_numbers_over_the_limit_are_a_clear_error(num: str) -> None:
    data = xml_claims(("1", "一种夹具，包括底座。"), (num, "如前述权利要求中任一项所述的夹具，所述底座为钢制。"))
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match=r"a\.xml:1: claim num=.* over the limit of 10,000 claims"):
            parse_source(read_bytes(data, "a.xml", suffix=".xml"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5 * 1024 * 1024


def test_the_highest_claim_number_is_read() -> None:
    data = xml_claims(
        ("1", "一种夹具，包括底座。"), (str(MAX_CLAIM), "如前述权利要求中任一项所述的夹具，所述底座为钢制。")
    )
    cs = parse_source(read_bytes(data, "a.xml", suffix=".xml"))
    last = cs.claims[-1]
    assert last.number == MAX_CLAIM
    assert len(last.refs) == MAX_CLAIM - 1 and isinstance(last.refs, ClaimRange)
    assert [p.number for p in cs.parents(last)] == [1]


def test_a_text_label_beyond_the_limit_is_an_error_not_a_merge() -> None:
    # the numbering jumps by 50 (claim-numbering reports that); the label past the limit is refused, not merged
    lines = [HEAD] + [f"{n}. 根据权利要求1所述的夹具，所述底座为钢制。\n" for n in range(51, MAX_CLAIM + 2, 50)]
    with pytest.raises(InputError, match=r"big\.txt:201: claim number 10001 is over the limit of 10,000 claims"):
        parse_text("".join(lines), "big.txt")
    assert len(parse_text("".join(lines[:-1]))) == 200


def test_claim_numbers_are_not_capped_at_three_digits() -> None:
    lines = [HEAD] + [f"{n}. 根据权利要求{n - 1}所述的夹具，其特征在于，所述底座为钢制。\n" for n in range(2, 1003)]
    cs = parse_text("".join(lines))
    assert [c.number for c in cs] == list(range(1, 1003))
    assert cs.get(1000) is not None and cs.get(1000).refs == (999,)  # type: ignore[union-attr]
    assert "1000." not in cs.claims[998].text


def test_labels_of_four_and_five_digits_in_other_forms() -> None:
    text = "权利要求1234 一种夹具，包括底座。\n【1235】根据权利要求1234所述的夹具，所述底座为钢制。\n"
    cs = parse_text(text)
    assert [c.number for c in cs] == [1234, 1235]
    assert cs.claims[1].refs == (1234,)


def test_all_preceding_claims_are_not_materialised() -> None:
    n = 2000
    lines = [HEAD] + [f"{i}. 如前述权利要求中任一项所述的夹具，所述底座为钢制。\n" for i in range(2, n + 1)]
    text = "".join(lines)
    parse_text(HEAD)  # the lexicons are loaded once per process: not part of the measure
    tracemalloc.start()
    try:
        cs = parse_text(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # a materialised range would hold n*(n-1)/2 = 2 million numbers (16 MB of pointers alone)
    assert peak < 60 * len(text.encode())
    last = cs.claims[-1]
    assert last.reference is not None and last.reference.all_preceding
    assert last.refs == tuple(range(1, n)) and n - 1 in last.refs and n not in last.refs
    assert last.refs[:3] == (1, 2, 3) and list(reversed(last.refs))[:2] == [n - 1, n - 2]
    assert last.is_multiple_dependent and not cs.claims[1].is_multiple_dependent
    assert len(cs.parents(last)) == n - 1 and len(cs.ancestors(last)) == n - 1
    assert [c.number for c in cs.roots(last)] == [1]
    assert len(cs.paths(last)) == 256


def test_preceding_claims_behave_as_their_tuple() -> None:
    refs = ClaimRange(5)
    assert refs == (1, 2, 3, 4) and refs == [1, 2, 3, 4] and refs != (1, 2, 3) and refs == ClaimRange(5)
    assert (0, *refs) == (0, 1, 2, 3, 4) and (*refs, 5) == (1, 2, 3, 4, 5)
    assert refs + (9,) == (1, 2, 3, 4, 9) and (0,) + refs == (0, 1, 2, 3, 4)  # noqa: RUF005
    assert hash(refs) == hash((1, 2, 3, 4)) and sorted(set(refs)) == [1, 2, 3, 4]
    assert len(ClaimRange(1)) == 0 and not ClaimRange(1)
    assert len(ClaimRange(10**12)) == MAX_CLAIM


def test_a_chain_longer_than_the_recursion_limit() -> None:
    n = sys.getrecursionlimit() + 200
    lines = [HEAD] + [f"{i}. 根据权利要求{i - 1}所述的夹具，其特征在于，所述滑块为钢制。\n" for i in range(2, n + 1)]
    cs = parse_text("".join(lines))
    last = cs.claims[-1]
    paths = cs.paths(last)
    assert len(paths) == 1 and len(paths[0]) == n - 1 and paths[0][-1].number == 1
    assert [c.number for c in cs.roots(last)] == [1]
    assert len(cs.ancestors(last)) == n - 1


def test_paths_of_a_diamond_in_order() -> None:
    text = (
        HEAD + "2. 根据权利要求1所述的夹具，所述底座为钢制。\n3. 根据权利要求1所述的夹具，所述滑块为钢制。\n"
        "4. 根据权利要求2或3所述的夹具，所述底座为方形。\n"
    )
    cs = parse_text(text)
    assert [[c.number for c in p] for p in cs.paths(cs.claims[3])] == [[2, 1], [3, 1]]


@pytest.mark.parametrize(
    "ref",
    [
        "权利要求" + "9" * 20000,
        "权利要求1至" + "9" * 5000,
        "权利要求" + "、".join(["1"] * 3000),
        "权利要求1-" + "9" * 7 + "中任一项",
    ],
    ids=["20000-digits", "range-to-huge", "repeated", "range-beyond-limit"],
)
def test_huge_and_repeated_reference_numbers(ref: str) -> None:
    cs = parse_text(HEAD + f"2. 根据{ref}所述的夹具，所述底座为钢制。\n")
    assert all(n <= MAX_CLAIM for c in cs for n in c.refs)
    assert len(cs.claims[1].refs) <= 3000


@pytest.mark.parametrize("wrapped", [False, True], ids=["one-line", "wrapped"])
def test_reading_and_parsing_take_a_small_multiple_of_the_input(wrapped: bool) -> None:
    """A claim of 200 kB (one line, or wrapped every 40 characters): no per-character objects are kept."""
    piece = "所述底座为钢制，所述滑块（１２）为铜制；\n" if wrapped else "所述底座为钢制，所述滑块（１２）为铜制；"
    body = ("1. 一种夹具，包括底座、滑块和导轨，" + piece * 6_000 + "。\n").encode()
    parse_text(HEAD)  # the lexicons are loaded once per process: not part of the measure
    tracemalloc.start()
    try:
        cs = parse_source(read_bytes(body, "big.txt", suffix=".txt"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(cs) == 1 and cs.claims[0].flat is not None
    assert cs.claims[0].flat.text.count("\n") == (6_000 if wrapped else 0)
    assert peak < 12 * len(body)  # characters kept as objects cost 30–50 times the file


def test_a_long_range_is_not_materialised_either() -> None:
    n = 1500
    lines = [HEAD] + [f"{i}. 根据权利要求1至{i - 1}中任一项所述的夹具，所述底座为钢制。\n" for i in range(2, n + 1)]
    cs = parse_text("".join(lines))
    last = cs.claims[-1]
    assert isinstance(last.refs, ClaimRange) and last.refs == tuple(range(1, n)) and last.refs.start == 1
    assert last.reference is not None and last.reference.any_of and not last.reference.all_preceding
    short = cs.claims[10]
    assert short.refs == tuple(range(1, 11)) and not isinstance(short.refs, ClaimRange)
    assert ClaimRange(8, 5) == (5, 6, 7) and 4 not in ClaimRange(8, 5) and ClaimRange(8, 5)[-1] == 7
    assert len(cs.ancestors(last)) == n - 1 and [c.number for c in cs.roots(last)] == [1]
