"""Decode the bytes of a text file: UTF-8 (with or without BOM), UTF-16 or UTF-32 with BOM, GB18030/GBK.

Every line end a text editor shows as one (old Mac CR, NEL, U+2028, U+2029, form feed, vertical tab) becomes
a ``\n`` of the same length, so offsets into the text stay offsets into the file; CRLF stays as it is.
"""

from __future__ import annotations

import codecs
import re

from claimcheck.errors import InputError

_LINE_ENDS = re.compile("\r(?!\n)|[\x85\u2028\u2029\x0b\x0c]")
_BLANK = re.compile(r"[\s\u200b-\u200d\u2060\ufeff]*")


_CJK = re.compile("[\u4e00-\u9fff]")
_SPACE = re.compile(r"\s")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f]")


def _cjk_ratio(text: str) -> float:
    """The share of Chinese characters among the non-space characters of the head of ``text``."""
    head = text[:200_000]
    letters = len(head) - len(_SPACE.findall(head))
    return len(_CJK.findall(head)) / letters if letters else 0.0


def decode(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Return ``(text, encoding)``; raise :class:`InputError` for binary data.

    UTF-8 is tried first and wins whenever it decodes (GB18030 byte sequences
    are almost never valid UTF-8).  Otherwise GB18030, the superset of GBK and
    GB2312, is tried; a result that is mostly not Chinese text is rejected
    rather than shown as mojibake.
    """
    text, encoding = _decode(data, path)
    if _BLANK.fullmatch(text):
        raise InputError(f"{path}: empty file (only white space)")
    return normalize_line_ends(text), encoding


def normalize_line_ends(text: str) -> str:
    """Every lone line-end character as ``\\n`` (same length: offsets are kept)."""
    return _LINE_ENDS.sub("\n", text) if _LINE_ENDS.search(text) else text


def _decode(data: bytes, path: str) -> tuple[str, str]:
    # UTF-32 first: its little-endian BOM begins with the UTF-16 one
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return _strict(data, "utf-32", path), "utf-32"
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
    if _cjk_ratio(text) < 0.2 or _CONTROL.search(text):
        raise InputError(f"{path}: unknown text encoding or binary file (expected UTF-8 or GBK/GB18030)")
    return text, "gb18030"


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: invalid {encoding} at byte {e.start}") from None
