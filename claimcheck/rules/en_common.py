"""What the English rules share within one lint of one claim set: each claim's noun phrases, read once."""

from __future__ import annotations

from claimcheck.analysis.english import Introductions, Phrase, WordMemo, phrases
from claimcheck.lexicon import Lexicons
from claimcheck.model import Claim, ClaimSet
from claimcheck.rules.base import Context

_KEY = "english-claims"


class EnglishClaims:
    """The noun phrases of the claims of one claim set, and their introductions, each computed on first use."""

    def __init__(self, cs: ClaimSet, lex: Lexicons) -> None:
        self.cs = cs
        self.lexicons = lex
        self._phrases: dict[int, list[Phrase]] = {}
        self._introductions: dict[int, Introductions] = {}
        self.memo = WordMemo(lex)  # each word's reading, shared by all claims of the set

    def phrases(self, c: Claim) -> list[Phrase]:
        """The noun phrases of a claim's (line-joined) text; the list is shared: do not change it."""
        found = self._phrases.get(id(c))
        if found is None:
            found = self._phrases[id(c)] = phrases(
                c.flat.text if c.flat is not None else c.text, self.lexicons, self.memo
            )
        return found

    def introductions(self, c: Claim) -> Introductions:
        """The claim's phrases indexed by head, for :meth:`Introductions.basis`."""
        found = self._introductions.get(id(c))
        if found is None:
            found = self._introductions[id(c)] = Introductions(self.phrases(c), self.lexicons, self.memo)
        return found


def english_claims(cs: ClaimSet, ctx: Context) -> EnglishClaims:
    """The shared reading of ``cs``, kept in ``ctx.cache`` for the other English rules of the same lint."""
    found = ctx.cache.get(_KEY)
    if not isinstance(found, EnglishClaims) or found.cs is not cs or found.lexicons is not ctx.lexicons:
        found = ctx.cache[_KEY] = EnglishClaims(cs, ctx.lexicons)
    return found
