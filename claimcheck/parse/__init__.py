"""Parse a :class:`SourceText` into a :class:`ClaimSet`.

The parser splits claims, then reads each claim on a *flat* view of its text:
line breaks of wrapped lines removed and full-width digits folded, with a map
from every flat character back to its offset in the source, so that every
:class:`Segment` it produces carries a span into the original file.
"""

from __future__ import annotations

import re

from claimcheck.errors import InputError
from claimcheck.lazyre import lazy
from claimcheck.lexicon import Lexicons
from claimcheck.model.claim import MAX_CLAIM, Category, Claim, Kind, Reference, Segment
from claimcheck.model.claimset import ClaimSet, Directive
from claimcheck.model.flat import FlatText, flatten
from claimcheck.model.language import language_of
from claimcheck.model.source import SourceText, Span, fold_width
from claimcheck.parse import refs as R
from claimcheck.parse import structure as S
from claimcheck.parse.split import RawClaim, blank_ignored, split_claims

__all__ = ["FlatText", "flatten", "parse_source", "parse_text"]

# compiled on first use: claims in blocks (XML) and English claims only
_BLOCK_LABEL = lazy(r"[ \t\u3000]*(\d{1,5})[ \t]*[.、)](?!\d)[ \t\u3000]*")
_EN_DEP_BLOCK = lazy(
    r"\b(?:comprising|comprises|comprised|including|includes|consisting|consists|wherein|having|containing|contains|"
    r"characteri[sz]ed|encoding|encoded|made|obtained|produced)\b",
    re.I,
)
_EN_REF_LEAD = lazy(
    r"\s*(?:,\s*)?(?:(?:as\s+)?(?:claimed|defined|recited|set\s+forth|described)\s+in|according(?:\s+to)?|of|in|to|by|as\s+in|"
    r"in\s+accordance\s+with|under|nach(?:\s+de[nm])?|gem(?:äß|äss)(?:\s+de[nm])?|selon(?:\s+l[ae]s?)?|suivant(?:\s+l[ae]s?)?)\s*$",
    re.I,
)


def _raw_from_blocks(src: SourceText, folded: str, warnings: list[str]) -> list[RawClaim]:
    assert src.blocks is not None
    out: list[RawClaim] = []
    for i, (num, span) in enumerate(src.blocks):
        m = _BLOCK_LABEL().match(folded, span.start, span.end)
        if m:
            n = int(m.group(1))
            if num is not None and n != num:
                warnings.append(f"claim numbered {n} in its text but {num} in the XML num attribute")
            out.append(
                RawClaim(
                    n,
                    Span(m.start() + (len(m.group(0)) - len(m.group(0).lstrip())), span.end),
                    Span(m.start(), m.end()),
                )
            )
        else:
            n = num if num is not None else (out[-1].number + 1 if out else i + 1)
            out.append(RawClaim(n, span, Span(span.start, span.start)))
    return out


def parse_source(src: SourceText, lexicons: Lexicons | None = None) -> ClaimSet:
    """Parse the claims of ``src``; raise :class:`InputError` when there are none."""
    lex = lexicons or Lexicons.default()
    clean, directive_spans = blank_ignored(src.text)
    folded = fold_width(clean)
    warnings = list(src.warnings)
    raws = _raw_from_blocks(src, folded, warnings) if src.blocks is not None else split_claims(folded)
    if not raws:
        raise InputError(f"{src.path}: no claims found (expected numbered claims such as '1. 一种…')")
    too_high = next((r for r in raws if r.number > MAX_CLAIM), None)
    if too_high is not None:
        line, _ = src.position(too_high.span.start)
        raise InputError(f"{src.path}:{line}: claim number {too_high.number} is over the limit of {MAX_CLAIM:,} claims")
    language = language_of(clean)  # zh, en, de or fr: Latin-script claims share the patterns, not the references
    claims: list[Claim] = []
    by_number: dict[int, Claim] = {}
    for raw in raws:
        claim = _parse_claim(raw, clean, language, by_number, lex)
        line, col = src.position(raw.span.start)
        claim.line, claim.column = line, col
        claims.append(claim)
        by_number.setdefault(claim.number, claim)
    directives = []
    for span in directive_spans:
        following = next((c.number for c in claims if c.span.start > span.start), None)
        directives.append(Directive(span, src.text[span.start : span.end].strip(), following))
    return ClaimSet(src, claims, warnings=warnings, text=clean, directives=directives, language=language)


def parse_text(text: str, path: str = "<string>", lexicons: Lexicons | None = None) -> ClaimSet:
    """Parse claims from a string (convenience for tests and library users)."""
    return parse_source(SourceText(text, path=path), lexicons)


