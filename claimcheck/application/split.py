"""Find the parts of a whole application in one text or .docx file, and read descriptions and abstracts.

A whole application is recognised by its part headings on lines of their own: 权利要求书, 说明书,
说明书摘要 (or 摘要), 说明书附图, 摘要附图 (spaces between the characters allowed).  The claims part
keeps its positions in the file: the other parts are blanked out of a copy of the text before the claim
parser sees it.  Description paragraphs keep their printed numbers ([0012], 【0012】) for citations; without
them, body paragraphs are counted the way CNIPA numbers them (not the title, not the section headings).
"""

from __future__ import annotations

import re
from pathlib import Path

from claimcheck.application.model import SECTION_NAMES, Abstract, Application, Description, Paragraph
from claimcheck.errors import InputError
from claimcheck.lexicon import Lexicons
from claimcheck.model import SourceText, Span

PART_HEADINGS = {
    "权利要求书": "claims",
    "说明书": "description",
    "说明书摘要": "abstract",
    "摘要": "abstract",
    "说明书附图": "figures",
    "摘要附图": "abstract-figure",
}
_LINE = re.compile(r"[^\n]*\n?")
_PART_LINE = re.compile(r"^[^\S\n]*[" + "".join(sorted({k[0] for k in PART_HEADINGS})) + r"][^\n]*", re.M)
_NOT_LINE_BREAK = re.compile(r"[^\r\n]")
_PARA_NUMBER = re.compile(r"^\s*[\[【]\s*(\d{3,5})\s*[\]】]\s*")


def _lines(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
    """(offset, line without its line break) for each line of ``text[start:end]``."""
    end = len(text) if end is None else end
    out = []
    for m in _LINE.finditer(text, start, end):
        if m.start() == m.end():
            break
        out.append((m.start(), m.group(0).rstrip("\r\n")))
    return out


_HEADING_DECORATION = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[0-9]+\s*[、.．]|[（(][一二三四五六七八九十0-9]+[)）]|[【\[［〔])?\s*"
)


def _heading(line: str) -> str:
    return re.sub(r"[\s\u3000]+", "", line)


def section_heading(line: str) -> str | None:
    """The section a description line opens when it is a heading (一、技术领域, 【背景技术】, 发明内容：), else None."""
    name = re.sub(r"[】\]］〕：:]+$", "", _heading(_HEADING_DECORATION.sub("", line)))
    return SECTION_NAMES.get(name)


def split_application(src: SourceText) -> tuple[SourceText, Description | None, Abstract | None, list[str]] | None:
    """Split a whole application; None when the text holds no part headings (a plain claim set)."""
    marks: list[tuple[int, int, str]] = []  # (heading start, content start, part)
    for m in _PART_LINE.finditer(src.text):  # only lines that open with a heading's first character
        line = m.group().rstrip("\r")
        part = PART_HEADINGS.get(_heading(line))
        if part is not None:
            marks.append((m.start(), m.start() + len(line), part))
    parts = {p for _, _, p in marks}
    if "claims" not in parts or "description" not in parts:
        return None
    regions: dict[str, tuple[int, int]] = {}
    for i, (_h, content, part) in enumerate(marks):
        end = marks[i + 1][0] if i + 1 < len(marks) else len(src.text)
        regions.setdefault(part, (content, end))
    text = src.text
    c_start, c_end = regions["claims"]
    # everything outside the claims blanked, line breaks kept (same length: offsets stay offsets into the file)
    blanked = _NOT_LINE_BREAK.sub(" ", text[:c_start]) + text[c_start:c_end] + _NOT_LINE_BREAK.sub(" ", text[c_end:])
    claims_src = SourceText(
        blanked, path=src.path, format=src.format, encoding=src.encoding, origins=src.origins, blocks=None
    )
    claims_src.warnings.extend(src.warnings)
    d_start, d_end = regions["description"]
    description = read_description(src, d_start, d_end)
    abstract = None
    missing: list[str] = []
    if "abstract" in regions:
        a_start, a_end = regions["abstract"]
        abstract = _abstract(src, a_start, a_end)
    else:
        missing.append("说明书摘要 (abstract)")
    return claims_src, description, abstract, missing


