"""Decode the bytes of a text file: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK."""

from __future__ import annotations

import codecs

from claimcheck.errors import InputError


def _cjk_ratio(text: str) -> float:
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    letters = sum(1 for ch in text if not ch.isspace())
    return cjk / letters if letters else 0.0


def decode(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Return ``(text, encoding)``; raise :class:`InputError` for binary data.

    UTF-8 is tried first and wins whenever it decodes (GB18030 byte sequences
    are almost never valid UTF-8).  Otherwise GB18030, the superset of GBK and
    GB2312, is tried; a result that is mostly not Chinese text is rejected
    rather than shown as mojibake.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", path), "utf-16"
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file (not text, XML or .docx)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not valid UTF-8 or GB18030 text") from None
    if _cjk_ratio(text) < 0.2 or sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t") > 0:
        raise InputError(f"{path}: unknown text encoding or binary file (expected UTF-8 or GBK/GB18030)")
    return text, "gb18030"


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: invalid {encoding} at byte {e.start}") from None
