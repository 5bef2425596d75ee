"""Build ``lexicons/jieba/words.bin`` from jieba's ``dict.txt`` (MIT licence, in the ``jieba`` sdist on PyPI).

python tools/build_jieba_words.py path/to/jieba/dict.txt

The file holds the same words, frequencies and tags as rjieba's built-in dictionary, sorted by the key of their first
two characters (``ord(a) << 21 | ord(b)``; a one-character word has ``b`` = 0), so that ``claimcheck.segment`` can add
to an empty segmenter only the words a text can contain. Layout (little-endian):

    total frequency (u64), number of keys n (u32), size of the word lines (u32)
    n keys (u64, ascending), n + 1 offsets into the word lines (u32)
    word lines: "word freq tag\\n" in UTF-8
"""

from __future__ import annotations

import argparse
import array
import struct
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "lexicons" / "jieba" / "words.bin"


def key(word: str) -> int:
    """The look-up key of a word: its first two characters."""
    return (ord(word[0]) << 21) | (ord(word[1]) if len(word) > 1 else 0)


def build(lines: list[str]) -> bytes:
    """The file's bytes for the dictionary ``lines`` (a later line for the same word replaces the earlier one)."""
    entries: dict[str, tuple[int, str]] = {}
    for line in lines:
        if not line.strip():
            continue
        word, freq, tag = line.split()
        entries[word] = (int(freq), tag)
    total = sum(freq for freq, _ in entries.values())
    data = bytearray()
    keys = array.array("Q")
    offsets = array.array("I")
    for word, (freq, tag) in sorted(entries.items(), key=lambda kv: (key(kv[0]), kv[0])):
        k = key(word)
        if not keys or keys[-1] != k:
            keys.append(k)
            offsets.append(len(data))
        data += f"{word} {freq} {tag}\n".encode()
    offsets.append(len(data))
    if sys.byteorder != "little":
        keys.byteswap()
        offsets.byteswap()
    return struct.pack("<QII", total, len(keys), len(data)) + keys.tobytes() + offsets.tobytes() + bytes(data)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dict_txt", type=Path)
    ap.add_argument("-o", "--output", type=Path, default=OUT)
    args = ap.parse_args()
    blob = build(args.dict_txt.read_text(encoding="utf-8").splitlines())
    args.output.write_bytes(blob)
    print(f"wrote {args.output.name}: {len(blob):,} bytes")


if __name__ == "__main__":
    main()
