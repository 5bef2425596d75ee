"""The feature comparison table (特征对比表) and what follows from it.

For each independent claim: the closest prior art (the document disclosing most of its features, ties broken
by the summed scores), the distinguishing features over it, and, from the claims that depend on it, the
features no document discloses: the candidates to amend into the independent claim.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from claimcheck.match.align import Index, Match
from claimcheck.match.documents import Document
from claimcheck.match.features import Feature, all_features
from claimcheck.model import ClaimSet


@dataclass
class IndependentAnalysis:
    """The three-step analysis of one independent claim."""

    claim: int
    closest: str | None
    distinguishing: list[Feature]
    candidates: list[Feature]


@dataclass
class FeatureChart:
    """Features, their best match in every document, and the analysis of each independent claim."""

    claims: ClaimSet
    documents: list[Document]
    features: list[Feature]
    matches: dict[str, dict[str, Match]]
    analyses: list[IndependentAnalysis] = field(default_factory=list)

    def match(self, feature: Feature, document: str) -> Match:
        """The best match of a feature in a document."""
        return self.matches[feature.id][document]

    def disclosed_anywhere(self, feature: Feature) -> list[Match]:
        """Matches that disclose the feature, best first."""
        ms = [m for m in self.matches[feature.id].values() if m.verdict == "disclosed"]
        return sorted(ms, key=lambda m: -m.score)


def build_chart(
    cs: ClaimSet,
    documents: list[Document],
    claim_numbers: list[int] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> FeatureChart:
    """Align every feature with every document and analyse the independent claims."""
    features = all_features(cs, claim_numbers)
    index = Index(documents)
    matches: dict[str, dict[str, Match]] = {}
    total = len(features) * len(documents)
    done = 0
    for f in features:
        matches[f.id] = {}
        for d in documents:
            matches[f.id][d.label] = index.best(f, d)
            done += 1
            if progress is not None:
                progress(done, total)
    chart = FeatureChart(cs, documents, features, matches)
    for c in cs.independent:
        own = [f for f in features if f.claim == c.number and f.kind != "subject"]
        if not own:
            continue
        closest = None
        if documents:

            def rank(d: Document, own: list[Feature] = own) -> tuple[int, float]:
                ms = [chart.match(f, d.label) for f in own]
                return sum(m.verdict == "disclosed" for m in ms), sum(m.score for m in ms)

            closest = max(documents, key=rank).label
        distinguishing = [f for f in own if closest is None or chart.match(f, closest).verdict != "disclosed"]
        dependents = {k.number for k in cs.claims if c in cs.roots(k) and k is not c}
        candidates = [
            f
            for f in features
            if f.claim in dependents and all(m.verdict == "not_found" for m in matches[f.id].values())
        ]
        chart.analyses.append(IndependentAnalysis(c.number, closest, distinguishing, candidates))
    return chart
