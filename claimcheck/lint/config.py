"""Configuration: ``claimcheck.toml`` or ``[tool.claimcheck]`` in ``pyproject.toml``, found upward from the input.

The closest file wins (no merging between files); a profile named in it (a
shipped one such as ``cn-utility-model``, or a TOML file path relative to the
config file) is applied first, and the file's own keys override it.  Command
line options override both.  Unknown keys and rule names are errors (exit 2)
with a did-you-mean.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimcheck.errors import ConfigError
from claimcheck.lexicon import Lexicons
from claimcheck.model.diagnostic import Severity
from claimcheck.rules.house import HouseRules
from claimcheck.tomlfile import read_toml

KEYS = {
    "select",
    "ignore",
    "extend-select",
    "severity",
    "rules",
    "extend-lexicons",
    "lang",
    "fail-on",
    "profile",
    "house",
    "preview",
    "index",  # the prior-art index of search and match --index (claimcheck.index.location)
}
HOUSE_KEYS = {"max-independent-claims", "max-claims", "forbidden-words", "severity"}


@dataclass
class Config:
    """The effective configuration of one lint run."""

    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    extend_lexicons: list[Path] = field(default_factory=list)
    lang: str = "both"
    fail_on: Severity = Severity.ERROR
    profile: str = "cn-invention"
    house: HouseRules = field(default_factory=HouseRules)
    path: Path | None = None
    _lexicons: Lexicons | None = field(default=None, init=False, repr=False, compare=False)

    def lexicons(self) -> Lexicons:
        """The lexicons of this configuration (shipped ones plus ``extend-lexicons``), built once."""
        if self._lexicons is None or self._lexicons.extra_files != tuple(self.extend_lexicons):
            self._lexicons = Lexicons(self.extend_lexicons) if self.extend_lexicons else Lexicons.default()
        return self._lexicons


def _did_you_mean(word: str, options: list[str]) -> str:
    close = difflib.get_close_matches(word, options, n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def rule_keys() -> list[str]:
    """Every accepted rule name and code."""
    from claimcheck.rules import REGISTRY

    return [r.name for r in REGISTRY] + [r.code for r in REGISTRY] + ["house-rules", "H001"]


def check_rule_selector(sel: str, where: str) -> None:
    """Raise :class:`ConfigError` unless ``sel`` names a rule, a code, a code prefix or ALL."""
    keys = rule_keys()
    if sel == "ALL" or sel in keys or any(k.startswith(sel.upper()) for k in keys if k[:1].isupper()):
        return
    raise ConfigError(f"{where}: unknown rule '{sel}'{_did_you_mean(sel, keys)}")


def find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The closest ``claimcheck.toml`` or ``pyproject.toml`` with ``[tool.claimcheck]`` at or above ``start``."""
    here = start.resolve()
    if here.is_file():
        here = here.parent
    for d in (here, *here.parents):
        cc = d / "claimcheck.toml"
        if cc.is_file():
            return cc, _read_toml(cc)
        pp = d / "pyproject.toml"
        if pp.is_file():
            data = _read_toml(pp)
            tool = _tool_table(data)
            if isinstance(tool, dict):
                return pp, tool
    return None


def _tool_table(data: dict[str, Any]) -> dict[str, Any] | None:
    """``[tool.claimcheck]`` of a pyproject.toml, or None (also when ``tool`` is not a table)."""
    tool = data.get("tool")
    table = tool.get("claimcheck") if isinstance(tool, dict) else None
    return table if isinstance(table, dict) else None


def _read_toml(path: Path) -> dict[str, Any]:
    return read_toml(path, "configuration")


def load_profile(name: str, base: Path | None) -> dict[str, Any]:
    """A shipped profile by name, or a profile file (path relative to ``base``)."""
    shipped = Path(__file__).resolve().parent.parent / "profiles" / f"{name}.toml"
    if shipped.is_file():
        return _read_toml(shipped)
    candidate = (base / name) if base is not None else Path(name)
    if candidate.is_file():
        return _read_toml(candidate)
    names = [p.stem for p in shipped.parent.glob("*.toml")]
    raise ConfigError(f"unknown profile '{name}'{_did_you_mean(name, names)} (a shipped name or a .toml file)")


