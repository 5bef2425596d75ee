"""The feature comparison table (特征对比表) and what follows from it.

Every feature is compared with every document on its own (:meth:`Index.compare`): a verdict depends on the claims
and that document only.  A document that cannot be compared with confidence (a language without dictionary or
translation, or too few features the dictionary covers) is *not compared*, with the reason, and takes no part in
what follows.

For each independent claim: the closest prior art among the compared documents — the one disclosing most of its
features (a partial disclosure counting half), its technical field (how well it shows the claim's subject) breaking
near-ties — the distinguishing features over it, the features it was not compared on, and, from the claims that
depend on it, the features no compared document discloses: the candidates to amend into the independent claim.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

from claimcheck.match.align import PART_KINDS, DocumentStatus, Embedder, Index, Match, claims_language
from claimcheck.match.concepts import units
from claimcheck.match.correspond import Alignment
from claimcheck.match.documents import Document
from claimcheck.match.features import Feature, all_features
from claimcheck.match.vocab import Vocabulary, default_vocabulary
from claimcheck.model import ClaimSet


@dataclass
class IndependentAnalysis:
    """The three-step analysis of one independent claim."""

    claim: int
    closest: str | None
    distinguishing: list[Feature]
    candidates: list[Feature]
    unverified: list[Feature] = field(default_factory=list)  # features the closest document was not compared on
    field_score: float = 0.0  # how well the closest document shows the claim's subject (its technical field)


@dataclass
class FeatureChart:
    """Features, their best match in every document, and the analysis of each independent claim."""

    claims: ClaimSet
    documents: list[Document]
    features: list[Feature]
    matches: dict[str, dict[str, Match]]
    analyses: list[IndependentAnalysis] = field(default_factory=list)
    statuses: dict[str, DocumentStatus] = field(default_factory=dict)
    alignments: dict[str, list[Alignment]] = field(default_factory=dict)
    index: Index | None = None
    context: dict[str, tuple[frozenset[str], str, list[str]]] = field(default_factory=dict)  # topic, lead, neighbours

    def compare(self, feature: Feature, document: Document) -> Match:
        """A feature against a document (one not in the chart: a part of one, the examiner's sentence), as the
        chart compares them."""
        index = self.index or Index([document])
        topic, lead, neighbours = self.context.get(feature.id, (frozenset(), "", []))
        return index.compare(feature, document, topic, lead, neighbours)

    def match(self, feature: Feature, document: str) -> Match:
        """The best match of a feature in a document."""
        return self.matches[feature.id][document]

    def disclosed_anywhere(self, feature: Feature) -> list[Match]:
        """Matches that disclose the feature, best first."""
        ms = [m for m in self.matches[feature.id].values() if m.verdict == "disclosed"]
        return sorted(ms, key=lambda m: -m.score)

    def compared(self) -> list[Document]:
        """The documents that could be compared."""
        return [d for d in self.documents if self.statuses.get(d.label) is None or self.statuses[d.label].compared]

    def not_compared(self) -> list[DocumentStatus]:
        """The statuses of the documents that could not be compared."""
        return [s for s in self.statuses.values() if not s.compared]


def _topic(cs: ClaimSet, features: list[Feature], vocab: Vocabulary) -> dict[int, frozenset[str]]:
    """The words of each claim's subject (its root's): topic words that decide no verdict."""
    subjects = {f.claim: f.text for f in features if f.kind == "subject"}
    out: dict[int, frozenset[str]] = {}
    for c in cs:
        roots = [r.number for r in cs.roots(c)] or [c.number]
        text = "".join(subjects.get(r, "") for r in roots) or (c.subject.text if c.subject else "")
        out[c.number] = frozenset(u.text for u in units(text, vocab)) if text else frozenset()
    return out


def build_chart(
    cs: ClaimSet,
    documents: list[Document],
    claim_numbers: list[int] | None = None,
    progress: Callable[[int, int], None] | None = None,
    *,
    vocab: Vocabulary | None = None,
    embedder: Embedder | None = None,
) -> FeatureChart:
    """Align every feature with every document and analyse the independent claims.

    ``documents`` is any list (the files on the command line, or what a search returned); each is compared on its
    own.  ``vocab`` carries a glossary (:func:`claimcheck.match.glossary.vocabulary_with`); ``embedder`` a local
    sentence-embedding model (:mod:`claimcheck.match.embed`).
    """
    vocab = vocab or default_vocabulary()
    every = all_features(cs)
    features = every if claim_numbers is None else [f for f in every if f.claim in claim_numbers]
    lang = claims_language([f.text for f in every])
    parts = [u.text for f in every if f.kind != "subject" for u in units(f.text, vocab) if u.kind in PART_KINDS]
    index = Index(documents, vocab, lang, parts, embedder)
    statuses = {d.label: index.status(d, features) for d in documents}
    topic = _topic(cs, every, vocab)
    lead = {f.id: prev.text for prev, f in itertools.pairwise(every) if prev.claim == f.claim}
    own_parts: dict[int, list[str]] = {}
    for f in every:
        if f.kind != "subject":
            own_parts.setdefault(f.claim, []).extend(u.text for u in units(f.text, vocab) if u.kind in PART_KINDS)
    neighbours: dict[int, list[str]] = {}
    for c in cs:
        names = [p for k in [c, *cs.ancestors(c)] for p in own_parts.get(k.number, [])]
        neighbours[c.number] = list(dict.fromkeys(names))
    context = {
        f.id: (
            frozenset() if f.kind == "subject" else topic.get(f.claim, frozenset()),
            lead.get(f.id, ""),
            neighbours.get(f.claim, []),
        )
        for f in features
    }
    matches: dict[str, dict[str, Match]] = {}
    total = len(features) * len(documents)
    done = 0
    for f in features:
        matches[f.id] = {}
        for d in documents:
            st = statuses[d.label]
            if not st.compared:
                m = Match(d.label, None, 0.0, 0.0, 0.0, 0.0, "not_compared", reason=st.reason_en)
            else:
                m = index.compare(f, d, *context[f.id])
            matches[f.id][d.label] = m
            done += 1
            if progress is not None:
                progress(done, total)
    chart = FeatureChart(cs, documents, features, matches, statuses=statuses, index=index, context=context)
    chart.alignments = {d.label: index.alignments(d) for d in documents}
    compared = chart.compared()
    for c in cs.independent:
        if claim_numbers is not None and c.number not in claim_numbers:
            continue
        own = [f for f in features if f.claim == c.number and f.kind != "subject"]
        if not own:
            continue
        subject = next((f for f in features if f.claim == c.number and f.kind == "subject"), None)

        def field_of(d: Document, subject: Feature | None = subject) -> float:
            return chart.match(subject, d.label).score if subject is not None else 0.0

        def rank(d: Document, own: list[Feature] = own) -> tuple[float, float]:
            ms = [chart.match(f, d.label) for f in own]
            weight = sum(1.0 if m.verdict == "disclosed" else 0.5 if m.verdict == "partial" else 0.0 for m in ms)
            return weight + 0.5 * field_of(d), sum(m.score for m in ms)

        closest = max(compared, key=rank).label if compared else None
        if closest is None:
            chart.analyses.append(IndependentAnalysis(c.number, None, [], [], list(own)))
            continue
        closest_doc = next(d for d in compared if d.label == closest)
        distinguishing = [f for f in own if chart.match(f, closest).verdict in ("not_found", "partial")]
        unverified = [f for f in own if chart.match(f, closest).verdict == "not_compared"]
        dependents = {k.number for k in cs.claims if c in cs.roots(k) and k is not c}
        candidates = [
            f
            for f in features
            if f.claim in dependents and all(m.verdict == "not_found" for m in matches[f.id].values())
        ]
        chart.analyses.append(
            IndependentAnalysis(c.number, closest, distinguishing, candidates, unverified, field_of(closest_doc))
        )
    return chart
