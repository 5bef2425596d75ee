"""Prior-art documents (D1, D2 …) split into passages with locations.

A passage is a sentence of a paragraph (split at 。；. ; and line ends); its location is the paragraph number
printed in the document ([0023]) or, failing that, the paragraph's position (¶23), and for PDFs the page.
Every passage is a verbatim slice of :attr:`Document.text` at :attr:`Passage.span`, so a quoted passage can
always be found again in the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from claimcheck.errors import InputError
from claimcheck.model import Span
from claimcheck.model.language import language_of

_PARA_NUM = re.compile(r"^\s*[\[【]\s*(\d{3,5})\s*[\]】]\s*")
_SENTENCE = re.compile(r"[^。；;!?！？]+[。；;!?！？]?|[^。；;!?！？]+$")
_EN_SENTENCE = re.compile(r"[^.;!?]+(?:[.;!?](?!\d)|$)")
_PUBLICATION = re.compile(
    r"\b((?:CN|US|EP|WO|JP|KR|DE|GB|FR|TW)\s?[0-9]{4,12}(?:\.[0-9])?\s?[A-Z][0-9]?)(?![A-Za-z0-9])", re.I
)
_KANA = re.compile(r"[\u3040-\u30ff]")
# names a translation beside a document may have: D1.zh.txt, D1-zh.txt, D1.cn.docx, D1_译文.txt
TRANSLATION_SUFFIXES = (".zh", "-zh", "_zh", ".cn", "-cn", "_cn", ".译文", "_译文", "-译文")


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
class Translation:
    """A translation of a document supplied beside it: its passages, each tied to a passage of the original."""

    path: str
    text: str
    language: str
    passages: list[Passage]
    original: list[int]  # for each translated passage, the index of the original passage it renders


@dataclass
class Document:
    """A prior-art document."""

    label: str
    path: str
    text: str
    passages: list[Passage]
    language: str
    translation: Translation | None = None

    @property
    def publication(self) -> str | None:
        """The publication number the file name carries (CN117439507A, US 2019/0123456 A1), if any."""
        m = _PUBLICATION.search(Path(self.path).stem.replace("_", " "))
        return m.group(1).replace(" ", "").upper() if m else None


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


def text_document(label: str, path: str, text: str, language: str | None = None) -> Document:
    """A document made from text already in memory (a test, an examiner's sentence)."""
    return Document(label, path, text, _passages(text), language or document_language(text))


def read_document(path: Path, label: str, max_bytes: int | None = None) -> Document:
    """Read a prior-art document: text, .docx, CNIPA/WIPO/EPO XML full text, or PDF with a text layer."""
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return _read_pdf(path, label, max_bytes)
    if suffix == ".xml":
        return _read_xml(path, label, max_bytes)
    from claimcheck.readers import read_path

    src = read_path(path, max_bytes=max_bytes)
    return Document(label, str(path), src.text, _passages(src.text), document_language(src.text))


def _read_xml(path: Path, label: str, max_bytes: int | None = None) -> Document:
    from claimcheck.readers import read_file_bytes
    from claimcheck.readers.xml import read_xml_parts

    parts = read_xml_parts(read_file_bytes(path, max_bytes), str(path))
    text = "\n".join(parts[name].text for name in ("abstract", "description", "claims") if name in parts)
    if not text.strip():
        raise InputError(f"{path}: no description, abstract or claims in the XML document")
    return Document(label, str(path), text, _passages(text), document_language(text))


def _read_pdf(path: Path, label: str, max_bytes: int | None = None) -> Document:
    from claimcheck.readers import read_file_bytes
    from claimcheck.readers.pdf import read_pdf

    pages_text = read_pdf(read_file_bytes(path, max_bytes), str(path)).pages
    if not "".join(pages_text).strip():
        raise InputError(f"{path}: the PDF has no text layer (a scan?): run OCR on it first, or give the text")
    text = ""
    bounds: list[tuple[int, int]] = []
    for t in pages_text:
        start = len(text)
        text += t.rstrip("\n") + "\n"
        bounds.append((start, len(text)))
    return Document(label, str(path), text, _passages(text, bounds), document_language(text))


def document_language(text: str) -> str:
    """:func:`~claimcheck.model.language.language_of`, with Japanese (kana among the Han characters) told apart."""
    lang = language_of(text)
    if lang == "zh":
        head = text[:20000]
        kana = len(_KANA.findall(head))
        if kana and kana * 10 >= sum(1 for ch in head if "\u4e00" <= ch <= "\u9fff"):
            return "ja"
    return lang


def translation_beside(path: Path) -> Path | None:
    """A translation the user put beside ``path`` (D1.zh.txt or D1.zh.docx for D1.pdf), if there is one."""
    for suffix in TRANSLATION_SUFFIXES:
        for ext in (".txt", ".docx"):
            candidate = path.with_name(path.stem + suffix + ext)
            if candidate.is_file() and candidate != path:
                return candidate
    return None


def _paragraph_groups(passages: list[Passage]) -> list[list[int]]:
    """Passage indexes grouped by paragraph, in document order."""
    groups: dict[str, list[int]] = {}
    for i, p in enumerate(passages):
        groups.setdefault(p.paragraph, []).append(i)
    return list(groups.values())


def attach_translation(document: Document, path: Path, max_bytes: int | None = None) -> Document:
    """``document`` with the translation at ``path``: every translated passage tied to an original passage.

    Paragraphs are paired by their printed number ([0023]) when both texts have them, else by position (scaled
    when the counts differ); a sentence goes to the sentence of the same rank when both paragraphs have as many,
    else to the whole original paragraph.  Quotes are always taken from the original.
    """
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    if path.suffix.lower() == ".pdf":
        text = _read_pdf(path, document.label, max_bytes).text
    else:
        from claimcheck.readers import read_path

        text = read_path(path, max_bytes=max_bytes).text
    passages = _passages(text)
    if not passages:
        raise InputError(f"{path}: the translation has no text")
    orig_groups = _paragraph_groups(document.passages)
    trans_groups = _paragraph_groups(passages)
    if not orig_groups:
        raise InputError(f"{document.path}: the document has no text to pair with its translation")
    by_label = {document.passages[g[0]].paragraph: g for g in orig_groups}
    numbered = all(passages[g[0]].paragraph.startswith("[") for g in trans_groups)
    original = [0] * len(passages)
    for k, group in enumerate(trans_groups):
        label = passages[group[0]].paragraph
        target = by_label.get(label) if numbered and label.startswith("[") else None
        if target is None:
            target = orig_groups[min(len(orig_groups) - 1, k * len(orig_groups) // len(trans_groups))]
        whole = target[-1]  # a paragraph of several sentences ends with the passage of the whole paragraph
        sentences = group[:-1] if len(group) > 1 else group
        targets = target[:-1] if len(target) > 1 else target
        for i in group:
            same_rank = len(sentences) == len(targets) and i in sentences
            original[i] = targets[sentences.index(i)] if same_rank else whole
    document.translation = Translation(str(path), text, document_language(text), passages, original)
    return document


def with_translations(
    documents: list[Document], given: dict[str, Path] | None = None, max_bytes: int | None = None
) -> list[Document]:
    """Each document with its translation: the one ``given`` for its path (or file name), else one beside it."""
    given = given or {}
    for d in documents:
        if d.translation is not None:
            continue
        p = Path(d.path)
        path = given.get(str(p)) or given.get(p.name) or translation_beside(p)
        if path is not None:
            attach_translation(d, path, max_bytes)
    return documents
