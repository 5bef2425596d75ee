"""Property tests: random claim sets round-trip through text; random input never crashes the readers."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.errors import InputError
from claimcheck.model import Kind, RefMode
from claimcheck.parse import parse_source, parse_text
from claimcheck.readers import read_bytes

NOUNS = ["底座", "支架", "滑块", "导轨", "壳体", "电机", "风扇", "翅片", "齿轮", "弹簧"]
SUBJECTS = ["散热装置", "夹具", "驱动系统", "分配机", "控制方法"]
LABELS = ["{n}.", "{n}．", "{n}、", "[{n}]", "【{n}】", "{n}. "]


@st.composite
def claim_sets(draw: st.DrawFn) -> tuple[str, list[tuple[int, ...]], list[RefMode]]:
    count = draw(st.integers(1, 12))
    subject = draw(st.sampled_from(SUBJECTS))
    label = draw(st.sampled_from(LABELS))
    wrap = draw(st.booleans())
    lines: list[str] = []
    refs: list[tuple[int, ...]] = []
    modes: list[RefMode] = []
    for n in range(1, count + 1):
        noun = draw(st.sampled_from(NOUNS))
        value = draw(st.integers(1, 99))
        if n == 1 or draw(st.integers(0, 4)) == 0:
            body = f"一种{subject}，包括{noun}，所述{noun}的长度为{value}.5mm。"
            refs.append(())
            modes.append(RefMode.NONE)
        else:
            parents = sorted(draw(st.sets(st.integers(1, n - 1), min_size=1, max_size=min(3, n - 1))))
            form = draw(st.sampled_from(["or", "any", "single"])) if len(parents) > 1 else "single"
            if len(parents) == 1:
                ref = f"根据权利要求{parents[0]}所述的{subject}"
                modes.append(RefMode.SINGLE)
            elif form == "any":
                lo, hi = parents[0], parents[-1]
                parents = list(range(lo, hi + 1))
                ref = f"根据权利要求{lo}至{hi}中任一项所述的{subject}"
                modes.append(RefMode.ALTERNATIVE)
            else:
                ref = f"根据权利要求{'、'.join(map(str, parents[:-1]))}或{parents[-1]}所述的{subject}"
                modes.append(RefMode.ALTERNATIVE)
            refs.append(tuple(parents))
            body = f"{ref}，其特征在于，所述{noun}为钢制，厚度为{value}.5mm。"
        if wrap and len(body) > 12:
            body = body[:10] + "\n" + body[10:]
        lines.append(label.format(n=n) + body)
    sep = draw(st.sampled_from(["\n", "\n\n", "\r\n"]))
    return sep.join(lines), refs, modes


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(claim_sets())
def test_round_trip(case: tuple[str, list[tuple[int, ...]], list[RefMode]]) -> None:
    text, refs, modes = case
    cs = parse_text(text)
    assert [c.number for c in cs] == list(range(1, len(refs) + 1))
    assert [c.refs for c in cs] == refs
    assert [c.ref_mode for c in cs] == modes
    for c in cs:
        assert (c.kind is Kind.DEPENDENT) == bool(refs[c.number - 1])
        # every segment's span covers exactly its text once line breaks are removed
        if c.subject is not None:
            assert text[c.subject.span.start : c.subject.span.end].replace("\n", "").replace("\r", "") == c.subject.text


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_random_bytes_never_crash(data: bytes) -> None:
    for suffix in (".txt", ".xml", ".docx"):
        try:
            cs = parse_source(read_bytes(data, "fuzz", suffix=suffix))
        except InputError:
            continue
        for c in cs:
            cs.ancestors(c)
            cs.paths(c)


ALPHABET = st.sampled_from(list("1234567890.．、)】[【权利要求根据所述的或和至任一项，。；：\n 一种装置方法abcXYZ-～"))


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ALPHABET, max_size=200).map("".join))
def test_random_claimlike_text_never_crashes(text: str) -> None:
    try:
        cs = parse_text(text)
    except InputError:
        return
    for c in cs:
        assert 0 <= c.span.start <= c.span.end <= len(text)
        cs.roots(c)
