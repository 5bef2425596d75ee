"""Claim diffs between two versions of a claim set, and the added-matter check against the original filing.

Claims are paired by content, not by number, so that renumbering (a claim deleted, the rest moved up)
shows as renumbering and not as every claim changed.  A claim whose dependency changed (its parents, read in
the new numbering, are other claims than before: 根据权利要求3 → 根据权利要求1, or a parent deleted) has changed
its scope, whatever its wording: it is ``changed`` with :attr:`ClaimChange.dependency` set, never renumbered.
Each pair is compared character by character on the line-joined text (Chinese has no spaces to diff on).
With the original application, every piece of text an amendment adds is looked up in the original claims and
description: found pieces cite their paragraph, pieces found nowhere are possible added matter (修改超范围,
专利法 第33条).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from claimcheck.application.model import Application
from claimcheck.model import Claim, ClaimSet

_SPLIT = re.compile(r"[，,；;：:。]|以及|并且|其中")


@dataclass
class Chunk:
    """One run of a character diff."""

    op: str  # "equal", "insert" or "delete"
    text: str


@dataclass
class Lookup:
    """Where an added feature was found in the original application."""

    feature: str
    found: bool
    where: str  # "claim 3", "[0012]" or "¶7"
    passage: str
    score: float


@dataclass(frozen=True)
class Dependency:
    """A changed dependency: the parents before (old numbers, and what became of them) and after (new numbers)."""

    old_refs: tuple[int, ...]
    old_in_new: tuple[int | None, ...]  # each old parent's new number; None: the parent was deleted
    new_refs: tuple[int, ...]

    def describe(self, lang: str = "zh") -> str:
        """One line for a reader: what the claim depended on and what it depends on now."""

        def old(i: int) -> str:
            n = self.old_in_new[i]
            r = self.old_refs[i]
            if lang == "en":
                return f"{r} (deleted)" if n is None else (f"{r} (now {n})" if n != r else str(r))
            return f"{r}（已删除）" if n is None else (f"{r}（现为{n}）" if n != r else str(r))

        before = "、".join(old(i) for i in range(len(self.old_refs))) or "—"
        after = "、".join(str(r) for r in self.new_refs) or "—"
        if lang == "en":
            before, after = before.replace("、", ", "), after.replace("、", ", ")
            return f"dependency changed, so the scope changed: was on claim(s) {before}, now on claim(s) {after}"
        return f"引用关系改变，保护范围随之改变：原引用权利要求{before}，现引用权利要求{after}"


@dataclass
class ClaimChange:
    """One claim of the new version and the old claim it continues (or None: an added claim)."""

    new: Claim | None
    old: Claim | None
    similarity: float
    status: str  # unchanged, renumbered, changed, added, deleted
    chunks: list[Chunk] = field(default_factory=list)
    lookups: list[Lookup] = field(default_factory=list)
    dependency: Dependency | None = None  # set when the claim now depends on other claims than before

    @property
    def added_text(self) -> list[str]:
        """The inserted runs."""
        return [c.text for c in self.chunks if c.op == "insert"]

    @property
    def removed_text(self) -> list[str]:
        """The deleted runs."""
        return [c.text for c in self.chunks if c.op == "delete"]


def _text(c: Claim) -> str:
    return c.flat.text if c.flat is not None else c.text.strip()


def _essence(c: Claim) -> str:
    """Text for pairing: claim numbers in the reference part do not count."""
    return re.sub(r"[0-9]+", "#", _text(c))


def pair_claims(old: ClaimSet, new: ClaimSet, threshold: float = 55.0) -> list[ClaimChange]:
    """Pair the claims of two versions by content; unpaired claims are added or deleted."""
    from rapidfuzz import fuzz

    scores = []
    for o in old:
        for n in new:
            scores.append(
                (fuzz.ratio(_essence(o), _essence(n)) + (0.5 if o.number == n.number else 0.0), o.number, n.number)
            )
    scores.sort(reverse=True)
    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs: dict[int, tuple[int, float]] = {}
    for score, o_num, n_num in scores:
        if score < threshold or o_num in used_old or n_num in used_new:
            continue
        used_old.add(o_num)
        used_new.add(n_num)
        pairs[n_num] = (o_num, min(score, 100.0))
    new_number = {o_num: n_num for n_num, (o_num, _) in pairs.items()}
    out: list[ClaimChange] = []
    for n in new:
        if n.number in pairs:
            o_num, score = pairs[n.number]
            found = old.get(o_num)
            assert found is not None
            o = found
            chunks = char_diff(_text(o), _text(n))
            changed = [c for c in chunks if c.op != "equal"]
            if not changed:
                status = "unchanged" if o.number == n.number else "renumbered"
            elif all(re.fullmatch(r"[0-9、,，或和至\-~～]*", c.text) for c in changed) and o.number != n.number:
                status = "renumbered"
            else:
                status = "changed"
            dependency = _dependency(o, n, new_number)
            if dependency is not None:
                status = "changed"
            out.append(ClaimChange(n, o, score, status, chunks, dependency=dependency))
        else:
            out.append(ClaimChange(n, None, 0.0, "added", [Chunk("insert", _text(n))]))
    for gone in old:
        if gone.number not in used_old:
            out.append(ClaimChange(None, gone, 0.0, "deleted", [Chunk("delete", _text(gone))]))
    return out


def _dependency(old: Claim, new: Claim, new_number: dict[int, int]) -> Dependency | None:
    """The change of a claim's parents, read in the new numbering; None when they are the same claims."""
    mapped = tuple(new_number.get(r) for r in old.refs)
    if set(mapped) == set(new.refs):
        return None
    return Dependency(tuple(old.refs), mapped, tuple(new.refs))


