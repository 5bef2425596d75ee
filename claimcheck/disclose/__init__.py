"""Invention-disclosure (技术交底书) scoring for pre-filing review panels."""

from claimcheck.disclose.score import (
    ScoreReport,
    disclosure_files,
    load_panel,
    load_rubric,
    read_corpus,
    score_disclosure,
)
from claimcheck.disclose.sections import Disclosure, split_disclosure

__all__ = [
    "Disclosure",
    "ScoreReport",
    "disclosure_files",
    "load_panel",
    "load_rubric",
    "read_corpus",
    "score_disclosure",
    "split_disclosure",
]
