"""Input formats and bad input: encodings, XML variants and attacks, .docx, limits."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from conftest import CORPUS

from claimcheck.errors import InputError
from claimcheck.model import Kind
from claimcheck.parse import parse_source
from claimcheck.readers import read_bytes, read_path

CLAIMS = "权利要求书\n1. 一种夹具，包括底座。\n2. 根据权利要求1所述的夹具，其特征在于，所述底座为钢制。\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (CLAIMS.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + CLAIMS.encode("utf-8"), "utf-8-sig"),
        (CLAIMS.encode("gbk"), "gb18030"),
        (CLAIMS.encode("gb18030"), "gb18030"),
        (CLAIMS.replace("\n", "\r\n").encode("gbk"), "gb18030"),
        (CLAIMS.encode("utf-16"), "utf-16"),
    ],
    ids=["utf8", "bom", "gbk", "gb18030", "gbk-crlf", "utf16"],
)
def test_encodings(data: bytes, encoding: str) -> None:
    src = read_bytes(data, "x.txt", suffix=".txt")
    assert src.encoding == encoding
    cs = parse_source(src)
    assert [c.number for c in cs] == [1, 2]
    assert cs.claims[1].subject is not None and cs.claims[1].subject.text == "夹具"


def test_gbk_file_positions(tmp_path: Path) -> None:
    p = tmp_path / "gbk.txt"
    p.write_bytes(CLAIMS.encode("gbk"))
    cs = parse_source(read_path(p))
    assert (cs.claims[1].line, cs.claims[1].column) == (3, 1)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x00\x01\x02binary\x00" * 10, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(128, 256)) * 4, "not valid UTF-8 or GB18030"),
        ("这里没有任何权利要求，只是一段说明。".encode(), "no claims"),
        (b"<?xml version='1.0'?><claims><claim num='1'><claim-text>1. x", "malformed XML"),
        (b"<?xml version='1.0'?><doc><p>no claims here</p></doc>", "no <claims>"),
        (b"PK\x03\x04 not really a zip", "not a valid .docx"),
    ],
    ids=["nul", "png", "high-bytes", "no-claims", "broken-xml", "xml-without-claims", "fake-zip"],
)
def test_bad_input_is_one_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_source(read_bytes(data, "bad", suffix=""))


def test_missing_and_empty_and_oversized(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_path(tmp_path / "missing.txt")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with pytest.raises(InputError, match="empty"):
        read_path(empty)
    big = tmp_path / "big.txt"
    big.write_bytes(b"1. " + b"x" * (2 * 1024 * 1024))
    with pytest.raises(InputError, match="limit"):
        read_path(big, max_bytes=1024 * 1024)
    assert read_path(big, max_bytes=None).text.startswith("1. ")


CN_XML = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE cn-patent-document SYSTEM "dtd/cn-patent-document-06-10-27.dtd">
<cn-patent-document lang="ZH" country="CN">
  <application-body lang="CN" country="CN">
    <claims>
      <claim id="cl0001" num="0001"><claim-text>1.一种驱动系统，所述驱动系统包括：</claim-text>
        <claim-text>马达；以及</claim-text>
        <claim-text>链条，该链条与所述马达的齿轮啮合。</claim-text></claim>
      <claim id="cl0002" num="0002"><claim-text>2.根据权利要求1的驱动系统，其特征在于，所述链<!-- SIPO <DP n="2"> -->条形成<b>连续</b>的环。</claim-text></claim>
      <claim id="cl0003"><claim-text>所述环为闭合环。</claim-text></claim>
      <claim id="cl0004" num="0003"><claim-text>如前面权利要求中任一项所述的驱动系统，其中所述马达为电机。</claim-text></claim>
    </claims>
  </application-body>
</cn-patent-document>
"""


def test_cn_xml_variants() -> None:
    src = read_bytes(CN_XML.encode(), "cn.xml", suffix=".xml")
    cs = parse_source(src)
    assert [c.number for c in cs] == [1, 2, 3]
    c1, c2, c3 = cs.claims
    assert "马达；以及" in c1.text and "该链条" in c1.text
    assert c1.flat is not None and "\n" in c1.flat.text  # sub-paragraphs kept as lines
    assert "所述链条形成连续的环" in (c2.flat.text if c2.flat else "")
    assert "闭合环" in c2.text  # the tail of a page-split claim is joined to it
    assert c2.refs == (1,) and c2.kind is Kind.DEPENDENT
    assert c3.refs == (1, 2)
    # locations point into the XML file
    raw = CN_XML.splitlines()
    assert "一种驱动系统" in raw[c1.line - 1]
    assert raw[c2.line - 1][c2.column - 1 :].startswith("2.根据")


