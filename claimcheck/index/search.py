"""Searching an index: the closest documents to a query or a claim set, with the passages that matched.

The query is segmented like the documents. Its most telling tokens are kept (rarest first, until their posting
lists add up to a budget): a claim set gives hundreds of tokens, and the common ones (装置, 连接) would make the
full-text engine score most of the collection while adding almost nothing to the ranking. The engine ranks
documents (BM25 in SQLite, ``ts_rank`` in PostgreSQL); the best document of each family is kept; in each hit,
passages are scored by the IDF-weighted share of the query's tokens they contain, and the best ones are quoted
verbatim with their paragraph.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from claimcheck.errors import InputError
from claimcheck.index.store import Store, StoredDoc
from claimcheck.index.tokens import index_tokens, synonyms
from claimcheck.match import Document, Passage
from claimcheck.model import ClaimSet, Span

MAX_TERMS = 128
POSTINGS_BUDGET = 40_000


@dataclass(frozen=True, slots=True)
class HitPassage:
    """A passage of a hit: its paragraph (and page), its verbatim text and its share of the query."""

    location: str
    text: str
    score: float
    start: int
    end: int


@dataclass
class Hit:
    """One document (the best of its family) found for a query."""

    rank: int
    number: str
    title: str
    path: str
    score: float
    passages: list[HitPassage] = field(default_factory=list)
    family: list[tuple[str, str]] = field(default_factory=list)  # other members: (number, path)
    doc: StoredDoc | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class Query:
    """A query's tokens and their weights."""

    tokens: tuple[str, ...]  # sent to the engine
    idf: dict[str, float]  # every query token found in the index


def make_query(store: Store, text: str) -> Query:
    """Segment ``text`` and choose the tokens to send to the engine."""
    syn = synonyms()
    unique = list(dict.fromkeys(index_tokens(text, syn)))
    df = store.doc_freq(unique)
    n = max(store.count(), 1)
    idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}
    chosen: list[str] = []
    postings = 0
    for t in sorted(df, key=lambda t: (df[t], t)):
        if len(chosen) >= MAX_TERMS or (chosen and postings + df[t] > POSTINGS_BUDGET):
            break
        chosen.append(t)
        postings += df[t]
    return Query(tuple(chosen), idf)


def score_passages(doc: StoredDoc, query: Query, best: int = 3) -> list[HitPassage]:
    """The passages of ``doc`` sharing most of the query's weight, at most one per paragraph."""
    total = sum(query.idf.values()) or 1.0
    syn = synonyms()
    scored: list[tuple[float, int, int, str]] = []
    for a, b, label, page in doc.passages:
        toks = set(index_tokens(doc.text[a:b], syn))
        share = sum(w for t, w in query.idf.items() if t in toks) / total
        if share > 0:
            scored.append((share, a, b, f"{label}, p.{page}" if page else label))
    scored.sort(key=lambda s: (-s[0], s[1]))
    out: list[HitPassage] = []
    seen: set[str] = set()
    for share, a, b, loc in scored:
        if loc in seen:
            continue
        seen.add(loc)
        out.append(HitPassage(loc, doc.text[a:b], round(share, 3), a, b))
        if len(out) == best:
            break
    return out


def search(store: Store, text: str, top: int = 10, passages: int = 3) -> list[Hit]:
    """The ``top`` closest families to ``text``, best first."""
    query = make_query(store, text)
    if not query.tokens or top <= 0:
        return []
    ranked = store.ranked(query.tokens, top * 4 + 10)
    docs = {d.id: d for d in store.documents([i for i, _ in ranked])}
    hits: list[Hit] = []
    families: set[int] = set()
    for doc_id, score in ranked:
        doc = docs.get(doc_id)
        if doc is None or doc.family in families:
            continue
        families.add(doc.family)
        members = [(n, p) for n, p in store.members(doc.family) if p != doc.path]
        hits.append(
            Hit(
                len(hits) + 1,
                doc.number,
                doc.title,
                doc.path,
                round(score, 4),
                score_passages(doc, query, passages),
                members,
                doc,
            )
        )
        if len(hits) == top:
            break
    return hits


