"""Claims split into numbered technical features (1a, 1b …), as claim charts do.

The split itself is :func:`claimcheck.analysis.features.claim_features` (clauses, list items, method steps, no
phrase-only features); here each feature gets its chart id.  An independent claim's subject is its first feature
(kind ``subject``).  Each feature is a verbatim slice of the claim with its span in the source.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimcheck.analysis.features import claim_features as split_claim
from claimcheck.lexicon import Lexicons
from claimcheck.model import Claim, ClaimSet, Span


@dataclass(frozen=True, slots=True)
class Feature:
    """A technical feature of a claim."""

    id: str
    claim: int
    text: str
    span: Span
    kind: str  # "subject", "preamble", "characterizing", "limiting"


def _id(claim: int, i: int) -> str:
    letters = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        letters = chr(ord("a") + r) + letters
    return f"{claim}{letters}"


def claim_features(cs: ClaimSet, claim: Claim, lex: Lexicons | None = None) -> list[Feature]:
    """The features of one claim, numbered 1a, 1b …"""
    return [
        Feature(_id(claim.number, i), claim.number, f.text, f.span, f.kind)
        for i, f in enumerate(split_claim(claim, lex))
    ]


def all_features(cs: ClaimSet, numbers: list[int] | None = None) -> list[Feature]:
    """Features of every claim (or of the numbered ones)."""
    out: list[Feature] = []
    for c in cs:
        if numbers is None or c.number in numbers:
            out.extend(claim_features(cs, c))
    return out
