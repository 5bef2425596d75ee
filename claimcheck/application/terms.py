"""Reference numerals of claims and descriptions; claim terms are read by :mod:`claimcheck.analysis.terms`."""

from __future__ import annotations

from claimcheck.analysis.signs import claim_signs, is_sign_list, name_before, numeral_names, sign_list
from claimcheck.analysis.terms import ClaimTerm, same_part
from claimcheck.analysis.terms import claim_terms as read_claim_terms
from claimcheck.lexicon import Lexicons
from claimcheck.model import ClaimSet

__all__ = [
    "ClaimTerm",
    "claim_signs",
    "claim_terms",
    "is_sign_list",
    "name_before",
    "numeral_names",
    "same_part",
    "sign_list",
]


def claim_terms(cs: ClaimSet, lex: Lexicons | None = None) -> list[ClaimTerm]:
    """Every distinct term of the claims (:func:`claimcheck.analysis.terms.claim_terms`); shipped lexicons by default."""
    return read_claim_terms(cs, lex or Lexicons.default())