def _abstract(src: SourceText, start: int, end: int) -> Abstract | None:
    body = src.text[start:end]
    stripped = body.strip()
    if not stripped:
        return None
    s = start + body.find(stripped[0])
    return Abstract(src, stripped, Span(s, s + len(stripped)))


def read_description(src: SourceText, start: int = 0, end: int | None = None) -> Description:
    """Paragraphs, sections and title of the description in ``src.text[start:end]``."""
    paragraphs: list[Paragraph] = []
    section = "other"
    title: str | None = None
    title_span: Span | None = None
    index = 0
    for off, line in _lines(src.text, start, end):
        stripped = line.strip()
        if not stripped:
            continue
        number = None
        m = _PARA_NUMBER.match(line)
        body_off = off
        if m:
            number = m.group(1)
            body_off = off + m.end()
        text = src.text[body_off : off + len(line)].strip()
        if not text:
            continue
        heading = section_heading(text)
        if heading is not None:
            section = heading
            continue
        if title is not None and section == "other" and not paragraphs and _heading(text) == _heading(title):
            continue
        if (
            title is None
            and section == "other"
            and not paragraphs
            and len(text) <= 60
            and not re.search(r"[。；;]", text)
        ):
            title = text
            ts = src.text.find(text, body_off)
            title_span = Span(ts, ts + len(text))
            continue
        index += 1
        ts = src.text.find(text, body_off)
        paragraphs.append(Paragraph(index, number, section, text, Span(ts, ts + len(text))))
    return Description(src, paragraphs, title, title_span)


def description_from_path(path: Path, max_bytes: int | None = None) -> Description:
    """A description given as a file of its own (text, .docx or full-text XML)."""
    from claimcheck.readers import read_file_bytes, read_path

    if path.suffix.lower() == ".xml":
        from claimcheck.readers.xml import read_xml_part

        dsrc = read_xml_part(read_file_bytes(path, max_bytes), str(path), "description")
        if dsrc is None:
            raise InputError(f"{path}: no <description> in the XML document")
        return read_description(dsrc)
    return read_description(read_path(path, max_bytes=max_bytes))


def load_application(
    path: Path,
    *,
    description: Path | None = None,
    abstract: Path | None = None,
    lang: str | None = None,
    max_bytes: int | None = None,
    lexicons: Lexicons | None = None,
    revisions: str = "accepted",
) -> Application:
    """Read a claim set or a whole application, with optional separate description and abstract files.

    ``revisions``: tracked changes in a .docx read as ``accepted`` (the default) or as the ``original`` text.
    """
    from claimcheck.parse import parse_source
    from claimcheck.readers import read_path

    src = read_path(path, lang=lang, max_bytes=max_bytes, revisions=revisions)
    desc: Description | None = None
    abst: Abstract | None = None
    missing: list[str] = []
    claims_src = src
    split_whole = False
    if src.format == "xml":
        dsrc = src.parts.get("description")
        if dsrc is not None:
            desc = read_description(dsrc)
        asrc = src.parts.get("abstract")
        if asrc is not None and asrc.text.strip():
            abst = _abstract(asrc, 0, len(asrc.text))
    else:
        split = split_application(src)
        if split is not None:
            claims_src, desc, abst, missing = split
            split_whole = True
    if description is not None:
        desc = description_from_path(description, max_bytes)
    if abstract is not None:
        asrc2 = read_path(abstract, max_bytes=max_bytes)
        abst = _abstract(asrc2, 0, len(asrc2.text))
        missing = [m for m in missing if "abstract" not in m]
    try:
        claims = parse_source(claims_src, lexicons)
    except InputError:
        if desc is not None:
            raise InputError(f"{src.path}: the application has no claims (权利要求书) that can be read") from None
        raise
    if desc is not None and split_whole:
        for heading, key in (("技术领域", "field"), ("背景技术", "background"), ("具体实施方式", "embodiments")):
            if key not in desc.sections:
                missing.append(f"{heading} ({key})")
        if desc.title is None:
            missing.append("发明名称 (title)")
    return Application(claims, desc, abst, missing)
