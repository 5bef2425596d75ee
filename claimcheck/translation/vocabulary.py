"""The bilingual vocabulary of the translation check: shipped technical terms, then a firm's own glossary.

A glossary is a UTF-8 file of term pairs, one per line (``english<TAB>chinese``, or ``english = chinese``;
``#`` starts a comment), or a TOML file with a ``[terms]`` table (``"tensioning roller" = "张紧辊"`` or a list).
Glossary pairs come first: they are the renderings the firm requires, and a claim that uses the English term
without its glossary rendering is reported.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from claimcheck.analysis.english import singular
from claimcheck.errors import InputError

VOCABULARY = Path(__file__).with_name("vocabulary.toml")


def term_key(english: str) -> str:
    """The lookup form of an English term: lower case, single spaces, the last word singular."""
    words = english.lower().split()
    if not words:
        return ""
    return " ".join([*words[:-1], singular(words[-1])])


@dataclass
class Vocabulary:
    """English terms (lookup form) with their Chinese renderings; the glossary pairs kept apart."""

    terms: dict[str, list[str]] = field(default_factory=dict)
    glossary: dict[str, list[str]] = field(default_factory=dict)
    generic: frozenset[str] = frozenset()

    @classmethod
    def shipped(cls) -> Vocabulary:
        """The shipped vocabulary alone."""
        data = tomllib.loads(VOCABULARY.read_text(encoding="utf-8"))
        terms = {term_key(k): [str(x) for x in v] for k, v in data["terms"].items()}
        return cls(terms, {}, frozenset(term_key(w) for w in data["claim-words"]["generic"]))

    def with_glossary(self, pairs: Iterable[tuple[str, str]]) -> Vocabulary:
        """This vocabulary with a glossary's pairs first."""
        glossary: dict[str, list[str]] = {}
        for en, zh in pairs:
            glossary.setdefault(term_key(en), []).append(zh)
        terms = {k: list(v) for k, v in self.terms.items()}
        for k, zhs in glossary.items():
            terms[k] = list(dict.fromkeys([*zhs, *terms.get(k, [])]))
        return Vocabulary(terms, glossary, self.generic)

    def lookup(self, words: tuple[str, ...]) -> str | None:
        """The longest known run of words of an English phrase, the later one first (``force measuring system``
        before ``system``; ``membrane`` in ``membrane forms`` when a verb was read into the phrase)."""
        n = len(words)
        for size in range(n, 0, -1):
            for start in range(n - size, -1, -1):
                key = term_key(" ".join(words[start : start + size]))
                if key in self.terms:
                    return key
        return None

    def chinese(self) -> list[str]:
        """Every Chinese rendering, longest first (for a longest-match scan)."""
        return sorted({z for zs in self.terms.values() for z in zs}, key=len, reverse=True)

    def sources(self, zh: str) -> list[str]:
        """The English terms a Chinese rendering stands for."""
        return [k for k, zs in self.terms.items() if zh in zs]


def scan(text: str, renderings: list[str]) -> list[tuple[int, str]]:
    """Longest-match occurrences of the renderings in a Chinese text: (offset, rendering), left to right."""
    if not renderings:
        return []
    pattern = re.compile("|".join(re.escape(z) for z in renderings))
    return [(m.start(), m.group()) for m in pattern.finditer(text)]


def load_glossary(path: Path) -> list[tuple[str, str]]:
    """The term pairs of a glossary file (raises :class:`InputError` on a bad file)."""
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as e:
        raise InputError(f"{path}: cannot read the glossary ({e.strerror})") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: the glossary is not UTF-8 text") from None
    pairs: list[tuple[str, str]] = []
    if path.suffix == ".toml":
        try:
            data = tomllib.loads(raw)
        except tomllib.TOMLDecodeError as e:
            raise InputError(f"{path}: not a valid TOML glossary ({e})") from None
        for en, zh in data.get("terms", {}).items():
            for z in [zh] if isinstance(zh, str) else zh:
                pairs.append((str(en), str(z)))
    else:
        for n, line in enumerate(raw.splitlines(), start=1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            parts = line.split("\t") if "\t" in line else line.split("=", 1)
            if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
                raise InputError(f"{path}:{n}: expected 'english<TAB>chinese' or 'english = chinese'")
            pairs.append((parts[0].strip(), parts[1].strip()))
    if not pairs:
        raise InputError(f"{path}: the glossary has no term pairs")
    return pairs
