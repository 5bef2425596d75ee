"""The comparer of a disclosure's key points built on ``claimcheck.match``: each point compared as a claim feature.

Each key point is compared with each prior-art document as ``claimcheck match`` compares a claim feature in its chart
(:meth:`claimcheck.match.align.Index.compare`, the document's status first), so the panel's "which key points are
already shown" uses the thresholds calibrated for claim charts, and a document that cannot be compared (another
language without dictionary coverage or translation) is *not compared*, with the reason, never "not shown".
"""

from __future__ import annotations

from pathlib import Path

from claimcheck.disclose.prior_art import NOT_COMPARED, NOT_FOUND, PARTIAL, SHOWN, Comparer, PointMatch
from claimcheck.match import Document, Feature
from claimcheck.match.align import LANGUAGE_ZH, PART_KINDS, Index, claims_language
from claimcheck.match.concepts import units
from claimcheck.match.vocab import default_vocabulary
from claimcheck.model import Span

_VERDICTS = {"disclosed": SHOWN, "partial": PARTIAL, "not_found": NOT_FOUND, "not_compared": NOT_COMPARED}


def match_comparer(documents: list[Document]) -> Comparer:
    """A comparer over prior-art documents read by :func:`claimcheck.match.read_document`."""

    def compare(points: list[str]) -> list[tuple[str, list[PointMatch]]]:
        vocab = default_vocabulary()
        features = [Feature(f"K{i + 1}", 0, p, Span(0, len(p)), "characterizing") for i, p in enumerate(points)]
        parts = [u.text for f in features for u in units(f.text, vocab) if u.kind in PART_KINDS]
        index = Index(documents, vocab, claims_language(points), parts)
        out: list[tuple[str, list[PointMatch]]] = []
        for d in documents:
            status = index.status(d, features)
            language = LANGUAGE_ZH.get(d.language, d.language)
            matches = []
            for i, f in enumerate(features):
                if not status.compared:
                    matches.append(PointMatch(i, 0.0, NOT_COMPARED, reason=status.reason_zh))
                    continue
                m = index.compare(f, d)
                verdict = _VERDICTS.get(m.verdict, NOT_FOUND)
                reason = f"未比对：{language}文献，词典未覆盖该关键点" if verdict == NOT_COMPARED else ""
                passage = m.passage.text if m.passage is not None else ""
                location = m.passage.location if m.passage is not None else ""
                matches.append(PointMatch(i, round(m.score, 3), verdict, passage, location, reason))
            out.append((Path(d.path).name or d.label, matches))
        return out

    return compare
