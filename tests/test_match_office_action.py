"""An office action in the usual CNIPA wording: read, each mapping checked, and answered in the reply draft.

tests/match_docs/oa/office_action.txt rejects claims 1, 3 and 8 of CN119696475A over 对比文件1 (CN115001234A, a
hydraulic photovoltaic rack) and 对比文件2 (CN116002345A, the invention in other words).  Of its mappings, the
first holds ([0003]-[0004]); the second (活动块 and 螺杆 in [0005] of 对比文件1) does not; the third holds; the
fourth cites [0008] of 对比文件2 where [0007] says it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import CORPUS
from test_cli import run

from claimcheck.application.split import description_from_path
from claimcheck.errors import InputError
from claimcheck.match import build_chart, read_document
from claimcheck.match.office_action import (
    check_office_action,
    common_knowledge,
    parse_office_action,
    read_office_action,
)
from claimcheck.match.reply import build_reply, effect_sentences
from claimcheck.parse import parse_source
from claimcheck.readers import read_path

OA_DIR = Path(__file__).parent / "match_docs" / "oa"
CLAIMS = CORPUS / "cn" / "CN119696475A.txt"
DESC = CORPUS / "cn" / "CN119696475A.desc.txt"


@pytest.fixture(scope="module")
def chart_and_oa():  # type: ignore[no-untyped-def]
    cs = parse_source(read_path(CLAIMS))
    docs = [read_document(OA_DIR / "CN115001234A.txt", "D1"), read_document(OA_DIR / "CN116002345A.txt", "D2")]
    return build_chart(cs, docs, [1, 3, 8]), read_office_action(OA_DIR / "office_action.txt")


def test_office_action_is_read(chart_and_oa) -> None:  # type: ignore[no-untyped-def]
    _chart, oa = chart_and_oa
    assert (oa.application_number, oa.title, oa.applicant) == (
        "202411234567.8",
        "分布式光伏电站",
        "华东新能源科技有限公司",
    )
    assert [(c.number, c.publication, c.date) for c in oa.documents] == [
        (1, "CN115001234A", "2022年12月06日"),
        (2, "CN116002345A", "2023年05月16日"),
    ]
    assert [(o.number, o.claims, o.grounds) for o in oa.objections] == [
        (1, [1], ["inventiveness"]),
        (2, [3], []),
        (3, [8], []),
    ]
    mappings = [(a.objection, a.document, a.paragraphs) for a in oa.assertions if a.kind == "disclosed"]
    assert mappings == [(1, 1, [3, 4]), (1, 1, [5]), (1, 2, [5]), (2, 2, [8])]
    assert [a.objection for a in oa.assertions if a.kind == "common_knowledge"] == [1, 3]
    diff = next(a for a in oa.assertions if a.kind == "distinguishing")
    assert diff.text.startswith("安装板底面设置直角连杆")


def test_each_mapping_is_checked(chart_and_oa) -> None:  # type: ignore[no-untyped-def]
    chart, oa = chart_and_oa
    checks = check_office_action(oa, chart)
    got = {(c.assertion.document, tuple(c.assertion.paragraphs), c.feature.id): c.holds for c in checks}
    for fid in ("1b", "1c", "1d", "1e"):
        assert got[(1, (3, 4), fid)] == "yes"
    assert got[(1, (5,), "1j")] == "no"
    for fid in ("1g", "1h", "1i", "1j"):
        assert got[(2, (5,), fid)] == "yes"
    assert got[(2, (8,), "3a")] == "elsewhere" and got[(2, (8,), "3c")] == "elsewhere"
    elsewhere = next(c for c in checks if c.feature.id == "3a")
    assert elsewhere.anywhere is not None and elsewhere.anywhere.passage is not None
    assert elsewhere.anywhere.passage.paragraph == "[0007]"
    for c in checks:  # quotes are verbatim slices of the cited document
        for m in (c.cited, c.anywhere):
            if m is not None and m.passage is not None:
                d = next(d for d in chart.documents if d.label == c.document)
                assert d.text[m.passage.span.start : m.passage.span.end] == m.passage.text
    ck = {a.objection: [f.id for f in fs] for a, fs in common_knowledge(oa, chart)}
    assert "1n" in ck[1] and ck[3] == ["8a"]


def test_reply_answers_the_office_action_and_says_what_it_could_not_compare() -> None:
    cs = parse_source(read_path(CLAIMS))
    docs = [
        read_document(OA_DIR / "CN115001234A.txt", "D1"),
        read_document(Path(__file__).parent / "match_docs" / "CN201094265Y.ja.txt", "D3"),
    ]
    chart = build_chart(cs, docs, [1, 3, 8])
    oa = read_office_action(OA_DIR / "office_action.txt")
    reply = build_reply(chart, description_from_path(DESC), oa)
    text = reply.text()
    assert "申请号：202411234567.8" in text and "对比文件1：CN115001234A" in text
    for step in (
        "最接近的现有技术：对比文件1",
        "区别技术特征",
        "实际解决的技术问题",
        "显而易见性",
        "专利法第二十二条第二款",
        "第二十二条第三款",
    ):
        assert step in text
    assert "多个所述安装板底部的所述活动块均与一螺杆螺纹连接" in text and "不成立" in text
    assert "4.10.2.3" in text  # common general knowledge asserted without evidence
    # the Japanese document: named as not compared, never said not to disclose
    assert "未能比对" in text or "未比对" in text
    assert not re.search(r"对比文件2[^。]{0,30}未公开", text) and "对比文件2均未公开" not in text
    # effects quoted only from sentences that state an effect of the distinguishing features
    assert "“为解决上述技术问题" not in text and "技术方案是" not in text
    assert "说明书¶13" in text


def test_effect_sentences_name_the_distinguishing_features() -> None:
    cs = parse_source(read_path(CLAIMS))
    chart = build_chart(cs, [read_document(OA_DIR / "CN115001234A.txt", "D1")], [1])
    a = chart.analyses[0]
    sentences = [s for _, s in effect_sentences(a.distinguishing, description_from_path(DESC), chart)]
    assert sentences and all("直角连杆" in s or "活动块" in s or "螺杆" in s for s in sentences)
    assert not any(s.startswith("为") for s in sentences)


def test_amendment_proposals_have_their_basis() -> None:
    cs = parse_source(read_path(CLAIMS))
    chart = build_chart(cs, [read_document(OA_DIR / "CN115001234A.txt", "D1")])
    text = build_reply(chart, description_from_path(DESC)).text()
    proposals = [line for line in text.splitlines() if "并入权利要求1" in line]
    assert proposals and all(
        "修改依据：原权利要求" in p and "第三十三条" in p and "第五十七条第三款" in p for p in proposals
    )
    assert any("说明书¶" in p for p in proposals)


def test_not_an_office_action() -> None:
    with pytest.raises(InputError, match="office action"):
        parse_office_action("这是一份普通的说明书。\n本发明涉及一种夹具。\n")


def test_cli_office_action_json_and_chinese_docx(tmp_path: Path) -> None:
    args = [str(CLAIMS), "--claims", "1,3,8", "--against", str(OA_DIR / "CN115001234A.txt")]
    args += ["--against", str(OA_DIR / "CN116002345A.txt"), "--office-action", str(OA_DIR / "office_action.txt")]
    r = run("match", *args, "-f", "json", "--no-reply")
    assert r.returncode == 0, r.stderr
    oa = json.loads(r.stdout)["office_action"]
    assert oa["application_number"] == "202411234567.8" and len(oa["checks"]) >= 10
    assert {"yes", "no", "elsewhere"} <= {c["holds"] for c in oa["checks"]}
    out = tmp_path / "reply.docx"
    r = run("match", *args, "--description", str(DESC), "-f", "docx", "-o", str(out))
    assert r.returncode == 0, r.stderr
    import docx

    d = docx.Document(str(out))
    assert (round(d.sections[0].page_width.mm), round(d.sections[0].page_height.mm)) == (210, 297)
    fields = {row.cells[0].text: row.cells[1].text for row in d.tables[0].rows}
    assert fields["申请号"] == "202411234567.8" and fields["申请人"] == "华东新能源科技有限公司"
    assert [c.text for c in d.tables[1].rows[0].cells] == ["特征", "内容", "对比文件1", "对比文件2"]
    texts = [p.text for p in d.paragraphs]
    assert "对比文件1：CN115001234A" in texts and "对比文件2：CN116002345A" in texts
    labels = [p.text for p in d.paragraphs if p.style.name.startswith("Heading")]
    labels += [c.text for t in d.tables[1:] for c in t.rows[0].cells]
    assert labels and not any(re.search(r"[A-Za-z]{2,}", x) for x in labels), labels
