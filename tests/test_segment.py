"""The segmenter that loads jieba's dictionary as texts need it gives rjieba's own words, tags and offsets."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from claimcheck.segment import Segmenter

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted(
    [
        *(ROOT / "tests" / "corpus").rglob("*.txt"),
        *(ROOT / "tests" / "drafts").rglob("*.txt"),
        *(ROOT / "sample_claims").glob("*.txt"),
    ]
)
ODD = [
    "",
    "a",
    "中",
    "B超检查",
    "3.5mm±0.1",
    "江南style",
    "所述检测盲隙",
    "\ue000\ue001\ue002",
    "１２ａｂ。",
    "𠀀𠀁中文",
]


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8", errors="replace") for p in TEXTS] + ODD


@pytest.mark.parametrize("full_after", [10**9, 20_000])
def test_words_tags_and_offsets_are_rjiebas(full_after: int) -> None:
    import rjieba

    seg = Segmenter(full_after=full_after)
    texts = _texts()
    assert len(texts) > 80
    for text in texts:
        assert seg.tag(text) == [(str(w), str(t)) for w, t in rjieba.tag(text)]
        assert seg.cut(text) == list(rjieba.cut(text))
        assert seg.tokenize(text) == list(rjieba.tokenize(text))
    for word in ("检测", "盲隙", "所述", "比如", "配比", "B超", "中文", "检测盲隙"):
        assert Segmenter().has_word(word) == bool(rjieba.has_word(word))


def test_a_text_alone_in_a_fresh_segmenter_is_cut_as_rjieba_cuts_it() -> None:
    import rjieba

    for text in _texts()[::7]:
        assert Segmenter().cut(text) == list(rjieba.cut(text))


def test_threads_get_the_same_words() -> None:
    seg = Segmenter()
    texts = _texts()[:40]
    expected = [Segmenter().tag(t) for t in texts]
    got: dict[int, list[tuple[str, str]]] = {}

    def work(k: int) -> None:
        for i in range(k, len(texts), 4):
            got[i] = seg.tag(texts[i])

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [got[i] for i in range(len(texts))] == expected


def test_the_default_dictionary_is_not_built_and_rjieba_still_imports() -> None:
    code = (
        "import sys\n"
        "from claimcheck.segment import segmenter\n"
        "words = segmenter().cut('所述检测盲隙位于壳体内')\n"
        "assert 'rjieba' not in sys.modules and 'rjieba.rjieba' in sys.modules\n"
        "import rjieba\n"
        "assert rjieba.cut('所述检测盲隙位于壳体内') == words, words\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
