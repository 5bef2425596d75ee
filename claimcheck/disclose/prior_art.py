"""Grant prospects from evidence: the key points of a disclosure against the closest documents.

The key points are the items of 关键点/欲保护点 (or, without that section, the sentences of the technical solution).
A *comparer* finds, for every key point, its best passage in each document; this module ranks the documents by the
points they show and names the points still new.  The comparer is given by the caller: :func:`text_comparer`
(character bigrams, no dependencies) here, or one built on ``claimcheck.match`` by the report layer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from claimcheck.disclose.criteria import Evidence
from claimcheck.disclose.sections import Disclosure

SHOWN = "shown"
PARTIAL = "partial"
NOT_FOUND = "not_found"
NOT_COMPARED = "not_compared"  # the document could not be compared on this point (a language without dictionary …)


@dataclass(frozen=True, slots=True)
class PointMatch:
    """The best passage of one document for one key point."""

    point: int  # index into the key points
    score: float
    verdict: str  # shown, partial, not_found, not_compared
    passage: str = ""
    location: str = ""
    reason: str = ""  # why not compared


# a comparer takes the key points and returns, for each document, its name and one match per point
Comparer = Callable[[list[str]], list[tuple[str, list[PointMatch]]]]


@dataclass
class DocumentResult:
    """What one document shows of the key points."""

    name: str
    matches: list[PointMatch]

    @property
    def shown(self) -> list[int]:
        """Key points the document shows."""
        return [m.point for m in self.matches if m.verdict == SHOWN]

    @property
    def partial(self) -> list[int]:
        """Key points the document shows in part."""
        return [m.point for m in self.matches if m.verdict == PARTIAL]

    @property
    def not_compared(self) -> list[int]:
        """Key points the document could not be compared on: neither shown nor not shown."""
        return [m.point for m in self.matches if m.verdict == NOT_COMPARED]

    @property
    def compared(self) -> bool:
        """Whether the document was compared on at least one key point."""
        return not self.matches or any(m.verdict != NOT_COMPARED for m in self.matches)

    @property
    def reason(self) -> str:
        """Why the document, or some of its points, could not be compared."""
        return next((m.reason for m in self.matches if m.verdict == NOT_COMPARED and m.reason), "")


@dataclass
class PriorArtResult:
    """The key points, the documents ranked closest first, the points still new and the grant prospect."""

    points: list[Evidence]
    documents: list[DocumentResult] = field(default_factory=list)
    prospect: str = "unknown"  # good, uncertain, poor, unknown (no documents)
    reason: str = ""

    @property
    def closest(self) -> DocumentResult | None:
        """The compared document showing most key points (a document not compared is never the closest)."""
        return next((d for d in self.documents if d.compared), None)

    @property
    def new_points(self) -> list[int]:
        """Key points no document shows, of those at least one document was compared on."""
        shown = {i for d in self.documents for i in d.shown}
        unverified = set(self.unverified)
        return [i for i in range(len(self.points)) if i not in shown and i not in unverified]

    @property
    def unverified(self) -> list[int]:
        """Key points no document could be compared on: neither shown nor new."""
        if not self.documents:
            return []
        compared = {m.point for d in self.documents for m in d.matches if m.verdict != NOT_COMPARED}
        return [i for i in range(len(self.points)) if i not in compared]

    @property
    def not_compared(self) -> list[DocumentResult]:
        """The documents that could not be compared at all."""
        return [d for d in self.documents if not d.compared]


_ITEM_SPLIT = re.compile(r"[；;。]|(?:^|\s)(?:[0-9]+[、.．)）]|[（(][0-9一二三四五六七八九十]+[)）]|[①②③④⑤⑥⑦⑧⑨⑩])")
_LEAD = re.compile(
    r"^\s*(?:[0-9]+[、.．)）]|[（(][0-9一二三四五六七八九十]+[)）]|[①②③④⑤⑥⑦⑧⑨⑩]|关键点|保护点|欲保护点)?[：:\s]*"
)


def key_points(d: Disclosure, limit: int = 8) -> list[Evidence]:
    """The key points to protect: the items of 关键点/欲保护点, else the first sentences of the technical solution."""
    blocks = d.section("key-points") or d.section("solution")
    out: list[Evidence] = []
    for b in blocks:
        pos = 0
        for m in [*_ITEM_SPLIT.finditer(b.text), None]:
            end = m.start() if m is not None else len(b.text)
            piece = b.text[pos:end]
            lead = _LEAD.match(piece)
            skip = lead.end() if lead else 0
            a, z = pos + skip, end
            pos = m.end() if m is not None else len(b.text)
            text = b.text[a:z].strip()
            if len(re.sub(r"[^\u4e00-\u9fffA-Za-z0-9]", "", text)) < 6:
                continue
            a = a + b.text[a:z].find(text)
            out.append(Evidence(text, b.line, b.section, b.span.start + a))
            if len(out) >= limit:
                return out
    return out


def _grams(text: str) -> set[str]:
    t = re.sub(r"[^\u4e00-\u9fffA-Za-z0-9]|所述|其中|包括|设置|一种|本发明|本实用新型", "", text)
    return {t[i : i + 2] for i in range(len(t) - 1)}


def text_comparer(documents: list[tuple[str, str]], shown: float = 0.6, partial: float = 0.35) -> Comparer:
    """A comparer on character bigrams: the share of a point's bigrams found in one sentence of the document."""
    split = [
        (name, [m for m in re.finditer(r"[^。；;\n]+", text) if len(m.group(0).strip()) >= 4])
        for name, text in documents
    ]

    def compare(points: list[str]) -> list[tuple[str, list[PointMatch]]]:
        out: list[tuple[str, list[PointMatch]]] = []
        for name, sentences in split:
            matches = []
            for i, p in enumerate(points):
                pg = _grams(p)
                best = (0.0, "")
                for s in sentences:
                    score = len(pg & _grams(s.group(0))) / len(pg) if pg else 0.0
                    if score > best[0]:
                        best = (score, s.group(0).strip())
                verdict = SHOWN if best[0] >= shown else PARTIAL if best[0] >= partial else NOT_FOUND
                matches.append(PointMatch(i, round(best[0], 3), verdict, best[1]))
            out.append((name, matches))
        return out

    return compare


