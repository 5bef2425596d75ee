"""Load the word lists in ``lexicons/`` (TOML data files, not code).

The files ship inside the package (``claimcheck/lexicons`` in a wheel) and are
read from the repository's top-level ``lexicons/`` folder in a source checkout.
Users add entries with ``extend-lexicons`` in their configuration; an extra
file has the same shape as the shipped one, and its lists are appended.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from claimcheck.errors import ConfigError
from claimcheck.tomlfile import read_toml

_EXTRA: list[Path] = []


def lexicon_dir() -> Path:
    """The folder that holds the shipped lexicon files."""
    inside = Path(__file__).parent / "lexicons"
    if inside.is_dir():
        return inside
    return Path(__file__).parent.parent / "lexicons"


def set_extra_files(paths: list[Path]) -> None:
    """Register user lexicon files (from configuration) to merge into the shipped ones."""
    _EXTRA[:] = list(paths)
    load.cache_clear()


def _read(path: Path) -> dict[str, Any]:
    return read_toml(path, "lexicon")


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


@cache
def load(name: str) -> dict[str, Any]:
    """The lexicon ``name`` (file ``lexicons/<name>.toml``), merged with user extensions.

    A user file extends lexicon ``name`` when its ``[meta] extends`` says so, or
    when its file name is ``<name>.toml``.
    """
    path = lexicon_dir() / f"{name}.toml"
    data = _read(path)
    for extra in _EXTRA:
        ext = _read(extra)
        target = ext.get("meta", {}).get("extends", extra.stem)
        if target == name:
            _merge(data, ext)
    return data


def words(name: str, *keys: str) -> list[str]:
    """A list of strings from a lexicon, e.g. ``words("categories", "method", "heads")``."""
    node: Any = load(name)
    for key in keys:
        if not isinstance(node, dict) or key not in node:
            raise ConfigError(f"lexicon {name}: missing key {'.'.join(keys)}")
        node = node[key]
    if not isinstance(node, list) or not all(isinstance(x, str) for x in node):
        raise ConfigError(f"lexicon {name}: {'.'.join(keys)} must be a list of strings")
    return node
