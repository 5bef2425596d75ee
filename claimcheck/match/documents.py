"""Prior-art documents (D1, D2 …) split into passages with locations.

A passage is a sentence of a paragraph (split at 。；. ; and line ends); its location is the paragraph number
printed in the document ([0023]) or, failing that, the paragraph's position (¶23), and for PDFs the page.
Every passage is a verbatim slice of :attr:`Document.text` at :attr:`Passage.span`, so a quoted passage can
always be found again in the document.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from claimcheck.errors import InputError
from claimcheck.model import Span
from claimcheck.model.language import language_of

_PARA_NUM = re.compile(r"^\s*[\[【]\s*(\d{3,5})\s*[\]】]\s*")
_SENTENCE = re.compile(r"[^。；;!?！？]+[。；;!?！？]?|[^。；;!?！？]+$")
_EN_SENTENCE = re.compile(r"[^.;!?]+(?:[.;!?](?!\d)|$)")


@dataclass(frozen=True, slots=True)
class Passage:
    """A sentence of a document and where it is."""

    text: str
    span: Span
    paragraph: str  # "[0023]" or "¶23"
    page: int | None = None

    @property
    def location(self) -> str:
        """Paragraph, and page when known."""
        return f"{self.paragraph}, p.{self.page}" if self.page else self.paragraph


@dataclass
class Document:
    """A prior-art document."""

    label: str
    path: str
    text: str
    passages: list[Passage]
    language: str


def _passages(text: str, pages: list[tuple[int, int]] | None = None) -> list[Passage]:
    """Sentences of every non-empty line; paragraph numbers from [0012] prefixes, else by position."""
    out: list[Passage] = []
    english = language_of(text) != "zh"
    index = 0
    offset = 0
    for line in text.split("\n"):
        start = offset
        offset += len(line) + 1
        if not line.strip():
            continue
        index += 1
        m = _PARA_NUM.match(line)
        label = f"[{m.group(1)}]" if m else f"¶{index}"
        body_start = start + (m.end() if m else 0)
        body = text[body_start : start + len(line)]
        page = None
        if pages:
            page = next((p for p, (a, b) in enumerate(pages, start=1) if a <= start < b), None)
        sentences = []
        for s in (_EN_SENTENCE if english else _SENTENCE).finditer(body):
            piece = s.group(0)
            stripped = piece.strip()
            if len(stripped) < 4:
                continue
            a = body_start + s.start() + piece.find(stripped)
            sentences.append(Passage(stripped, Span(a, a + len(stripped)), label, page))
        out.extend(sentences)
        if len(sentences) > 1:
            # the whole paragraph too, for features that span two sentences
            a, b = sentences[0].span.start, sentences[-1].span.end
            out.append(Passage(text[a:b], Span(a, b), label, page))
    return out


def read_document(path: Path, label: str, max_bytes: int | None = None) -> Document:
    """Read a prior-art document: text, .docx, CNIPA/WIPO/EPO XML full text, or PDF with a text layer."""
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return _read_pdf(path, label)
    if suffix == ".xml":
        return _read_xml(path, label)
    from claimcheck.readers import read_path

    src = read_path(path, max_bytes=max_bytes)
    return Document(label, str(path), src.text, _passages(src.text), language_of(src.text))


def _read_xml(path: Path, label: str) -> Document:
    from claimcheck.readers.xml import read_xml_parts

    parts = read_xml_parts(path.read_bytes(), str(path))
    text = "\n".join(parts[name].text for name in ("abstract", "description", "claims") if name in parts)
    if not text.strip():
        raise InputError(f"{path}: no description, abstract or claims in the XML document")
    return Document(label, str(path), text, _passages(text), language_of(text))


def _read_pdf(path: Path, label: str) -> Document:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:  # pragma: no cover - pypdf is a dependency
        raise InputError("reading PDF needs pypdf (pip install pypdf)") from None
    try:
        reader = PdfReader(io.BytesIO(path.read_bytes()))
        pages_text = [(page.extract_text() or "") for page in reader.pages]
    except (PdfReadError, OSError, ValueError) as e:
        raise InputError(f"{path}: cannot read PDF: {e}") from None
    if not "".join(pages_text).strip():
        raise InputError(f"{path}: the PDF has no text layer (a scan?): run OCR on it first, or give the text")
    text = ""
    bounds: list[tuple[int, int]] = []
    for t in pages_text:
        start = len(text)
        text += t.rstrip("\n") + "\n"
        bounds.append((start, len(text)))
    return Document(label, str(path), text, _passages(text, bounds), language_of(text))
