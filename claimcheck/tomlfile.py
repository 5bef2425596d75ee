"""Read a TOML file, turning every failure into a one-line :class:`ConfigError`."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from claimcheck.errors import ConfigError


def read_toml(path: Path, what: str = "file") -> dict[str, Any]:
    """The parsed TOML document at ``path``; ``what`` names the file in error messages."""
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as e:
        raise ConfigError(f"{path}: cannot read {what}: {e.strerror}") from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: invalid TOML in {what}: {e}") from None
