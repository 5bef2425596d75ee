"""The rule registry: one explicit, ordered table of every rule, its modules imported only when a rule runs.

Names are the contract (config, suppressions, baselines); codes are short
aliases for typing and prefix selection, never reused.  :data:`REGISTRY` gives
each rule's name, code, languages and the part of the application it needs
without importing it, so a lint of Chinese claims alone never loads the English
or the description rules; ``ALL_RULES`` (every rule class) imports them all.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from claimcheck.rules.base import Context, Rule


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What selection needs to know of a rule, and where its class lives (``claimcheck.rules.<module>``)."""

    name: str
    code: str
    module: str
    cls: str
    languages: tuple[str, ...] = ("zh",)
    needs: str | None = None  # "description", "abstract" or "title"

    def load(self) -> type[Rule]:
        """The rule class (its module imported on first use)."""
        rule: type[Rule] = getattr(importlib.import_module(f"claimcheck.rules.{self.module}"), self.cls)
        return rule


REGISTRY: tuple[RuleInfo, ...] = (
    RuleInfo("claim-numbering", "F001", "form", "ClaimNumbering", languages=("zh", "en", "de", "fr")),
    RuleInfo("single-sentence", "F002", "form", "SingleSentence"),
    RuleInfo("claim-count", "F003", "form", "ClaimCount", languages=("zh", "en")),
    RuleInfo("reference-missing", "D001", "deps", "ReferenceMissing", languages=("zh", "en", "de", "fr")),
    RuleInfo("reference-forward", "D002", "deps", "ReferenceForward", languages=("zh", "en", "de", "fr")),
    RuleInfo("multiple-dependency-alternative", "D003", "deps", "MultipleDependencyAlternative"),
    RuleInfo("multiple-dependency-chain", "D004", "deps", "MultipleDependencyChain"),
    RuleInfo("independent-order", "D005", "deps", "IndependentOrder"),
    RuleInfo("subject-mismatch", "S001", "subject", "SubjectMismatch", languages=("zh", "en")),
    RuleInfo("bare-subject", "S002", "subject", "BareSubject"),
    RuleInfo("antecedent-basis", "A001", "antecedent", "AntecedentBasis"),
    RuleInfo("antecedent-quantity", "A002", "antecedent", "AntecedentQuantity"),
    RuleInfo("unclear-term", "C001", "clarity", "UnclearTerm"),
    RuleInfo("description-reference", "C002", "clarity", "DescriptionReference"),
    RuleInfo("reference-sign", "C003", "signs", "ReferenceSign"),
    RuleInfo("duplicate-claim", "C004", "clarity", "DuplicateClaim", languages=("zh", "en")),
    RuleInfo("narrow-independent", "P001", "strategy", "NarrowIndependent"),
    RuleInfo("category-coverage", "P002", "strategy", "CategoryCoverage"),
    RuleInfo("description-support", "W001", "support", "DescriptionSupport", needs="description"),
    RuleInfo("term-consistency", "W002", "support", "TermConsistency"),
    RuleInfo("reference-numeral", "W003", "numerals", "ReferenceNumeral", needs="description"),
    RuleInfo("abstract-length", "W004", "abstract", "AbstractLength", needs="abstract"),
    RuleInfo("title-length", "W005", "abstract", "TitleLength", needs="title"),
    RuleInfo("title-wording", "W006", "abstract", "TitleWording", needs="title"),
    RuleInfo("figure-reference", "W007", "figures", "FigureReference", needs="description"),
    RuleInfo("two-part-form", "F004", "twopart", "TwoPartForm"),
    RuleInfo("functional-feature", "C005", "functional", "FunctionalFeature"),
    RuleInfo("and-or", "C006", "andor", "AndOr"),
    RuleInfo("utility-model-subject", "U001", "patentable", "UtilityModelSubject"),
    RuleInfo("excluded-subject", "U002", "patentable", "ExcludedSubject"),
    RuleInfo("foreign-word", "C007", "names", "ForeignWord"),
    RuleInfo("trade-name", "C008", "names", "TradeName"),
    RuleInfo("category-reference", "S003", "categories", "CategoryReference"),
    RuleInfo("parallel-independent", "P003", "categories", "ParallelIndependent"),
    RuleInfo("en-antecedent-basis", "A101", "en_antecedent", "EnglishAntecedentBasis", languages=("en",)),
    RuleInfo("en-unclear-term", "C101", "en_clarity", "EnglishUnclearTerm", languages=("en",)),
    RuleInfo("en-description-reference", "C102", "en_clarity", "EnglishDescriptionReference", languages=("en",)),
    RuleInfo("en-reference-sign", "C103", "en_signs", "EnglishReferenceSign", languages=("en",)),
    RuleInfo(
        "en-multiple-dependency-alternative",
        "D101",
        "en_deps",
        "EnglishMultipleDependencyAlternative",
        languages=("en",),
    ),
    RuleInfo("en-multiple-dependency-chain", "D102", "en_deps", "EnglishMultipleDependencyChain", languages=("en",)),
    RuleInfo("en-two-part-form", "F101", "en_form", "EnglishTwoPartForm", languages=("en",)),
    RuleInfo("en-claim-fees", "F102", "en_form", "EnglishClaimFees", languages=("en",)),
)

# codes of retired rules: never reuse them
RETIRED_CODES: frozenset[str] = frozenset()

ALL_RULES: tuple[type[Rule], ...]  # every rule class, in registry order: imported on first access (__getattr__)


def __getattr__(name: str) -> tuple[type[Rule], ...]:
    if name == "ALL_RULES":
        return tuple(info.load() for info in REGISTRY)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def find_info(key: str) -> RuleInfo | None:
    """A rule's registry entry by name or code (case-insensitive for codes)."""
    for info in REGISTRY:
        if key == info.name or key.upper() == info.code:
            return info
    return None


def find_rule(key: str) -> type[Rule] | None:
    """A rule by name or code (case-insensitive for codes)."""
    info = find_info(key)
    return info.load() if info is not None else None


__all__ = ["ALL_RULES", "REGISTRY", "RETIRED_CODES", "Context", "Rule", "RuleInfo", "find_info", "find_rule"]
