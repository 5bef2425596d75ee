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
    """Record every current finding; return how many."""
    entries = [
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


def read_baseline(path: Path) -> Counter[str]:
    """The fingerprints recorded in a baseline file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: baseline file not found") from None
    except (OSError, ValueError) as e:
        raise InputError(f"{path}: not a claimcheck baseline: {e}") from None
    if not isinstance(data, dict) or "findings" not in data:
        raise InputError(f"{path}: not a claimcheck baseline (no 'findings')")
    return Counter(str(e.get("fingerprint")) for e in data["findings"])


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
