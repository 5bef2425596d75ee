"""What a claim feature says, as units a passage worded differently can still show: parts, relations, values.

A feature is cleaned of reference signs and boilerplate (其特征在于, 包括以下步骤, 所述步骤3）具体为 …), cut into
words (rjieba), and part names are rebuilt from a modifier and a head noun (活动|块, 控制|箱).  Each unit gets a
weight (a part weighs most, a relation less, words of position and the claim's topic little) and *forms*: the
strings a passage may carry to show it, each with a strength —

* in a Chinese passage: the unit itself, its thesaurus and glossary synonyms, the specific names of a generic one
  (a disclosed 螺栓 discloses a 紧固件), the generic names of a specific one (weaker), and part names rebuilt from
  synonymous modifiers and heads (检测杆 → 测量杆, 冷凝器 → 冷凝罐);
* in an English passage: the dictionary's renderings of the unit, and of its modifier and head (检测杆 →
  "measuring rod"), the head alone weakly.

Relations (连接, 驱动, 铰接 …) are matched by their class, so 由电机带动 shows 电机驱动.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.analysis.signs import strip_signs
from claimcheck.match.vocab import HAN, HEAD_CHARS, Vocabulary, heads_alike, split_head

_PUNCT = re.compile(r"^[\W_]+$")
_LEADING_QUANTIFIER = re.compile(r"(^|[，,；;：:、])(?:各个|各|每个|每一|每|两|多个|若干个|若干)(?=[\u4e00-\u9fff]{2})")
_CN_DIGITS = "零一二三四五六七八九十"
_CLASSIFIERS = "个根块条只台套组片对把道"
_NUMERAL = re.compile(rf"^([0-9]+|[{_CN_DIGITS}两])[{_CLASSIFIERS}]$")
_LOCATIVES = "内外上下中里"
_VALUE = re.compile(r"^\d+(?:\.\d+)?$")
_EN_WORD = re.compile(r"[a-z][a-z\-]*[a-z]|[a-z]|\d+(?:\.\d+)?")

WEIGHTS = {"part": 1.0, "action": 0.5, "value": 0.6, "generic": 0.2, "topic": 0.3, "word": 0.6}


@dataclass(frozen=True, slots=True)
class Unit:
    """A word or part name of a feature and how much it weighs."""

    text: str
    kind: str  # part, action, value, generic, topic, word
    weight: float


@dataclass(frozen=True, slots=True)
class Form:
    """A string that shows a unit in a passage (Chinese text, or English stems separated by spaces)."""

    text: str
    strength: float
    gap: bool = False  # English: other words may stand between the modifier and the head


def clean(text: str, vocab: Vocabulary) -> str:
    """The feature without reference signs, step labels, claim references, boilerplate and the quantifier that
    starts a clause (各压壳辊 → 压壳辊); a comma stands for what was removed."""
    t = strip_signs(text)
    for p in vocab.boilerplate_patterns:
        t = p.sub("，", t)
    for phrase in vocab.boilerplate:
        if HAN.search(phrase):
            t = t.replace(phrase, "，")
    return _LEADING_QUANTIFIER.sub(r"\1", t)


def _numeral(word: str) -> str | None:
    """The number a numeral with its classifier states (三根 → 3, 两个 → 2, 4 → 4), or None."""
    m = _NUMERAL.match(word)
    if not m:
        return None
    n = m.group(1)
    if n.isdigit():
        return n
    return str(_CN_DIGITS.index(n)) if n in _CN_DIGITS else "2" if n == "两" else None


def _numeral_forms(n: str) -> list[Form]:
    cn = [_CN_DIGITS[int(n)]] if n.isdigit() and int(n) < len(_CN_DIGITS) else []
    if n == "2":
        cn.append("两")
    return [Form(f"{x}{c}", 1.0) for x in (n, *cn) for c in _CLASSIFIERS]


def stem(word: str) -> str:
    """A crude English stem: plural, verb and adverb endings off (rollers → roller, rotatably → rotat)."""
    w = word.lower()
    for suffix, keep in (("ies", "y"), ("ably", ""), ("ibly", ""), ("ingly", ""), ("edly", ""), ("ally", "al")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)] + keep
    for suffix in ("ing", "ed", "es", "ly", "s", "e"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not w.endswith("ss"):
            return w[: -len(suffix)]
    return w


def english_stems(text: str) -> str:
    """English text as a space-padded string of stems, for phrase tests (`` roller conveyor ``); hyphenated words
    are read as their parts (crescent-shaped → crescent shap)."""
    return " " + " ".join(stem(w) for w in _EN_WORD.findall(text.lower().replace("-", " "))) + " "


def _words_zh(text: str) -> list[tuple[str, str]]:
    """Words and their part-of-speech tags (jieba's dictionary)."""
    from claimcheck.segment import segmenter

    return [(w, tag) for w, tag in segmenter().tag(text) if w.strip()]


def _split_words(words: list[str], vocab: Vocabulary) -> list[str]:
    """Undo segmentations that glue a locative to a head or a verb (箱内 → 箱|内, 内横置 → 内|横置, 面上 → 面|上)
    and two relation words (固定设置 → 固定|设置)."""
    out: list[str] = []
    for w in words:
        known = w in vocab.synonyms or w in vocab.zh_en
        if (
            len(w) >= 2
            and not known
            and w[-1] in _LOCATIVES
            and (w[-2] in HEAD_CHARS or w[:-1] in vocab.synonyms or w[:-1] in vocab.generic)
        ):
            out += [w[:-1], w[-1]]
        elif (
            len(w) >= 3 and not known and w[0] in _LOCATIVES and (w[1:] in vocab.synonyms or w[1:] in vocab.relation_of)
        ):
            out += [w[0], w[1:]]
        elif len(w) == 4 and not known and w[:2] in vocab.relation_of and w[2:] in vocab.relation_of:
            out += [w[:2], w[2:]]
        else:
            out.append(w)
    return out


def _merge_parts(words: list[str], vocab: Vocabulary) -> list[str]:
    """Join a modifier with a one-character head after it (活动|块 → 活动块) and known compounds (测量|杆)."""
    out: list[str] = []
    for w in _split_words(words, vocab):
        if out and HAN.search(out[-1]) and HAN.search(w):
            prev = out[-1]
            joined = prev + w
            known = joined in vocab.synonyms or joined in vocab.zh_en
            head_after = (
                len(w) == 1
                and split_head(joined, vocab)[1] == w
                and prev not in vocab.stop_zh
                and prev not in vocab.relation_of
                and prev not in vocab.generic
            )
            if (known or head_after) and len(joined) <= 8:
                out[-1] = joined
                continue
        out.append(w)
    return out


def units(text: str, vocab: Vocabulary, topic: frozenset[str] = frozenset()) -> list[Unit]:
    """The units of a feature (Chinese or English), each once, in order."""
    t = clean(text, vocab)
    out: dict[str, Unit] = {}
    if HAN.search(t):
        tagged = _words_zh(t)
        verbs = {w for w, tag in tagged if tag in ("v", "vd") and w not in vocab.zh_en}
        for w in _merge_parts([w for w, _ in tagged], vocab):
            if _numeral(w) is not None:
                w = _numeral(w) or w
                kind = "value"
            elif w in vocab.stop_zh or _PUNCT.match(w):
                continue
            elif _VALUE.match(w):
                kind = "value"
            elif (
                w in vocab.relation_of
                or (w in vocab.synonyms and any(s in vocab.relation_of for s in vocab.synonyms[w]))
                or (w in verbs and len(w) >= 2)
            ):
                kind = "action"
            elif w in vocab.generic:
                kind = "generic"
            elif w in topic:
                kind = "topic"
            elif len(w) == 1:
                kind = "generic"
            else:
                kind = "part"
            out.setdefault(w, Unit(w, kind, WEIGHTS[kind]))
    else:
        stop_en = vocab.stop_en
        for w in _EN_WORD.findall(t.lower()):
            if w in stop_en:
                continue
            s = stem(w)
            kind = "value" if _VALUE.match(w) else "action" if w in vocab.relation_of else "word"
            weight = WEIGHTS[kind] if len(w) > 3 or kind == "value" else 0.3
            out.setdefault(s, Unit(s, kind, weight))
    return list(out.values())


def _relation_forms(word: str, vocab: Vocabulary, english: bool) -> list[Form]:
    classes = {vocab.relation_of[w] for w in vocab.equivalents(word) if w in vocab.relation_of}
    forms = []
    for cls in sorted(classes):
        for w in vocab.relation_words[cls]:
            if bool(HAN.search(w)) != english and (len(w) >= 2 or english):
                forms.append(Form(english_stems(w) if english else w, 0.85))
    return forms


def forms_zh(unit: Unit, vocab: Vocabulary) -> list[Form]:
    """How a Chinese passage may show a Chinese unit, strongest first."""
    w = unit.text
    if unit.kind == "value" and w.isdigit():
        return [Form(w, 1.0), *_numeral_forms(w)]
    forms: dict[str, float] = {w: 1.0}

    def add(text: str, strength: float) -> None:
        if len(text) >= 2 or len(w) == 1:
            forms[text] = max(forms.get(text, 0.0), strength)

    for s in vocab.equivalents(w):
        add(s, 0.95)
    for s in vocab.narrower.get(w, ()):
        add(s, 0.9)  # a specific name discloses the generic one
    for g in vocab.broader.get(w, ()):
        add(g, 0.55)
    if unit.kind == "action":
        for f in _relation_forms(w, vocab, english=False):
            add(f.text, f.strength)
    mod, head = split_head(w, vocab)
    if mod and unit.kind in ("part", "topic"):
        mods = vocab.equivalents(mod)
        heads = vocab.equivalents(head) | vocab.head_groups.get(head, frozenset())
        for m in mods:
            for h in heads:
                if heads_alike(head, h, vocab) or h in vocab.equivalents(head):
                    add(m + h, 0.9 if h == head or m == mod else 0.8)
    return [Form(t, s) for t, s in sorted(forms.items(), key=lambda x: -x[1])]


def _english_of(word: str, vocab: Vocabulary) -> list[Form]:
    """English renderings of a Chinese word: whole entries, else modifier × head compositions, else the head alone."""
    whole = vocab.english(word)
    if whole:
        return [Form(english_stems(e), 1.0) for e in whole]
    mod, head = split_head(word, vocab)
    if not mod:
        # a compound of known words (水平设置, 相互垂直): the first word that is neither generic nor a relation
        pieces = [p for p in _modifier_parts(word, vocab) if p != word]
        content = [p for p in pieces if p not in vocab.generic and p not in vocab.relation_of] or pieces
        return [Form(english_stems(e), 0.85) for e in vocab.english(content[0])] if content else []
    heads = vocab.english(head)
    mods = [e for part in _modifier_parts(mod, vocab) for e in vocab.english(part)]
    out = [Form(english_stems(f"{m} {h}"), 0.85, gap=True) for m in mods for h in heads]
    out += [Form(english_stems(h), 0.5) for h in heads]
    return out


def _modifier_parts(mod: str, vocab: Vocabulary) -> list[str]:
    """A modifier as dictionary words, longest first from the left (定位凹 → 定位)."""
    if vocab.english(mod):
        return [mod]
    out = []
    i = 0
    while i < len(mod):
        for j in range(len(mod), i, -1):
            if vocab.english(mod[i:j]):
                out.append(mod[i:j])
                i = j
                break
        else:
            i += 1
    return out


def forms_en(unit: Unit, vocab: Vocabulary) -> list[Form]:
    """How an English passage may show a Chinese unit (empty: the dictionary does not cover it)."""
    if unit.kind == "value":
        words = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
        n = int(unit.text) if unit.text.isdigit() else 0
        extra = [Form(f" {words[n - 2]} ", 1.0)] if 2 <= n <= 10 else []
        return [Form(f" {unit.text} ", 1.0), *extra]
    out = _english_of(unit.text, vocab)
    if unit.kind == "action":
        out += _relation_forms(unit.text, vocab, english=True)
    seen: dict[tuple[str, bool], Form] = {}
    for f in out:
        key = (f.text, f.gap)
        if key not in seen or seen[key].strength < f.strength:
            seen[key] = f
    return sorted(seen.values(), key=lambda f: -f.strength)


def forms_same_en(unit: Unit, vocab: Vocabulary) -> list[Form]:
    """How an English passage may show an English unit: the stem, and the stems of its synonyms."""
    out = [Form(f" {unit.text} ", 1.0)]
    for group_word in vocab.synonyms.get(unit.text, ()):
        if not HAN.search(group_word):
            out.append(Form(english_stems(group_word), 0.9))
    return out


def forms_zh_of_en(unit: Unit, vocab: Vocabulary) -> list[Form]:
    """How a Chinese passage may show an English unit (through the dictionary read backwards)."""
    out: list[Form] = []
    for en, zhs in vocab.en_zh.items():
        if english_stems(en).strip() == unit.text:
            out.extend(Form(z, 0.9) for z in zhs if len(z) >= 2)
    return out
