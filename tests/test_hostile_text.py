"""Hostile and odd text input: encodings, line ends, blank files, standard input, sizes.

Every input is built here, small and bounded by construction; nothing asserts on time.
"""

from __future__ import annotations

import codecs
import io
import sys
from pathlib import Path

import pytest

from claimcheck.errors import InputError
from claimcheck.parse import parse_source
from claimcheck.readers import read_bytes, read_file_bytes, read_path, sniff_format

CLAIMS = (
    "1. 一种夹具，包括底座和滑块。\n"
    "2. 根据权利要求1所述的夹具，其特征在于，所述底座为钢制。\n"
    "3. 根据权利要求2所述的夹具，其特征在于，所述滑块为铜制。\n"
)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF32_LE + CLAIMS.encode("utf-32-le"), "utf-32"),
        (codecs.BOM_UTF32_BE + CLAIMS.encode("utf-32-be"), "utf-32"),
        (codecs.BOM_UTF16_LE + CLAIMS.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + CLAIMS.encode("utf-16-be"), "utf-16"),
    ],
    ids=["utf32-le", "utf32-be", "utf16-le", "utf16-be"],
)
def test_utf32_is_not_read_as_utf16(data: bytes, encoding: str) -> None:
    src = read_bytes(data, "claims.txt", suffix=".txt")
    assert src.encoding == encoding
    assert [c.number for c in parse_source(src)] == [1, 2, 3]


@pytest.mark.parametrize(
    "text",
    ["\u3000" * 40, "\u3000 \n\u3000\t\r\n", "\ufeff\u200b\u3000\xa0", "\u2028\u2029\x85"],
    ids=["ideographic-spaces", "mixed", "zero-width", "separators"],
)
def test_a_file_of_only_white_space_is_empty(tmp_path: Path, text: str) -> None:
    p = tmp_path / "blank.txt"
    p.write_bytes(text.encode("utf-8"))
    with pytest.raises(InputError, match="empty file"):
        read_path(p)


@pytest.mark.parametrize("sep", ["\r", "\u2028", "\u2029", "\x85", "\x0c"], ids=["cr", "ls", "ps", "nel", "ff"])
def test_every_line_end_is_a_line_break(sep: str) -> None:
    text = CLAIMS.replace("\n", sep)
    src = read_bytes(text.encode("utf-8"), "claims.txt", suffix=".txt")
    cs = parse_source(src)
    assert [(c.number, c.line) for c in cs] == [(1, 1), (2, 2), (3, 3)]
    assert len(src.text) == len(text)  # offsets into the file are kept


def test_crlf_and_a_lone_cr_in_one_file() -> None:
    one, two, three = CLAIMS.splitlines()
    text = one + "\r\n" + two + "\r" + three
    cs = parse_source(read_bytes(text.encode("gbk"), "claims.txt", suffix=".txt"))
    assert [(c.number, c.line) for c in cs] == [(1, 1), (2, 2), (3, 3)]


def test_thirteen_claims_with_old_mac_line_ends_are_thirteen() -> None:
    lines = ["1. 一种夹具，包括底座。"] + [
        f"{n}. 根据权利要求{n - 1}所述的夹具，所述底座为钢制。" for n in range(2, 14)
    ]
    cs = parse_source(read_bytes("\r".join(lines).encode(), "mac.txt", suffix=".txt"))
    assert len(cs) == 13


XML = (
    '<claims lang="zh"><claim num="1"><claim-text>1. 一种夹具，包括底座。</claim-text></claim>'
    '<claim num="2"><claim-text>2. 根据权利要求1所述的夹具，所述底座为钢制。</claim-text></claim></claims>'
)


@pytest.mark.parametrize(
    "data",
    [
        XML.encode(),
        b"\n  " + XML.encode(),
        b'<?xml version="1.0" encoding="UTF-8"?>' + XML.encode(),
        codecs.BOM_UTF8 + b"<!-- exported -->" + XML.encode(),
        codecs.BOM_UTF16_LE + ('<?xml version="1.0" encoding="UTF-16"?>' + XML).encode("utf-16-le"),
    ],
    ids=["bare", "leading-space", "declaration", "comment", "utf16"],
)
def test_xml_on_standard_input_is_read_as_xml(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    src = read_path("-")
    assert src.format == "xml"
    assert [c.number for c in parse_source(src)] == [1, 2]


def test_text_opening_with_a_bracket_is_still_text() -> None:
    assert sniff_format("【1】一种夹具，包括底座。".encode(), "") == "text"
    assert sniff_format(b"<1> a clamp", "") == "text"
    assert sniff_format(b"<claims>", ".txt") == "text"


def test_standard_input_is_bounded_by_max_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"1. x" * 1000)))
    with pytest.raises(InputError, match=r"<stdin>: file is .* over the 1000 bytes limit"):
        read_file_bytes("-", 1000)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b" \n\t")))
    with pytest.raises(InputError, match="empty"):
        read_file_bytes("-", 1000)


def test_a_file_is_never_read_beyond_the_limit(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_bytes(b"1. " + b"x" * 5000)
    with pytest.raises(InputError, match=r"big\.txt: file is .* limit"):
        read_file_bytes(p, 4096)
    assert len(read_file_bytes(p, None)) == 5003


def test_xml_text_that_differs_from_the_file_does_not_rescan_it() -> None:
    """Entities make a node's text differ from the file: each lookup stays near the previous piece."""
    from claimcheck.readers.xml import read_xml_parts

    body = "".join(f'<p num="{i:04d}">A&amp;B 段落{i}，&#x5E95;座。</p>' for i in range(1, 15_001))
    claims = '<claims><claim num="1"><claim-text>1. 一种夹具，包括底座&amp;滑块。</claim-text></claim></claims>'
    data = f'<?xml version="1.0"?><doc><description>{body}</description>{claims}</doc>'.encode()
    parts = read_xml_parts(data, "d.xml")
    lines = parts["description"].text.splitlines()
    assert len(lines) == 15_000 and lines[-1] == "[15000]A&B 段落15000，底座。"
    assert parts["claims"].text.startswith("1. 一种夹具，包括底座&滑块")


def test_malformed_xml_is_one_line() -> None:
    data = b'<?xml version="1.0"?>\n<claims>\n<claim num="1"><claim-text>1. x &undefined; <b><i></b>\n'
    with pytest.raises(InputError, match="malformed XML") as err:
        read_bytes(data, "bad.xml", suffix=".xml")
    assert "\n" not in str(err.value)
