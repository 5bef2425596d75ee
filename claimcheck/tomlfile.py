"""Read a TOML file, turning every failure into a one-line :class:`ConfigError`.

A configuration, profile, rubric or panel file that is not UTF-8, is nested deeper than the parser can
follow, is not a file at all or is implausibly large is refused with its name and the reason.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from claimcheck.errors import ConfigError

MAX_BYTES = 10 * 1024 * 1024
"""The largest TOML file read (configuration files are a few kilobytes)."""


def read_toml(path: Path, what: str = "file") -> dict[str, Any]:
    """The parsed TOML document at ``path``; ``what`` names the file in error messages."""
    try:
        if path.is_dir():
            raise ConfigError(f"{path}: cannot read {what}: it is a folder")
        with path.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as e:
        raise ConfigError(f"{path}: cannot read {what}: {e.strerror or type(e).__name__}") from None
    if len(data) > MAX_BYTES:
        raise ConfigError(f"{path}: cannot read {what}: larger than {MAX_BYTES // 1_048_576} MB")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ConfigError(
            f"{path}: cannot read {what}: not UTF-8 text (byte {e.start}); save it as UTF-8 (TOML files must be)"
        ) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: invalid TOML in {what}: {' '.join(str(e).split())}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML in {what}: nested too deeply") from None
