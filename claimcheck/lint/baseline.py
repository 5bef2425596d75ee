"""Baselines: remember reviewed findings so that only new ones are reported.

A finding is remembered by its rule, the file name, the text it points at and
the wording of its claim with the reference part and numbers taken out, not by
line or claim number: renumbering claims or editing other claims does not
revive it.  Findings are matched as a multiset, so a second identical
occurrence is still new.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from claimcheck.errors import InputError
from claimcheck.lint.results import FileResult
from claimcheck.model.diagnostic import Diagnostic
from claimcheck.outfile import write_atomic

VERSION = 1


def fingerprint(f: FileResult, d: Diagnostic) -> str:
    """A stable identity for a finding."""
    assert f.claimset is not None
    src = d.where if d.where is not None else f.claimset.source
    pointed = re.sub(r"\s+", "", src.text[d.span.start : d.span.end])
    claim = f.claimset.get(d.claim) if d.claim is not None else None
    context = ""
    if claim is not None and claim.flat is not None:
        t = claim.flat.text
        if claim.reference is not None:
            t = t.replace(claim.reference.segment.text, "")
        context = re.sub(r"[0-9０-９\s]+", "", t)
    name = Path(f.path).name
    raw = "\x1f".join((d.rule, name, pointed, context, d.message_en if not pointed else ""))
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:20]


def write_baseline(path: Path, results: list[FileResult]) -> int:
    """Record every current finding; return how many entries the baseline holds.

    A run in which some inputs could not be read is incomplete: the entries an existing baseline holds for
    those files are kept (merged with the new findings of the others), so a file that fails to read today
    does not lose its reviewed findings.  The file is written atomically.
    """
    failed = {Path(f.path).name for f in results if f.error}
    kept: list[dict[str, Any]] = []
    if failed and path.exists():
        kept = [e for e in _entries(path) if e.get("file") in failed]
    entries = kept + [
        {
            "fingerprint": fingerprint(f, d),
            "rule": d.rule,
            "file": Path(f.path).name,
            "claim": d.claim,
            "message": d.message_zh,
        }
        for f in results
        if f.claimset is not None
        for d in f.diagnostics
    ]
    write_atomic(path, json.dumps({"version": VERSION, "findings": entries}, ensure_ascii=False, indent=2) + "\n")
    return len(entries)


def _entries(path: Path) -> list[dict[str, Any]]:
    """The entries of a baseline file, checked: a list of objects, each with a string ``fingerprint``."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: baseline file not found") from None
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: not a claimcheck baseline: not UTF-8 text (byte {e.start})") from None
    except (OSError, ValueError, RecursionError) as e:
        raise InputError(f"{path}: not a claimcheck baseline: {_one_line(e)}") from None
    if not isinstance(data, dict) or "findings" not in data:
        raise InputError(f"{path}: not a claimcheck baseline (no 'findings')")
    version = data.get("version", VERSION)
    if version != VERSION:
        raise InputError(f"{path}: baseline 'version' is {_show(version)}; expected {VERSION}")
    findings = data["findings"]
    if not isinstance(findings, list):
        raise InputError(f"{path}: baseline 'findings' is {_show(findings)}; expected a list of findings")
    for i, entry in enumerate(findings):
        fp = entry.get("fingerprint") if isinstance(entry, dict) else None
        if not isinstance(fp, str):
            shown = _show(fp) if isinstance(entry, dict) else _show(entry)
            what = "'fingerprint'" if isinstance(entry, dict) else "entry"
            raise InputError(f"{path}: baseline finding {i + 1}: {what} is {shown}; expected a fingerprint string")
    return findings


def _show(value: object) -> str:
    """A short rendering of a value in a message."""
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _one_line(e: Exception) -> str:
    return " ".join(str(e).split()) or type(e).__name__


def read_baseline(path: Path) -> Counter[str]:
    """The fingerprints recorded in a baseline file."""
    return Counter(str(e["fingerprint"]) for e in _entries(path))


def apply_baseline(results: list[FileResult], known: Counter[str]) -> None:
    """Drop findings recorded in the baseline (each recorded finding hides one occurrence)."""
    remaining = Counter(known)
    for f in results:
        if f.claimset is None:
            continue
        kept = []
        for d in f.diagnostics:
            fp = fingerprint(f, d)
            if remaining[fp] > 0:
                remaining[fp] -= 1
                f.baselined += 1
            else:
                kept.append(d)
        f.diagnostics = kept
