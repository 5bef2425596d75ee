"""The stop-word lexicon: the prior-art index and match's feature units read one list, each with its own extras."""

from __future__ import annotations

from pathlib import Path

from claimcheck.index.tokens import index_stop_words, index_tokens
from claimcheck.lexicon import Lexicons, stop_words
from claimcheck.match.concepts import units
from claimcheck.match.vocab import build_vocabulary, default_vocabulary


def test_the_common_words_are_dropped_by_every_reader() -> None:
    lex = Lexicons.default()
    common = set(lex.words("stopwords", "common", "zh")) | set(lex.words("stopwords", "common", "en"))
    vocab = default_vocabulary()
    assert common <= index_stop_words()
    assert common <= vocab.stop_zh | vocab.stop_en
    assert "所述" not in index_tokens("所述底板") and "the" not in index_tokens("the base plate")
    assert "上" in index_stop_words() and "上" not in vocab.stop_zh  # the index's own extras
    assert "包括" in vocab.stop_zh and "包括" not in index_stop_words()  # match's own extras


def test_an_extension_adds_match_stop_words_but_not_index_ones(tmp_path: Path) -> None:
    ext = tmp_path / "stopwords.toml"
    ext.write_text('[match]\nen = ["thereof"]\n\n[index]\nen = ["thereof"]\n', encoding="utf-8")
    lex = Lexicons([ext])
    assert "thereof" in stop_words(lex, "match", "en")
    assert [u.text for u in units("a base thereof", build_vocabulary(lex=lex))] == ["bas"]  # stems
    assert "thereof" in {u.text for u in units("a base thereof", default_vocabulary())}
    assert "thereof" not in index_stop_words()  # the index reads the shipped list only
