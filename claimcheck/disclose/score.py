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
from claimcheck.disclose.plan import FilingPlan, propose_plan
from claimcheck.disclose.prior_art import Comparer, PriorArtResult, compare_prior_art, text_comparer
from claimcheck.disclose.quotes import clause_bounds
from claimcheck.disclose.risks import BLOCKING, KIND_ZH, Risk, find_risks
from claimcheck.disclose.sections import Disclosure, split_disclosure
from claimcheck.errors import ConfigError, InputError
from claimcheck.model import SourceText
from claimcheck.readers import DEFAULT_MAX_BYTES
from claimcheck.tomlfile import read_toml

DEFAULT_RUBRIC = Path(__file__).with_name("rubric.toml")
VERDICTS = {"file": "建议申请", "improve": "完善后申请", "not-fileable": "暂不宜申请"}


@dataclass
class ScoredCriterion:
    """A criterion's result with its weight (automatic or from the panel)."""

    result: CriterionResult
    weight: float
    source: str = "auto"  # "auto" or "panel"


@dataclass(frozen=True, slots=True)
class Gate:
    """A condition for passing the disclosure to drafting, apart from its score."""

    name: str
    passed: bool
    reason: str


@dataclass
class ScoreReport:
    """The assessment of one disclosure: score and criteria, risks, gates, prior art and a filing plan."""

    path: str
    score: float
    verdict: str
    criteria: list[ScoredCriterion]
    title: str | None = None
    nearest: list[tuple[str, float]] = field(default_factory=list)
    risks: list[Risk] = field(default_factory=list)
    gates: list[Gate] = field(default_factory=list)
    prior_art: PriorArtResult | None = None
    filing_plan: FilingPlan | None = None
    disclosure: Disclosure | None = None

    @property
    def may_draft(self) -> bool:
        """Whether every gate is passed: the disclosure may go to drafting."""
        return all(g.passed for g in self.gates)

    @property
    def requests(self) -> list[str]:
        """Every improvement request, most heavily weighted criterion first."""
        ordered = sorted(self.criteria, key=lambda c: -c.weight * (1 - c.result.score))
        return [r for c in ordered for r in c.result.requests]


PANEL_FIELDS = ("market-demand", "commercial-risk", "grant-prospect")


def load_rubric(path: Path | None = None) -> dict[str, Any]:
    """The rubric: the shipped default, or a panel's file (same keys)."""
    data = read_toml(path or DEFAULT_RUBRIC, "rubric")
    for name in data.get("criteria", {}) if isinstance(data.get("criteria"), dict) else ():
        if name not in CRITERIA and name != "novelty":
            raise ConfigError(f"{path}: unknown criterion '{name}' (known: {', '.join(sorted(CRITERIA))}, novelty)")
    check_rubric(data, str(path or DEFAULT_RUBRIC))
    return data


def _expected(where: str, key: str, value: object, expected: str) -> ConfigError:
    shown = repr(value) if isinstance(value, str) else str(value).lower() if isinstance(value, bool) else str(value)
    return ConfigError(f"{where}: {key} = {shown[:40]}: expected {expected}")


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def check_rubric(data: dict[str, Any], where: str) -> None:
    """Raise :class:`ConfigError` naming the key, the value and what was expected for a wrongly typed rubric."""
    for section in ("verdict", "criteria", "panel"):
        if section in data and not isinstance(data[section], dict):
            raise _expected(where, section, data[section], f"a table [{section}]")
    for band, value in data.get("verdict", {}).items():
        if band not in ("file", "improve"):
            raise ConfigError(f"{where}: [verdict] unknown key '{band}' (known: file, improve)")
        if not _number(value) or not 0 <= value <= 100:
            raise _expected(where, f"[verdict] {band}", value, "a score from 0 to 100")
    for section in ("criteria", "panel"):
        for name, opts in data.get(section, {}).items():
            key = f"[{section}.{name}]"
            if section == "panel" and name not in PANEL_FIELDS:
                raise ConfigError(f"{where}: unknown panel field '{name}' (known: {', '.join(PANEL_FIELDS)})")
            if not isinstance(opts, dict):
                raise _expected(where, key, opts, "a table with a weight")
            for opt, value in opts.items():
                if opt == "weight" and (not _number(value) or value < 0):
                    raise _expected(where, f"{key} weight", value, "a number of 0 or more")
                if opt.startswith("target-") and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
                    raise _expected(where, f"{key} {opt}", value, "a whole number of 1 or more")
                if opt == "inverted" and not isinstance(value, bool):
                    raise _expected(where, f"{key} inverted", value, "true or false")
                if opt == "required" and (not isinstance(value, list) or not all(isinstance(x, str) for x in value)):
                    raise _expected(where, f"{key} required", value, "a list of section names")


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
        if key not in (*PANEL_FIELDS, "pct"):
            raise InputError(f"{path}: unknown panel field '{key}' (known: {', '.join(PANEL_FIELDS)}, pct)")
        if key == "pct":
            out[key] = 1.0 if str(raw).strip().lower() in ("true", "1", "yes", "y", "是") else 0.0
            continue
        try:
            v = float(raw) if not isinstance(raw, bool) else float("nan")
        except (TypeError, ValueError):
            raise InputError(f"{path}: {key} = {str(raw)[:40]!r}: expected a number from 1 to 5") from None
        if not 1 <= v <= 5:
            raise InputError(f"{path}: {key} = {raw!r} is outside 1–5 (expected a number from 1 to 5)")
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
            a, z = clause_bounds(text, align.dest_start, align.dest_end, 60)
            res.evidence.append(Evidence(text[a:z], 0, name))
        if sim >= 0.5:
            res.requests.append(f"与现有文献“{name}”高度相似，请说明区别技术特征及其带来的技术效果")
    return res, scored[:5]


