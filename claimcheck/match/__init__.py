"""Prior-art matching: features, alignment with documents, the feature comparison table and a reply skeleton."""

from claimcheck.match.chart import FeatureChart, build_chart
from claimcheck.match.documents import Document, Passage, read_document
from claimcheck.match.features import Feature, all_features, claim_features

__all__ = [
    "Document",
    "Feature",
    "FeatureChart",
    "Passage",
    "all_features",
    "build_chart",
    "claim_features",
    "read_document",
]