def compare_prior_art(d: Disclosure, comparer: Comparer | None) -> PriorArtResult:
    """Rank the documents by the key points they show; the prospect follows from the points still new."""
    points = key_points(d)
    res = PriorArtResult(points)
    if comparer is None:
        res.reason = "未提供现有技术文献，授权前景需检索后评估"
        return res
    if not points:
        res.reason = "交底书未写明关键点或技术方案，无法与现有技术对比"
        return res
    docs = [DocumentResult(name, ms) for name, ms in comparer([p.quote for p in points])]
    docs.sort(key=lambda x: (not x.compared, -len(x.shown), -len(x.partial), -sum(m.score for m in x.matches)))
    res.documents = docs
    if not docs:
        res.reason = "未提供现有技术文献，授权前景需检索后评估"
        return res
    skipped = res.not_compared
    unread = "；".join(f"{d.name} {d.reason or '未比对'}" for d in skipped)
    closest = res.closest
    if closest is None:
        res.reason = f"所提供的文献均未能比对，授权前景需检索后评估（{unread}）"
        return res
    new = res.new_points
    if len(closest.shown) == len(points):
        res.prospect = "poor"
        res.reason = f"最接近的文献{closest.name}已公开全部{len(points)}个关键点，新颖性存疑"
    elif len(new) * 2 >= len(points) and len(closest.shown) + len(closest.partial) != len(points):
        res.prospect = "good"
        part = {i for d in docs for i in d.partial} & set(new)
        res.reason = f"{len(points)}个关键点中有{len(new)}个未见于所提供的文献" + (
            f"（其中{len(part)}个被部分公开）" if part else ""
        )
    else:
        res.prospect = "uncertain"
        res.reason = f"最接近的文献{closest.name}公开了{len(closest.shown)}个、部分公开了{len(closest.partial)}个关键点，需论证区别特征带来的技术效果"
    if skipped:
        res.reason += f"；{len(skipped)}篇文献未比对，结论不含这些文献（{unread}）"
    return res
