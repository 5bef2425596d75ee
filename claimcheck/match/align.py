"""Align claim features with passages of prior-art documents.

Candidates are ranked per document with BM25 over word tokens (rjieba, the Rust port of jieba with
jieba's dictionary; synonyms from ``lexicons/synonyms.toml`` folded to one token).  The best candidates
are then scored with three measures kept separately:

* ``coverage``: the IDF-weighted share of the feature's tokens found in the passage;
* ``bigrams``: the share of the feature's character bigrams found in the passage (robust to segmentation);
* ``fuzzy``: rapidfuzz's partial ratio of feature and passage.

``score = 0.5 coverage + 0.3 bigrams + 0.2 fuzzy``; the verdict thresholds are in ``thresholds.toml``.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from claimcheck.analysis.signs import strip_signs
from claimcheck.lexicon import Lexicons
from claimcheck.match.documents import Document, Passage
from claimcheck.match.features import Feature
from claimcheck.model import Span

_STOP_ZH = ["所述", "的", "和", "及", "与", "在", "上", "中", "一种", "一个", "该", "其", "为", "是", "有", "并", "且"]
_STOP_ZH2 = ["或", "以", "对", "将", "被", "由", "于", "可", "其中", "包括", "具有", "设置"]
_STOP_EN = ["the", "a", "an", "of", "to", "and", "or", "in", "on", "at", "by", "with", "for", "is", "are", "said"]
_STOP = frozenset([*_STOP_ZH, *_STOP_ZH2, *_STOP_EN, "which", "that", "wherein"])
_PUNCT = re.compile(r"^[\W_]+$")


@cache
def thresholds() -> tuple[float, float]:
    """(disclosed, partial) score thresholds."""
    data = tomllib.loads(Path(__file__).with_name("thresholds.toml").read_text(encoding="utf-8"))
    return float(data["disclosed"]), float(data["partial"])


def _synonyms() -> dict[str, str]:
    return Lexicons.default().table("match.synonyms", _build_synonyms)


def _build_synonyms(lex: Lexicons) -> dict[str, str]:
    out: dict[str, str] = {}
    for group in lex.load("synonyms").get("groups", []):
        for w in group:
            out[w] = group[0]
    return out


def plain(text: str) -> str:
    """Text for matching: reference signs dropped, in brackets (壳体(1), 车架〔3〕) or bare (输送带98); values kept."""
    return strip_signs(text)


def tokens(text: str) -> list[str]:
    """Word tokens of a text, synonyms folded, stop words and punctuation dropped."""
    syn = _synonyms()
    if re.search(r"[\u4e00-\u9fff]", text):
        import rjieba

        words = rjieba.cut(plain(text))
    else:
        words = re.findall(r"[A-Za-z][A-Za-z\-]+|[0-9]+", text.lower())
        words = [w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words]
    out = []
    for w in words:
        w = w.strip()
        if not w or w in _STOP or _PUNCT.match(w):
            continue
        out.append(syn.get(w, w))
    return out


def _bigrams(text: str) -> set[str]:
    t = re.sub(r"[\s，,。.；;：:、（）()\"“”]|所述|该", "", plain(text))
    return {t[i : i + 2] for i in range(len(t) - 1)} if len(t) > 1 else {t}


@dataclass
class Match:
    """The best passage of one document for one feature."""

    document: str
    passage: Passage | None
    score: float
    coverage: float
    bigrams: float
    fuzzy: float
    verdict: str  # disclosed, partial, not_found


class Index:
    """BM25 over the passages of all documents, with IDF shared across them."""

    def __init__(self, documents: list[Document]) -> None:
        self.documents = documents
        self.passage_tokens: dict[str, list[list[str]]] = {}
        df: Counter[str] = Counter()
        n = 0
        total_len = 0
        for d in documents:
            toks = [tokens(p.text) for p in d.passages]
            self.passage_tokens[d.label] = toks
            for t in toks:
                df.update(set(t))
                total_len += len(t)
            n += len(toks)
        self.n = max(n, 1)
        self.avg_len = total_len / self.n if n else 1.0
        self.idf = {t: math.log(1 + (self.n - f + 0.5) / (f + 0.5)) for t, f in df.items()}
        self.default_idf = math.log(1 + (self.n + 0.5) / 0.5)

    def _bm25(self, query: list[str], doc: list[str], k1: float = 1.2, b: float = 0.75) -> float:
        tf = Counter(doc)
        score = 0.0
        for q in set(query):
            f = tf.get(q, 0)
            if f:
                score += (
                    self.idf.get(q, self.default_idf) * f * (k1 + 1) / (f + k1 * (1 - b + b * len(doc) / self.avg_len))
                )
        return score

    def best(self, feature: Feature, document: Document, candidates: int = 12) -> Match:
        """The best-scoring passage of ``document`` for ``feature``."""
        from rapidfuzz import fuzz

        disclosed, partial = thresholds()
        q = tokens(feature.text)
        ptoks = self.passage_tokens[document.label]
        ranked = sorted(range(len(ptoks)), key=lambda i: -self._bm25(q, ptoks[i]))[:candidates]
        qset = set(q)
        q_weight = sum(self.idf.get(t, self.default_idf) for t in qset) or 1.0
        fb = _bigrams(feature.text)
        best: Match = Match(document.label, None, 0.0, 0.0, 0.0, 0.0, "not_found")
        for i in ranked:
            p = document.passages[i]
            pset = set(ptoks[i])
            coverage = sum(self.idf.get(t, self.default_idf) for t in qset & pset) / q_weight if qset else 0.0
            bigram = len(fb & _bigrams(p.text)) / len(fb) if fb else 0.0
            fuzzy = fuzz.partial_ratio(plain(feature.text), plain(p.text)) / 100
            score = 0.5 * coverage + 0.3 * bigram + 0.2 * fuzzy
            if score > best.score:
                verdict = "disclosed" if score >= disclosed else "partial" if score >= partial else "not_found"
                best = Match(document.label, p, score, coverage, bigram, fuzzy, verdict)
        if best.passage is not None:
            best.passage = narrow(document, best.passage, feature.text)
        return best


def narrow(document: Document, p: Passage, query: str, room: int = 24) -> Passage:
    """The clauses of a long passage around its best alignment with ``query``; still a verbatim slice."""
    from rapidfuzz import fuzz

    if len(p.text) <= len(query) + 2 * room:
        return p
    align = fuzz.partial_ratio_alignment(query, p.text)
    if align is None:
        return p
    text = document.text
    a = p.span.start + align.dest_start
    b = p.span.start + align.dest_end
    # widen to the enclosing clauses, within the sentence
    while a > p.span.start and text[a - 1] not in "，,；;：:":
        a -= 1
    while b < p.span.end and text[b] not in "，,；;。.":
        b += 1
    if b < p.span.end and text[b] in "。.":
        b += 1
    return Passage(text[a:b], Span(a, b), p.paragraph, p.page)
