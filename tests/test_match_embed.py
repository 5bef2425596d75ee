"""The optional embedding backend, on a tiny static-embedding model (model2vec's format) the test writes itself.

The model gives synonyms (丝杠 / 螺杆 / lead screw; 马达 / 电机 / motor) the same direction, so ranking by meaning
can be checked; the real loading code reads it: the safetensors header and data, the WordPiece vocabulary.
"""

from __future__ import annotations

import json
import struct
from pathlib import Path

import pytest

np = pytest.importorskip("numpy", reason="the embedding backend needs numpy (pip install 'claimcheck[embed]')")

from claimcheck.errors import InputError  # noqa: E402
from claimcheck.match import build_chart  # noqa: E402
from claimcheck.match.documents import text_document  # noqa: E402
from claimcheck.match.embed import StaticEmbedder, Tokenizer, load_embedder, read_safetensors  # noqa: E402
from claimcheck.parse import parse_text  # noqa: E402

# token -> concept axis: 0 screw, 1 motor, 2 plate, 3 sun/panel, 4 water, 5 function words
TOKENS = {
    "[UNK]": None, "螺": 0, "杆": 0, "丝": 0, "杠": 0, "lead": 0, "screw": 0, "ねじ": 0,
    "电": 1, "机": 1, "马": 1, "达": 1, "motor": 1, "モ": 1, "ー": 1, "タ": 1,
    "板": 2, "plate": 2, "##s": None, "光": 3, "伏": 3, "solar": 3, "panel": 3,
    "水": 4, "泵": 4, "pump": 4, "water": 4, "的": 5, "the": 5, "a": 5, "驱": 1, "动": 1, "drive": 1, "##n": None,
}  # fmt: skip


def _write_model(folder: Path) -> None:
    folder.mkdir()
    vocab = {t: i for i, t in enumerate(TOKENS)}
    matrix = np.zeros((len(vocab), 8), dtype="float32")
    rng = np.random.default_rng(7)
    for t, i in vocab.items():
        axis = TOKENS[t]
        if axis is not None:
            matrix[i, axis] = 1.0
            matrix[i] += rng.normal(0, 0.05, 8)
    data = matrix.tobytes()
    header = json.dumps({"embeddings": {"dtype": "F32", "shape": list(matrix.shape), "data_offsets": [0, len(data)]}})
    raw = header.encode()
    (folder / "embeddings.safetensors").write_bytes(struct.pack("<Q", len(raw)) + raw + data)
    spec = {
        "normalizer": {"type": "BertNormalizer", "lowercase": True},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##", "vocab": vocab},
    }
    (folder / "tokenizer.json").write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")


@pytest.fixture
def model(tmp_path: Path) -> Path:
    folder = tmp_path / "tiny-model"
    _write_model(folder)
    return folder


def test_model_is_read_and_ranks_by_meaning(model: Path) -> None:
    tensors = read_safetensors(model / "embeddings.safetensors")
    assert tensors["embeddings"].shape == (len(TOKENS), 8)
    e = load_embedder(model)
    assert isinstance(e, StaticEmbedder)
    tok = e.tokenizer
    assert tok.ids("丝杠") == [tok.vocab["丝"], tok.vocab["杠"]] and tok.ids("Plates") == [
        tok.vocab["plate"],
        tok.vocab["##s"],
    ]
    sims = e.similarities("螺杆", ["电机驱动水泵", "丝杠", "a lead screw", "光伏板"])
    ranked = sorted(range(4), key=lambda i: -sims[i])
    assert set(ranked[:2]) == {1, 2} and sims[1] > 0.9 and sims[0] < 0.5
    assert e.similarities("螺杆", []) == []


def test_embedding_ranks_passages_and_compares_documents_no_dictionary_reads(model: Path) -> None:
    e = load_embedder(model)
    cs = parse_text("1. 一种装置，包括马达和丝杠，其特征在于，所述马达驱动所述丝杠。\n")
    ja = text_document("D1", "JP2020000001A.txt", "装置の説明。\nモーターがねじを回す。\n水を送る。\n", "ja")
    assert ja.language == "ja"
    plain = build_chart(cs, [ja])
    assert not plain.statuses["D1"].compared
    chart = build_chart(cs, [ja], embedder=e)
    st = chart.statuses["D1"]
    assert st.compared and st.via == "embedding"
    m = chart.match(next(f for f in chart.features if f.id == "1d"), "D1")
    assert m.passage is not None and "モーター" in m.passage.text and m.embedding is not None
    assert m.verdict in ("partial", "not_found")  # the model ranks; it never decides "disclosed" alone
    # a Chinese document: embedding similarity joins the score, the verdict still needs the parts
    zh = text_document("D2", "d2.txt", "本装置有一台电机。\n电机通过联轴器带动丝杠转动。\n水泵在下方。\n", "zh")
    both = build_chart(cs, [zh], embedder=e)
    m2 = both.match(next(f for f in both.features if f.id == "1d"), "D2")
    assert m2.verdict == "disclosed" and m2.passage is not None and "丝杠" in m2.passage.text


def test_bad_model_folders(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such model folder"):
        load_embedder(tmp_path / "missing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match=r"embeddings\.safetensors"):
        load_embedder(tmp_path / "empty")
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "embeddings.safetensors").write_bytes(b"\x01")
    (bad / "tokenizer.json").write_text("{}", encoding="utf-8")
    with pytest.raises(InputError):
        load_embedder(bad)
    with pytest.raises(InputError, match="no vocabulary"):
        Tokenizer({"model": {"type": "WordPiece", "vocab": {}}})
