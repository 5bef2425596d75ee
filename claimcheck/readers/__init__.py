"""Readers: turn a file into a :class:`~claimcheck.model.SourceText`.

Heavy libraries (lxml, python-docx) are imported only when a file of that kind
is read, so linting a text draft never loads them.
"""

from __future__ import annotations

import os
from pathlib import Path

from claimcheck.errors import InputError
from claimcheck.model.source import SourceText
from claimcheck.readers.encoding import decode

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
SUFFIXES = (".txt", ".text", ".md", ".xml", ".docx")


def sniff_format(data: bytes, suffix: str) -> str:
    """Return ``text``, ``xml`` or ``docx`` from the content, falling back on the suffix."""
    if data[:4] == b"PK\x03\x04":
        return "docx"
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<?xml") or (head.startswith(b"<") and suffix == ".xml"):
        return "xml"
    if suffix == ".docx":
        return "docx"
    if suffix == ".xml":
        return "xml"
    return "text"


def read_bytes(data: bytes, path: str = "<stdin>", *, lang: str | None = None, suffix: str = "") -> SourceText:
    """Read claims from raw bytes of any supported format."""
    fmt = sniff_format(data, suffix.lower())
    if fmt == "docx":
        from claimcheck.readers.docx import read_docx

        return read_docx(data, path)
    if fmt == "xml":
        from claimcheck.readers.xml import read_xml

        return read_xml(data, path, lang)
    text, encoding = decode(data, path)
    return SourceText(text, path=path, format="text", encoding=encoding)


def read_path(
    path: str | os.PathLike[str], *, lang: str | None = None, max_bytes: int | None = DEFAULT_MAX_BYTES
) -> SourceText:
    """Read claims from a file; raise :class:`InputError` with a one-line message on bad input."""
    p = Path(path)
    name = str(path)
    if str(path) == "-":
        import sys

        return read_bytes(sys.stdin.buffer.read(), "<stdin>", lang=lang)
    if not p.exists():
        raise InputError(f"{name}: no such file")
    if p.is_dir():
        raise InputError(f"{name}: is a directory")
    try:
        size = p.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise InputError(
                f"{name}: file is {size // 1_048_576} MB, over the {max_bytes // 1_048_576} MB limit (raise it with --max-size)"
            )
        data = p.read_bytes()
    except OSError as e:
        raise InputError(f"{name}: cannot read: {e.strerror}") from None
    if not data.strip():
        raise InputError(f"{name}: empty file")
    return read_bytes(data, name, lang=lang, suffix=p.suffix)
