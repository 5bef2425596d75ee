"""The keyed match test set: for each corpus patent, documents written for it and the features each discloses.

Used by ``tests/test_match_docs.py`` and ``benchmarks/match.py``.  Every chart is built over all documents at once
(the patent's own test documents, the unrelated corpus descriptions, English claim sets as unrelated English
documents, a German document with a translation beside it and a Japanese one without).
"""

from __future__ import annotations

import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from claimcheck.match import build_chart, read_document
from claimcheck.match.documents import Document, attach_translation, translation_beside
from claimcheck.match.vocab import Vocabulary
from claimcheck.parse import parse_source
from claimcheck.readers import read_path

HERE = Path(__file__).parent
CORPUS = HERE.parent / "corpus"
KINDS = ("para", "en", "half")
UNRELATED_EN = ("EP3782854A1", "US6672019B1", "US4254395A")


def key() -> dict[str, dict[str, object]]:
    """The key file."""
    return tomllib.loads((HERE / "key.toml").read_text(encoding="utf-8"))


def publications(holdout: bool | None = None) -> list[str]:
    """The keyed patents: all, those used while tuning the vocabulary (False), or the hold-out ones (True)."""
    k = key()
    return sorted(p for p in k if holdout is None or bool(k[p].get("holdout", False)) == holdout)


def documents_for(pub: str, unrelated: int | None = None) -> list[Document]:
    """The patent's own test documents, then unrelated ones (all, or the first ``unrelated`` of each language)."""
    docs: list[Document] = []
    for kind in (*KINDS, "de", "ja"):
        p = HERE / f"{pub}.{kind}.txt"
        if p.is_file():
            d = read_document(p, kind)
            beside = translation_beside(p)
            docs.append(attach_translation(d, beside) if beside else d)
    others = sorted(p for p in (CORPUS / "cn").glob("*.desc.txt") if not p.name.startswith(pub))
    for p in others[:unrelated]:
        docs.append(read_document(p, "x-" + p.name.split(".")[0]))
    for name in UNRELATED_EN[:unrelated]:
        docs.append(read_document(CORPUS / "en" / f"{name}.txt", "x-" + name))
    return docs


@dataclass
class Tally:
    """Verdict counts of one kind of document."""

    keyed: int = 0  # features the key says the documents disclose
    found: int = 0  # of those, found (disclosed or partly)
    disclosed: int = 0  # of those, disclosed
    other: int = 0  # features the documents do not disclose
    false_disclosed: int = 0  # of those, said to be disclosed
    silent: int = 0  # features said not disclosed of a document that could not be compared
    not_compared: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)


def evaluate(
    pubs: list[str] | None = None, unrelated: int | None = None, vocab: Vocabulary | None = None
) -> dict[str, Tally]:
    """Tallies per kind of document: ``para``, ``en``, ``half``, ``unrelated-zh``, ``unrelated-en``, ``de``, ``ja``."""
    k = key()
    out: dict[str, Tally] = {}
    for pub in pubs or sorted(k):
        entry = k[pub]
        claims = list(entry["claims"])  # type: ignore[call-overload]
        cs = parse_source(read_path(CORPUS / "cn" / f"{pub}.txt"))
        docs = documents_for(pub, unrelated)
        chart = build_chart(cs, docs, claims, vocab=vocab)
        feats = [f for f in chart.features if f.kind != "subject"]
        for d in docs:
            if d.label.startswith("x-"):
                kind = "unrelated-zh" if d.language == "zh" else "unrelated-en"
                keyed: set[str] = set()
            else:
                kind = d.label
                spec = entry.get(kind, [])
                keyed = {f.id for f in feats} if spec == "all" else set(spec)  # type: ignore[arg-type]
            t = out.setdefault(kind, Tally())
            status = chart.statuses[d.label]
            for f in feats:
                v = chart.match(f, d.label).verdict
                t.verdicts[v] += 1
                if v == "not_compared":
                    t.not_compared += 1
                if not status.compared and v == "not_found":
                    t.silent += 1
                if f.id in keyed:
                    t.keyed += 1
                    t.found += v in ("disclosed", "partial")
                    t.disclosed += v == "disclosed"
                else:
                    t.other += 1
                    t.false_disclosed += v == "disclosed"
    return out