def _parse_claim(raw: RawClaim, clean: str, lang: str, earlier: dict[int, Claim], lex: Lexicons) -> Claim:
    english = lang != "zh"
    body_start = raw.label.end
    flat = flatten(clean, body_start, raw.span.end)
    t = flat.folded
    label = Segment(clean[raw.label.start : raw.label.end].strip(), Span(raw.label.start, raw.label.end))
    claim = Claim(
        number=raw.number,
        span=raw.span,
        label=label,
        body=Segment(clean[body_start : raw.span.end], Span(body_start, raw.span.end)),
        language=lang,
    )
    claim.flat = flat
    # the reference part is read first, at the head of the claim (English: in its preamble)
    ref = R.find_en_reference(t, raw.number, lang) if english else R.find_cn_reference(t, raw.number)
    at_start = ref is not None
    if ref is not None and english:
        prefix = t[: ref.start]
        at_start = len(prefix) < 200 and not _EN_DEP_BLOCK().search(prefix)
    subj: tuple[int, int] | None
    if ref is not None and at_start:
        claim.reference = Reference(
            flat.segment(ref.start, ref.end),
            ref.numbers,
            ref.connectors,
            ref.mode,
            any_of=ref.any_of,
            all_preceding=ref.all_preceding,
            bare_range=ref.bare_range,
            abbreviated=ref.abbreviated,
        )
        if english:
            lead = _EN_REF_LEAD().search(t[: ref.start])
            subj = S.subject_span(t[: lead.start() if lead else ref.start], 0, True)
        else:
            subj = S.subject_span(t, ref.end, False) if ref.has_end else None
            if subj is not None and "在" in t[: ref.start] and t[subj[1] - 1] == "中" and subj[1] - subj[0] > 1:
                subj = (subj[0], subj[1] - 1)  # 在权利要求1所述的方法中，…: the subject is 方法
        claim.kind = Kind.DEPENDENT
    else:
        subj = S.subject_span(t, 0, english)
        claim.kind = Kind.INDEPENDENT
    if not at_start:
        # a claim named later in the body (…采用权利要求1所述的方法制得) is a mention, not a dependency
        claim.mentions = R.all_mentions(t, english, lang)
    if subj is not None:
        claim.subject = flat.segment(*subj)
        claim.category = S.category_of(claim.subject.text if not english else t[subj[0] : subj[1]], english, lex)
    if claim.kind is Kind.DEPENDENT and claim.reference is not None:
        # the first existing earlier parent (found without walking "all preceding claims" to the end)
        first = next((earlier[n] for n in claim.reference.numbers if n in earlier and n < claim.number), None)
        if first is not None:
            pcat = first.category
            if claim.category is Category.UNKNOWN:
                claim.category = pcat
            elif claim.subject is not None and (
                (not english and _names_parent(claim.subject.text, first, lex))
                # 权利要求1所述的化合物在制备…中的应用: a use of the product (or method) of claim 1
                or (not english and claim.category is Category.USE and pcat not in (Category.USE, Category.UNKNOWN))
                or (
                    lang == "en" and not re.match(r"\s*the\b", t, re.I) and not _same_head_en(claim.subject.text, first)
                )
            ):
                # 根据权利要求1所述的方法制得的产品: another category built on claim 1
                claim.kind = Kind.INDEPENDENT
                claim.mentions = tuple(claim.reference.numbers)
    _two_part(claim, flat, english, subj, lex)
    return claim


def _names_parent(subject: str, parent: Claim, lex: Lexicons) -> bool:
    """True when ``subject`` names the parent's subject inside a longer phrase (方法制得的产品).

    Such a claim (根据权利要求1所述的方法制得的产品, 根据权利要求1所述的材料制成的容器) is an
    independent claim that builds on claim 1, not a dependent claim.
    """
    if parent.subject is None:
        return False
    head = S.head_noun(parent.subject.text, lex)
    return bool(head) and head in subject and not subject.endswith(head)


def _same_head_en(subject: str, parent: Claim) -> bool:
    """True when an English subject has the same head noun as the parent's subject."""
    if parent.subject is None:
        return True
    return S.head_noun_en(subject) == S.head_noun_en(parent.subject.text)


def _two_part(claim: Claim, flat: FlatText, english: bool, subj: tuple[int, int] | None, lex: Lexicons) -> None:
    t = flat.folded
    m = S.MARKER.search(t)
    if m:
        claim.marker = flat.segment(m.start(), m.end())
        pre_end = m.start()
        while pre_end > 0 and t[pre_end - 1] in "，,：: \t\n":
            pre_end -= 1
        if pre_end > 0:
            claim.preamble = flat.segment(0, pre_end)
        c_start = m.end()
        while c_start < len(t) and t[c_start] in "，,：: \t\n":
            c_start += 1
        c_end = len(t)
        while c_end > c_start and t[c_end - 1] in "。. \t\n":
            c_end -= 1
        if c_end > c_start:
            claim.characterizing = flat.segment(c_start, c_end)
    start = subj[1] if subj else 0
    tr = S.transition(t, start, english, lex)
    if tr is not None:
        claim.transition = flat.segment(tr[0], tr[1])
        claim.transition_type = tr[2]
