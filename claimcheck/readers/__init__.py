"""Readers: turn a file into a :class:`~claimcheck.model.SourceText`.

Heavy libraries (lxml, python-docx) are imported only when a file of that kind
is read, so linting a text draft never loads them.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Iterator
from pathlib import Path

from claimcheck.errors import InputError
from claimcheck.model.source import SourceText
from claimcheck.readers.encoding import decode

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
SUFFIXES = (".txt", ".text", ".md", ".xml", ".docx")


def walk_files(folder: Path, suffixes: tuple[str, ...]) -> Iterator[Path]:
    """Every file under ``folder`` whose suffix (any case) is one of ``suffixes``, found lazily.

    One directory is read at a time, its entries sorted by name, so a collection of any size is never listed in
    memory at once; hidden files and folders are skipped, linked folders are not followed (a link loop cannot
    recur), and an unreadable folder gives nothing.
    """
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for e in entries:
        if e.name.startswith("."):
            continue
        if e.is_dir(follow_symlinks=False):
            yield from walk_files(Path(e.path), suffixes)
        elif e.is_file() and os.path.splitext(e.name)[1].lower() in suffixes:
            yield Path(e.path)


_XML_START = re.compile(r"<(?:\?xml\b|!DOCTYPE\b|!--)")
_ELEMENT_START = re.compile(r"<[A-Za-z_][\w.:-]*[\s>/]")


def _head(data: bytes) -> str:
    """The first characters of ``data``, decoded by its byte-order mark (UTF-8 without one), leading space dropped."""
    chunk = data[:1024]
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if chunk.startswith(bom):
            return chunk[len(bom) :].decode(encoding, errors="ignore").lstrip()
    return chunk.decode("utf-8", errors="ignore").lstrip()


def sniff_format(data: bytes, suffix: str) -> str:
    """Return ``text``, ``xml`` or ``docx`` from the content, falling back on the suffix.

    Standard input (no suffix) is XML when it opens with an XML declaration, a DOCTYPE, a comment or an element.
    """
    if data[:4] == b"PK\x03\x04":
        return "docx"
    head = _head(data)
    if _XML_START.match(head) or (head.startswith("<") and suffix == ".xml"):
        return "xml"
    if suffix == "" and _ELEMENT_START.match(head):
        return "xml"
    if suffix == ".docx":
        return "docx"
    if suffix == ".xml":
        return "xml"
    return "text"


def read_bytes(
    data: bytes, path: str = "<stdin>", *, lang: str | None = None, suffix: str = "", revisions: str = "accepted"
) -> SourceText:
    """Read claims from raw bytes of any supported format (``revisions``: how a .docx's tracked changes are read)."""
    fmt = sniff_format(data, suffix.lower())
    if fmt == "docx":
        from claimcheck.readers.docx import read_docx

        return read_docx(data, path, revisions)
    if fmt == "xml":
        from claimcheck.readers.xml import read_xml

        return read_xml(data, path, lang)
    text, encoding = decode(data, path)
    return SourceText(text, path=path, format="text", encoding=encoding)


def _too_big(name: str, size: int, max_bytes: int) -> InputError:
    mb = max_bytes / 1_048_576
    limit = f"{mb:.0f} MB" if mb >= 1 else f"{max_bytes} bytes"
    return InputError(f"{name}: file is {size / 1_048_576:.1f} MB, over the {limit} limit (raise it with --max-size)")


def read_file_bytes(path: str | os.PathLike[str], max_bytes: int | None = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a file (``-``: standard input), refusing a missing, empty or oversized one with one line."""
    name = str(path)
    if name == "-":
        import sys

        stream = sys.stdin.buffer
        data = stream.read() if max_bytes is None else stream.read(max_bytes + 1)
        if max_bytes is not None and len(data) > max_bytes:
            raise _too_big("<stdin>", len(data), max_bytes)
        if not data.strip():
            raise InputError("<stdin>: empty input")
        return data
    p = Path(path)
    if not p.exists():
        raise InputError(f"{name}: no such file")
    if p.is_dir():
        raise InputError(f"{name}: is a directory")
    try:
        size = p.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise _too_big(name, size, max_bytes)
        with p.open("rb") as fh:
            data = fh.read() if max_bytes is None else fh.read(max_bytes + 1)
    except OSError as e:
        raise InputError(f"{name}: cannot read: {e.strerror or e}") from None
    if max_bytes is not None and len(data) > max_bytes:  # a file that grew, or a device that says it is empty
        raise _too_big(name, len(data), max_bytes)
    if not data.strip():
        raise InputError(f"{name}: empty file")
    return data


def read_path(
    path: str | os.PathLike[str],
    *,
    lang: str | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    revisions: str = "accepted",
) -> SourceText:
    """Read claims from a file (``-``: standard input); raise :class:`InputError` with a one-line message on bad input."""
    data = read_file_bytes(path, max_bytes)
    if str(path) == "-":
        return read_bytes(data, "<stdin>", lang=lang, revisions=revisions)
    return read_bytes(data, str(path), lang=lang, suffix=Path(path).suffix, revisions=revisions)
