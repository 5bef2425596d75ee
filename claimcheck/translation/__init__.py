"""The translation check: a claim set compared with the claims it was translated from (or into)."""

from claimcheck.translation.compare import KINDS, Quote, TranslationFinding, compare
from claimcheck.translation.description import compare_descriptions
from claimcheck.translation.vocabulary import Vocabulary, load_glossary

__all__ = ["KINDS", "Quote", "TranslationFinding", "Vocabulary", "compare", "compare_descriptions", "load_glossary"]