def _grams(text: str) -> set[str]:
    cjk = re.sub(r"[^\u4e00-\u9fffA-Za-z0-9]", "", text)
    return {cjk[i : i + 3] for i in range(len(cjk) - 2)}


def gates(d: Disclosure, criteria: list[ScoredCriterion], risks: list[Risk]) -> list[Gate]:
    """The filing gates: the disclosure is complete, and no risk blocks filing."""
    from claimcheck.disclose.criteria import SECTION_ZH

    required = ["field", "background", "problem", "solution", "effects", "embodiments"]
    missing = [s for s in required if s not in d.present]
    blocking = [r for r in risks if r.severity == BLOCKING]
    out = [
        Gate(
            "complete",
            not missing,
            "各部分齐全" if not missing else "缺少：" + "、".join(SECTION_ZH.get(s, s) for s in missing),
        ),
        Gate(
            "key-points",
            bool(d.section("key-points")),
            "已写明关键点/欲保护点" if d.section("key-points") else "未写明关键点/欲保护点",
        ),
        Gate(
            "no-blocking-risk",
            not blocking,
            "无阻碍申请的风险"
            if not blocking
            else "；".join(dict.fromkeys(f"{KIND_ZH[r.kind]}：{r.evidence.quote}" for r in blocking)),
        ),
    ]
    return out


def score_disclosure(
    src: SourceText,
    rubric: dict[str, Any] | None = None,
    panel: dict[str, float] | None = None,
    corpus: list[tuple[str, str]] | None = None,
    comparer: Comparer | None = None,
) -> ScoreReport:
    """Assess one disclosure: the score under the rubric, risks, gates, prior art (``corpus`` or ``comparer``) and a plan.

    ``comparer`` compares the key points with prior-art documents (see :mod:`claimcheck.disclose.prior_art`); when
    only ``corpus`` is given, a character-bigram comparer over it is used.
    """
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
    elif score >= float(bands.get("improve", 40)):
        verdict = "improve"
    else:
        verdict = "not-fileable"
    risks = find_risks(d)
    if comparer is None and corpus:
        comparer = text_comparer(corpus)
    prior = compare_prior_art(d, comparer)
    pct = bool(panel.get("pct")) if panel else None
    return ScoreReport(
        src.path,
        round(score, 1),
        verdict,
        scored,
        d.title,
        nearest,
        risks,
        gates(d, scored, risks),
        prior,
        propose_plan(d, risks, pct),
        d,
    )


def read_disclosure(path: Path, max_bytes: int | None = None) -> SourceText:
    """A disclosure file: .docx, .txt, .md, or a PDF with a text layer (one line per extracted line)."""
    from claimcheck.readers import read_path

    if path.suffix.lower() != ".pdf":
        return read_path(path, max_bytes=max_bytes)
    return read_pdf_bytes(_read_limited(path, max_bytes), str(path))


def _read_limited(path: Path, max_bytes: int | None) -> bytes:
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    size = path.stat().st_size
    if max_bytes is not None and size > max_bytes:
        raise InputError(f"{path}: file is {size // 1_048_576} MB, over the {max_bytes // 1_048_576} MB limit")
    return path.read_bytes()


def read_pdf_bytes(data: bytes, name: str) -> SourceText:
    """The text layer of a PDF disclosure; a PDF without one (a scan) is refused with one line."""
    from claimcheck.readers.pdf import read_pdf

    pages = read_pdf(data, name).pages
    if len(pages) > 500:
        raise InputError(f"{name}: the PDF has {len(pages)} pages, more than a disclosure has")
    text = "\n".join(page.rstrip("\n") for page in pages)
    if not text.strip():
        raise InputError(f"{name}: the PDF has no text layer (a scan?): run OCR on it first, or give the text")
    return SourceText(text, path=name, format="pdf")


def disclosure_files(paths: list[Path]) -> list[Path]:
    """The disclosures to score: files as given, folders searched for .txt, .md, .docx and .pdf."""
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files.extend(
                sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in (".txt", ".md", ".docx", ".pdf"))
            )
        else:
            files.append(p)
    if not files:
        raise InputError("no disclosures found in " + ", ".join(map(str, paths)))
    return files


CORPUS_SUFFIXES = (".txt", ".md", ".docx", ".xml", ".pdf")


def corpus_files(folder: Path) -> list[Path]:
    """Every file of a prior-art folder, sorted (documents are numbered D1, D2 … in this order); a path that is not
    a folder, or a folder without a document (``CORPUS_SUFFIXES``), is refused with one line."""
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder")
    files = [p for p in sorted(folder.rglob("*")) if p.is_file()]
    if not any(p.suffix.lower() in CORPUS_SUFFIXES for p in files):
        raise InputError(f"{folder}: no prior-art documents ({', '.join(CORPUS_SUFFIXES)}) in the --corpus folder")
    return files


def read_corpus(folder: Path, max_bytes: int | None = DEFAULT_MAX_BYTES) -> list[tuple[str, str]]:
    """Documents of a prior-art folder (.txt, .md, .docx) as (name, text); a file over ``max_bytes`` (the
    ``--max-size`` limit) or unreadable is skipped."""
    from claimcheck.readers import read_path

    out = []
    for p in corpus_files(folder):
        if p.suffix.lower() in (".txt", ".md", ".docx"):
            try:
                out.append((p.name, read_path(p, max_bytes=max_bytes).text))
            except InputError:
                continue
    return out
