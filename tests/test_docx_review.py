"""The reviewed copy of a Word draft: each finding a comment on the flagged words, the rest of the draft unchanged."""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path
from typing import Any

import docx
import docx_drafts
import pytest
from docx.oxml.ns import qn

from claimcheck.lint.config import ConfigResolver
from claimcheck.lint.engine import lint_paths
from claimcheck.lint.results import FileResult
from claimcheck.model.diagnostic import Applicability, Diagnostic, Fix
from claimcheck.readers.docx_text import paragraph_text, run_state, visible
from claimcheck.report.docx_review import comment_text, review_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _lint(path: Path) -> FileResult:
    return lint_paths([path], config_for=ConfigResolver())[0]


def anchored_text(document: Any, revisions: str = "accepted") -> dict[int, tuple[int, str]]:
    """Comment id -> (paragraph number, the text between its range start and end, as read)."""
    out: dict[int, tuple[int, str]] = {}
    for number, paragraph in enumerate(document.paragraphs, start=1):
        p = paragraph._p
        active: set[int] = set()
        for el in p.iter():
            if el.tag == W + "commentRangeStart":
                cid = int(el.get(W + "id"))
                active.add(cid)
                out[cid] = (number, "")
            elif el.tag == W + "commentRangeEnd":
                active.discard(int(el.get(W + "id")))
            elif el.tag in (W + "t", W + "delText") and visible(run_state(el.getparent(), p), revisions):
                for cid in active:
                    out[cid] = (number, out[cid][1] + (el.text or ""))
    return out


def char_formats(document: Any, revisions: str = "accepted") -> list[list[tuple[str, str, str]]]:
    """Per paragraph, each character with its run's formatting and revision state: what a reader sees."""
    out = []
    for paragraph in document.paragraphs:
        p = paragraph._p
        chars = []
        for el in p.iter(W + "t", W + "delText"):
            run = el.getparent()
            state = run_state(run, p)
            if not visible(state, revisions):
                continue
            r_pr = run.find(W + "rPr")
            fmt = "" if r_pr is None else docx.oxml.parse_xml(r_pr.xml).xml
            chars.extend((c, fmt, state) for c in el.text or "")
        out.append(chars)
    return out


