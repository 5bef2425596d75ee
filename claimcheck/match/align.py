"""Align claim features with passages of one prior-art document, by what the parts are and do.

A feature is read as units (:mod:`claimcheck.match.concepts`): part names, relations, values.  A passage shows a
unit through one of its forms — the unit itself, a thesaurus or glossary synonym, a part name rebuilt from
synonymous modifier and head, a specific name for a generic one, the document's own name for the part
(:mod:`claimcheck.match.correspond`), or, in an English document, a dictionary rendering.  The passage's score is
the weighted share of the feature's units it shows (``coverage``); for a verbatim check two surface measures are
kept beside it: ``bigrams`` (the share of the feature's character bigrams in the passage) and ``fuzzy``
(rapidfuzz's partial ratio).  ``score = max(coverage, 0.5 coverage + 0.3 bigrams + 0.2 fuzzy)``.

Verdicts (thresholds in ``thresholds.toml``): ``disclosed`` when the score reaches the first threshold and every
part of the feature is shown; ``partial`` from the second; ``not_found`` below; ``not_compared`` when the
document cannot be read with confidence (a language with no dictionary, or a feature whose words the dictionary
does not cover) — never ``not_found`` then.

Everything a verdict uses comes from the feature, the claims and this one document: no statistic is shared
between documents, so adding a document never changes another's verdicts.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Protocol

from claimcheck.analysis.signs import strip_signs
from claimcheck.lexicon import Lexicons, synonym_groups
from claimcheck.match.concepts import (
    Form,
    Unit,
    english_stems,
    forms_en,
    forms_same_en,
    forms_zh,
    forms_zh_of_en,
    units,
)
from claimcheck.match.correspond import Alignment, align_part, as_form
from claimcheck.match.documents import Document, Passage
from claimcheck.match.features import Feature
from claimcheck.match.vocab import HAN, Vocabulary, default_vocabulary
from claimcheck.model import Span

_STOP_ZH = ["所述", "的", "和", "及", "与", "在", "上", "中", "一种", "一个", "该", "其", "为", "是", "有", "并", "且"]
_STOP_ZH2 = ["或", "以", "对", "将", "被", "由", "于", "可", "其中", "包括", "具有", "设置"]
_STOP_EN = ["the", "a", "an", "of", "to", "and", "or", "in", "on", "at", "by", "with", "for", "is", "are", "said"]
_STOP = frozenset([*_STOP_ZH, *_STOP_ZH2, *_STOP_EN, "which", "that", "wherein"])
_PUNCT = re.compile(r"^[\W_]+$")
LANGUAGE_ZH = {"zh": "中文", "en": "英文", "de": "德文", "fr": "法文", "ja": "日文"}
LANGUAGE_EN = {"zh": "Chinese", "en": "English", "de": "German", "fr": "French", "ja": "Japanese"}
# the kinds of unit that name a thing: Chinese part names, English content words
PART_KINDS = frozenset({"part", "word"})
# below this share of a feature's weight the dictionary covers, the feature is not compared
MIN_COVERAGE = 0.6


@cache
def thresholds() -> tuple[float, float]:
    """(disclosed, partial) score thresholds."""
    data = tomllib.loads(Path(__file__).with_name("thresholds.toml").read_text(encoding="utf-8"))
    return float(data["disclosed"]), float(data["partial"])


def _synonyms() -> dict[str, str]:
    return Lexicons.default().table("match.synonyms", _build_synonyms)


def _build_synonyms(lex: Lexicons) -> dict[str, str]:
    out: dict[str, str] = {}
    for group in synonym_groups(lex):
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
        from claimcheck.segment import segmenter

        words = segmenter().cut(plain(text))
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


class Embedder(Protocol):
    """A sentence-embedding backend: unit vectors for texts (see :mod:`claimcheck.match.embed`)."""

    def similarities(self, query: str, texts: Sequence[str]) -> list[float]:
        """Cosine similarity of ``query`` with each text."""
        ...


@dataclass
class Match:
    """The best passage of one document for one feature."""

    document: str
    passage: Passage | None
    score: float
    coverage: float
    bigrams: float
    fuzzy: float
    verdict: str  # disclosed, partial, not_found, not_compared
    translated: str | None = None  # the passage of the user's translation the match was found in
    shown: tuple[tuple[str, str, float], ...] = ()  # (feature unit, what the passage says, strength)
    missing: tuple[str, ...] = ()  # parts of the feature the passage does not show
    reason: str = ""  # why not compared
    embedding: float | None = None


@dataclass
class DocumentStatus:
    """Whether a document could be compared with the claims, and why not."""

    label: str
    language: str
    via: str  # "text", "translation", "dictionary", "embedding", "none"
    compared: bool = True
    reason_zh: str = ""
    reason_en: str = ""
    uncovered: list[str] = field(default_factory=list)  # features the dictionary does not cover


@dataclass
class _View:
    """What matching reads of one document: its passages in the language compared, normalised."""

    lang: str
    passages: list[Passage]
    texts: list[str]
    full: str
    paragraphs: list[tuple[int, int]]
    original: list[int] | None  # translated passage -> original passage index
    aligned: dict[str, Alignment | None] = field(default_factory=dict)
    forms: dict[tuple[str, str], list[Form]] = field(default_factory=dict)
    words: frozenset[str] = frozenset()
    wholes: frozenset[int] = frozenset()  # passages that are a whole paragraph of several sentences
    raw: list[str] | None = None  # the passages' texts, for the embedding model


def _paragraph_bounds(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


class Index:
    """Matches features with documents, each document on its own.

    ``claims_language`` is the language of the claims (``zh`` or ``en``); ``parts`` the part names of the whole
    claim set, the context that establishes which name a document gives each part.
    """

    def __init__(
        self,
        documents: list[Document],
        vocab: Vocabulary | None = None,
        claims_language: str = "zh",
        parts: Sequence[str] = (),
        embedder: Embedder | None = None,
    ) -> None:
        self.documents = documents
        self.vocab = vocab or default_vocabulary()
        self.claims_language = claims_language
        self.parts = list(dict.fromkeys(parts))
        self._part_set = frozenset(self.parts)
        self._part_forms: dict[str, list[str]] = {}
        self.embedder = embedder
        # by the document object itself (two documents may share a label); the document is kept with its view
        self._views: dict[int, tuple[Document, _View | None]] = {}

    # ------------------------------------------------------------------ views and status

    def view(self, document: Document) -> _View | None:
        """The passages matching reads (the document's own, or its translation's), or None if none fits."""
        key = id(document)
        if key not in self._views or self._views[key][0] is not document:
            self._views[key] = (document, self._make_view(document))
        return self._views[key][1]

    def _make_view(self, document: Document) -> _View | None:
        claims = self.claims_language
        if document.translation is not None and document.translation.language == claims:
            t = document.translation
            return self._build(t.language, t.passages, t.text, t.original)
        if document.language == claims or (claims, document.language) in (("zh", "en"), ("en", "zh")):
            return self._build(document.language, document.passages, document.text, None)
        return None

    def _build(self, lang: str, passages: list[Passage], text: str, original: list[int] | None) -> _View:
        if lang == "zh":
            texts = [plain(p.text) for p in passages]
            full = plain(text)
        else:
            texts = [english_stems(p.text) for p in passages]
            full = english_stems(text)
        bounds = _paragraph_bounds(full if lang == "zh" else text)
        words = frozenset(full.split()) if lang != "zh" else frozenset()
        groups: dict[str, list[int]] = {}
        for i, p in enumerate(passages):
            groups.setdefault(p.paragraph, []).append(i)
        wholes = frozenset(g[-1] for g in groups.values() if len(g) > 1)
        return _View(lang, passages, texts, full, bounds, original, words=words, wholes=wholes)

    def status(self, document: Document, features: Sequence[Feature] = ()) -> DocumentStatus:
        """Whether ``document`` can be compared with the claims, and on what (text, translation, dictionary)."""
        lang = document.language
        view = self.view(document)
        name_zh, name_en = LANGUAGE_ZH.get(lang, lang), LANGUAGE_EN.get(lang, lang)
        if view is None:
            if self.embedder is not None:
                return DocumentStatus(document.label, lang, "embedding")
            beside = Path(document.path).stem + ".zh.txt"
            return DocumentStatus(
                document.label,
                lang,
                "none",
                False,
                f"未比对：{name_zh}文献，无{name_zh}词典，请在其旁提供译文（{beside}）",
                f"not compared: {name_en} document, no {name_en} dictionary; put a translation beside it ({beside})",
            )
        if document.translation is not None and view.original is not None:
            return DocumentStatus(document.label, lang, "translation")
        if view.lang == self.claims_language:
            return DocumentStatus(document.label, lang, "text")
        if self.embedder is not None:
            return DocumentStatus(document.label, lang, "embedding")
        own = [f for f in features if f.kind != "subject"]
        uncovered = [f.id for f in own if self.coverage(f, view) < MIN_COVERAGE]
        status = DocumentStatus(document.label, lang, "dictionary", uncovered=uncovered)
        if own and len(uncovered) * 3 > len(own):
            status.compared = False
            status.reason_zh = f"未比对：{name_zh}文献，词典未覆盖{len(own)}个特征中的{len(uncovered)}个"
            status.reason_en = (
                f"not compared: {name_en} document, no dictionary coverage for {len(uncovered)} of {len(own)} features"
            )
        return status

    # ------------------------------------------------------------------ forms

    def _units(self, feature: Feature, topic: frozenset[str]) -> list[Unit]:
        return units(feature.text, self.vocab, topic)

    def _forms(self, unit: Unit, view: _View) -> list[Form]:
        key = (unit.text, unit.kind)
        if key in view.forms:
            return view.forms[key]
        claims_zh = self.claims_language == "zh"
        if claims_zh and view.lang == "zh":
            # a name the claim gives another part is never this part's (控制器 is no 控制箱)
            forms = [f for f in forms_zh(unit, self.vocab) if f.strength >= 0.95 or f.text not in self._part_set]
            if unit.kind == "part":
                a = self._aligned(unit.text, view, {f.text for f in forms})
                if a is not None:
                    forms = [*forms, as_form(a)]
        elif claims_zh:
            forms = forms_en(unit, self.vocab)
        elif view.lang == "en":
            forms = forms_same_en(unit, self.vocab)
        else:
            forms = forms_zh_of_en(unit, self.vocab)
        view.forms[key] = forms
        return forms

    def _aligned(self, name: str, view: _View, direct: set[str]) -> Alignment | None:
        if name not in view.aligned:
            if not self._part_forms:
                for p in self.parts:  # the Chinese names of every claim part, once per index
                    self._part_forms[p] = [f.text for f in forms_zh(Unit(p, "part", 1.0), self.vocab)]
            context = [forms for p, forms in self._part_forms.items() if p != name]
            view.aligned[name] = align_part(name, view.full, view.paragraphs, context, self.vocab, direct, self.parts)
        return view.aligned[name]

    def alignments(self, document: Document) -> list[Alignment]:
        """The part names this document was found to give the claim's parts (for the user to confirm)."""
        view = self.view(document)
        return [a for a in (view.aligned.values() if view else ()) if a is not None]

    def coverage(self, feature: Feature, view: _View) -> float:
        """The share of the feature's weight that has a form in the view's language."""
        us = self._units(feature, frozenset())
        total = sum(u.weight for u in us if u.kind != "generic")
        if not total:
            return 1.0
        return sum(u.weight for u in us if u.kind != "generic" and self._forms(u, view)) / total

    # ------------------------------------------------------------------ matching

    def best(self, feature: Feature, document: Document, candidates: int = 12) -> Match:
        """The best-scoring passage of ``document`` for ``feature``; never ``not_compared`` (legacy callers)."""
        m = self.compare(feature, document)
        if m.verdict == "not_compared":
            m.verdict = "not_found"
        return m

    def compare(
        self,
        feature: Feature,
        document: Document,
        topic: frozenset[str] = frozenset(),
        lead: str = "",
        neighbours: Sequence[str] = (),
    ) -> Match:
        """The best passage of ``document`` for ``feature`` and the verdict.

        ``topic``: words of the claim's subject, which weigh little; ``lead``: the feature before, whose parts a
        feature that names none speaks of (…散热槽，且数量若干); ``neighbours``: the other parts of the claim — a
        feature of one part is disclosed only by a paragraph that also names one of them.
        """
        view = self.view(document)
        empty = Match(document.label, None, 0.0, 0.0, 0.0, 0.0, "not_found")
        if view is None and self.embedder is None:
            empty.verdict = "not_compared"
            empty.reason = f"{LANGUAGE_EN.get(document.language, document.language)} document, no dictionary"
            return empty
        if view is None:
            return self._embedding_only(feature, document, empty)
        us = self._units(feature, topic)
        if lead and not any(u.kind in PART_KINDS for u in us):
            own = {u.text for u in us}
            us += [u for u in units(lead, self.vocab, topic) if u.kind in PART_KINDS and u.text not in own]
        if not us:
            return empty
        cross = view.lang != self.claims_language
        if cross and self.embedder is None and self.coverage(feature, view) < MIN_COVERAGE:
            empty.verdict = "not_compared"
            empty.reason = "no dictionary coverage"
            return empty
        hits: list[dict[int, tuple[float, str]]] = []
        for u in us:
            found: dict[int, tuple[float, str]] = {}
            for f in self._forms(u, view):
                for i in self._where(f, view):
                    if i not in found or found[i][0] < f.strength:
                        found[i] = (f.strength, f.text.strip())
            hits.append(found)
        total = sum(u.weight for u in us)
        own = {u.text for u in self._units(feature, topic)}
        parts = [k for k, u in enumerate(us) if u.kind in PART_KINDS]
        required = parts + [k for k, u in enumerate(us) if u.kind == "value" and u.text in own]
        relations = [k for k, u in enumerate(us) if u.kind == "action" and self._specific(u.text)]
        anchor = parts or [k for k, u in enumerate(us) if u.kind != "generic"]
        pool = {i for k in anchor for i in hits[k]} or {i for h in hits for i in h}
        sims = self._similarities(feature, view) if self.embedder is not None else None
        if sims is not None:
            pool |= set(sorted(range(len(sims)), key=lambda i: -sims[i])[:5])
        if not pool:
            return empty
        disclosed, partial = thresholds()

        def strength(k: int, i: int) -> float:
            return hits[k].get(i, (0.0, ""))[0]

        def evaluate(i: int) -> tuple[float, float, float]:
            cov = sum(u.weight * strength(k, i) for k, u in enumerate(us)) / total
            score = cov if sims is None else max(cov, 0.6 * cov + 0.4 * sims[i])
            if i in view.wholes:
                score *= 0.92  # a feature said in one clause, found only across the sentences of a paragraph
            weakest = min((strength(k, i) for k in required), default=1.0)
            if relations:
                weakest = min(weakest, max(strength(k, i) for k in relations))
            return score, cov, weakest

        scored = {i: evaluate(i) for i in pool}
        ranked = sorted(pool, key=lambda i: (scored[i][0], -len(view.passages[i].text)), reverse=True)
        i = ranked[0]
        alone = len(parts) <= 1
        if alone:
            # one part alone: a paragraph that names another part of the claim too
            company = [j for j in ranked[:20] if scored[j][0] >= partial and self._in_company(view, j, own, neighbours)]
            if company:
                i = company[0]
        score, cov, weakest = scored[i]
        shown = tuple((u.text, hits[k][i][1], hits[k][i][0]) for k, u in enumerate(us) if i in hits[k])
        missing = tuple(u.text for k, u in enumerate(us) if k in required and i not in hits[k])
        passage, translated = self._quote(document, view, i)
        bigram = fuzzy = 0.0
        if not cross and view.original is None and view.lang == "zh":
            from rapidfuzz import fuzz

            fb = _bigrams(feature.text)
            bigram = len(fb & _bigrams(passage.text)) / len(fb) if fb else 0.0
            fuzzy = fuzz.partial_ratio(plain(feature.text), plain(passage.text)) / 100
            score = max(score, 0.5 * cov + 0.3 * bigram + 0.2 * fuzzy)
            if fuzzy >= 0.7:
                passage = narrow(document, passage, feature.text)
        if alone and score >= disclosed and not self._in_company(view, i, own, neighbours):
            score = disclosed - 0.01  # one part named in a paragraph about something else
        if score >= disclosed and weakest >= 0.5:
            verdict = "disclosed"
        elif score >= partial:
            verdict = "partial"
        else:
            verdict = "not_found"
        return Match(
            document.label,
            passage,
            score,
            cov,
            bigram,
            fuzzy,
            verdict,
            translated,
            shown,
            missing,
            embedding=sims[i] if sims is not None else None,
        )

    def _specific(self, word: str) -> bool:
        """Whether a relation word says more than where a part is (连接, 驱动, 铰接; not 设置, 安装)."""
        classes = {self.vocab.relation_of[w] for w in self.vocab.equivalents(word) if w in self.vocab.relation_of}
        return bool(classes - {"arrange", "connect"})

    def _in_company(self, view: _View, i: int, own: set[str], neighbours: Sequence[str]) -> bool:
        """Whether the paragraph of passage ``i`` also names one of the claim's other parts."""
        label = view.passages[i].paragraph
        text = "\n".join(t for p, t in zip(view.passages, view.texts, strict=True) if p.paragraph == label)
        for name in neighbours:
            if name in own:
                continue
            for f in self._forms(Unit(name, "part", 1.0), view):
                if f.strength >= 0.8 and not f.gap and f.text in text:
                    return True
        return False

    def _where(self, form: Form, view: _View) -> list[int]:
        """Indexes of the passages that show ``form``."""
        text = form.text
        if form.gap:
            words = text.split()
            if words[-1] not in view.words or words[0] not in view.words:
                return []
            pattern = _gap_pattern(tuple(words))
            return [i for i, t in enumerate(view.texts) if pattern.search(t)]
        if text not in view.full:
            return []
        return [i for i, t in enumerate(view.texts) if text in t]

    def _quote(self, document: Document, view: _View, i: int) -> tuple[Passage, str | None]:
        """The original passage for view passage ``i`` (a translated passage quotes its original)."""
        if view.original is None:
            return view.passages[i], None
        return document.passages[view.original[i]], view.passages[i].text

    def _similarities(self, feature: Feature, view: _View) -> list[float]:
        assert self.embedder is not None
        if view.raw is None:
            view.raw = [p.text for p in view.passages]  # one list per view: the model may keep its vectors
        return self.embedder.similarities(feature.text, view.raw)

    def _embedding_only(self, feature: Feature, document: Document, empty: Match) -> Match:
        """A document no dictionary reads, ranked by the embedding model alone (never ``disclosed``)."""
        assert self.embedder is not None
        if not document.passages:
            return empty
        sims = self.embedder.similarities(feature.text, [p.text for p in document.passages])
        i = max(range(len(sims)), key=lambda k: sims[k])
        _disclosed, partial = thresholds()
        verdict = "partial" if sims[i] >= max(partial, 0.6) else "not_found"
        return Match(document.label, document.passages[i], sims[i], 0.0, 0.0, 0.0, verdict, embedding=sims[i])


@lru_cache(maxsize=4096)  # one pattern per word sequence: bounded, so a long-running server does not grow
def _gap_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    body = r"(?: \S+){0,2} ".join(re.escape(w) for w in words)
    return re.compile(r" " + body + r" ")


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


def claims_language(texts: Sequence[str]) -> str:
    """``zh`` when the claims are Chinese, else ``en``."""
    joined = "".join(texts)
    return "zh" if HAN.search(joined) and len(HAN.findall(joined)) * 3 >= len(re.findall(r"[A-Za-z]", joined)) else "en"


ProgressFn = Callable[[int, int], None]
