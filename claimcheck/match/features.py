"""Split claims into numbered technical features (1a, 1b …), as claim charts do.

An independent claim gives its subject as the first feature, then the features of its preamble and of its
characterizing part; a dependent claim gives the features of its limiting part.  Clauses are split at ；
and at commas that open a new element (所述…, 该…, 其中…, 还包括…), and a list after 包括 / 包含 / 设有
(包括A、B和C) gives one feature per item; a phrase is never cut in the middle.  Each feature is a verbatim
slice of the claim with its span in the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.model import Claim, ClaimSet, Span

_MARKERS = re.compile(
    r"其特征在于|其特征是|其特征为|特征在于|其改进在于|characteri[sz]ed in that|characteri[sz]ed by", re.I
)
_NEW_ELEMENT = re.compile(
    r"^(?:所述|该|其中|且|并且|以及|还包括|还设有|进一步包括|包括|设有|具有|wherein|and\b|the\b)", re.I
)
_LIST_INTRO = re.compile(r"^(?:还包括|进一步包括|包括有|包括|包含|含有|设有|具有|由)[：:]?")
_CONNECTORS = re.compile(r"^(?:其中|且|并且|以及|所述的?|该)")


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


def _clauses(t: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause spans of ``t[start:end]``: split at ；/; always and at ，/, before a new element."""
    out: list[tuple[int, int]] = []
    s = start
    i = start
    while i < end:
        ch = t[i]
        if ch in "；;：:" or (ch in "，," and _NEW_ELEMENT.match(t[i + 1 : i + 12].lstrip())):
            if i > s:
                out.append((s, i))
            s = i + 1
        i += 1
    if end > s:
        out.append((s, end))
    return out


def _trim(t: str, a: int, b: int) -> tuple[int, int]:
    while a < b and t[a] in " \t\n，,。.；;：:、":
        a += 1
    while b > a and t[b - 1] in " \t\n，,。.；;：:、":
        b -= 1
    return a, b


def claim_features(cs: ClaimSet, claim: Claim) -> list[Feature]:
    """The features of one claim."""
    flat = claim.flat
    if flat is None:
        return []
    t = flat.text
    out: list[tuple[int, int, str]] = []
    body_start = 0
    if not claim.is_independent:
        # the limiting part: after the reference part and the subject
        anchor = (
            claim.subject.span.end
            if claim.subject is not None
            else claim.reference.segment.span.end
            if claim.reference
            else 0
        )
        body_start = _flat_index(claim, anchor)
        kind_default = "limiting"
    else:
        kind_default = "preamble"
        if claim.subject is not None:
            s_start = _flat_index(claim, claim.subject.span.start)
            s_end = _flat_index(claim, claim.subject.span.end)
            lead = 2 if t[max(0, s_start - 2) : s_start] in ("一种", "一个") else 0
            out.append((s_start - lead, s_end, "subject"))
            body_start = s_end
    marker = _MARKERS.search(t, body_start)
    regions = [(body_start, len(t), kind_default)]
    if marker:
        after = "characterizing" if kind_default == "preamble" else "limiting"
        regions = [(body_start, marker.start(), kind_default), (marker.end(), len(t), after)]
    for r_start, r_end, kind in regions:
        for a, b in _clauses(t, r_start, r_end):
            a, b = _trim(t, a, b)
            if b - a < 2:
                continue
            clause = t[a:b]
            if _LIST_INTRO.fullmatch(clause):
                continue  # 其特征是，包括：A；B — the transition word alone is no feature
            intro = _LIST_INTRO.match(clause)
            if (
                intro
                and ("、" in clause or re.search(r"和|及|以及", clause))
                and not re.search(r"所述|该", clause[intro.end() :][:2])
            ):
                items = _list_items(t, a + intro.end(), b)
                if len(items) > 1:
                    out.extend((x, y, kind) for x, y in items)
                    continue
            cm = _CONNECTORS.match(clause)
            if cm and b - (a + cm.end()) >= 2 and cm.group(0) in ("其中", "且", "并且", "以及"):
                a += cm.end()
            out.append((a, b, kind))
    feats = []
    for i, (a, b, kind) in enumerate(out):
        feats.append(Feature(_id(claim.number, i), claim.number, t[a:b], flat.span(a, b), kind))
    return feats


def _flat_index(claim: Claim, offset: int) -> int:
    """The index in the claim's flat text of the first character at or after source ``offset``."""
    assert claim.flat is not None
    return claim.flat.index(offset)


def _list_items(t: str, start: int, end: int) -> list[tuple[int, int]]:
    """Items of a list ``A、B和C`` (and 以及 / 及 before the last item)."""
    cuts = [start]
    for m in re.finditer(r"、|以及|和|及", t[start:end]):
        cuts.append(start + m.start())
        cuts.append(start + m.end())
    cuts.append(end)
    items = []
    for k in range(0, len(cuts), 2):
        a, b = _trim(t, cuts[k], cuts[k + 1])
        if b - a >= 1:
            items.append((a, b))
    return items


def all_features(cs: ClaimSet, numbers: list[int] | None = None) -> list[Feature]:
    """Features of every claim (or of the numbered ones)."""
    out: list[Feature] = []
    for c in cs:
        if numbers is None or c.number in numbers:
            out.extend(claim_features(cs, c))
    return out
