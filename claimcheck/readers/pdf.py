"""Read the text layer of a PDF (prior art, a translation, a disclosure), one string per page.

pypdf does the reading; this module turns everything that can go wrong with a hostile or odd PDF into one
clear line: an encrypted PDF says it is encrypted (and whether a password or a missing AES implementation is
the reason), a PDF nested too deeply for the library says so, and any other failure of the library is one
line naming the file.  The library's own warnings (about broken cross-reference tables, odd fonts …) are kept
off standard error: they are collected and returned with the text.
"""

from __future__ import annotations

import io
import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from claimcheck.errors import InputError

MAX_PAGES = 5000
"""Pages read from one PDF; a longer one is refused (no patent document or disclosure is that long)."""


@dataclass
class PdfText:
    """The text of each page, and the warnings the PDF library raised while reading."""

    pages: list[str]
    warnings: list[str] = field(default_factory=list)


class _Collect(logging.Handler):
    def __init__(self, out: list[str]) -> None:
        super().__init__(logging.DEBUG)
        self.out = out

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.out) < 100:
            self.out.append(" ".join(record.getMessage().split()))


@contextmanager
def _library_quiet(out: list[str]) -> Iterator[None]:
    """Collect pypdf's log records and warnings into ``out`` instead of printing them; restore the logger after."""
    logger = logging.getLogger("pypdf")
    handler = _Collect(out)
    saved = logger.propagate, logger.level
    logger.addHandler(handler)
    logger.propagate = False
    logger.setLevel(logging.WARNING)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield
        out.extend(" ".join(str(w.message).split()) for w in caught[:100])
    finally:
        logger.removeHandler(handler)
        logger.propagate, logger.level = saved


def _one_line(e: BaseException) -> str:
    text = " ".join(str(e).split())
    return text[:200] if text else type(e).__name__


def read_pdf(data: bytes, path: str) -> PdfText:
    """The text of every page of a PDF; raise :class:`InputError` with one line when it cannot be read."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import DependencyError, FileNotDecryptedError
    except ImportError:  # pragma: no cover - pypdf is a dependency
        raise InputError("reading PDF needs pypdf (pip install pypdf)") from None
    if b"%PDF" not in data[:1024]:
        raise InputError(f"{path}: not a PDF file (no %PDF header)")
    collected: list[str] = []
    with _library_quiet(collected):
        try:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and reader.decrypt("") == 0:
                raise InputError(
                    f"{path}: the PDF is encrypted with a password: save an unencrypted copy (or its text) and give that"
                )
            count = len(reader.pages)
            if count > MAX_PAGES:
                raise InputError(f"{path}: the PDF has {count} pages, more than the {MAX_PAGES} read")
            pages = [page.extract_text() or "" for page in reader.pages]
        except InputError:
            raise
        except FileNotDecryptedError:
            raise InputError(
                f"{path}: the PDF is encrypted with a password: save an unencrypted copy (or its text) and give that"
            ) from None
        except DependencyError as e:
            raise InputError(
                f"{path}: the PDF is encrypted ({_one_line(e)}): install the 'cryptography' package to read it, "
                "or save an unencrypted copy"
            ) from None
        except RecursionError:
            raise InputError(f"{path}: cannot read PDF: its objects are nested too deeply") from None
        except MemoryError:
            raise InputError(f"{path}: cannot read PDF: it needs more memory than is available") from None
        except Exception as e:  # pypdf raises many kinds on broken files
            if isinstance(e.__context__, RecursionError) or isinstance(e.__cause__, RecursionError):
                raise InputError(f"{path}: cannot read PDF: its objects are nested too deeply") from None
            raise InputError(f"{path}: cannot read PDF: {_one_line(e)}") from None
    return PdfText(pages, collected)
