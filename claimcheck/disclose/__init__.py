"""Invention-disclosure (技术交底书) scoring for pre-filing review panels."""

from claimcheck.disclose.plan import FilingPlan, propose_plan
from claimcheck.disclose.prior_art import Comparer, PointMatch, PriorArtResult, key_points, text_comparer
from claimcheck.disclose.risks import Risk, find_risks
from claimcheck.disclose.score import (
    Gate,
    ScoreReport,
    corpus_files,
    disclosure_files,
    load_panel,
    load_rubric,
    read_corpus,
    read_disclosure,
    read_pdf_bytes,
    score_disclosure,
)
from claimcheck.disclose.sections import Disclosure, split_disclosure

__all__ = [
    "Comparer",
    "Disclosure",
    "FilingPlan",
    "Gate",
    "PointMatch",
    "PriorArtResult",
    "Risk",
    "ScoreReport",
    "corpus_files",
    "disclosure_files",
    "find_risks",
    "key_points",
    "load_panel",
    "load_rubric",
    "propose_plan",
    "read_corpus",
    "read_disclosure",
    "read_pdf_bytes",
    "score_disclosure",
    "split_disclosure",
    "text_comparer",
]
