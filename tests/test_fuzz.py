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


# --- hostile input: cyclic styles, huge numbers, long chains, pathological repetition -----------------------------

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
STYLE_IDS = ["A", "B", "C", "D", "Claim", "Normal"]


@st.composite
def hostile_docx(draw: st.DrawFn) -> bytes:
    """A Word document whose styles form any graph (self-loops and cycles included) and lists link anywhere."""
    import io
    import zipfile

    styles = []
    for sid in draw(st.lists(st.sampled_from(STYLE_IDS), max_size=6)):
        base = draw(st.one_of(st.none(), st.sampled_from(STYLE_IDS)))
        num = draw(st.one_of(st.none(), st.sampled_from(["0", "1", "2", "x", "-1", "9" * 30])))
        default = ' w:default="1"' if draw(st.booleans()) else ""
        based = f'<w:basedOn w:val="{base}"/>' if base else ""
        ppr = f'<w:pPr><w:numPr><w:numId w:val="{num}"/></w:numPr></w:pPr>' if num else ""
        styles.append(f'<w:style w:type="paragraph"{default} w:styleId="{sid}">{based}{ppr}</w:style>')
    numbering = []
    for aid in draw(st.lists(st.sampled_from(["0", "1", "2"]), max_size=3)):
        link = draw(st.one_of(st.none(), st.sampled_from(STYLE_IDS)))
        fmt = draw(st.sampled_from(["decimal", "bullet", "none", "chineseCounting"]))
        start = draw(st.sampled_from(["1", "0", "-5", "abc", "9" * 25]))
        inner = f'<w:numStyleLink w:val="{link}"/>' if link else ""
        inner += f'<w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/></w:lvl>'
        numbering.append(f'<w:abstractNum w:abstractNumId="{aid}">{inner}</w:abstractNum>')
    for nid in draw(st.lists(st.sampled_from(["1", "2", "3"]), max_size=3)):
        numbering.append(f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{draw(st.sampled_from("0123"))}"/></w:num>')
    paragraphs = []
    for _ in range(draw(st.integers(0, 12))):
        text = draw(
            st.sampled_from(["一种夹具，包括底座。", "根据权利要求1所述的夹具，所述底座为钢制。", "", "1. 一种装置。"])
        )
        style = draw(st.one_of(st.none(), st.sampled_from(STYLE_IDS)))
        level = draw(st.one_of(st.none(), st.sampled_from(["0", "1", "x", ""])))
        props = f'<w:pStyle w:val="{style}"/>' if style else ""
        if level is not None:
            props += f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{draw(st.sampled_from("0123"))}"/></w:numPr>'
        paragraphs.append(f"<w:p><w:pPr>{props}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>")
    paragraphs.append("<w:p/>" * draw(st.integers(0, 3000)))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", f"<w:document {W_NS}><w:body>{''.join(paragraphs)}</w:body></w:document>")
        zf.writestr("word/styles.xml", f"<w:styles {W_NS}>{''.join(styles)}</w:styles>")
        zf.writestr("word/numbering.xml", f"<w:numbering {W_NS}>{''.join(numbering)}</w:numbering>")
    return buf.getvalue()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_docx())
def test_docx_with_any_style_and_list_graph_is_read(data: bytes) -> None:
    try:
        src = read_bytes(data, "fuzz.docx", suffix=".docx")
    except InputError:
        return
    try:
        cs = parse_source(src)
    except InputError:
        return
    assert all(1 <= c.number <= 10_000 for c in cs)


NUMBERS = st.one_of(st.integers(0, 12), st.integers(9_990, 10_010), st.text("0123456789", min_size=1, max_size=40))


@st.composite
def huge_number_claims(draw: st.DrawFn) -> str:
    """Claims whose labels and references carry small, boundary and absurdly long numbers."""
    lines = ["1. 一种夹具，包括底座。"]
    for _ in range(draw(st.integers(0, 6))):
        label, ref, other = draw(NUMBERS), draw(NUMBERS), draw(NUMBERS)
        form = draw(st.sampled_from(["{r}", "{r}至{o}中任一项", "{r}或{o}", "{r}-{o}", "{r}、{o}、{r}"]))
        lines.append(f"{label}. 根据权利要求{form.format(r=ref, o=other)}所述的夹具，所述底座为钢制。")
    return draw(st.sampled_from(["\n", "\r", "\u2028", "\r\n"])).join(lines)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(huge_number_claims())
def test_huge_claim_and_reference_numbers(text: str) -> None:
    try:
        cs = parse_source(read_bytes(text.encode(), "fuzz.txt", suffix=".txt"))
    except InputError as e:
        assert "over the limit" in str(e) or "no claims" in str(e)
        return
    for c in cs:
        assert c.number <= 10_000
        assert all(0 <= n <= 10_000 for n in c.refs)
        assert len(c.refs) <= 10_001
        cs.roots(c)
        cs.paths(c)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1, 1500), st.sampled_from(["chain", "preceding", "fan"]), st.booleans())
def test_long_chains_are_walked_without_recursion(n: int, shape: str, xml: bool) -> None:
    claims = ["一种夹具，包括底座。"]
    for i in range(2, n + 1):
        ref = {"chain": f"权利要求{i - 1}", "preceding": "前述权利要求中任一项", "fan": f"权利要求1至{i - 1}中任一项"}[
            shape
        ]
        claims.append(f"根据{ref}所述的夹具，所述底座为钢制。")
    if xml:
        body = "".join(f'<claim num="{i}"><claim-text>{t}</claim-text></claim>' for i, t in enumerate(claims, 1))
        src = read_bytes(f"<claims>{body}</claims>".encode(), "chain.xml", suffix=".xml")
    else:
        src = read_bytes("\n".join(f"{i}. {t}" for i, t in enumerate(claims, 1)).encode(), "chain.txt", suffix=".txt")
    cs = parse_source(src)
    last = cs.claims[-1]
    assert len(cs) == n
    assert [c.number for c in cs.roots(last)] == [1]
    assert len(cs.ancestors(last)) == n - 1
    paths = cs.paths(last)
    assert all(p[-1].number == 1 for p in paths) and len(paths) <= 256 and bool(paths) == (n > 1)


REPEATED = st.sampled_from(["所述部件", "、1", "权利要求", "1.", "（", "\u3000", "\n", "。", "9", "或", "-"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(REPEATED, st.integers(1, 4000)), min_size=1, max_size=3))
def test_pathological_repetition_never_crashes(runs: list[tuple[str, int]]) -> None:
    text = (
        "1. 一种夹具，包括底座，" + "".join(piece * count for piece, count in runs) + "。\n2. 根据权利要求1所述的夹具。"
    )
    try:
        cs = parse_text(text)
    except InputError:
        return
    for c in cs:
        assert 0 <= c.span.start <= c.span.end <= len(text)
        assert c.number <= 10_000
        cs.roots(c)
