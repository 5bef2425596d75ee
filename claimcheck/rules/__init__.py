"""The rule registry: one explicit, ordered tuple of every rule.

Names are the contract (config, suppressions, baselines); codes are short
aliases for typing and prefix selection, never reused.
"""

from __future__ import annotations

from claimcheck.rules.abstract import AbstractLength, TitleLength, TitleWording
from claimcheck.rules.andor import AndOr
from claimcheck.rules.antecedent import AntecedentBasis, AntecedentQuantity
from claimcheck.rules.base import Context, Rule
from claimcheck.rules.categories import CategoryReference, ParallelIndependent
from claimcheck.rules.clarity import DescriptionReference, DuplicateClaim, UnclearTerm
from claimcheck.rules.deps import (
    IndependentOrder,
    MultipleDependencyAlternative,
    MultipleDependencyChain,
    ReferenceForward,
    ReferenceMissing,
)
from claimcheck.rules.en_antecedent import EnglishAntecedentBasis
from claimcheck.rules.en_clarity import EnglishDescriptionReference, EnglishUnclearTerm
from claimcheck.rules.en_deps import EnglishMultipleDependencyAlternative, EnglishMultipleDependencyChain
from claimcheck.rules.en_form import EnglishClaimFees, EnglishTwoPartForm
from claimcheck.rules.en_signs import EnglishReferenceSign
from claimcheck.rules.figures import FigureReference
from claimcheck.rules.form import ClaimCount, ClaimNumbering, SingleSentence
from claimcheck.rules.functional import FunctionalFeature
from claimcheck.rules.names import ForeignWord, TradeName
from claimcheck.rules.numerals import ReferenceNumeral
from claimcheck.rules.patentable import ExcludedSubject, UtilityModelSubject
from claimcheck.rules.signs import ReferenceSign
from claimcheck.rules.strategy import CategoryCoverage, NarrowIndependent
from claimcheck.rules.subject import BareSubject, SubjectMismatch
from claimcheck.rules.support import DescriptionSupport, TermConsistency
from claimcheck.rules.twopart import TwoPartForm

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
    TwoPartForm,
    FunctionalFeature,
    AndOr,
    UtilityModelSubject,
    ExcludedSubject,
    ForeignWord,
    TradeName,
    CategoryReference,
    ParallelIndependent,
    EnglishAntecedentBasis,
    EnglishUnclearTerm,
    EnglishDescriptionReference,
    EnglishReferenceSign,
    EnglishMultipleDependencyAlternative,
    EnglishMultipleDependencyChain,
    EnglishTwoPartForm,
    EnglishClaimFees,
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
