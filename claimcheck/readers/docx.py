"""Read a Word .docx draft.

Each paragraph of the document body becomes one line of the text; the location of a diagnostic in a .docx
is therefore "paragraph N, character M".  Claim numbers produced by Word's automatic numbering are not in
the paragraph text: they are rebuilt from the numbering properties (``w:numPr`` on the paragraph or its
style, ``word/numbering.xml`` for the list's format and start) so that the parser sees ``1.``, ``2.`` … as
it would in a text draft.

A .docx is a zip archive, so the reader is built to withstand hostile ones: the bytes actually inflated
are counted while reading (the sizes declared in the zip headers are not trusted), the XML parts are read
with entities, DTDs and the network off, the body is read paragraph by paragraph without keeping the
tree, styles and numbering are resolved once per document, and every chain in them (``basedOn``,
``numStyleLink``) is walked with a visited set, so a style based on itself cannot loop.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING

from claimcheck.errors import InputError
from claimcheck.model.source import Origin, SourceText
from claimcheck.readers.docx_text import paragraph_text

if TYPE_CHECKING:
    from lxml import etree

MAX_UNCOMPRESSED = 200 * 1024 * 1024
"""The most bytes inflated from the XML parts of one .docx."""
MAX_RATIO = 200
"""A part inflating to more than this many times its compressed size (beyond ``RATIO_FLOOR``) is a zip bomb."""
RATIO_FLOOR = 20_000_000

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_LABEL = re.compile(r"\s*([0-9０-９]{1,5})\s*[.．、)）]")
_DOCUMENT = "word/document.xml"
_STYLES = "word/styles.xml"
_NUMBERING = "word/numbering.xml"
_CHUNK = 1 << 20
_NO_LABEL_FORMATS = frozenset({"bullet", "none"})


class _Inflater:
    """Reads members of one archive, counting the bytes actually inflated against one budget."""

    def __init__(self, zf: zipfile.ZipFile, path: str) -> None:
        self.zf = zf
        self.path = path
        self.left = MAX_UNCOMPRESSED

    def open(self, name: str) -> _BoundedReader:
        """A file-like reader of member ``name``."""
        info = self.zf.getinfo(name)
        try:
            fh = self.zf.open(info)
        except (RuntimeError, NotImplementedError, zipfile.BadZipFile, ValueError) as e:
            raise InputError(f"{self.path}: cannot read .docx part {name}: {e}") from None
        return _BoundedReader(self, fh, name, info.compress_size)

    def read(self, name: str) -> bytes:
        """The whole of member ``name`` (within the budget)."""
        with self.open(name) as reader:
            return b"".join(iter(lambda: reader.read(_CHUNK), b""))


class _BoundedReader:
    """A zip member read in chunks; refuses the archive once it inflates beyond the limits."""

    def __init__(self, owner: _Inflater, fh: IO[bytes], name: str, compressed: int) -> None:
        self.owner, self.fh, self.name, self.compressed = owner, fh, name, compressed
        self.inflated = 0

    def read(self, n: int | None = _CHUNK) -> bytes:
        """At most ``n`` bytes (``_CHUNK`` when ``n`` is negative); never inflates more than that at once."""
        size = _CHUNK if n is None or n < 0 else min(n, _CHUNK)
        try:
            data = self.fh.read(size)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as e:
            raise InputError(f"{self.owner.path}: cannot read .docx part {self.name}: {e}") from None
        self.inflated += len(data)
        self.owner.left -= len(data)
        path = self.owner.path
        if self.owner.left < 0:
            raise InputError(f"{path}: refused: .docx expands beyond {MAX_UNCOMPRESSED // 1_048_576} MB")
        if self.inflated > RATIO_FLOOR and self.inflated > MAX_RATIO * max(1, self.compressed):
            raise InputError(f"{path}: refused: compression ratio of {self.name} suggests a zip bomb")
        return data

    def close(self) -> None:
        """Close the member."""
        self.fh.close()

    def __enter__(self) -> _BoundedReader:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def _parser() -> etree.XMLParser:
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
    )


def _parse_part(inflater: _Inflater, name: str) -> etree._Element | None:
    """A small part (styles, numbering) as a tree, or None when the archive lacks it."""
    from lxml import etree

    if name not in inflater.zf.namelist():
        return None
    data = inflater.read(name)
    try:
        return etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as e:
        raise InputError(f"{inflater.path}: malformed XML in .docx part {name}: {_first_line(e)}") from None


def _first_line(e: Exception) -> str:
    """An lxml message on one line."""
    text = str(getattr(e, "msg", None) or e)
    return text.strip().splitlines()[0] if text.strip() else type(e).__name__


def _val(el: etree._Element | None, child: str) -> str | None:
    """The ``w:val`` of ``el``'s child ``child``, or None."""
    if el is None:
        return None
    found = el.find(f"{_W}{child}")
    return found.get(f"{_W}val") if found is not None else None