def test_xml_number_in_attribute_only_and_mismatch() -> None:
    xml = (
        "<?xml version='1.0'?><claims lang='zh'><claim num='1'><claim-text>一种夹具，包括底座。</claim-text></claim>"
        "<claim num='2'><claim-text>3.根据权利要求1所述的夹具，所述底座为钢制。</claim-text></claim></claims>"
    ).encode()
    cs = parse_source(read_bytes(xml, "a.xml", suffix=".xml"))
    assert [c.number for c in cs] == [1, 3]
    assert any("num attribute" in w for w in cs.warnings)


def test_xxe_and_entity_bombs_are_not_expanded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    xxe = f"""<?xml version="1.0"?>
<!DOCTYPE claims [<!ENTITY xxe SYSTEM "file://{secret}">]>
<claims><claim num="1"><claim-text>1. 一种夹具&xxe;，包括底座。</claim-text></claim></claims>""".encode()
    cs = parse_source(read_bytes(xxe, "xxe.xml", suffix=".xml"))
    assert "TOPSECRET" not in cs.claims[0].text
    bomb = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<claims><claim num="1"><claim-text>1. 一种夹具&lol4;，包括底座。</claim-text></claim></claims>""".encode()
    cs = parse_source(read_bytes(bomb, "bomb.xml", suffix=".xml"))
    assert len(cs.claims[0].text) < 100


def test_epo_xml_language_choice() -> None:
    path = CORPUS / "xml" / "EP2716170B2.xml"
    en = parse_source(read_path(path))
    assert en.language == "en" and en.claims[0].text.lstrip().startswith("Device")
    de = parse_source(read_path(path, lang="de"))
    assert de.claims[0].text.lstrip().startswith("Vorrichtung")
    with pytest.raises(InputError, match="no claims in language"):
        read_path(path, lang="ja")


def _docx(paragraphs: list[tuple[str, bool]]) -> bytes:
    import docx

    document = docx.Document()
    for text, numbered in paragraphs:
        document.add_paragraph(text, style="List Number" if numbered else None)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_docx_with_word_automatic_numbering() -> None:
    data = _docx(
        [
            ("权利要求书", False),
            ("一种夹具，包括底座。", True),
            ("根据权利要求1所述的夹具，其特征在于，所述底座为钢制。", True),
            ("根据权利要求2所述的夹具，其特征在于，所述底座为方形。", True),
        ]
    )
    cs = parse_source(read_bytes(data, "draft.docx", suffix=".docx"))
    assert [c.number for c in cs] == [1, 2, 3]
    assert cs.claims[2].refs == (2,)
    assert (cs.claims[1].line, cs.claims[1].column) == (3, 1)  # paragraph 3


def test_docx_with_typed_numbers() -> None:
    data = _docx([("1. 一种夹具，包括底座。", False), ("2. 根据权利要求1所述的夹具，所述底座为钢制。", False)])
    cs = parse_source(read_bytes(data, "draft.docx", suffix=".docx"))
    assert [c.number for c in cs] == [1, 2]


def test_docx_zip_bomb_is_refused() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<document><body><p><r>" + (b"<t>" + b"0" * 1000 + b"</t>") * 30_000)
    with pytest.raises(InputError, match=r"zip bomb|expands beyond"):
        read_bytes(buf.getvalue(), "bomb.docx", suffix=".docx")


def test_an_xml_application_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Claims, description and abstract of an XML full text come from one parse of the file."""
    from lxml import etree

    from claimcheck.application import load_application

    calls: list[int] = []
    real = etree.fromstring

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(etree, "fromstring", counting)
    app = load_application(CORPUS / "xml" / "EP3782854A1.xml")
    assert app.description is not None and app.claims.claims
    assert len(calls) == 1


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("1. 一种夹具，包括底座（1）和滑块（2）。", "zh"),
        ("1. A clamp comprising a base and a slider, wherein the slider is movable.", "en"),
        ("1. Vorrichtung mit einer Basis und einem Schieber, wobei der Schieber nach Anspruch 1 ist.", "de"),
        (
            "1. Dispositif comprenant une base et un coulisseau, selon la revendication 1, dans lequel le coulisseau est mobile.",
            "fr",
        ),
        ("1. 一种LED驱动电路（IC chip driver），包括MCU和PWM模块。", "zh"),
    ],
)
def test_language_of_every_text_from_one_function(text: str, lang: str) -> None:
    from claimcheck.model.language import language_of

    assert language_of(text) == lang