def _part(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read(name)


def _flagged(result: FileResult, d: Diagnostic) -> tuple[int, str]:
    """The paragraph and the words a finding flags, as the reader's locations give them."""
    assert result.claimset is not None
    src = result.claimset.source
    loc = src.locate(d.span)
    line = src.line_text(d.span.start)
    text = src.text[d.span.start : d.span.end]
    offset = d.span.start - src.line_start(d.span.start)
    if offset < len(line) - len(re.sub(r"^[0-9]+\.", "", line)):  # on the number Word draws: the whole paragraph
        text = re.sub(r"^[0-9]+\.", "", line)
    return loc.line, text


@pytest.mark.parametrize("claims", ["CLAIMS", "TRACKED"])
def test_every_finding_is_a_comment_on_the_flagged_words(tmp_path: Path, claims: str) -> None:
    draft = docx_drafts.build(tmp_path / "draft.docx", getattr(docx_drafts, claims))
    before = hashlib.sha256(draft.read_bytes()).hexdigest()
    result = _lint(draft)
    assert len(result.diagnostics) >= 3
    out = tmp_path / "draft.reviewed.docx"
    outcome = review_docx(draft.read_bytes(), result, out, lang="zh")
    assert outcome.comments == len(result.diagnostics) and outcome.elsewhere == 0
    assert hashlib.sha256(draft.read_bytes()).hexdigest() == before  # the original is never written

    reviewed = docx.Document(str(out))
    comments = {c.comment_id: c for c in reviewed.comments}
    anchors = anchored_text(reviewed)
    ours = {cid: c for cid, c in comments.items() if c.author == "claimcheck"}
    assert len(ours) == len(result.diagnostics)
    expected = sorted((*_flagged(result, d), comment_text(d, "zh")) for d in result.diagnostics)
    found = sorted((*anchors[cid], c.text) for cid, c in ours.items())
    assert found == expected
    # the colleague's comment is still there, on the same words
    theirs = [c for c in comments.values() if c.author == "张工"]
    assert [c.text for c in theirs] == ["请核对引用关系"]
    cid = theirs[0].comment_id
    assert anchors[cid] == anchored_text(docx.Document(str(draft)))[cid]
    assert anchors[cid][0] == 3 and anchors[cid][1].startswith("根据权利要求1所述的散热装置")


@pytest.mark.parametrize("claims", ["CLAIMS", "TRACKED"])
def test_the_rest_of_the_draft_is_unchanged(tmp_path: Path, claims: str) -> None:
    draft = docx_drafts.build(tmp_path / "draft.docx", getattr(docx_drafts, claims))
    out = tmp_path / "reviewed.docx"
    review_docx(draft.read_bytes(), _lint(draft), out)
    old, new = docx.Document(str(draft)), docx.Document(str(out))
    for revisions in ("accepted", "original"):
        assert [paragraph_text(p._p, revisions) for p in old.paragraphs] == [
            paragraph_text(p._p, revisions) for p in new.paragraphs
        ]
        assert char_formats(old, revisions) == char_formats(new, revisions)
    assert [p.style.name for p in old.paragraphs] == [p.style.name for p in new.paragraphs]
    for part in ("word/styles.xml", "word/numbering.xml", "word/settings.xml"):
        assert _part(draft, part) == _part(out, part), part
    revisions_old = [(e.tag, e.get(qn("w:id"))) for e in old.element.body.iter(W + "ins", W + "del")]
    revisions_new = [(e.tag, e.get(qn("w:id"))) for e in new.element.body.iter(W + "ins", W + "del")]
    assert revisions_old == revisions_new


def test_comment_text_in_each_language(tmp_path: Path) -> None:
    draft = docx_drafts.build(tmp_path / "draft.docx", docx_drafts.CLAIMS)
    result = _lint(draft)
    c002 = next(d for d in result.diagnostics if d.code == "C002")
    zh, en, both = (comment_text(c002, lang) for lang in ("zh", "en", "both"))
    assert zh.startswith("【C002 description-reference｜错误】权利要求不应引用") and "依据：专利法实施细则" in zh
    assert "修改建议：" in zh and "Fix:" not in zh and c002.message_en not in zh
    assert en.startswith("[C002 description-reference | error] the claim relies") and "Source: 专利法实施细则" in en
    assert "修改建议" not in en
    assert c002.message_zh in both and c002.message_en in both and "Fix: " in both


def test_a_safe_fix_as_a_tracked_change(tmp_path: Path) -> None:
    draft = docx_drafts.build(tmp_path / "draft.docx", docx_drafts.CLAIMS)
    result = _lint(draft)
    about = next(d for d in result.diagnostics if d.code == "C001" and d.claim == 4)
    assert result.claimset is not None
    text = result.claimset.source.text
    assert text[about.span.start : about.span.end] == "约为"
    about.fix = Fix("删去“约”", "delete 'about'", about.span, "为", Applicability.SAFE)
    out = tmp_path / "fixed.docx"
    outcome = review_docx(draft.read_bytes(), result, out, track_fixes=True)
    assert outcome.tracked == 1 and outcome.comments == len(result.diagnostics) - 1
    new = docx.Document(str(out))
    claim4 = new.paragraphs[4]._p
    assert paragraph_text(claim4, "accepted").endswith("所述底座的厚度为5mm。")
    assert paragraph_text(claim4, "original").endswith("所述底座的厚度约为5mm。")
    dels = list(claim4.iter(W + "del"))
    assert dels and all(d.get(W + "author") == "claimcheck" for d in dels)
    assert "".join(t.text for d in dels for t in d.iter(W + "delText")) == "约为"
    # without the option the same finding is a comment
    outcome = review_docx(draft.read_bytes(), result, tmp_path / "plain.docx")
    assert outcome.tracked == 0 and outcome.comments == len(result.diagnostics)


def test_findings_in_another_file_are_counted_apart(tmp_path: Path) -> None:
    draft = docx_drafts.build(tmp_path / "draft.docx", docx_drafts.CLAIMS)
    result = _lint(draft)
    assert result.claimset is not None
    other = type(result.claimset.source)("说明书正文", path=str(tmp_path / "desc.txt"))
    result.diagnostics[0].where = other
    outcome = review_docx(draft.read_bytes(), result, tmp_path / "r.docx")
    assert outcome.elsewhere == 1 and outcome.comments == len(result.diagnostics) - 1


def test_tracked_changes_read_as_accepted_or_original(tmp_path: Path) -> None:
    draft = docx_drafts.build(tmp_path / "tracked.docx", docx_drafts.TRACKED)
    accepted = lint_paths([draft], config_for=ConfigResolver())[0]
    original = lint_paths([draft], config_for=ConfigResolver(), revisions="original")[0]
    assert accepted.claimset is not None and original.claimset is not None
    lines = accepted.claimset.source.text.split("\n")
    assert lines[2] == "2.根据权利要求1所述的散热装置，其特征在于，所述导热管与所述散热片焊接连接。"
    assert lines[3] == "3.根据权利要求1所述的散热装置，其特征在于，所述风扇的形状如图3所示。"
    assert original.claimset.source.text.split("\n")[2].endswith("所述滑块与所述散热片焊接连接。")
    claim4 = original.claimset.get(4)
    assert claim4 is not None and tuple(claim4.refs) == (2, 3)
    codes = {(d.code, d.claim) for d in accepted.diagnostics}
    assert ("C002", 3) in codes and ("A001", 2) not in codes
    codes_original = {(d.code, d.claim) for d in original.diagnostics}
    assert ("A001", 2) in codes_original and ("C002", 3) not in codes_original
    # locations: the paragraph Word shows, whichever reading
    a001 = next(d for d in original.diagnostics if d.code == "A001")
    loc = original.claimset.source.locate(a001.span)
    assert (loc.line, original.claimset.source.text[a001.span.start : a001.span.end]) == (3, "所述滑块")
    # the reviewed copy of the original reading puts the finding on the deleted words
    out = tmp_path / "original.reviewed.docx"
    review_docx(draft.read_bytes(), original, out, revisions="original")
    reviewed = docx.Document(str(out))
    ours = [c for c in reviewed.comments if c.author == "claimcheck" and c.text.startswith("【A001")]
    assert anchored_text(reviewed, "original")[ours[0].comment_id] == (3, "所述滑块")
