"""Reading a collection: the files of a folder, and each file as one record ready to index.

A record is what the index keeps of a document: its text and passages exactly as ``match`` reads them (so a
passage found by ``search`` is a verbatim slice with the same paragraph label), its tokens, a digest of its
wording (two files with the same wording are one document), and its family keys: the publication number
without its kind code (CN101223695A and CN101223695B are one family), the application number and the
priority numbers, read from XML bibliographic data, from the file name and from 申请号/公开号/优先权 lines at the
head of a text file.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from claimcheck.errors import InputError
from claimcheck.index.tokens import index_tokens
from claimcheck.match import read_document
from claimcheck.readers import read_file_bytes, walk_files

SUFFIXES = (".txt", ".text", ".md", ".xml", ".docx", ".pdf")
# a publication number: country, serial, kind (CN101223695A, US6672019B1, EP 2716170 B2, WO2020123456A1)
_PUBNO = re.compile(r"^(CN|US|EP|WO|JP|KR|DE|FR|GB|TW|RU|CA|AU)\s?(\d[\d\s]{3,14}\d)\s?([A-Z]\d?)?(?![A-Za-z0-9])")
_HEAD_NUMBER = re.compile(
    r"(申请号|公开号|公布号|授权公告号|公告号|优先权(?:号|数据)?|Application\s+No\.?|Publication\s+No\.?|Priority)"
    r"\s*[:：]?\s*([A-Z]{2})?\s?([0-9][0-9.\s]{4,20}[0-9X])",
    re.IGNORECASE,
)
_WS = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Record:
    """One file read for the index."""

    path: str
    mtime_ns: int
    size: int
    number: str  # publication number (CN101223695A) or, failing that, the file name without suffix
    title: str
    language: str
    keys: tuple[str, ...]
    digest: str
    text: str
    passages: tuple[tuple[int, int, str, int | None], ...]  # start, end, paragraph label, page
    tokens: tuple[str, ...]


def iter_files(paths: list[Path]) -> Iterator[Path]:
    """Every readable document under ``paths`` (files as given), sorted, hidden folders and files skipped.

    Folders are walked one level at a time, so a collection of any size is listed without holding it in memory.
    """
    for p in paths:
        if p.is_dir():
            yield from walk_files(p, SUFFIXES)
        else:
            yield p


def norm_number(number: str) -> str:
    """An application or priority number without spaces, dots or the CN check digit (201810358967.X → 201810358967)."""
    number = re.sub(r"\.[0-9X]$", "", number.strip().upper())
    return re.sub(r"[^0-9A-Z]", "", number)


def publication_from_name(stem: str) -> tuple[str, str] | None:
    """(country + serial, kind) from a file name such as ``CN101223695A`` or ``CN101223695A.desc``."""
    m = _PUBNO.match(stem.upper())
    if m is None:
        return None
    return m.group(1) + re.sub(r"\s", "", m.group(2)), m.group(3) or ""


def _head_keys(text: str) -> list[str]:
    keys = []
    for m in _HEAD_NUMBER.finditer(text[:2000]):
        label = m.group(1)
        number = norm_number(m.group(3))
        country = (m.group(2) or "").upper()
        if label.startswith(("公开", "公布", "授权", "公告", "Publication", "publication")):
            pub = publication_from_name(country + number) if country else None
            keys.append("pub:" + (pub[0] if pub else number))
        else:
            keys.append("app:" + country + number)
    return keys


def _xml_biblio(path: Path, max_bytes: int | None) -> tuple[list[str], str, str]:
    """(family keys, publication number, title) from the bibliographic data of an XML document (``max_bytes``:
    the size limit of ``--max-size``, as for its text)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(read_file_bytes(path, max_bytes), parser)
    except (etree.XMLSyntaxError, OSError):
        return [], "", ""
    keys: list[str] = []
    number = ""
    title = ""

    def local(el: etree._Element) -> str:
        tag = el.tag
        return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""

    def doc_id(el: etree._Element) -> tuple[str, str, str]:
        vals = {local(c): (c.text or "").strip() for c in el.iter() if isinstance(c.tag, str)}
        return vals.get("country", ""), vals.get("doc-number", ""), vals.get("kind", "")

    for el in root.iter():
        name = local(el)
        if name in ("publication-reference", "cn-publication-reference") and not number:
            country, num, kind = doc_id(el)
            if num:
                number = f"{country}{norm_number(num)}{kind}"
                keys.append(f"pub:{country}{norm_number(num)}")
        elif name in ("application-reference", "cn-application-reference") or name in (
            "priority-claim",
            "cn-priority-claim",
        ):
            country, num, _ = doc_id(el)
            if num:
                keys.append(f"app:{country}{norm_number(num)}")
        elif name == "invention-title" and not title:
            title = "".join(str(t) for t in el.itertext()).strip()
        elif name == "B541" and not title:
            nxt = el.getnext()
            title = (nxt.text or "").strip() if nxt is not None and local(nxt) == "B542" else ""
    # EPO: B190 country, B110 number, B130 kind, B210 application, B310/B330 priorities
    if root.get("doc-number") and not number:
        country, kind = root.get("country", ""), root.get("kind", "")
        number = f"{country}{root.get('doc-number')}{kind}"
        keys.append(f"pub:{country}{root.get('doc-number')}")
    b210 = root.find(".//B210")
    if b210 is not None and b210.text:
        keys.append(f"app:EP{norm_number(b210.text)}")
    b300 = root.find(".//B300")
    if b300 is not None:
        nums = [norm_number(e.text or "") for e in b300.iter("B310")]
        ctrys = [(c.text or "").strip() for b in b300.iter("B330") for c in b.iter("ctry")]
        if len(ctrys) != len(nums):
            ctrys = [""] * len(nums)
        keys.extend(f"app:{c}{n}" for n, c in zip(nums, ctrys, strict=True) if n)
    return keys, number, title


def digest_of(text: str) -> str:
    """The digest of a wording: whitespace ignored, so a re-typeset copy is the same document."""
    return hashlib.blake2b(_WS.sub("", text).encode("utf-8"), digest_size=16).hexdigest()


def read_record(path: Path, max_bytes: int | None = None) -> Record:
    """Read one file for the index; raise :class:`InputError` when it cannot be read."""
    try:
        st = path.stat()
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror}") from None
    doc = read_document(path, path.stem, max_bytes)
    keys: list[str] = []
    number = ""
    title = ""
    if path.suffix.lower() == ".xml":
        keys, number, title = _xml_biblio(path, max_bytes)
    stem = path.name.split(".")[0]
    pub = publication_from_name(stem)
    if pub is not None:
        keys.append("pub:" + pub[0])
        number = number or pub[0] + pub[1]
    keys.extend(_head_keys(doc.text))
    if not title:
        first = next((line.strip() for line in doc.text.split("\n") if line.strip()), "")
        title = first[:80]
    passages = tuple((p.span.start, p.span.end, p.paragraph, p.page) for p in doc.passages)
    return Record(
        path=str(path),
        mtime_ns=st.st_mtime_ns,
        size=st.st_size,
        number=number or stem,
        title=title,
        language=doc.language,
        keys=tuple(dict.fromkeys(k for k in keys if len(k) > 8)),
        digest=digest_of(doc.text),
        text=doc.text,
        passages=passages,
        tokens=tuple(index_tokens(doc.text)),
    )
