"""The comparer of a disclosure's key points built on ``claimcheck.match``: BM25 candidates, then match's scores.

Each key point is aligned with each prior-art document as ``claimcheck match`` aligns a claim feature, so the
panel's "which key points are already shown" uses the thresholds calibrated for claim charts.
"""

from __future__ import annotations

from pathlib import Path

from claimcheck.disclose.prior_art import NOT_FOUND, PARTIAL, SHOWN, Comparer, PointMatch
from claimcheck.match import Document, Feature
from claimcheck.match.align import Index
from claimcheck.model import Span

_VERDICTS = {"disclosed": SHOWN, "partial": PARTIAL, "not_found": NOT_FOUND}


def match_comparer(documents: list[Document]) -> Comparer:
    """A comparer over prior-art documents read by :func:`claimcheck.match.read_document`."""
    index = Index(documents)

    def compare(points: list[str]) -> list[tuple[str, list[PointMatch]]]:
        features = [Feature(f"K{i + 1}", 0, p, Span(0, len(p)), "characterizing") for i, p in enumerate(points)]
        out: list[tuple[str, list[PointMatch]]] = []
        for d in documents:
            matches = []
            for i, f in enumerate(features):
                m = index.best(f, d)
                passage = m.passage.text if m.passage is not None else ""
                location = m.passage.location if m.passage is not None else ""
                matches.append(PointMatch(i, round(m.score, 3), _VERDICTS.get(m.verdict, NOT_FOUND), passage, location))
            out.append((Path(d.path).name or d.label, matches))
        return out

    return compare
