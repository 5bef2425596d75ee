"""Tokens of the prior-art index: Chinese words (rjieba), English words and numbers, in one safe alphabet.

Index and query go through the same function, so retrieval only needs it to be consistent with itself.
Chinese runs are segmented by rjieba (jieba's dictionary); Latin runs give lower-case words (a plural ``s``
dropped) and numbers keep their decimal point (``3.5``, ``1500``). Synonyms of ``lexicons/synonyms.toml`` fold
to the first word of their group; stop words (``lexicons/stopwords.toml``) and punctuation are dropped. Every token is made of CJK
ideographs, ASCII letters, digits and ``.`` only, so it can be written into an FTS5 or PostgreSQL query verbatim.
"""

from __future__ import annotations

import re

from claimcheck.lexicon import Lexicons, stop_words, synonym_groups

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_LATIN = re.compile(r"\d+(?:\.\d+)*|[a-z]+")
_HAS_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
SAFE = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaffa-z0-9.]+$")


def index_stop_words() -> frozenset[str]:
    """The words the index drops (Chinese and English): the shipped list only, so an index and its queries agree."""
    lex = Lexicons.default()
    return lex.table("index.stop", lambda lx: stop_words(lx, "index", "zh") | stop_words(lx, "index", "en"))


def synonyms(lex: Lexicons | None = None) -> dict[str, str]:
    """Word → the first word of its synonym group."""
    return (lex or Lexicons.default()).table("index.synonyms", _build_synonyms)


def _build_synonyms(lex: Lexicons) -> dict[str, str]:
    out: dict[str, str] = {}
    for group in synonym_groups(lex):
        if not SAFE.match(group[0]):
            continue
        for w in group:
            out.setdefault(w, group[0])
    return out


def _latin(run: str) -> list[str]:
    out = []
    for w in _LATIN.findall(run.lower()):
        if w[0].isalpha() and len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.append(w)
    return out


def index_tokens(text: str, syn: dict[str, str] | None = None) -> list[str]:
    """The tokens of ``text`` in reading order (duplicates kept: term frequency counts)."""
    syn = synonyms() if syn is None else syn
    stop = index_stop_words()
    if not _HAS_CJK.search(text):
        return [syn.get(w, w) for w in _latin(text) if w not in stop]
    from claimcheck.segment import segmenter

    out = []
    cjk = _CJK.fullmatch
    for w in segmenter().cut(text):
        if cjk(w):
            if w not in stop:
                out.append(syn.get(w, w))
        elif len(w) > 1 or w.isalnum():  # a single punctuation mark or space has nothing to keep
            parts = _CJK.findall(w) + _latin(_CJK.sub(" ", w)) if _HAS_CJK.search(w) else _latin(w)
            out.extend(syn.get(x, x) for x in parts if x not in stop)
    return out
