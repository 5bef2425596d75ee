"""Read a Word .docx draft.

Each paragraph becomes one line of the text; the location of a diagnostic in a
.docx is therefore "paragraph N, character M".  Claim numbers produced by
Word's automatic numbering are not in the paragraph text: they are rebuilt
from the numbering properties (``w:numPr`` on the paragraph or its style) so
that the parser sees ``1.``, ``2.`` … as it would in a text draft.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from claimcheck.errors import InputError
from claimcheck.model.source import Origin, SourceText

MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 200
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_LABEL = re.compile(r"\s*([0-9０-９]{1,3})\s*[.．、)）]")


def _check_zip(data: bytes, path: str) -> None:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError(f"{path}: not a valid .docx file (not a zip archive)") from None
    with zf:
        total = 0
        for info in zf.infolist():
            total += info.file_size
            if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 10_000_000:
                raise InputError(f"{path}: refused: compression ratio of {info.filename} suggests a zip bomb")
        if total > MAX_UNCOMPRESSED:
            raise InputError(
                f"{path}: refused: .docx expands to {total // 1_048_576} MB (limit {MAX_UNCOMPRESSED // 1_048_576} MB)"
            )
        if "word/document.xml" not in zf.namelist():
            raise InputError(f"{path}: not a Word document (no word/document.xml)")


def _num_props(paragraph: Any) -> tuple[str, int] | None:
    """The (numId, level) of a paragraph's automatic numbering, from it or its style chain."""
    p_pr = paragraph._p.pPr
    candidates = [p_pr]
    style = paragraph.style
    while style is not None:
        candidates.append(style.element.pPr)
        style = style.base_style
    for pr in candidates:
        if pr is None:
            continue
        num_pr = pr.find(f"{_W}numPr")
        if num_pr is None:
            continue
        num_id = num_pr.find(f"{_W}numId")
        ilvl = num_pr.find(f"{_W}ilvl")
        nid = num_id.get(f"{_W}val") if num_id is not None else None
        if nid is None or nid == "0":
            return None
        level = int(ilvl.get(f"{_W}val") or 0) if ilvl is not None else 0
        return nid, level
    return None


def read_docx(data: bytes, path: str) -> SourceText:
    """Return the paragraphs of a .docx as text, with auto-numbered claims labelled."""
    _check_zip(data, path)
    try:
        import docx
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise InputError("reading .docx needs python-docx (pip install python-docx)") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises many kinds on broken parts
        raise InputError(f"{path}: cannot read .docx: {e}") from None
    parts: list[str] = []
    origins: list[Origin] = []
    counters: dict[str, int] = {}
    length = 0
    for index, paragraph in enumerate(document.paragraphs, start=1):
        text = paragraph.text.replace("\r", "").replace("\n", " ").replace("\x0b", " ")
        prefix = ""
        props = _num_props(paragraph)
        if props is not None and props[1] == 0 and text.strip():
            nid = props[0]
            counters[nid] = counters.get(nid, 0) + 1
            if not _LABEL.match(text):
                prefix = f"{counters[nid]}."
        if parts:
            parts.append("\n")
            length += 1
        if prefix:
            origins.append(Origin(length, index, 1))
            parts.append(prefix)
            length += len(prefix)
        origins.append(Origin(length, index, 1))
        parts.append(text)
        length += len(text)
    return SourceText("".join(parts), path=path, format="docx", encoding="docx", origins=origins)
