"""Hostile and odd .docx files: cyclic styles and numbering, huge paragraph counts, bombs, odd numbering levels.

Every input is built here, small and bounded by construction; nothing asserts on time.
"""

from __future__ import annotations

import io
import re
import struct
import tracemalloc
import zipfile

import pytest

from claimcheck.errors import InputError
from claimcheck.parse import parse_source
from claimcheck.readers import read_bytes

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CLAIM_1 = "一种夹具，包括底座和滑块。"
CLAIM_2 = "根据权利要求1所述的夹具，其特征在于，所述底座为钢制。"


def make_docx(body: str, styles: str | None = None, numbering: str | None = None) -> bytes:
    """A minimal Word document from the XML of its body, styles and numbering."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", f"<w:document {NS}><w:body>{body}</w:body></w:document>")
        if styles is not None:
            zf.writestr("word/styles.xml", f"<w:styles {NS}>{styles}</w:styles>")
        if numbering is not None:
            zf.writestr("word/numbering.xml", f"<w:numbering {NS}>{numbering}</w:numbering>")
    return buf.getvalue()


def para(text: str, style: str | None = None, num: tuple[str, str] | None = None) -> str:
    """A paragraph with an optional style and numbering (numId, ilvl)."""
    props = ""
    if style is not None:
        props += f'<w:pStyle w:val="{style}"/>'
    if num is not None:
        props += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    ppr = f"<w:pPr>{props}</w:pPr>" if props else ""
    return f"<w:p>{ppr}<w:r><w:t>{text}</w:t></w:r></w:p>"


def style(sid: str, based_on: str | None = None, num_id: str | None = None, default: bool = False) -> str:
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    num = f'<w:pPr><w:numPr><w:numId w:val="{num_id}"/></w:numPr></w:pPr>' if num_id else ""
    flag = ' w:default="1"' if default else ""
    return f'<w:style w:type="paragraph"{flag} w:styleId="{sid}"><w:name w:val="{sid}"/>{based}{num}</w:style>'


def read(data: bytes) -> list[int]:
    return [c.number for c in parse_source(read_bytes(data, "draft.docx", suffix=".docx"))]


@pytest.mark.parametrize(
    "styles",
    [
        style("Claim", based_on="Claim"),
        style("Claim", based_on="Other") + style("Other", based_on="Claim"),
        style("Claim", based_on="B") + style("B", based_on="C") + style("C", based_on="B", default=True),
    ],
    ids=["self", "a-b-a", "cycle-below-default"],
)
def test_cyclic_style_inheritance_ends(styles: str) -> None:
    body = para("1. " + CLAIM_1, "Claim") + para("2. " + CLAIM_2, "Claim") + para("无样式的段落")
    assert read(make_docx(body, styles)) == [1, 2]


def test_numbering_found_through_a_style_chain_once() -> None:
    styles = style("ListBase", num_id="3") + style("Claim", based_on="Mid") + style("Mid", based_on="ListBase")
    numbering = (
        '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '</w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>'
    )
    body = para("权利要求书") + para(CLAIM_1, "Claim") + para(CLAIM_2, "Claim")
    src = read_bytes(make_docx(body, styles, numbering), "d.docx", suffix=".docx")
    assert src.text.splitlines()[1:] == ["1." + CLAIM_1, "2." + CLAIM_2]


def test_cyclic_numbering_style_link_ends() -> None:
    """abstractNum 0 links to a numbering style whose list is abstractNum 0 again."""
    styles = style("ClaimList", num_id="1")
    numbering = (
        '<w:abstractNum w:abstractNumId="0"><w:numStyleLink w:val="ClaimList"/></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    )
    body = para(CLAIM_1, num=("1", "0")) + para(CLAIM_2, num=("1", "0"))
    assert read(make_docx(body, styles, numbering)) == [1, 2]


def test_bullets_are_not_claim_numbers_and_start_is_honoured() -> None:
    numbering = (
        '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>'
        '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '</w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/>'
        "</w:lvlOverride></w:num>"
    )
    body = para("要点", num=("1", "0")) + para(CLAIM_1, num=("2", "0")) + para(CLAIM_2, num=("2", "0"))
    lines = read_bytes(make_docx(body, None, numbering), "d.docx", suffix=".docx").text.splitlines()
    assert lines == ["要点", "3." + CLAIM_1, "4." + CLAIM_2]


@pytest.mark.parametrize("level", ["x", "-", "99999999999999999999", ""])
def test_numbering_level_that_is_not_a_number(level: str) -> None:
    body = para(CLAIM_1, num=("1", level)) + para(CLAIM_2, num=("1", level))
    src = read_bytes(make_docx(body), "d.docx", suffix=".docx")
    assert [c.number for c in parse_source(src)] == [1, 2]
    assert any("not a number" in w for w in src.warnings)


def test_twenty_thousand_empty_paragraphs_keep_paragraph_numbers() -> None:
    body = "<w:p/>" * 20_000 + para("1. " + CLAIM_1) + "<w:p/>" * 3 + para("2. " + CLAIM_2) + "<w:p/>"
    cs = parse_source(read_bytes(make_docx(body), "d.docx", suffix=".docx"))
    assert [(c.number, c.line) for c in cs] == [(1, 20_001), (2, 20_005)]
    assert cs.source.text.count("\n") == 20_005


def test_paragraphs_in_tables_are_not_read_and_do_not_pile_up() -> None:
    table = "<w:tbl><w:tr><w:tc>" + para("表格中的文字") * 3 + "</w:tc></w:tr></w:tbl>"
    body = (table + para("正文")) * 1500 + para("1. " + CLAIM_1)
    src = read_bytes(make_docx(body), "d.docx", suffix=".docx")
    assert "表格" not in src.text
    assert src.text.splitlines()[-1] == "1. " + CLAIM_1


def _understate_sizes(data: bytes, declared: int) -> bytes:
    """Patch the uncompressed size in every local and central zip header."""
    out = bytearray(data)
    for sig, field in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        i = out.find(sig)
        while i != -1:
            struct.pack_into("<I", out, i + field, declared)
            i = out.find(sig, i + 4)
    return bytes(out)


def test_zip_headers_that_understate_the_size_do_not_inflate_everything() -> None:
    bomb = make_docx(para("1. " + CLAIM_1) + "<w:p/>" * 3_000_000)
    data = _understate_sizes(bomb, 2000)
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match=r"draft.docx: (cannot read|malformed|refused)"):
            read_bytes(data, "draft.docx", suffix=".docx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024  # the 18 MB part was never inflated at once


def test_inflated_bytes_are_bounded_whatever_the_headers_say(monkeypatch: pytest.MonkeyPatch) -> None:
    from claimcheck.readers import docx as reader

    monkeypatch.setattr(reader, "MAX_UNCOMPRESSED", 4 * 1024 * 1024)
    monkeypatch.setattr(reader, "RATIO_FLOOR", 1 << 40)
    data = make_docx(para("1. " + CLAIM_1) * 200_000)
    with pytest.raises(InputError, match="expands beyond 4 MB"):
        read_bytes(data, "draft.docx", suffix=".docx")


@pytest.mark.parametrize(
    ("member", "content", "message"),
    [
        ("word/document.xml", "<w:document", "malformed XML in .docx part word/document.xml"),
        ("word/styles.xml", "<w:styles><unclosed>", "malformed XML in .docx part word/styles.xml"),
        ("word/numbering.xml", "\x00", "malformed XML in .docx part word/numbering.xml"),
    ],
)
def test_broken_parts_are_one_line_errors(member: str, content: str, message: str) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        if member != "word/document.xml":
            zf.writestr("word/document.xml", f"<w:document {NS}><w:body>{para(CLAIM_1)}</w:body></w:document>")
        zf.writestr(member, content)
    with pytest.raises(InputError, match=re.escape(message)) as err:
        read_bytes(buf.getvalue(), "d.docx", suffix=".docx")
    assert "\n" not in str(err.value)


def test_an_encrypted_zip_member_is_a_clear_error() -> None:
    data = bytearray(make_docx(para(CLAIM_1)))
    # set the "encrypted" flag in the headers, as a password-protected archive has it
    for sig, field in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        i = data.find(sig)
        while i != -1:
            struct.pack_into("<H", data, i + field, struct.unpack_from("<H", data, i + field)[0] | 1)
            i = data.find(sig, i + 4)
    with pytest.raises(InputError, match=r"d\.docx: cannot read \.docx part"):
        read_bytes(bytes(data), "d.docx", suffix=".docx")
