"""Description support: where the description uses each claim term (for W001/W002 and ``claimcheck support``)."""

from __future__ import annotations

from typing import Any

from claimcheck.analysis.terms import (
    MARKER,
    ClaimTerm,
    Openings,
    claim_terms,
    closest,
    description_terms,
    has_basis,
    head,
    may_read,
    normalise,
    openings,
)
from claimcheck.application.model import Description, Paragraph
from claimcheck.lexicon import Lexicons
from claimcheck.model import ClaimSet


def closest_description_term(term: str, desc: Description, lex: Lexicons) -> tuple[str, int] | None:
    """The description term closest to ``term`` and how often the description uses it (terms only, never a
    substring cut out of one; never a name that differs by 被 / 第一 / 上 … from ``term``)."""
    counts = description_terms(desc, lex)
    best = closest(term, {c: n for c, n in counts.items() if c[0] == term[0] or c[-1] == term[-1]})
    return (best, counts[best]) if best else None


def _uses(text: str, term: str, lex: Lexicons, at: Openings) -> bool:
    """Whether a paragraph's text (markers removed) uses ``term``: literally, as a part of a whole it uses
    (壳体顶部), or, for an ordinal label (第二链轮), through the term it labels (链轮). ``at``: the openings of
    ``text``, where a term may be introduced (a term that cannot start at one is not read)."""
    if term in text or (may_read(term, at) and has_basis(term, text, lex)):
        return True
    h = head(term)
    return h != term and (h in text or (may_read(h, at) and has_basis(h, text, lex)))


def term_support(
    cs: ClaimSet, desc: Description, lex: Lexicons | None = None
) -> list[tuple[ClaimTerm, list[Paragraph], list[Paragraph]]]:
    """For each claim term: the paragraphs outside the background that use it, and those in the background.

    Computed once per claim set, description and lexicons (kept in ``desc.cache``); the shipped lexicons by default.
    """
    lex = lex or Lexicons.default()
    cache: dict[Any, list[tuple[ClaimTerm, list[Paragraph], list[Paragraph]]]] = desc.cache.setdefault("support", {})
    key = ("|".join(str(c.span) for c in cs), lex)
    if key not in cache:
        # each paragraph normalised once, with the characters at which it may introduce a term
        texts = [(p, x, openings(x)) for p in desc.paragraphs for x in [MARKER.sub("|", normalise(p.text))]]
        out = []
        for t in claim_terms(cs, lex):
            body = [p for p, x, at in texts if p.section != "background" and _uses(x, t.text, lex, at)]
            background = [p for p, x, at in texts if p.section == "background" and _uses(x, t.text, lex, at)]
            out.append((t, body, background))
        cache[key] = out
    return cache[key]