def _show(value: object) -> str:
    """A value as the configuration file would write it, shortened."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, str):
        text = '"' + value + '"'
    elif isinstance(value, dict):
        text = "a table"
    else:
        text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _wrong(where: str, key: str, value: object, expected: str) -> ConfigError:
    """The one-line error for a value of the wrong type: the key, the value and what was expected."""
    return ConfigError(f"{where}: {key} = {_show(value)}: expected {expected}")


def _table(data: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise _wrong(where, key, value, f"a table [{key}]")
    return value


def _count(value: object, where: str, key: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _wrong(where, key, value, "a whole number of 0 or more")
    return value


def _apply(cfg: Config, data: dict[str, Any], where: str, base: Path | None) -> None:
    for key in data:
        if key not in KEYS:
            raise ConfigError(f"{where}: unknown key '{key}'{_did_you_mean(key, sorted(KEYS))}")

    def str_list(key: str, what: str = "a list of rule names or codes") -> list[str]:
        value = data.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            raise _wrong(where, key, value, what)
        return value

    def selectors(key: str) -> list[str]:
        value = str_list(key)
        for x in value:
            check_rule_selector(x, where)
        return value

    if "select" in data:
        cfg.select = selectors("select")
    if "ignore" in data:
        cfg.ignore = cfg.ignore + selectors("ignore")
    if "extend-select" in data:
        cfg.extend_select = cfg.extend_select + selectors("extend-select")
    for rule, level in _table(data, "severity", where).items():
        check_rule_selector(rule, f"{where} [severity]")
        if not isinstance(level, str):
            raise _wrong(f"{where} [severity]", rule, level, '"error", "warning" or "info"')
        try:
            cfg.severity[rule] = Severity.parse(level)
        except ValueError as e:
            raise ConfigError(f"{where} [severity] {rule}: {e}") from None
    for rule, opts in _table(data, "rules", where).items():
        check_rule_selector(rule, f"{where} [rules]")
        if not isinstance(opts, dict):
            raise ConfigError(f"{where} [rules.{rule}] must be a table of options")
        _check_options(rule, opts, where)
        cfg.rules.setdefault(_rule_name(rule), {}).update(opts)
    for lex in str_list("extend-lexicons", "a list of lexicon file paths"):
        p = (base / lex) if base is not None else Path(lex)
        if not p.is_file():
            raise ConfigError(f"{where}: lexicon file not found: {lex}")
        cfg.extend_lexicons.append(p)
    if "lang" in data:
        if data["lang"] not in ("zh", "en", "both"):
            raise _wrong(where, "lang", data["lang"], '"zh", "en" or "both"')
        cfg.lang = data["lang"]
    if "fail-on" in data:
        if not isinstance(data["fail-on"], str):
            raise _wrong(where, "fail-on", data["fail-on"], '"error", "warning" or "info"')
        try:
            cfg.fail_on = Severity.parse(data["fail-on"])
        except ValueError as e:
            raise ConfigError(f"{where} fail-on: {e}") from None
    if "preview" in data and not isinstance(data["preview"], bool):
        raise _wrong(where, "preview", data["preview"], "true or false")
    house = _table(data, "house", where)
    at = f"{where} [house]"
    for key in house:
        if key not in HOUSE_KEYS:
            raise ConfigError(f"{at}: unknown key '{key}'{_did_you_mean(key, sorted(HOUSE_KEYS))}")
    if "max-independent-claims" in house:
        cfg.house.max_independent_claims = _count(house["max-independent-claims"], at, "max-independent-claims")
    if "max-claims" in house:
        cfg.house.max_claims = _count(house["max-claims"], at, "max-claims")
    if "forbidden-words" in house:
        words = house["forbidden-words"]
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            raise _wrong(at, "forbidden-words", words, "a list of words")
        cfg.house.forbidden_words = list(words)
    if "severity" in house:
        if not isinstance(house["severity"], str):
            raise _wrong(at, "severity", house["severity"], '"error", "warning" or "info"')
        try:
            cfg.house.severity = Severity.parse(house["severity"])
        except ValueError as e:
            raise ConfigError(f"{at} severity: {e}") from None


def _rule_name(key: str) -> str:
    from claimcheck.rules import find_rule

    r = find_rule(key)
    return r.name if r is not None else key


def _check_options(rule: str, opts: dict[str, Any], where: str) -> None:
    from claimcheck.rules import find_rule

    r = find_rule(rule)
    if r is None:
        return
    allowed = set(r.options) | (
        {"corpus-median-length", "corpus-median-features"} if r.name == "narrow-independent" else set()
    )
    for k, value in opts.items():
        if k not in allowed:
            hint = _did_you_mean(k, sorted(allowed)) if allowed else " (this rule has no options)"
            raise ConfigError(f"{where} [rules.{rule}]: unknown option '{k}'{hint}")
        expected = _expected_like(r.options.get(k))
        if expected is not None and not expected[0](value):
            raise _wrong(f"{where} [rules.{rule}]", k, value, expected[1])


def _expected_like(default: object) -> tuple[Callable[[object], bool], str] | None:
    """A test for a value of the same kind as an option's default, and how to say it; None when any will do."""
    if isinstance(default, bool):
        return (lambda v: isinstance(v, bool)), "true or false"
    if isinstance(default, int):
        return (lambda v: isinstance(v, int) and not isinstance(v, bool)), "a whole number"
    if isinstance(default, float):
        return (lambda v: isinstance(v, (int, float)) and not isinstance(v, bool)), "a number"
    if isinstance(default, str):
        return (lambda v: isinstance(v, str)), "a string"
    if isinstance(default, (list, tuple)):
        return (lambda v: isinstance(v, list)), "a list"
    return None


