"""The translation check: a claim set compared with the claims it was translated from (or into)."""

from claimcheck.translation.compare import KINDS, Quote, TranslationFinding, compare
from claimcheck.translation.vocabulary import Vocabulary, load_glossary

__all__ = ["KINDS", "Quote", "TranslationFinding", "Vocabulary", "compare", "load_glossary"]
