"""The quick tests that spare a pattern search give the same answers as the search."""

from __future__ import annotations

import random

from claimcheck.analysis.features import _PHRASE, _PHRASE_ENDS
from claimcheck.lexicon import Lexicons
from claimcheck.rules.en_clarity import _DESC_REF, _RUN, _may_hold, _may_refer, _patterns


def _texts(vocabulary: list[str], n: int, seed: int, sep: str = " ") -> list[str]:
    rng = random.Random(seed)
    return [sep.join(rng.choice(vocabulary) for _ in range(rng.randint(0, 8))) for _ in range(n)]


def test_phrase_ends_before_the_full_pattern() -> None:
    words = (
        "其特征在于 其特征是 其特征为 特征在于 其改进在于 ， , ： : 所述 该 上述 其 方法 系统 装置 设备 步骤 S 3 .1 ) ） "
        "还 进一步 主要 具体 包括有 包括 包含 含有 具有 以下 如下 下述 下列 几个 若干 工序 为 是 底座 的 ； 和 、"
    )
    pieces = words.split()
    matched = 0
    for s in _texts(pieces, 20000, 1, sep=""):
        if _PHRASE.fullmatch(s) is not None:
            matched += 1
            assert not s or s[-1] in _PHRASE_ENDS, s
    assert matched > 1000


def test_unclear_word_needs() -> None:
    lex = Lexicons.default()
    pats = _patterns(lex)
    for kind in ("exemplary", "approximation", "relative"):
        words = lex.words("english", "unclear", kind)
        pattern = getattr(pats, kind)
        needs = getattr(pats, f"{kind}_needs")
        vocabulary = [*words, *(w.upper() for w in words), "a", "layer", "-", ",", "(1)", "e.g", "particular", "x"]
        found = 0
        for text in _texts(vocabulary, 3000, 2):
            runs = frozenset(_RUN.findall(text.lower())) if text.isascii() else None
            if pattern.search(text):
                found += 1
                assert _may_hold(needs, runs), (kind, text)
        assert found > 100


def test_description_reference_needs() -> None:
    words = (
        "as substantially herein hereinbefore hereinafter shown illustrated depicted described represented seen "
        "disclosed set forth in with reference to by the accompanying fig Fig. FIG figs figure drawing drawings "
        "description specification example examples table tables see cf cf. according accordance 2 3A . , tablet"
    )
    phrases = ["as shown in", "as herein described", "according to", "in accordance with", "substantially as"]
    vocabulary = [*words.split(), *phrases]
    found = 0
    for text in _texts(vocabulary, 20000, 3):
        if _DESC_REF.search(text):
            found += 1
            assert _may_refer(text), text
    assert found > 100