def build_config(data: dict[str, Any] | None, path: Path | None, profile: str | None = None) -> Config:
    """The effective config from a file's data (or none), with its profile applied first."""
    cfg = Config(path=path)
    data = data or {}
    base = path.parent if path is not None else None
    name = profile or data.get("profile")
    if name is not None and not isinstance(name, str):
        raise _wrong(str(path) if path else "config", "profile", name, "a profile name or a .toml file")
    if name:
        cfg.profile = str(name)
        _apply(cfg, load_profile(str(name), base), f"profile {name}", base)
    _apply(cfg, {k: v for k, v in data.items() if k != "profile"}, str(path) if path else "config", base)
    return cfg


def load_config(start: Path, explicit: Path | None = None, profile: str | None = None) -> Config:
    """The configuration for an input at ``start``: ``explicit`` if given, else the closest file."""
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"{explicit}: config file not found")
        data = _read_toml(explicit)
        if explicit.name == "pyproject.toml":
            data = _tool_table(data) or {}
        return build_config(data, explicit, profile)
    found = find_config(start)
    if found is None:
        return build_config(None, None, profile)
    return build_config(found[1], found[0], profile)


class ConfigResolver:
    """The configuration of each input file (the closest config file above it), with command-line overrides.

    Files in one folder share one configuration object; each folder gets its own, so linting several folders
    together gives each file exactly what linting it alone gives.
    """

    def __init__(
        self,
        explicit: Path | None = None,
        profile: str | None = None,
        select: list[str] | None = None,
        ignore: list[str] | None = None,
        fail_on: Severity | None = None,
        lang: str | None = None,
    ) -> None:
        for sel in [*(select or []), *(ignore or [])]:
            check_rule_selector(sel, "command line")
        self.explicit, self.profile = explicit, profile
        self.select, self.ignore = list(select or []), list(ignore or [])
        self.fail_on, self.lang = fail_on, lang
        self._by_folder: dict[Path, Config] = {}

    def __call__(self, path: Path) -> Config:
        key = path.resolve().parent
        if key not in self._by_folder:
            cfg = load_config(path, self.explicit, self.profile)
            if self.select:
                cfg.select = list(self.select)
            cfg.ignore = cfg.ignore + self.ignore
            if self.fail_on is not None:
                cfg.fail_on = self.fail_on
            if self.lang is not None:
                cfg.lang = self.lang
            self._by_folder[key] = cfg
        return self._by_folder[key]