@dataclass(frozen=True, slots=True)
class _NumPr:
    """A numbering reference as written: ``numId`` and ``ilvl`` (raw strings, possibly absent)."""

    num_id: str | None
    level: str | None


def _num_pr(p_pr: etree._Element | None) -> _NumPr | None:
    if p_pr is None:
        return None
    num_pr = p_pr.find(f"{_W}numPr")
    if num_pr is None:
        return None
    return _NumPr(_val(num_pr, "numId"), _val(num_pr, "ilvl"))


@dataclass
class _Styles:
    """Paragraph styles: for each style id, the numbering it gives (resolved along ``basedOn``), once."""

    numbering: dict[str, _NumPr | None] = field(default_factory=dict)
    default: str | None = None

    @classmethod
    def read(cls, root: etree._Element | None) -> _Styles:
        """The styles of ``word/styles.xml`` (an empty set when absent)."""
        out = cls()
        if root is None:
            return out
        own: dict[str, _NumPr | None] = {}
        based: dict[str, str] = {}
        for st in root.iter(f"{_W}style"):
            sid = st.get(f"{_W}styleId")
            if sid is None or sid in own:
                continue
            own[sid] = _num_pr(st.find(f"{_W}pPr"))
            base = _val(st, "basedOn")
            if base is not None:
                based[sid] = base
            if st.get(f"{_W}type") == "paragraph" and st.get(f"{_W}default") in ("1", "true", "on"):
                out.default = out.default or sid
        for sid in own:
            # walk the basedOn chain once; a cycle (A→A, A→B→A) ends the walk
            chain: list[str] = []
            seen: set[str] = set()
            cur: str | None = sid
            found: _NumPr | None = None
            while cur is not None and cur in own and cur not in seen:
                if cur in out.numbering:
                    found = out.numbering[cur]
                    break
                seen.add(cur)
                chain.append(cur)
                if own[cur] is not None:
                    found = own[cur]
                    break
                cur = based.get(cur)
            for s in chain:
                out.numbering[s] = found
        return out

    def num_pr(self, style_id: str | None) -> _NumPr | None:
        """The numbering a paragraph of this style gets (an unknown style is the default style)."""
        if style_id is None or style_id not in self.numbering:
            style_id = self.default
        return self.numbering.get(style_id) if style_id is not None else None


@dataclass(frozen=True, slots=True)
class _Level0:
    """How level 0 of a list is numbered."""

    fmt: str | None
    start: int


@dataclass
class _Numbering:
    """``word/numbering.xml``: the format and start of level 0 of each list (``numId``), resolved once."""

    levels: dict[str, _Level0] = field(default_factory=dict)

    @classmethod
    def read(cls, root: etree._Element | None, styles: _Styles) -> _Numbering:
        """The lists of ``word/numbering.xml`` (empty when absent)."""
        out = cls()
        if root is None:
            return out
        abstract: dict[str, etree._Element] = {}
        for an in root.iter(f"{_W}abstractNum"):
            aid = an.get(f"{_W}abstractNumId")
            if aid is not None:
                abstract.setdefault(aid, an)
        nums: dict[str, etree._Element] = {}
        for num in root.iter(f"{_W}num"):
            nid = num.get(f"{_W}numId")
            if nid is not None:
                nums.setdefault(nid, num)
        for nid, num in nums.items():
            level = _level0(_resolve_abstract(_val(num, "abstractNumId"), abstract, nums, styles))
            for override in num.iter(f"{_W}lvlOverride"):
                if override.get(f"{_W}ilvl") in (None, "0"):
                    start = _int(_val(override, "startOverride"))
                    if start is not None:
                        level = _Level0(level.fmt, start)
            out.levels[nid] = level
        return out


def _resolve_abstract(
    aid: str | None, abstract: dict[str, etree._Element], nums: dict[str, etree._Element], styles: _Styles
) -> etree._Element | None:
    """The abstract list definition, following ``numStyleLink`` through styles (visited set: no loop)."""
    seen: set[str] = set()
    while aid is not None and aid in abstract and aid not in seen:
        seen.add(aid)
        an = abstract[aid]
        link = _val(an, "numStyleLink")
        if link is None:
            return an
        props = styles.numbering.get(link)
        num = nums.get(props.num_id) if props is not None and props.num_id is not None else None
        aid = _val(num, "abstractNumId") if num is not None else None
    return None


