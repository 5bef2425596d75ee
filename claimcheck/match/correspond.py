"""Which part of a document is the claim's part: correspondence of names established by the whole document.

A document may call the claim's 检测杆 a 测量杆 throughout.  For a claim part name (modifier + head), every name in
the document with the same or an alike head (器 / 罐) is a candidate; its name similarity is that of the modifiers
(thesaurus synonyms, else shared characters), and its *context* is how many of the claim's other parts the
paragraphs that use it also name.  A candidate with a similar name in the right company is taken as the part's
name in this document, for every feature (``once aligned, used everywhere``).  Nothing here depends on another
document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from claimcheck.match.concepts import Form
from claimcheck.match.vocab import HAN, Vocabulary, heads_alike, modifiers_alike, split_head

# characters that end a name going leftwards from its head (的测量杆 → 测量杆)
_LEFT_STOP = frozenset(
    "的和与及或在由有将被把从向至到沿以其各每两个该述为是上下内外中间侧端处一二三四五六七八九十多若设装连接置于"
)


@dataclass(frozen=True, slots=True)
class Alignment:
    """A claim part name taken to be a document's name, and how sure that is."""

    claim_name: str
    document_name: str
    strength: float
    name_similarity: float
    context: float


def _candidates(text: str, head: str, longest: int) -> dict[str, list[int]]:
    """Names ending in ``head`` in ``text`` and where they occur: whole words only (驱动电机 gives 驱动电机 and
    电机, never 动电机), with at most ``longest`` characters before the head."""
    from claimcheck.segment import segmenter

    cut = segmenter().cut
    out: dict[str, list[int]] = {}
    for m in re.finditer(re.escape(head), text):
        i = m.start()
        j = i
        while j > 0 and i - j < longest + 2 and HAN.match(text[j - 1]) and text[j - 1] not in _LEFT_STOP:
            j -= 1
        if j == i:
            continue
        window = text[j : i + len(head)]
        ends = 0
        starts = []
        for w in cut(window):
            starts.append(ends)
            ends += len(w)
        for s in starts:
            if 0 < len(window) - s - len(head) <= longest:
                out.setdefault(window[s:], []).append(i)
    return out


def align_part(
    name: str,
    text: str,
    paragraphs: list[tuple[int, int]],
    context: list[list[str]],
    vocab: Vocabulary,
    direct: set[str],
    others: Sequence[str] = (),
) -> Alignment | None:
    """The document's name for the claim part ``name``, or None.

    ``text`` is the document's plain text, ``paragraphs`` its paragraph bounds, ``context`` the forms of the claim's
    other parts (one list per part), ``direct`` the names the thesaurus already gives for ``name``, ``others`` the
    claim's other part names: a document name that is (or is more like) another part's is not this part's.
    """
    taken = {f for forms in context for f in forms}
    mod, head = split_head(name, vocab)
    if not mod or len(head) > 2:
        return None
    heads = {head} | {h for h in vocab.head_groups.get(head, frozenset()) if len(h) <= 2}
    best: Alignment | None = None
    for h in sorted(heads):
        for cand, where in _candidates(text, h, len(mod) + 1).items():
            if cand in direct or cand == name or cand in taken or any(cand.endswith(d) for d in direct | taken):
                continue  # the document uses the claim's own name there, or another part's
            cmod = cand[: -len(h)]
            if h != head and cmod != mod:
                continue  # another head and another modifier: another part
            sim = modifiers_alike(mod, cmod, vocab) * (1.0 if h == head else 0.85 if heads_alike(head, h, vocab) else 0)
            if sim < 0.5:
                continue
            rivals = (split_head(o, vocab) for o in others if o != name)
            if any(h2 == h and modifiers_alike(m2, cmod, vocab) > sim for m2, h2 in rivals):
                continue  # another part of the claim is more like it
            spans = [(a, b) for a, b in paragraphs if any(a <= i < b for i in where)]
            found = 0
            for forms in context:
                if any(f in text[a:b] for f in forms for a, b in spans):
                    found += 1
            ctx = min(1.0, found / 3) if context else 0.0
            if sim < 0.6 and ctx < 0.67:
                continue  # a name only half alike needs the right company
            strength = min(0.92, 0.7 * sim + 0.3 * ctx)
            if strength >= 0.55 and (best is None or strength > best.strength):
                best = Alignment(name, cand, strength, sim, ctx)
    return best


def as_form(a: Alignment) -> Form:
    """The alignment as a form of the claim part."""
    return Form(a.document_name, a.strength)