def char_diff(a: str, b: str) -> list[Chunk]:
    """Character diff of two texts, merged into runs."""
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    out: list[Chunk] = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            out.append(Chunk("equal", a[i1:i2]))
        else:
            if i2 > i1:
                out.append(Chunk("delete", a[i1:i2]))
            if j2 > j1:
                out.append(Chunk("insert", b[j1:j2]))
    return out


def added_features(change: ClaimChange) -> list[str]:
    """The pieces of added text worth looking up: the clauses the inserted runs fall in."""
    if change.new is None:
        return []
    text = _text(change.new)
    if change.status == "added":
        spans = [(0, len(text))]
    else:
        spans = []
        pos = 0
        for c in change.chunks:
            if c.op == "insert":
                lead = len(c.text) - len(c.text.lstrip("，,；;：:。 "))
                trail = len(c.text) - len(c.text.rstrip("，,；;：:。 "))
                if len(c.text) - lead - trail > 0:
                    spans.append((pos + lead, pos + len(c.text) - trail))
            if c.op != "delete":
                pos += len(c.text)
    out: list[str] = []
    bounds = [0] + [m.end() for m in _SPLIT.finditer(text)] + [len(text)]
    for s, e in spans:
        if not re.search(r"[\u4e00-\u9fffA-Za-z]{2}", text[s:e]):
            continue
        for k in range(len(bounds) - 1):
            a, b = bounds[k], bounds[k + 1]
            if a < e and s < b:
                clause = _SPLIT.sub("", text[a:b]).strip()
                clause = re.sub(r"^(?:根据|如)?权利要求[0-9、,，或和至\-~～任一项中]*所述的?", "", clause)
                if len(re.findall(r"[\u4e00-\u9fffA-Za-z]", clause)) >= 2 and clause not in out:
                    out.append(clause)
    return out


def check_added_matter(changes: list[ClaimChange], original: Application, threshold: float = 80.0) -> None:
    """Look every added feature up in the original claims and description (fills ``lookups``)."""
    from rapidfuzz import fuzz

    passages: list[tuple[str, str]] = [(f"claim {c.number}", _text(c)) for c in original.claims]
    if original.description is not None:
        passages += [(p.cite, p.text) for p in original.description.paragraphs]
    plain = [(w, re.sub(r"[（(][0-9a-zA-Z,，、 ]+[）)]|\s", "", t)) for w, t in passages]
    for change in changes:
        for feature in added_features(change):
            f = re.sub(r"[（(][0-9a-zA-Z,，、 ]+[）)]|\s", "", feature)
            f = re.sub(r"^(?:所述的|所述|该|其特征在于|还包括|进一步包括|包括)+", "", f)
            exact = next(((w, t) for (w, t), (_, pt) in zip(passages, plain, strict=True) if f and f in pt), None)
            if exact is not None:
                change.lookups.append(Lookup(feature, True, exact[0], _excerpt(exact[1], feature), 100.0))
                continue
            best = max(
                ((fuzz.partial_ratio(f, pt), w, t) for (w, t), (_, pt) in zip(passages, plain, strict=True)),
                default=(0.0, "", ""),
            )
            change.lookups.append(Lookup(feature, best[0] >= threshold, best[1], _excerpt(best[2], feature), best[0]))


def _excerpt(text: str, feature: str, width: int = 60) -> str:
    """A verbatim excerpt of ``text`` around the best match of ``feature``."""
    from rapidfuzz import fuzz

    if len(text) <= width:
        return text
    align = fuzz.partial_ratio_alignment(feature, text)
    if align is None:
        return text[:width]
    start = max(0, align.dest_start - 10)
    return text[start : start + max(width, align.dest_end - align.dest_start + 20)]
