"""Terms across the claims and the description: the description of a translation checked against its claims.

Given the claims and the description of both the original and the translation (English and Chinese), a term of
the claims must be rendered in the translated description as in the translated claims: one English term rendered
one way in the claims and another in the description is reported (description-split), and so are two English
terms of the description rendered by one Chinese term (description-merge).
"""

from __future__ import annotations

import re
from collections import Counter

from claimcheck.analysis.english import english_words, phrases
from claimcheck.model import ClaimSet, SourceText, Span
from claimcheck.model.diagnostic import Severity
from claimcheck.translation.compare import Quote, TranslationFinding, claim_renderings, related
from claimcheck.translation.vocabulary import Vocabulary, scan

_STOP = re.compile(r"[所述该的和与或及、，,；;。：:（）()]")


def compare_descriptions(
    original: ClaimSet,
    translation: ClaimSet,
    original_description: SourceText,
    translation_description: SourceText,
    vocabulary: Vocabulary | None = None,
) -> list[TranslationFinding]:
    """Terms of the claims rendered differently in the translated description, and terms merged there."""
    vocabulary = vocabulary or Vocabulary.shipped()
    if {original.language, translation.language} != {"en", "zh"}:
        return []
    en_is_original = original.language == "en"
    en, zh = (original, translation) if en_is_original else (translation, original)
    en_desc, zh_desc = (
        (original_description, translation_description)
        if en_is_original
        else (translation_description, original_description)
    )
    claims = {k: v for k, v in claim_renderings(en, zh, vocabulary).items() if k not in vocabulary.generic}
    exempt = english_words().exempt
    en_count: Counter[str] = Counter()
    en_first: dict[str, tuple[int, int]] = {}
    for p in phrases(en_desc.text):
        if not p.words or p.words[0] in exempt:
            continue
        key = vocabulary.lookup(p.words)
        if key is not None:
            en_count[key] += 1
            en_first.setdefault(key, (p.start, p.end))
    found = scan(zh_desc.text, vocabulary.chinese())
    zh_count = Counter(r for _, r in found)
    zh_first: dict[str, int] = {}
    for i, r in found:
        zh_first.setdefault(r, i)

    def quotes(key: str, zh_at: int, zh_len: int) -> tuple[Quote, Quote]:
        a, b = en_first[key]
        eq = Quote(en_desc.text[a:b], None, Span(a, b), en_desc)
        zq = Quote(zh_desc.text[zh_at : zh_at + zh_len], None, Span(zh_at, zh_at + zh_len), zh_desc)
        return (eq, zq) if en_is_original else (zq, eq)

    out: list[TranslationFinding] = []
    merged: set[str] = set()
    for key2 in sorted(k for k in en_count if k not in vocabulary.generic):
        if any(zh_count[r] for r in vocabulary.terms[key2]):
            continue
        for key1, rendered in sorted(claims.items()):
            if key1 == key2 or not en_count[key1] or not related(key1, key2, vocabulary):
                continue
            # the rendering is used more often than the term it renders is named: it stands for the other one too
            hit = next((x for x in sorted(rendered) if zh_count[x] > en_count[key1]), None)
            if hit is None:
                continue
            r = hit
            merged.add(key2)
            o, t = quotes(key2, zh_first[r], len(r))
            out.append(
                TranslationFinding(
                    "description-merge",
                    Severity.WARNING,
                    None,
                    f"说明书：原文的“{key1}”和“{key2}”在译文中都译为“{r}”",
                    f"description: '{key1}' and '{key2}' are both rendered '{r}'",
                    o,
                    t,
                )
            )
            break
    for key, rendered in sorted(claims.items()):
        if not en_count[key] or key in merged:
            continue
        covered = [(i, i + len(r)) for i, r in found if len(r) > 2]
        short = sum(zh_count[r] for r in rendered) < en_count[key]
        variant = _variant(zh_desc.text, rendered, set(vocabulary.chinese()), covered, short, vocabulary, key)
        if variant is None:
            continue
        text, at = variant
        o, t = quotes(key, at, len(text))
        usual = "、".join(sorted(rendered))
        out.append(
            TranslationFinding(
                "description-split",
                Severity.WARNING,
                None,
                f"说明书：原文术语“{key}”在权利要求中译为“{usual}”，在说明书中译为“{text}”",
                f"description: '{key}' is rendered '{usual}' in the claims and '{text}' in the description",
                o,
                t,
            )
        )
    return out


def _variant(
    text: str,
    usual: set[str],
    known: set[str],
    covered: list[tuple[int, int]],
    short: bool,
    vocabulary: Vocabulary,
    key: str,
) -> tuple[str, int] | None:
    """Another rendering of a term: a known rendering of the same term not used in the claims, or a string of the
    usual length ending like the usual rendering (转换开关 for 切换开关; for a rendering of three characters or
    fewer, sharing only its last one, when the usual rendering occurs less often than the English term: 收纳盒 for
    储物盒) that is no known rendering and lies in no known one."""
    for r in vocabulary.terms[key]:
        if r not in usual and (i := text.find(r)) >= 0:
            return r, i
    for r in sorted(usual, key=len, reverse=True):
        tail = r[-2:] if len(r) > 3 else r[-1:]
        lead = len(r) - len(tail)
        if not lead or (len(tail) == 1 and not short):
            continue
        for m in re.finditer(re.escape(tail), text):
            a = m.start() - lead
            if a < 0 or any(i <= a and m.end() <= j for i, j in covered):  # 转动段 inside 可转动段
                continue
            candidate = text[a : m.end()]
            if candidate != r and candidate not in known and not _STOP.search(candidate):
                return candidate, a
    return None
