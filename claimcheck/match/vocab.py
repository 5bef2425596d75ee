"""The words matching reads: the shipped thesaurus and bilingual dictionary, the synonym lexicon and a glossary.

``thesaurus.toml`` (synonym groups, head-noun groups, generic → specific names, relation classes, boilerplate) and
``bilingual.toml`` (Chinese → English technical terms and the heads and modifiers of part names) ship beside this
module; ``lexicons/synonyms.toml`` (which a configuration may extend) adds its groups; a firm's glossary
(:mod:`claimcheck.match.glossary`) adds its own, CN–CN and CN–EN.  A :class:`Vocabulary` is built once per glossary
and passed to whatever matches; the shipped files are read once.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from claimcheck.lexicon import Lexicons, stop_words, synonym_groups

HAN = re.compile(r"[\u4e00-\u9fff]")
# one-character heads of part names: what a part *is* (支撑|杆, 活动|块, 冷凝|罐)
HEAD_CHARS = frozenset(
    "面件杆棒柱板片块座架台体器罐箱筒桶管轮盘轴辊槽孔口腔室壳罩盖门窗网条带环圈头刀斗泵阀机仪灯垫层膜线钩扣柄臂爪销钉簧缸塞"
)
# two-character heads that stand at the end of longer names (驱动|装置, 联动|机构)
HEAD_WORDS = (
    "装置",
    "机构",
    "组件",
    "单元",
    "模块",
    "系统",
    "设备",
    "部件",
    "元件",
    "结构",
    "电路",
    "接口",
    "支架",
    "框架",
)


@cache
def _shipped(name: str) -> dict[str, Any]:
    return tomllib.loads(Path(__file__).with_name(name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Vocabulary:
    """Synonyms, heads, generic names, relations and translations, with the glossary's entries merged in."""

    synonyms: dict[str, frozenset[str]]  # word -> every word of its groups (itself included)
    head_groups: dict[str, frozenset[str]]
    narrower: dict[str, frozenset[str]]  # generic -> specific names
    broader: dict[str, frozenset[str]]  # specific -> generic names
    relation_of: dict[str, str]  # word (Chinese or English) -> relation class
    relation_words: dict[str, tuple[str, ...]]  # class -> its words
    zh_en: dict[str, tuple[str, ...]]
    en_zh: dict[str, tuple[str, ...]]
    boilerplate: tuple[str, ...]
    boilerplate_patterns: tuple[re.Pattern[str], ...]
    generic: frozenset[str]
    stop_zh: frozenset[str]  # function words a feature's units leave out (lexicons/stopwords.toml)
    stop_en: frozenset[str]
    glossary_pairs: frozenset[tuple[str, str]] = field(default_factory=frozenset)

    def same(self, a: str, b: str) -> bool:
        """Whether ``a`` and ``b`` name the same thing (equal, one thesaurus or glossary group)."""
        return a == b or b in self.synonyms.get(a, frozenset())

    def equivalents(self, word: str) -> frozenset[str]:
        """``word`` and its synonyms."""
        return self.synonyms.get(word, frozenset()) | {word}

    def english(self, word: str) -> tuple[str, ...]:
        """English renderings of a Chinese word: its own entries, or, when it has none, its synonyms' entries."""
        own = self.zh_en.get(word, ())
        if own:
            return own
        out: list[str] = []
        for s in sorted(self.synonyms.get(word, ())):
            if s != word and len(s) >= len(word):
                out.extend(self.zh_en.get(s, ()))
        return tuple(dict.fromkeys(out))

    def in_glossary(self, a: str, b: str) -> bool:
        """Whether the glossary pairs ``a`` and ``b``."""
        return (a, b) in self.glossary_pairs or (b, a) in self.glossary_pairs


def _add_group(table: dict[str, set[str]], group: Iterable[str]) -> None:
    words = {w.strip() for w in group if w.strip()}
    merged = set(words)
    for w in words:
        merged |= table.get(w, set())
    for w in merged:
        table[w] = merged


