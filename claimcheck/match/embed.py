"""An optional semantic backend: a local static-embedding model ranks passages by meaning, across languages.

``claimcheck match --embeddings DIR`` reads a model directory the user already has; nothing is downloaded.  The
format is model2vec's static embeddings — ``embeddings.safetensors`` (one matrix, a row per token) and
``tokenizer.json`` (a Hugging Face WordPiece or Unigram vocabulary) — which multilingual models are published in;
a text's vector is the mean of its tokens' rows, and passages are ranked by cosine similarity.  A directory that
holds a sentence-transformers model (``modules.json``) is loaded with that library when it is installed.

numpy is needed (``pip install "claimcheck[embed]"``) and imported only when a model is loaded.
"""

from __future__ import annotations

import json
import re
import struct
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from claimcheck.errors import InputError

_DTYPES = {"F32": "float32", "F16": "float16", "F64": "float64", "BF16": None}
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_PIECE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\W_]+|[^\w\s]", re.UNICODE)


def _numpy() -> Any:
    try:
        import numpy
    except ImportError:
        raise InputError('the embedding backend needs numpy: pip install "claimcheck[embed]"') from None
    return numpy


def read_safetensors(path: Path) -> dict[str, Any]:
    """The tensors of a ``.safetensors`` file as numpy arrays (the format: a length, a JSON header, raw data)."""
    np = _numpy()
    data = path.read_bytes()
    if len(data) < 8:
        raise InputError(f"{path}: not a safetensors file")
    (size,) = struct.unpack("<Q", data[:8])
    try:
        header = json.loads(data[8 : 8 + size])
    except ValueError:
        raise InputError(f"{path}: not a safetensors file (bad header)") from None
    out: dict[str, Any] = {}
    base = 8 + size
    for name, info in header.items():
        if name == "__metadata__":
            continue
        dtype = _DTYPES.get(info.get("dtype", ""))
        if dtype is None:
            raise InputError(f"{path}: tensor {name}: dtype {info.get('dtype')} is not supported")
        a, b = info["data_offsets"]
        out[name] = np.frombuffer(data[base + a : base + b], dtype=dtype).reshape(info["shape"]).astype("float32")
    return out


class Tokenizer:
    """The vocabulary of a ``tokenizer.json``: WordPiece (## continuations) or Unigram (▁ word starts), applied
    greedily longest-first; CJK characters are tokens of their own, as BERT-style tokenizers make them."""

    def __init__(self, spec: dict[str, Any]) -> None:
        model = spec.get("model", {})
        kind = model.get("type", "WordPiece")
        vocab = model.get("vocab", {})
        if kind == "Unigram":
            vocab = {piece: i for i, (piece, _score) in enumerate(vocab)}
        if not isinstance(vocab, dict) or not vocab:
            raise InputError("tokenizer.json: no vocabulary")
        self.vocab: dict[str, int] = vocab
        self.kind = kind
        self.prefix = model.get("continuing_subword_prefix", "##")
        self.unk = vocab.get(model.get("unk_token") or "[UNK]")
        normalizer = json.dumps(spec.get("normalizer") or {})
        self.lowercase = '"lowercase": true' in normalizer or '"Lowercase"' in normalizer
        self.longest = max(len(t) for t in vocab)

    def ids(self, text: str) -> list[int]:
        """Token ids of ``text`` (unknown pieces dropped)."""
        text = unicodedata.normalize("NFKC", text)
        if self.lowercase:
            text = text.lower()
        out: list[int] = []
        for word in _PIECE.findall(text):
            out.extend(self._word(word))
        return out

    def _word(self, word: str) -> list[int]:
        out: list[int] = []
        i = 0
        first = True
        while i < len(word):
            for j in range(min(len(word), i + self.longest), i, -1):
                piece = word[i:j]
                if self.kind == "Unigram":
                    key = ("▁" + piece) if first and ("▁" + piece) in self.vocab else piece
                else:
                    key = piece if first else self.prefix + piece
                if key in self.vocab:
                    out.append(self.vocab[key])
                    i = j
                    first = False
                    break
            else:
                if self.unk is not None and not out:
                    out.append(self.unk)
                i += 1
                first = False
        return out


class StaticEmbedder:
    """Mean-pooled static token embeddings (model2vec's format), unit-normalised."""

    def __init__(self, folder: Path) -> None:
        np = _numpy()
        tensors = read_safetensors(folder / "embeddings.safetensors")
        if not tensors:
            raise InputError(f"{folder}: embeddings.safetensors holds no tensor")
        self.matrix = tensors.get("embeddings", next(iter(tensors.values())))
        try:
            spec = json.loads((folder / "tokenizer.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise InputError(f"{folder}: cannot read tokenizer.json: {e}") from None
        self.tokenizer = Tokenizer(spec)
        self.np = np
        self._passages: dict[int, tuple[Sequence[str], Any]] = {}  # the vectors of a list of passages, by its id

    def vectors(self, texts: Sequence[str]) -> Any:
        """One unit vector per text (zero for a text with no known token)."""
        np = self.np
        out = np.zeros((len(texts), self.matrix.shape[1]), dtype="float32")
        for k, t in enumerate(texts):
            ids = [i for i in self.tokenizer.ids(t) if 0 <= i < self.matrix.shape[0]]
            if ids:
                v = self.matrix[ids].mean(axis=0)
                norm = float(np.linalg.norm(v))
                if norm:
                    out[k] = v / norm
        return out

    def similarities(self, query: str, texts: Sequence[str]) -> list[float]:
        """Cosine similarity of ``query`` with each of ``texts``."""
        if not texts:
            return []
        q = self.vectors([query])[0]
        cached = self._passages.get(id(texts))
        if cached is None or cached[0] is not texts:
            cached = (texts, self.vectors(texts))
            self._passages[id(texts)] = cached
        return [float(x) for x in cached[1] @ q]


class SentenceTransformerEmbedder:
    """A sentence-transformers model directory, loaded with that library (never downloaded)."""

    def __init__(self, folder: Path) -> None:
        import importlib

        try:
            module = importlib.import_module("sentence_transformers")
        except ImportError:
            raise InputError(
                f"{folder}: a sentence-transformers model needs: pip install sentence-transformers"
            ) from None
        self.model = module.SentenceTransformer(str(folder), local_files_only=True)

    def similarities(self, query: str, texts: Sequence[str]) -> list[float]:
        """Cosine similarity of ``query`` with each of ``texts``."""
        if not texts:
            return []
        vectors = self.model.encode([query, *texts], normalize_embeddings=True)
        return [float(x) for x in vectors[1:] @ vectors[0]]


def load_embedder(folder: Path) -> StaticEmbedder | SentenceTransformerEmbedder:
    """The model in ``folder``: model2vec static embeddings, or a sentence-transformers model."""
    if not folder.is_dir():
        raise InputError(f"{folder}: no such model folder (give a local folder; nothing is downloaded)")
    if (folder / "embeddings.safetensors").is_file() and (folder / "tokenizer.json").is_file():
        return StaticEmbedder(folder)
    if (folder / "modules.json").is_file():
        return SentenceTransformerEmbedder(folder)
    raise InputError(f"{folder}: expected embeddings.safetensors and tokenizer.json (model2vec), or modules.json")
