"""The rule registry: one explicit, ordered tuple of every rule.

Names are the contract (config, suppressions, baselines); codes are short
aliases for typing and prefix selection, never reused.
"""

from __future__ import annotations

from claimcheck.rules.abstract import AbstractLength, TitleLength, TitleWording
from claimcheck.rules.antecedent import AntecedentBasis, AntecedentQuantity
from claimcheck.rules.base import Context, Rule
from claimcheck.rules.clarity import DescriptionReference, DuplicateClaim, UnclearTerm
from claimcheck.rules.deps import (
    IndependentOrder,
    MultipleDependencyAlternative,
    MultipleDependencyChain,
    ReferenceForward,
    ReferenceMissing,
)
from claimcheck.rules.figures import FigureReference
from claimcheck.rules.form import ClaimCount, ClaimNumbering, SingleSentence
from claimcheck.rules.numerals import ReferenceNumeral
from claimcheck.rules.signs import ReferenceSign
from claimcheck.rules.strategy import CategoryCoverage, NarrowIndependent
from claimcheck.rules.subject import BareSubject, SubjectMismatch
from claimcheck.rules.support import DescriptionSupport, TermConsistency

ALL_RULES: tuple[type[Rule], ...] = (
    ClaimNumbering,
    SingleSentence,
    ClaimCount,
    ReferenceMissing,
    ReferenceForward,
    MultipleDependencyAlternative,
    MultipleDependencyChain,
    IndependentOrder,
    SubjectMismatch,
    BareSubject,
    AntecedentBasis,
    AntecedentQuantity,
    UnclearTerm,
    DescriptionReference,
    ReferenceSign,
    DuplicateClaim,
    NarrowIndependent,
    CategoryCoverage,
    DescriptionSupport,
    TermConsistency,
    ReferenceNumeral,
    AbstractLength,
    TitleLength,
    TitleWording,
    FigureReference,
)

# codes of retired rules: never reuse them
RETIRED_CODES: frozenset[str] = frozenset()


def find_rule(key: str) -> type[Rule] | None:
    """A rule by name or code (case-insensitive for codes)."""
    for r in ALL_RULES:
        if key == r.name or key.upper() == r.code:
            return r
    return None


__all__ = ["ALL_RULES", "RETIRED_CODES", "Context", "Rule", "find_rule"]