def build_vocabulary(glossary: Iterable[Iterable[str]] = (), lex: Lexicons | None = None) -> Vocabulary:
    """The shipped thesaurus and dictionary, the synonym lexicon of ``lex`` and the ``glossary`` groups."""
    th = _shipped("thesaurus.toml")
    bi = _shipped("bilingual.toml")
    lex = lex or Lexicons.default()
    syn: dict[str, set[str]] = {}
    for group in th["groups"]:
        _add_group(syn, group)
    for group in synonym_groups(lex):
        _add_group(syn, group)
    zh_en: dict[str, list[str]] = {k: list(v) for k, v in bi["zh-en"].items()}
    pairs: set[tuple[str, str]] = set()
    for group in glossary:
        words = [w.strip() for w in group if w.strip()]
        zh = [w for w in words if HAN.search(w)]
        en = [w.lower() for w in words if not HAN.search(w)]
        if len(zh) > 1:
            _add_group(syn, zh)
        for z in zh:
            zh_en.setdefault(z, [])
            zh_en[z] = list(dict.fromkeys([*en, *zh_en[z]]))
        pairs.update((a, b) for a in words for b in words if a != b)
    heads: dict[str, set[str]] = {}
    for group in th["heads"]:
        _add_group(heads, group)
    narrower = {k: frozenset(v) for k, v in th["narrower"].items()}
    broader: dict[str, set[str]] = {}
    for generic, specifics in narrower.items():
        for s in specifics:
            broader.setdefault(s, set()).add(generic)
    relation_of: dict[str, str] = {}
    for cls, words in th["relations"].items():
        for w in words:
            relation_of.setdefault(w, cls)
    en_zh: dict[str, list[str]] = {}
    for z, ens in zh_en.items():
        for e in ens:
            en_zh.setdefault(e, []).append(z)
    bp = th["boilerplate"]
    return Vocabulary(
        synonyms={k: frozenset(v) for k, v in syn.items()},
        head_groups={k: frozenset(v) for k, v in heads.items()},
        narrower=narrower,
        broader={k: frozenset(v) for k, v in broader.items()},
        relation_of=relation_of,
        relation_words={k: tuple(v) for k, v in th["relations"].items()},
        zh_en={k: tuple(v) for k, v in zh_en.items()},
        en_zh={k: tuple(v) for k, v in en_zh.items()},
        boilerplate=tuple(sorted(bp["phrases"], key=len, reverse=True)),
        boilerplate_patterns=tuple(re.compile(p) for p in bp["patterns"]),
        generic=frozenset(th["generic"]["words"]),
        stop_zh=stop_words(lex, "match", "zh"),
        stop_en=stop_words(lex, "match", "en"),
        glossary_pairs=frozenset(pairs),
    )


@cache
def default_vocabulary() -> Vocabulary:
    """The shipped vocabulary without a glossary (built once)."""
    return build_vocabulary()


def split_head(name: str, vocab: Vocabulary) -> tuple[str, str]:
    """(modifier, head) of a part name: 检测杆 → (检测, 杆), 驱动装置 → (驱动, 装置); ('', name) when it has none."""
    for h in HEAD_WORDS:
        if name.endswith(h) and len(name) > len(h):
            return name[: -len(h)], h
    if len(name) >= 2 and name[-1] in HEAD_CHARS:
        return name[:-1], name[-1]
    return "", name


def heads_alike(a: str, b: str, vocab: Vocabulary) -> bool:
    """Whether two heads stand for one another (器 / 罐, 装置 / 机构)."""
    return a == b or b in vocab.head_groups.get(a, frozenset())


def modifiers_alike(a: str, b: str, vocab: Vocabulary) -> float:
    """How alike two modifiers of a part name are, 0–1: synonyms 1, shared characters by their share."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    if vocab.same(a, b):
        return 1.0
    if any(vocab.same(a, x) for x in (b[:2], b[-2:]) if len(x) == 2 and x != b) or any(
        vocab.same(b, x) for x in (a[:2], a[-2:]) if len(x) == 2 and x != a
    ):
        return 0.8
    # characters shared at the same place counted from the head count fully, elsewhere half (压壳 / 剥壳: 0.5,
    # 压壳 / 挤压: 0.25)
    ra, rb = a[::-1], b[::-1]
    aligned = sum(1 for x, y in zip(ra, rb, strict=False) if x == y)
    shared = len(set(a) & set(b))
    return (aligned + 0.5 * max(0, shared - aligned)) / max(len(a), len(b))