def query_text(arg: str, max_bytes: int | None = None) -> str:
    """The query: the text of a claim file (or of any document ``match`` reads) when ``arg`` names one, else ``arg``."""
    p = Path(arg)
    if len(arg) < 1024 and "\n" not in arg and p.is_file():
        from claimcheck.application import load_application

        try:
            app = load_application(p, max_bytes=max_bytes)
            return "\n".join(c.text for c in app.claims.claims)
        except Exception:  # not a claim set: search with the whole document
            from claimcheck.match import read_document

            return read_document(p, p.stem, max_bytes).text
    return arg


def as_document(doc: StoredDoc, label: str) -> Document:
    """A stored document as ``match`` reads it: same text, same passages, same paragraph labels."""
    passages = [Passage(doc.text[a:b], Span(a, b), para, page) for a, b, para, page in doc.passages]
    return Document(label, doc.path, doc.text, passages, doc.language)


def candidates(store: Store, claim_texts: Sequence[str], top: int = 20) -> list[Hit]:
    """Candidate prior art for a claim set: each group of claims searched, the rankings fused, ``top`` kept.

    ``claim_texts`` holds one text per independent claim (with its dependent claims); reciprocal-rank fusion
    gives each group its own best documents rather than letting the longest group decide alone.
    """
    fused: dict[int, float] = {}
    by_family: dict[int, Hit] = {}
    for text in claim_texts:
        for hit in search(store, text, top, passages=0):
            assert hit.doc is not None
            fam = hit.doc.family
            fused[fam] = fused.get(fam, 0.0) + 1.0 / (60 + hit.rank)
            if fam not in by_family or hit.score > by_family[fam].score:
                by_family[fam] = hit
    order = sorted(fused, key=lambda f: -fused[f])[:top]
    out = []
    for rank, fam in enumerate(order, start=1):
        hit = by_family[fam]
        hit.rank = rank
        out.append(hit)
    return out


def claim_groups(cs: ClaimSet) -> list[str]:
    """One query per independent claim: its text followed by the claims that depend on it."""
    groups = []
    for ind in cs.independent:
        texts = [ind.text] + [c.text for c in cs.claims if c is not ind and ind in cs.roots(c)]
        groups.append("\n".join(texts))
    return groups or ["\n".join(c.text for c in cs.claims)]


def is_translation(path: Path) -> bool:
    """Whether ``path`` is a translation put beside another document (D1.zh.txt beside D1.pdf)."""
    from claimcheck.match.documents import TRANSLATION_SUFFIXES

    for suffix in TRANSLATION_SUFFIXES:
        if path.stem.endswith(suffix):
            base = path.stem[: -len(suffix)]
            return any(p != path and p.stem == base for p in path.parent.glob(glob_escape(base) + ".*"))
    return False


def glob_escape(text: str) -> str:
    """``text`` with the glob wildcards escaped."""
    return "".join(f"[{c}]" if c in "*?[" else c for c in text)


def prior_art(
    cs: ClaimSet,
    against: Sequence[Path] = (),
    index: str | None = None,
    top: int = 20,
    max_bytes: int | None = None,
) -> list[Document]:
    """The documents ``match`` aligns a claim set with: the files given (a folder gives every document in it),
    then the ``top`` candidates an index retrieves for the claim set, labelled D1, D2 … in that order."""
    from claimcheck.index.collect import iter_files
    from claimcheck.index.location import open_store
    from claimcheck.match import read_document

    docs: list[Document] = []
    seen: set[str] = set()
    for p in against:
        if not p.exists():
            raise InputError(f"{p}: no such file or folder")
        for f in iter_files([p]):
            if p.is_dir() and is_translation(f):
                continue  # match reads it with its original
            docs.append(read_document(f, f"D{len(docs) + 1}", max_bytes))
            seen.add(os.path.abspath(f))
    if index is not None:
        with open_store(index, readonly=True) as store:
            for hit in candidates(store, claim_groups(cs), top):
                assert hit.doc is not None
                if hit.doc.path in seen:
                    continue
                docs.append(as_document(hit.doc, f"D{len(docs) + 1}"))
    return docs