def _level0(an: etree._Element | None) -> _Level0:
    if an is None:
        return _Level0(None, 1)
    for lvl in an.iter(f"{_W}lvl"):
        if lvl.get(f"{_W}ilvl") in (None, "0"):
            start = _int(_val(lvl, "start"))
            return _Level0(_val(lvl, "numFmt"), start if start is not None else 1)
    return _Level0(None, 1)


def _int(value: str | None) -> int | None:
    """A small decimal number, or None."""
    if value is None:
        return None
    value = value.strip()
    if not value.isascii() or not value.lstrip("-").isdigit() or len(value) > 6:
        return None
    return int(value)


def _paragraph_text(p: etree._Element, revisions: str) -> str:
    """The text of a paragraph as Word shows it, tracked changes accepted or not (:mod:`.docx_text`)."""
    return paragraph_text(p, revisions).replace("\r", " ").replace("\n", " ").replace("\x0b", " ")


def _body_paragraphs(inflater: _Inflater) -> Iterator[tuple[int, etree._Element | None]]:
    """The non-empty paragraphs of the document body with their 1-based index, read without keeping the tree;
    last ``(number of paragraphs + 1, None)``.

    Paragraphs read are removed from the tree in batches (a million empty paragraphs cost one pass in C);
    paragraphs in tables and text boxes are not read and are emptied as they end.
    """
    from lxml import etree

    body = f"{_W}body"
    index = 0
    with inflater.open(_DOCUMENT) as reader:
        events = etree.iterparse(
            reader,
            events=("end",),
            tag=f"{_W}p",
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
            remove_comments=True,
        )
        try:
            for _, p in events:
                parent = p.getparent()
                if parent is None or parent.tag != body:
                    p.clear(keep_tail=True)
                    continue
                index += 1
                if len(p):
                    yield index, p
                    p.clear(keep_tail=True)
                if index % 1024 == 0:
                    del parent[: parent.index(p)]
        except etree.XMLSyntaxError as e:
            raise InputError(f"{inflater.path}: malformed XML in .docx part {_DOCUMENT}: {_first_line(e)}") from None
    yield index + 1, None


def read_docx(data: bytes, path: str, revisions: str = "accepted") -> SourceText:
    """Return the paragraphs of a .docx as text, with auto-numbered claims labelled.

    ``revisions``: ``accepted`` reads tracked changes (修订) as accepted, ``original`` as rejected.
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise InputError(f"{path}: not a valid .docx file (not a zip archive)") from None
    with zf:
        if _DOCUMENT not in zf.namelist():
            raise InputError(f"{path}: not a Word document (no {_DOCUMENT})")
        inflater = _Inflater(zf, path)
        styles = _Styles.read(_parse_part(inflater, _STYLES))
        numbering = _Numbering.read(_parse_part(inflater, _NUMBERING), styles)
        return _read_body(inflater, styles, numbering, revisions)


def _read_body(inflater: _Inflater, styles: _Styles, numbering: _Numbering, revisions: str) -> SourceText:
    parts: list[str] = []
    origins: list[Origin] = []
    counters: dict[str, int] = {}
    warnings: list[str] = []
    length = 0
    last = 0  # the index of the last paragraph written
    for index, p in _body_paragraphs(inflater):
        if p is None:  # the end: the empty paragraphs after the last non-empty one
            tail = index - 1 - last if last else index - 2
            parts.append("\n" * max(0, tail))
            break
        text = _paragraph_text(p, revisions)
        prefix = ""
        p_pr = p.find(f"{_W}pPr")
        props = _num_pr(p_pr) or styles.num_pr(_val(p_pr, "pStyle"))
        if props is not None and props.num_id not in (None, "0") and text.strip():
            level = _int(props.level) if props.level is not None else 0
            if level is None:
                warnings.append(f"paragraph {index}: numbering level '{props.level}' is not a number; read as level 0")
                level = 0
            list_level = numbering.levels.get(props.num_id or "")
            if level == 0 and (list_level is None or list_level.fmt not in _NO_LABEL_FORMATS):
                nid = props.num_id or ""
                start = list_level.start if list_level is not None else 1
                counters[nid] = counters.get(nid, start - 1) + 1
                if not _LABEL.match(text):
                    prefix = f"{counters[nid]}."
        breaks = index - 1 if not last else index - last
        if breaks:
            parts.append("\n" * breaks)
            length += breaks
        last = index
        if prefix:
            origins.append(Origin(length, index, 1))
            parts.append(prefix)
            length += len(prefix)
        if text:
            origins.append(Origin(length, index, 1))
        parts.append(text)
        length += len(text)
    src = SourceText("".join(parts), path=inflater.path, format="docx", encoding="docx", origins=origins)
    src.warnings.extend(warnings)
    return src
