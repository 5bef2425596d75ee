"""jieba's word segmentation and part-of-speech tags, with the dictionary loaded only as far as the texts need it.

Importing ``rjieba`` builds jieba's whole dictionary (349,045 words, about 130 ms of CPU) before the first word is
cut, more than a one-file lint needs. ``lexicons/jieba/words.bin`` holds the same dictionary sorted by the first two
characters of each word (``tools/build_jieba_words.py`` builds it from jieba's ``dict.txt``). Before a text is cut,
an empty rjieba segmenter receives the words that begin with a character or character pair of that text (every
dictionary word the text can contain) and one placeholder word that keeps the dictionary's total frequency, on which
jieba's route scores depend. Words, tags, offsets and ``has_word`` are therefore rjieba's own; a test compares them
on every corpus text. Once ``FULL`` characters have been read, the rest of the dictionary is added in one go and
later texts need no look-up (index builds, whole applications).
"""

from __future__ import annotations

import array
import bisect
import importlib.machinery
import importlib.util
import struct
import sys
import threading
from functools import cache
from pathlib import Path
from typing import Any

from claimcheck.lexicon import lexicon_dir

WORDS = "jieba/words.bin"
FULL = 300_000  # characters read before the whole dictionary is loaded
_PLACEHOLDER = "\ue000\ue001\ue002"  # private-use characters: holds the frequency of the words not loaded yet


def _jieba_module() -> Any:
    """rjieba's compiled module, loaded without ``rjieba/__init__`` (which builds the default dictionary).

    It is registered as ``rjieba.rjieba`` so that a later ``import rjieba`` finds it instead of loading it twice.
    """
    loaded = sys.modules.get("rjieba.rjieba")
    if loaded is not None:
        return loaded
    spec = importlib.util.find_spec("rjieba")
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    for folder in folders:
        for suffix in importlib.machinery.EXTENSION_SUFFIXES:
            path = Path(folder) / f"rjieba{suffix}"
            if path.exists():
                ext = importlib.util.spec_from_file_location("rjieba.rjieba", path)
                if ext is None or ext.loader is None:
                    continue
                module = importlib.util.module_from_spec(ext)
                ext.loader.exec_module(module)
                sys.modules["rjieba.rjieba"] = module
                return module
    import rjieba  # another layout: the package itself (and its whole default dictionary)

    return sys.modules.get("rjieba.rjieba", rjieba)


class Segmenter:
    """rjieba's cut, tags, offsets and ``has_word`` over a dictionary filled as texts arrive (thread-safe)."""

    def __init__(self, path: Path | None = None, full_after: int = FULL) -> None:
        raw = (path or lexicon_dir() / WORDS).read_bytes()
        self._total, n, _size = struct.unpack_from("<QII", raw)
        self._keys = array.array("Q")
        self._keys.frombytes(raw[16 : 16 + 8 * n])
        self._offsets = array.array("I")
        self._offsets.frombytes(raw[16 + 8 * n : 16 + 12 * n + 4])
        if sys.byteorder != "little":
            self._keys.byteswap()
            self._offsets.byteswap()
        self._lines = memoryview(raw)[16 + 12 * n + 4 :]
        self._jieba = _jieba_module().Jieba.empty()
        self._seen: set[str] = set()  # characters and character pairs whose words are loaded
        self._loaded = 0  # total frequency of the words loaded
        self._read = 0  # characters covered so far
        self._full_after = full_after
        self._full = False
        self._lock = threading.Lock()

    def cut(self, text: str) -> list[str]:
        """The words of ``text`` (rjieba.cut, with its hidden Markov model for unknown words)."""
        with self._lock:
            self._cover(text)
            return list(self._jieba.cut(text))

    def tag(self, text: str) -> list[tuple[str, str]]:
        """The words of ``text`` with their part-of-speech tags (rjieba.tag)."""
        with self._lock:
            self._cover(text)
            return [(str(w), str(t)) for w, t in self._jieba.tag(text)]

    def tokenize(self, text: str) -> list[tuple[str, int, int]]:
        """The words of ``text`` with their start and end offsets (rjieba.tokenize)."""
        with self._lock:
            self._cover(text)
            return list(self._jieba.tokenize(text))

    def has_word(self, word: str) -> bool:
        """Whether ``word`` is in jieba's dictionary."""
        with self._lock:
            self._cover(word)
            return bool(self._jieba.has_word(word))

    def _cover(self, text: str) -> None:
        """Load every dictionary word that begins with a character or character pair of ``text``."""
        if self._full:
            return
        self._read += len(text)
        if self._read > self._full_after:
            self._load_all()
            return
        wanted = {text[i : i + 2] for i in range(len(text) - 1)}
        wanted.update(text)
        wanted -= self._seen
        if not wanted:
            return
        self._seen |= wanted
        keys, offsets, n = self._keys, self._offsets, len(self._keys)
        added = False
        for piece in wanted:
            k = (ord(piece[0]) << 21) | (ord(piece[1]) if len(piece) > 1 else 0)
            j = bisect.bisect_left(keys, k)
            if j < n and keys[j] == k:
                self._add(bytes(self._lines[offsets[j] : offsets[j + 1]]))
                added = True
        if added:
            self._jieba.add_word(_PLACEHOLDER, self._total - self._loaded, "x")

    def _add(self, block: bytes) -> None:
        for line in block.decode("utf-8").splitlines():
            word, freq, tag = line.split(" ")
            self._jieba.add_word(word, int(freq), tag)
            self._loaded += int(freq)

    def _load_all(self) -> None:
        """Add the words not loaded yet, so that later texts need no look-up."""
        keys, offsets = self._keys, self._offsets
        for j in range(len(keys)):
            k = keys[j]
            first, second = chr(k >> 21), k & 0x1FFFFF
            piece = first + chr(second) if second else first
            if piece not in self._seen:
                self._add(bytes(self._lines[offsets[j] : offsets[j + 1]]))
        self._jieba.add_word(_PLACEHOLDER, self._total - self._loaded, "x")
        self._seen.clear()
        self._full = True


@cache
def segmenter() -> Segmenter:
    """The process's segmenter (one dictionary, filled as texts need it)."""
    return Segmenter()
