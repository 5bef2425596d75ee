"""The word lists in ``lexicons/`` (TOML data files, not code), as one object per configuration.

The files ship inside the package (``claimcheck/lexicons`` in a wheel) and are
read from the repository's top-level ``lexicons/`` folder in a source checkout.
Users add entries with ``extend-lexicons`` in their configuration; an extra
file has the same shape as the shipped one, and its lists are appended.

A :class:`Lexicons` is built once per configuration and passed to whatever
reads words (the parser, the analysis layer, the rules). Tables derived from
the words (compiled patterns, sorted lists) are memoised on the object itself
through :meth:`Lexicons.table`, so two configurations never share state.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from claimcheck.errors import ConfigError
from claimcheck.tomlfile import read_toml

T = TypeVar("T")


def lexicon_dir() -> Path:
    """The folder that holds the shipped lexicon files."""
    inside = Path(__file__).parent / "lexicons"
    if inside.is_dir():
        return inside
    return Path(__file__).parent.parent / "lexicons"


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> None:
    for key, value in extra.items():
        if key == "meta":
            continue
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            _merge(base[key], value)
        elif isinstance(value, list) and isinstance(base.get(key), list):
            base[key] = base[key] + [v for v in value if v not in base[key]]
        else:
            base[key] = value


class Lexicons:
    """The shipped lexicons merged with a configuration's ``extend-lexicons`` files.

    A user file extends lexicon ``name`` when its ``[meta] extends`` says so, or
    when its file name is ``<name>.toml``.
    """

    def __init__(self, extra_files: Sequence[Path] = ()) -> None:
        self.extra_files: tuple[Path, ...] = tuple(Path(p) for p in extra_files)
        self._data: dict[str, dict[str, Any]] = {}
        self._tables: dict[Hashable, Any] = {}

    @staticmethod
    def default() -> Lexicons:
        """The shipped lexicons alone (one shared, read-only instance)."""
        return _default()

    def load(self, name: str) -> dict[str, Any]:
        """The lexicon ``name`` (file ``lexicons/<name>.toml``), merged with this configuration's extensions."""
        data = self._data.get(name)
        if data is None:
            data = read_toml(lexicon_dir() / f"{name}.toml", "lexicon")
            for extra in self.extra_files:
                ext = read_toml(extra, "lexicon")
                if ext.get("meta", {}).get("extends", extra.stem) == name:
                    _merge(data, ext)
            self._data[name] = data
        return data

    def words(self, name: str, *keys: str) -> list[str]:
        """A list of strings from a lexicon, e.g. ``lex.words("categories", "method", "heads")``."""
        node: Any = self.load(name)
        for key in keys:
            if not isinstance(node, dict) or key not in node:
                raise ConfigError(f"lexicon {name}: missing key {'.'.join(keys)}")
            node = node[key]
        if not isinstance(node, list) or not all(isinstance(x, str) for x in node):
            raise ConfigError(f"lexicon {name}: {'.'.join(keys)} must be a list of strings")
        return list(node)

    def table(self, key: Hashable, build: Callable[[Lexicons], T]) -> T:
        """A table derived from these lexicons, built by ``build(self)`` once and kept on this object."""
        if key not in self._tables:
            self._tables[key] = build(self)
        result: T = self._tables[key]
        return result

    def __repr__(self) -> str:
        return f"Lexicons({[str(p) for p in self.extra_files]!r})"


def synonym_groups(lex: Lexicons) -> list[list[str]]:
    """The synonym groups of ``lexicons/synonyms.toml`` (its top-level ``groups``) with those of its extensions.

    Every reader (match's tokens and vocabulary, the prior-art index) takes the groups from here.
    """
    groups = lex.load("synonyms").get("groups", [])
    if not isinstance(groups, list) or not all(
        isinstance(g, list) and g and all(isinstance(w, str) for w in g) for g in groups
    ):
        raise ConfigError("lexicon synonyms: groups must be a list of non-empty lists of strings")
    return [list(g) for g in groups]


def stop_words(lex: Lexicons, use: str, language: str) -> frozenset[str]:
    """The stop words of ``lexicons/stopwords.toml`` for ``use`` (``index`` or ``match``) in ``language``
    (``zh`` or ``en``): its ``[common]`` list and the use's own, built once per configuration."""
    return lex.table(
        ("stopwords", use, language),
        lambda lx: frozenset(lx.words("stopwords", "common", language) + lx.words("stopwords", use, language)),
    )


@cache
def _default() -> Lexicons:
    return Lexicons()
