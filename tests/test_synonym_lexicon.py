"""The synonym lexicon: ``groups`` is a top-level key, and every reader takes the same groups from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.errors import ConfigError
from claimcheck.index.tokens import synonyms as index_synonyms
from claimcheck.lexicon import Lexicons, lexicon_dir, synonym_groups
from claimcheck.match.align import tokens
from claimcheck.match.vocab import build_vocabulary
from claimcheck.tomlfile import read_toml


def test_groups_is_a_top_level_key_not_inside_meta() -> None:
    data = read_toml(lexicon_dir() / "synonyms.toml", "lexicon")
    assert "groups" not in data["meta"]
    assert data["groups"] and synonym_groups(Lexicons.default()) == data["groups"]


def test_every_reader_folds_the_shipped_groups() -> None:
    lex = Lexicons.default()
    assert tokens("马达") == tokens("电机")  # match's token table
    assert "engine" in build_vocabulary(lex=lex).synonyms["motor"]  # match's vocabulary (an English-only group)
    assert index_synonyms(lex)["casing"] == "housing"  # the prior-art index


def test_an_extension_adds_groups_and_a_malformed_one_is_refused(tmp_path: Path) -> None:
    ext = tmp_path / "synonyms.toml"
    ext.write_text('groups = [["丝杠", "丝杆"]]\n\n[meta]\nextends = "synonyms"\n', encoding="utf-8")
    lex = Lexicons([ext])
    assert ["丝杠", "丝杆"] in synonym_groups(lex)
    assert "丝杆" in build_vocabulary(lex=lex).synonyms["丝杠"]
    bad = tmp_path / "bad" / "synonyms.toml"
    bad.parent.mkdir()
    bad.write_text('groups = ["丝杠"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="groups"):
        synonym_groups(Lexicons([bad]))
