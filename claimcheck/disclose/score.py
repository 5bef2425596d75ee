"""Score a disclosure under a rubric: automatic criteria, the panel's own judgement, a verdict.

The default rubric (``rubric.toml`` beside this module) gives each criterion a weight and the verdict
bands; a panel replaces it with its own file.  The panel's judgement (market demand, commercial risk,
grant prospect, 1–5) comes from a TOML or CSV sheet and is combined under the rubric's weights.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimcheck.disclose.criteria import CRITERIA, CriterionResult, Evidence
from claimcheck.disclose.sections import Disclosure, split_disclosure
from claimcheck.errors import ConfigError, InputError
from claimcheck.model import SourceText
from claimcheck.tomlfile import read_toml

DEFAULT_RUBRIC = Path(__file__).with_name("rubric.toml")
VERDICTS = {"file": "建议申请", "improve": "完善后申请", "not-fileable": "暂不宜申请"}


@dataclass
class ScoredCriterion:
    """A criterion's result with its weight (automatic or from the panel)."""

    result: CriterionResult
    weight: float
    source: str = "auto"  # "auto" or "panel"


@dataclass
class ScoreReport:
    """The scoring sheet of one disclosure."""

    path: str
    score: float
    verdict: str
    criteria: list[ScoredCriterion]
    title: str | None = None
    nearest: list[tuple[str, float]] = field(default_factory=list)

    @property
    def requests(self) -> list[str]:
        """Every improvement request, most heavily weighted criterion first."""
        ordered = sorted(self.criteria, key=lambda c: -c.weight * (1 - c.result.score))
        return [r for c in ordered for r in c.result.requests]


def load_rubric(path: Path | None = None) -> dict[str, Any]:
    """The rubric: the shipped default, or a panel's file (same keys)."""
    data = read_toml(path or DEFAULT_RUBRIC, "rubric")
    for name in data.get("criteria", {}):
        if name not in CRITERIA and name != "novelty":
            raise ConfigError(f"{path}: unknown criterion '{name}' (known: {', '.join(sorted(CRITERIA))}, novelty)")
    return data


def load_panel(path: Path) -> dict[str, float]:
    """The panel's judgement, 1–5 per field, from TOML (``market-demand = 4``) or CSV (``field,value`` rows)."""
    if not path.is_file():
        raise InputError(f"{path}: panel sheet not found")
    values: dict[str, Any]
    if path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = [r for r in csv.reader(fh) if r and not r[0].startswith("#")]
        if rows and rows[0][0].strip().lower() in ("field", "name", "criterion"):
            rows = rows[1:]
        values = {r[0].strip(): r[1].strip() for r in rows if len(r) >= 2}
    else:
        values = read_toml(path, "panel sheet")
    out: dict[str, float] = {}
    for key, raw in values.items():
        try:
            v = float(raw)
        except (TypeError, ValueError):
            raise InputError(f"{path}: '{key}' must be a number from 1 to 5") from None
        if not 1 <= v <= 5:
            raise InputError(f"{path}: '{key}' = {v} is outside 1–5")
        out[key] = v
    return out


def _novelty(d: Disclosure, corpus: list[tuple[str, str]]) -> tuple[CriterionResult, list[tuple[str, float]]]:
    """1 - the similarity of the closest document of the corpus to the disclosure's key points and solution."""
    from rapidfuzz import fuzz

    probe = d.text_of("key-points", "solution", "problem") or d.text_of()
    probe_grams = _grams(probe)
    scored = []
    for name, text in corpus:
        grams = _grams(text)
        overlap = len(probe_grams & grams) / max(1, len(probe_grams))
        scored.append((name, overlap))
    scored.sort(key=lambda x: -x[1])
    res = CriterionResult("novelty", 1.0)
    if scored:
        name, sim = scored[0]
        res.score = max(0.0, 1.0 - sim)
        res.detail = f"closest: {name} ({sim:.0%} of the key phrases)"
        text = dict(corpus)[name]
        align = fuzz.partial_ratio_alignment(probe[:200], text)
        if align is not None:
            res.evidence.append(Evidence(text[align.dest_start : align.dest_end][:60], 0, name))
        if sim >= 0.5:
            res.requests.append(f"与现有文献“{name}”高度相似，请说明区别技术特征及其带来的技术效果")
    return res, scored[:5]


def _grams(text: str) -> set[str]:
    cjk = re.sub(r"[^\u4e00-\u9fffA-Za-z0-9]", "", text)
    return {cjk[i : i + 3] for i in range(len(cjk) - 2)}


def score_disclosure(
    src: SourceText,
    rubric: dict[str, Any] | None = None,
    panel: dict[str, float] | None = None,
    corpus: list[tuple[str, str]] | None = None,
) -> ScoreReport:
    """Score one disclosure."""
    rubric = rubric or load_rubric()
    d = split_disclosure(src)
    scored: list[ScoredCriterion] = []
    for name, opts in rubric.get("criteria", {}).items():
        if name == "novelty":
            continue
        scored.append(ScoredCriterion(CRITERIA[name](d, opts), float(opts.get("weight", 0))))
    nearest: list[tuple[str, float]] = []
    if corpus and "novelty" in rubric.get("criteria", {}):
        res, nearest = _novelty(d, corpus)
        scored.append(ScoredCriterion(res, float(rubric["criteria"]["novelty"].get("weight", 0))))
    for name, opts in rubric.get("panel", {}).items():
        if panel is None or name not in panel:
            continue
        v = (panel[name] - 1) / 4
        if opts.get("inverted"):
            v = 1 - v
        scored.append(
            ScoredCriterion(
                CriterionResult(name, v, detail=f"panel: {panel[name]:g}/5"), float(opts.get("weight", 0)), "panel"
            )
        )
    total_w = sum(c.weight for c in scored) or 1.0
    score = 100 * sum(c.weight * c.result.score for c in scored) / total_w
    bands = rubric.get("verdict", {})
    if score >= float(bands.get("file", 75)):
        verdict = "file"
    elif score >= float(bands.get("improve", 50)):
        verdict = "improve"
    else:
        verdict = "not-fileable"
    return ScoreReport(src.path, round(score, 1), verdict, scored, d.title, nearest)


def disclosure_files(paths: list[Path]) -> list[Path]:
    """The disclosures to score: files as given, folders searched for .txt, .md and .docx."""
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files.extend(
                sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in (".txt", ".md", ".docx"))
            )
        else:
            files.append(p)
    if not files:
        raise InputError("no disclosures found in " + ", ".join(map(str, paths)))
    return files


def read_corpus(folder: Path) -> list[tuple[str, str]]:
    """Documents of a prior-art folder (.txt, .md, .xml, .docx) as (name, text)."""
    from claimcheck.readers import read_path

    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder")
    out = []
    for p in sorted(folder.rglob("*")):
        if p.is_file() and p.suffix.lower() in (".txt", ".md", ".docx"):
            try:
                out.append((p.name, read_path(p).text))
            except InputError:
                continue
    return out
