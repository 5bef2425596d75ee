"""Technical terms with real boundaries: what a referring marker refers to, what a claim introduces.

Two readings of a term, cheapest first:

* the *literal* reading cuts the text after a marker (所述X…) at punctuation, 的 and the predicate
  words of ``lexicons/antecedent.toml``, and matches it against the terms the prior text introduces
  (an occurrence that stands whole there: followed by punctuation, a function word, a locative or
  a part word, and not negated by 被 / 非 before it).  Most 所述X of a well-drafted claim set are
  decided this way;
* the *segmented* reading (:func:`phrase`) tags the text with the rjieba dictionary and takes the
  noun phrase at its start: nouns and the modifiers that stand before a noun, up to a verb, a
  preposition, a function word, a locative (内 / 上 / 之间…), punctuation or a reference sign.  It is
  used only where the literal reading is ambiguous (an introduced prefix followed by an unknown
  word: 所述检测盲隙 after the verb 检测) and for the whole-application checks; the dictionary is
  loaded only as far as the text needs it (:mod:`claimcheck.segment`).

Part/whole relations are judged on terms and their heads, not on substrings: 所述壳体顶部 and
所述壳体内 need only 壳体; 所述检测盲隙 needs 检测盲隙; 被驱动装置 is no introduction of 驱动装置.
Every function takes the :class:`~claimcheck.lexicon.Lexicons` it reads words from.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from claimcheck.lexicon import Lexicons
from claimcheck.model import Claim, ClaimSet, Span

MARKER = re.compile(r"所述之|所述的|所述|(?<![应活])该(?!当|些)|该些|上述的|上述|前述的|前述")
_SKIP_BEFORE = re.compile(r"(?:权利要求|权利|权)[0-9、,，或和及与至到\-~ 任意一项之中的]*$")
_SIGN = re.compile(r"[（(〔\[]\s*[0-9]{1,4}[a-zA-Z'′]?(?:\s*[,，、-]\s*[0-9]{1,4}[a-zA-Z'′]?)*\s*[）)〕\]]")
_ORDINALS = re.compile(
    r"(第[一二三四五六七八九十0-9]+)((?:(?:、|和|及|与|或|以及)第[一二三四五六七八九十0-9]+)+)([\u4e00-\u9fffA-Za-z]{1,8})"
)
TERM_END = re.compile(r"[，。；：,;:、（(〔\[\s“”\"'《》|/]")
ORDINAL_ONLY = re.compile(r"^(?:第[一二三四五六七八九十0-9]+|[一二两三四五六七八九十0-9]+[个根块条只台套]?)$")
_ORDINAL_PREFIX = re.compile(r"^第[一二三四五六七八九十0-9]+")
_ASCII_TERM = re.compile(r"[A-Za-z0-9\-′'αβγ]+")
_GENERIC = frozenset(["方法", "装置", "系统", "设备", "步骤", "结构", "产品", "组合物", "用途", "部件", "工艺"])
# one-character heads of part names (支撑|架, 连接|件)
_NOUN_SUFFIX = frozenset("件杆板架块体座套管轴轮器机片条环盘盖壳罩柱槽孔腔室箱筒头线层膜网阀泵口端面部段芯丝")
# an occurrence right after one of these does not introduce the term (被驱动装置 is not a 驱动装置)
_NEGATORS = ("被", "非", "不", "无")
# ends of single-character stop words that often stand inside a noun (电子|时钟, 储|能): a cut there is uncertain
_SOFT_STOPS = frozenset("上下内外中间处侧端可能相设时无不达最所其较")
# one-character stops that are verbs taking an object (达到, 设有): never right before another predicate
_OBJECT_VERBS = frozenset("达设")
# last characters of the attributes among the part words (温度, 材料, 直径): with a word before them they make a
# term of their own (还原温度, 包膜材料), where a position (顶部, 一端) stays a part of a whole
_ATTRIBUTE_ENDS = frozenset("度料质量率压流速积寸状径力")
# rjieba tags of verbs
_VERB_TAGS = frozenset(["v", "vn", "vd", "vi", "vg"])
# predicates that say what a thing consists of: no verb stands right before them (所述线路保护包括…)
_CONSISTS = ("包括", "包含", "含有", "具有", "具备", "分为", "分成", "选自")
# rjieba part-of-speech tags of nouns
_NOUN_TAGS = frozenset(["n", "nz", "ng", "nr", "ns", "nt", "nrt", "nrfg", "l", "j", "t", "g"])
_CLASSIFIERS = frozenset("个种次只台套对组根块条片把张件副双")
# words tagged as nouns that end a term (…水平时, …之后)
_TIME_WORDS = frozenset(["时", "时候", "之后", "之前", "以后", "以前", "期间", "同时"])


@dataclass(frozen=True, slots=True)
class Prefixes:
    """Words sorted longest first and indexed by their first and last character, for fast prefix and suffix tests."""

    words: tuple[str, ...]
    by_first: dict[str, tuple[str, ...]]
    by_last: dict[str, tuple[str, ...]]

    @staticmethod
    def of(words: list[str] | tuple[str, ...]) -> Prefixes:
        """The index of ``words`` (any order)."""
        ordered = tuple(sorted(dict.fromkeys(w for w in words if w), key=len, reverse=True))
        first: dict[str, list[str]] = {}
        last: dict[str, list[str]] = {}
        for w in ordered:
            first.setdefault(w[0], []).append(w)
            last.setdefault(w[-1], []).append(w)
        return Prefixes(ordered, {k: tuple(v) for k, v in first.items()}, {k: tuple(v) for k, v in last.items()})

    def match(self, text: str) -> str | None:
        """The longest word ``text`` starts with, or None."""
        for w in self.by_first.get(text[:1], ()):
            if text.startswith(w):
                return w
        return None

    def ends(self, text: str) -> bool:
        """Whether ``text`` ends with one of the words."""
        return any(text.endswith(w) for w in self.by_last.get(text[-1:], ()))


@dataclass(frozen=True, slots=True)
class Words:
    """The antecedent word lists, each sorted longest first."""

    plural: list[str]
    singular: list[str]
    anyq: list[str]
    stops: Prefixes
    parts: Prefixes
    long_stops: Prefixes  # stops and parts of two characters or more
    early: frozenset[str]
    locatives: frozenset[str]
    heads: Prefixes


def words(lex: Lexicons) -> Words:
    """The word lists of ``lexicons/antecedent.toml`` (and the product heads of ``categories``) of ``lex``."""
    return lex.table("terms.words", _build_words)


def _build_words(lex: Lexicons) -> Words:
    def get(*keys: str) -> list[str]:
        return sorted(lex.words("antecedent", *keys), key=len, reverse=True)

    heads = [h for h in lex.words("categories", "product", "heads") if len(h) >= 2]
    stops, parts = get("stops", "words"), get("parts", "words")
    return Words(
        plural=get("quantifiers", "plural"),
        singular=get("quantifiers", "singular"),
        anyq=get("quantifiers", "any"),
        stops=Prefixes.of(stops),
        parts=Prefixes.of(parts),
        long_stops=Prefixes.of([x for x in (*stops, *parts) if len(x) >= 2]),
        early=frozenset(get("stops", "early")),
        locatives=frozenset(get("locatives", "words")),
        heads=Prefixes.of(heads),
    )


def normalise(text: str) -> str:
    """Text for matching: reference signs removed, compressed ordinals expanded (第一、第二支架)."""
    text = _SIGN.sub("", text)

    def expand(m: re.Match[str]) -> str:
        firsts = [m.group(1), *re.findall(r"第[一二三四五六七八九十0-9]+", m.group(2))]
        return "、".join(f"{o}{m.group(3)}" for o in firsts)

    return _ORDINALS.sub(expand, text)


class Before:
    """The normalised text before each referring marker of a claim (its subject, ``|``, the claim up to the marker),
    without normalising every prefix again: the claim is normalised clause by clause, once.

    Clauses end after ， ； 。 ： outside a reference sign, where neither a sign nor a run of ordinals (第一、第二支架)
    can reach across, so the normal form of a prefix is the normal forms of its clauses, joined.
    """

    _CUTS = frozenset("，,；;。：:")

    def __init__(self, subject: str, folded: str) -> None:
        self.folded = folded
        inside = bytearray(len(folded) + 1)
        for m in _SIGN.finditer(folded):
            inside[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
        self.cuts = [0] + [i + 1 for i, ch in enumerate(folded) if ch in self._CUTS and not inside[i]]
        head = normalise(subject) + "|"
        pieces = [normalise(folded[a:b]) for a, b in zip(self.cuts, self.cuts[1:], strict=False)]
        self.offsets = list(itertools.accumulate((len(p) for p in pieces), initial=len(head)))
        self.text = head + "".join(pieces)
        self._openings: Openings | None = None
        self._first: tuple[dict[str, int], dict[str, int]] | None = None

    def _prefix(self, end: int) -> tuple[int, str]:
        """(where the last clause before ``folded[end]`` starts in :attr:`text`, its normal form)."""
        j = bisect.bisect_right(self.cuts, end) - 1
        return self.offsets[j], normalise(self.folded[self.cuts[j] : end])

    def text_before(self, end: int) -> str:
        """The normal form of the subject, ``|`` and the claim before ``folded[end]``."""
        start, tail = self._prefix(end)
        if self.text.startswith(tail, start):
            return self.text[: start + len(tail)]
        return self.text[:start] + tail

    def prefix_length(self, end: int) -> int | None:
        """How long :meth:`text_before` is when it is a prefix of :attr:`text` (the usual case), else None."""
        start, tail = self._prefix(end)
        return start + len(tail) if self.text.startswith(tail, start) else None

    def openings_before(self, end: int) -> Opens:
        """The openings of :meth:`text_before`."""
        start, tail = self._prefix(end)
        if self.text.startswith(tail, start):
            return self._prefix_openings(start + len(tail))
        return openings(self.text[:start] + tail)

    def _prefix_openings(self, length: int) -> Opens:
        if self._first is None:
            plain: dict[str, int] = {}
            negated: dict[str, int] = {}
            t = self.text
            for i, ch in enumerate(t):
                if ch in plain:
                    continue
                before = t[max(0, i - 8) : i]
                if _MARKED.search(before):
                    continue
                negated.setdefault(ch, i)
                if not before.endswith(_NEGATORS):
                    plain[ch] = i
            self._first = (plain, negated)
        return _FirstOpenings(*self._first, length)


@dataclass(frozen=True, slots=True)
class _FirstOpenings:
    """The openings of a prefix of a text, from the first opening of each character in the whole text."""

    plain: dict[str, int]
    negated: dict[str, int]
    length: int

    def admits(self, ch: str) -> bool:
        """Whether a term starting with ``ch`` may be introduced in the prefix."""
        return (self.negated if ch in _NEGATORS else self.plain).get(ch, self.length) < self.length


# ----------------------------------------------------------------------------------------------- markers


@dataclass(frozen=True, slots=True)
class Mention:
    """A referring marker and the span of text after it, in flat offsets of its claim."""

    start: int
    marker_end: int
    term_start: int
    span_text: str
    quantifier: str


def mentions(claim: Claim, lex: Lexicons) -> list[Mention]:
    """The referring markers of a claim that may need an antecedent, with the text that follows."""
    flat = claim.flat
    if flat is None:
        return []
    t = flat.folded
    w = words(lex)
    skip_until = 0
    if claim.reference is not None:
        skip_until = flat.index(claim.reference.segment.span.end)
    out: list[Mention] = []
    for m in MARKER.finditer(t):
        if m.start() < skip_until or _SKIP_BEFORE.search(t[max(0, m.start() - 30) : m.start()]):
            continue
        i = m.end()
        quant = ""
        for q in (*w.anyq, *w.plural, *w.singular):
            if t.startswith(q, i) and len(t) > i + len(q):
                quant = q
                i += len(q)
                break
        end = TERM_END.search(t, i)
        j = min(end.start() if end else len(t), i + 24)
        nxt = MARKER.search(t, i, j)  # a following marker ends the span
        if nxt:
            j = nxt.start()
        if j > i:
            out.append(Mention(m.start(), m.end(), i, t[i:j], quant))
    return out


# ----------------------------------------------------------------------------------------------- literal reading


def _starts_with_any(text: str, candidates: Prefixes) -> str | None:
    return candidates.match(text)


def _literal(span_text: str, w: Words) -> tuple[str, bool]:
    """The term a span starts with, cut at 的, a digit or a predicate word; and whether the cut is certain.

    A cut at punctuation, 的, a digit or a predicate word of two characters or more is certain; a
    cut at a one-character word that also stands inside nouns (电子|时钟) or no cut at all in a long
    span is not.
    """
    for k in range(1, len(span_text)):
        ch = span_text[k]
        if ch in w.early or (ch.isdigit() and not span_text[k - 1].isascii()):
            return span_text[:k], True
        if k >= 2:
            stop = _starts_with_any(span_text[k:], w.stops) or _starts_with_any(span_text[k:], w.parts)
            if (
                stop in _OBJECT_VERBS
                and _starts_with_any(span_text[k + 1 :], w.long_stops)
                and _word_ends_at(span_text, k + 1)
            ):
                continue  # 所述激光雷达采集: the segmenter reads a word that ends with the stop, before a predicate
            if stop:
                return span_text[:k], len(stop) >= 2 or stop not in _SOFT_STOPS or _ends_term(span_text[k + 1 :], w)
    return span_text, len(span_text) <= 6


def term_of(span_text: str, lex: Lexicons) -> str:
    """The term a span starts with, read literally (所述滑块往复运动 -> 滑块, 所述轴以… -> 轴)."""
    return _literal(span_text, words(lex))[0]


def _unmarked(term: str, prior: str) -> Iterator[int]:
    """Offsets where ``term`` occurs in ``prior`` as an introduction: not after a referring marker or a negator."""
    start = prior.find(term)
    while start != -1:
        before = prior[max(0, start - 8) : start]
        if not _MARKED.search(before) and not (before.endswith(_NEGATORS) and not term.startswith(_NEGATORS)):
            yield start
        start = prior.find(term, start + 1)


_MARKED = re.compile(
    r"(?:所述之|所述的|所述|该|上述的|上述|前述的|前述)(?:多个|若干个|若干|各个|各|每个|至少一个|一个|两个)?$"
)


def introduced(term: str, prior: str) -> bool:
    """True when ``term`` occurs in ``prior`` at least once as an introduction (not as 所述X, not as 被X)."""
    return next(_unmarked(term, prior), None) is not None


def _ends_term(after: str, w: Words) -> bool:
    """Whether the text right after a term ends it: punctuation, a function word, a predicate, a locative, a part."""
    return (
        not after
        or TERM_END.match(after) is not None
        or after[0] in "|。的"
        or after[0] in w.early
        or after[0].isdigit()
        or _starts_with_any(after, w.stops) is not None
        or _starts_with_any(after, w.parts) is not None
        or after[0] in w.locatives
    )


def _whole_at(after: str, w: Words) -> bool:
    """Whether an occurrence followed by ``after`` is a whole term: a term end follows, or at least no noun head."""
    return _ends_term(after, w) or not (after[0] in _NOUN_SUFFIX or _starts_with_any(after, w.heads))


def complete_in(term: str, prior: str, lex: Lexicons) -> bool:
    """True when ``prior`` introduces ``term`` as a whole term (壳体 in 包括壳体和盖, not 电机 in 电机座)."""
    w = words(lex)
    return any(_whole_at(prior[s + len(term) :], w) for s in _unmarked(term, prior))


def _whole_char(ch: str, prior: str, w: Words) -> bool:
    """True when the one-character term ``ch`` ends a term of ``prior``: alone (包括壳体和盖，, 固定在轴上) or as its
    head (上述井 after 油井或气井), not inside a word (轴承, 运转中)."""
    for start in _unmarked(ch, prior):
        before = prior[start - 1] if start > 0 else "|"
        if _ends_term(prior[start + 1 :], w) and (
            before in "|，,、和及与的：:；;个括有设一在于从由将对" or ch in _NOUN_SUFFIX or ch in "井线网"
        ):
            return True
    return False


def _soft(rest: str, w: Words) -> bool:
    """Whether ``rest`` starts with a one-character stop that also stands inside nouns (时|钟, 上|盖): an uncertain end."""
    return (
        len(rest) > 1
        and rest[0] in _SOFT_STOPS
        and not _starts_with_any(rest, w.long_stops)
        and TERM_END.match(rest, 1) is None
        and rest[1] not in w.early
        and not _ends_term(rest[1:], w)  # 所述平台上并…, 所述井架上用以…: a locative, then a predicate
    )


def _noun_suffix(rest: str, w: Words) -> bool:
    """A noun head after a prefix (支撑|架, 动力|模块, 钻孔|装置): the prefix alone is not the term."""
    if not rest:
        return False
    return (
        rest[0] in _NOUN_SUFFIX
        or rest[-1] in _NOUN_SUFFIX
        or _starts_with_any(rest, w.heads) is not None
        or w.heads.ends(rest)
    )


# ----------------------------------------------------------------------------------------------- segmented reading


def tag(text: str) -> list[tuple[str, str]]:
    """Words of ``text`` with their part-of-speech tags (jieba's, loaded on first use)."""
    from claimcheck.segment import segmenter

    return segmenter().tag(text)


def _is_noun(tok: tuple[str, str], nxt: tuple[str, str] | None, w: Words) -> bool:
    word, pos = tok
    if word in w.locatives or word in _TIME_WORDS or not word.strip():
        return False
    if len(word) == 1 and word in _NOUN_SUFFIX and pos not in ("p", "c", "uj", "m", "r"):
        return True  # 板/ng, 杆/q, 端/v, 盖/v: one-character part heads
    if pos == "l":
        return word[-1] not in "上下地得着了过"  # 控制系统, not 大体上
    if pos in _NOUN_TAGS:
        return True
    if pos == "vn":
        # a verbal noun ends a term only as a predicate: 所述电机驱动所述滑块 (驱动 is a stop word)
        return _starts_with_any(word, w.stops) is None or (nxt is not None and _is_noun(nxt, None, w))
    if pos == "q":
        return word not in _CLASSIFIERS
    if pos == "eng":
        return re.fullmatch(r"[A-Za-z][A-Za-z0-9\-]*", word) is not None
    return False


def _is_modifier(tok: tuple[str, str], after_noun: bool, w: Words) -> bool:
    """A word that may stand before the head noun of a term (安装|支架, 固定|筒, 从动|齿轮, 外|表面)."""
    word, pos = tok
    if word in w.locatives and after_noun:
        return False
    if pos == "v":
        # after a noun a verb is a predicate (所述滑块推动杆件), unless it is no predicate word (负荷响应能力);
        # a one-character verb (有, 是, 设) never modifies a noun (安装有电动机 is no term)
        return len(word) >= 2 and (not after_noun or _starts_with_any(word, w.stops) is None)
    if pos in ("a", "b", "f", "vd", "ad", "an"):
        return not after_noun or pos in ("a", "b", "an")
    if pos == "d":
        return len(word) >= 2 and word[0] not in "一两相均分都也还" and _starts_with_any(word, w.stops) is None
    if pos == "zg":
        return len(word) == 1 and word in _NOUN_SUFFIX
    return False


def _phrase_end(toks: list[tuple[str, str]], i: int, w: Words) -> int:
    """The end (token index) of the noun phrase that starts at token ``i``; ``i`` when none does."""
    n = len(toks)
    j = i
    if j < n and toks[j][0] in _NEGATORS[:2] and j + 1 < n:
        j += 1  # 被驱动装置, 非金属层
    if j < n and toks[j][1] == "m" and _ORDINAL_PREFIX.match(toks[j][0]):
        j += 1  # 第一支架
    end = i
    has_noun = False
    while j < n:
        nxt = toks[j + 1] if j + 1 < n else None
        if _is_noun(toks[j], nxt, w):
            j += 1
            end = j
            has_noun = True
            continue
        # modifiers count only when a noun follows (within two more modifiers)
        k = j
        while k < n and k < j + 3 and _is_modifier(toks[k], has_noun, w):
            k += 1
        if k > j and k < n and _is_noun(toks[k], toks[k + 1] if k + 1 < n else None, w):
            j = k
            continue
        break
    return end if has_noun else i


def phrase(text: str, lex: Lexicons) -> str:
    """The noun phrase at the start of ``text`` (segmented reading), or '' when it starts with none."""
    w = words(lex)
    toks = tag(text[:40])
    end = _phrase_end(toks, 0, w)
    return "".join(t for t, _ in toks[:end])


def _segmented(s: str, t0: str, lex: Lexicons) -> str:
    """The segmented reading of ``s`` where the literal cut ``t0`` is uncertain.

    The phrase may run past the literal cut only where a word starts there (电子|时钟); a word that
    straddles the cut (蜗杆轴心|线相|平行) is a segmentation error and the literal cut stands.
    """
    w = words(lex)
    toks = tag(s[:40])
    end = _phrase_end(toks, 0, w)
    found = "".join(t for t, _ in toks[:end])
    if not found:
        return t0
    if len(found) > len(t0) and found.startswith(t0):
        bounds = set(itertools.accumulate(len(t) for t, _ in toks))
        if len(t0) not in bounds:
            return t0
    return found


def noun_phrases(text: str, lex: Lexicons) -> list[str]:
    """The noun phrases of ``text``, in order, each ending at a verb, a function word, a locative or punctuation."""
    w = words(lex)
    toks = tag(text)
    out: list[str] = []
    i = 0
    while i < len(toks):
        end = _phrase_end(toks, i, w)
        if end > i:
            out.append("".join(t for t, _ in toks[i:end]))
            i = end
        else:
            i += 1
    return out


def _words_around(text: str, k: int) -> tuple[tuple[str, str] | None, tuple[str, str] | None]:
    """The tagged words of ``text`` that end and start at ``k``; (None, None) when a word straddles ``k``."""
    pos = 0
    toks = tag(text[:40])
    for i, (word, _) in enumerate(toks):
        pos += len(word)
        if pos == k:
            return toks[i], toks[i + 1] if i + 1 < len(toks) else None
        if pos > k:
            break
    return None, None


def _last_is_noun(text: str, k: int) -> bool:
    """Whether ``text[:k]`` ends at a word boundary with a plain noun (供给系统|供纸, not 检测|盲隙)."""
    last, _ = _words_around(text, k)
    return last is not None and (last[1] in _NOUN_TAGS or (len(last[0]) == 1 and last[0] in _NOUN_SUFFIX))


def _verb(tok: tuple[str, str] | None) -> bool:
    """Whether a tagged word is a verb of the dictionary (not a word the segmenter guessed: 三防布)."""
    from claimcheck.segment import segmenter

    return tok is not None and tok[1] in _VERB_TAGS and segmenter().has_word(tok[0])


def _word_ends_at(text: str, k: int) -> bool:
    """Whether the segmenter reads a noun of the dictionary that ends at ``k`` (激光雷达|采集)."""
    last, _ = _words_around(text, k)
    return last is not None and last[1] in _NOUN_TAGS and len(last[0]) >= 2


def _verb_before_noun(text: str, k: int, w: Words) -> bool:
    """Whether ``text[:k]`` ends with a verb or a step name that a noun follows (还原|温度, 检测|盲隙): the verb
    then only modifies the noun, and 所述还原温度 refers to a 还原温度, not to the step 还原."""
    last, nxt = _words_around(text, k)
    if not _verb(last):
        return False
    return _starts_with_any(text[k:], w.parts) is not None or (nxt is not None and nxt[1] in _NOUN_TAGS)


def _predicate_next(text: str, k: int) -> bool:
    """Whether the word at ``k`` is a verb followed right away by a predicate of what a thing consists of
    (线路|保护|包括): then it is no predicate of ``text[:k]`` but the end of a longer term (所述线路保护包括…)."""
    _, nxt = _words_around(text, k)
    return nxt is not None and _verb(nxt) and text.startswith(_CONSISTS, k + len(nxt[0]))


# ----------------------------------------------------------------------------------------------- basis


@dataclass(frozen=True, slots=True)
class Reading:
    """The term a referring marker refers to, and whether the prior text introduces it."""

    term: str
    ok: bool


def read(span_text: str, prior: str, lex: Lexicons) -> Reading:
    """The term at the start of ``span_text`` and whether ``prior`` introduces it.

    It has a basis when the prior text introduces it as a whole term (a literal match, the fast
    path); or when a term the prior text introduces is followed in the span by a locative, a part
    or attribute (所述壳体内, 所述壳体顶部) or a predicate; or, for 第一X, when X was introduced as
    several (两个X).  When an introduced prefix is followed by an unknown word (所述检测盲隙 after
    the verb 检测, 所述供给系统供纸 after 供给系统), the segmented reading decides whether the
    prefix is the term.
    """
    w = words(lex)
    s = normalise(span_text)
    if not s:
        return Reading("", True)
    token = _ASCII_TERM.match(s)
    if token is not None:
        after = s[token.end() :]
        if (
            not after
            or not ("\u4e00" <= after[0] <= "\u9fff")
            or after[0] in w.early
            or _starts_with_any(after, w.stops)
        ):
            # an ASCII term (ECU, S1, a chemical symbol): the whole token must occur
            return Reading(token.group(0), introduced(token.group(0), prior))
    t0, certain = _literal(s, w)
    part = _starts_with_any(s[len(t0) :], w.parts) if certain and len(t0) >= 2 else None
    if part is not None and _starts_with_any(s[len(t0) :], w.stops) is None and _verb_before_noun(s, len(t0), w):
        t0 += part  # 所述还原温度 after the step 还原: the term ends at its noun
    if certain and len(t0) >= 2 and introduced(t0, prior):
        return Reading(t0, True)
    hard = TERM_END.search(s)
    limit = min(hard.start() if hard else len(s), 16)
    for k in range(limit, 1, -1):
        p = s[:k]
        if ORDINAL_ONLY.match(p) or not complete_in(p, prior, lex):
            continue
        rest = s[k:]
        if rest and _verb_before_noun(s, k, w):
            continue  # 所述检测盲隙, 所述还原温度: a verb is no introduction of the noun it modifies
        if len(rest) >= 2 and "\u4e00" <= rest[0] <= "\u9fff":
            whole = read(rest, prior, lex)
            if (
                whole.ok
                and rest.startswith(whole.term)
                and whole.term not in _GENERIC
                and (len(whole.term) >= 3 or (len(whole.term) == 2 and _noun_suffix(p[-1], w)))
            ):
                # 所述分配机外壳: 分配机 and its 外壳; 该园区无功调节量: 园区 and its 无功调节量, both introduced
                return Reading(p + whole.term, True)
        if t0.startswith(p) and _noun_suffix(t0[k:], w) and not _starts_with_any(t0[k:], w.parts):
            break  # the term is longer than p (支撑板 -> 所述支撑架, 分配机 -> 所述分配机外壳)
        if not rest or (_ends_term(rest, w) and not _soft(rest, w)):
            return Reading(p, True)
        if _soft(rest, w):
            if _segmented(s, p, lex) == p:
                return Reading(p, True)  # 所述壳体内设有, not 所述驱动时钟 after 驱动
            break
        if rest[0] in _NOUN_SUFFIX:
            break
        if (
            any(_ends_term(prior[i + k :], w) for i in _unmarked(p, prior))
            and _last_is_noun(s, k)
            and not _predicate_next(s, k)
        ):
            return Reading(p, True)  # 所述供给系统供纸: the introduced noun phrase is the term
        break
    term = t0 if certain else _segmented(s, t0, lex)
    if len(term) >= 2 and introduced(term, prior) and complete_in(term, prior, lex):
        return Reading(term, True)
    if any(introduced(f"{term[:k]}的{term[k:]}", prior) for k in range(2, len(term) - 1)):
        return Reading(term, True)  # 所述园区无功调节量 after 园区的无功调节量
    ordinal = _ORDINAL_PREFIX.match(term)
    if ordinal and len(term) > ordinal.end() + 1 and _introduced_as_several(term[ordinal.end() :], prior, w):
        return Reading(term, True)
    if (
        "\u4e00" <= s[0] <= "\u9fff"
        and s[0] not in "一二两三四五六七八九十第各每个被非"
        and not _noun_suffix(t0[1:], w)
        and _whole_char(s[0], prior, w)
        and (len(t0) == 1 or len(tag(s[:40])[0][0]) == 1)
    ):
        # a one-character term (所述盖铰接 after 包括壳体和盖)
        return Reading(s[0], True)
    attribute = _starts_with_any(s[len(term) :], w.parts) if s.startswith(term) else None
    if attribute is not None and attribute[-1] in _ATTRIBUTE_ENDS:
        term += attribute  # 所述包膜材料, 所述室内温度: the whole term, not the word before its attribute
    return Reading(term, False)


def whole_of(span_text: str, prior: str, lex: Lexicons) -> str:
    """The whole ``prior`` introduces when the term of ``span_text`` has no basis but names a part of it (所述锁体外壳
    after 锁体: a noun and a part name of the dictionary ending in a part head), or ''.

    Such a term is an inherent part more often than a new element: its reference is unclear rather than without
    any basis (所述锁体的外壳 would do)."""
    reading = read(span_text, prior, lex)
    if reading.ok:
        return ""
    s = normalise(span_text)
    term = reading.term
    if not s.startswith(term):
        return ""
    last = _words_around(s, len(term))[0]
    if last is None or len(last[0]) < 2 or last[1] not in _NOUN_TAGS or not _noun_suffix(last[0], words(lex)):
        return ""
    if last[0] in _NOT_TERMS or last[0] in _GENERIC:
        return ""  # 所述纸张部分: a portion is no part name
    whole = term[: -len(last[0])]
    before = _words_around(s, len(whole))[0]
    if len(whole) < 2 or before is None or before[1] not in _NOUN_TAGS:
        return ""
    return whole if introduced(whole, prior) and complete_in(whole, prior, lex) else ""


def _introduced_as_several(term: str, prior: str, w: Words) -> bool:
    """Whether ``prior`` introduces ``term`` with a plural quantity (两个齿轮 supports 所述第一齿轮)."""
    for start in _unmarked(term, prior):
        before = prior[max(0, start - 6) : start]
        if any(
            before.endswith(q) for q in w.plural if q not in ("各", "各个", "每个", "每一个", "每一", "全部", "所有")
        ):
            return True
    return False


class Opens(Protocol):
    """Where a prior text may introduce a term: see :class:`Openings`."""

    def admits(self, ch: str) -> bool:
        """Whether a term starting with ``ch`` may be introduced."""
        ...


@dataclass(frozen=True, slots=True)
class Openings:
    """The characters at which a prior text introduces something: where an unmarked occurrence may start."""

    plain: frozenset[str]  # not after a referring marker, nor after 被 / 非 / 不 / 无
    negated: frozenset[str]  # not after a referring marker (a term that itself starts with 被 … may stand there)

    def admits(self, ch: str) -> bool:
        """Whether a term starting with ``ch`` may be introduced here."""
        return ch in (self.negated if ch in _NEGATORS else self.plain)


def openings(prior: str) -> Openings:
    """The :class:`Openings` of ``prior``: every occurrence :func:`read` accepts starts at one of them."""
    plain: set[str] = set()
    negated: set[str] = set()
    for i, ch in enumerate(prior):
        if ch in plain:
            continue
        before = prior[max(0, i - 8) : i]
        if _MARKED.search(before):
            continue
        negated.add(ch)
        if not before.endswith(_NEGATORS):
            plain.add(ch)
    return Openings(frozenset(plain), frozenset(negated))


def last_openings(text: str) -> dict[str, int]:
    """The last offset of each character of ``text`` at an opening (see :func:`openings`: not after a referring
    marker), for asking whether a term may be introduced after some offset."""
    last: dict[str, int] = {}
    for i in range(len(text) - 1, -1, -1):
        ch = text[i]
        if ch not in last and not _MARKED.search(text[max(0, i - 8) : i]):
            last[ch] = i
    return last


def marked_at(text: str, i: int, lo: int = 0) -> bool:
    """Whether ``text[i]`` follows a referring marker in ``text[lo:i]`` (so no term is introduced there)."""
    return _MARKED.search(text[max(lo, i - 8) : i]) is not None


def opening_of(span_text: str) -> str | None:
    """The character every basis :func:`read` accepts for ``span_text`` starts with; None when there is none such.

    Every basis is an unmarked occurrence of a term that starts with the span's first character (an ordinal term
    excepted: 所述第一齿轮 after 两个齿轮), so a prior text without that character at an opening has none.
    """
    s = normalise(span_text)
    return None if not s or _ORDINAL_PREFIX.match(s) else s[0]


def may_read(span_text: str, at: Opens) -> bool:
    """False when :func:`read` cannot find a basis for ``span_text`` in a prior text with these openings."""
    ch = opening_of(span_text)
    return ch is None or at.admits(ch)


def has_basis(span_text: str, prior: str, lex: Lexicons) -> bool:
    """Whether the term at the start of ``span_text`` is introduced in ``prior`` (see :func:`read`)."""
    return read(span_text, prior, lex).ok


def term_at(span_text: str, lex: Lexicons) -> str:
    """The term at the start of ``span_text`` with real boundaries, without a prior text to match."""
    s = normalise(span_text)
    token = _ASCII_TERM.match(s)
    w = words(lex)
    if token is not None and (len(s) == token.end() or not ("\u4e00" <= s[token.end()] <= "\u9fff")):
        return token.group(0)
    t0, certain = _literal(s, w)
    return t0 if certain else _segmented(s, t0, lex)


# ----------------------------------------------------------------------------------------------- inventories

_INTRODUCERS = re.compile(
    r"(?:包括有|包括|包含有|包含|含有|设有|设置有|具有|安装有|连接有|还包括|一种|若干个|若干|多个|至少一个|一个|一对|一组|两个|一根|一块|一条|一片)[：:]?"
)
_LIST_SPLIT = re.compile(r"、|以及|和|及|与")


def introduced_terms(prior: str, lex: Lexicons) -> list[str]:
    """The terms ``prior`` introduces, read literally: the items after 包括 / 设有 / 一个 / 多个 …, and the terms after 所述."""
    listed, marked = _introductions(prior, len(prior), words(lex))
    return _kept({**listed, **marked})


def introduced_terms_of(parts: list[str], lex: Lexicons, cache: dict[tuple[str, str], Any]) -> list[str]:
    """``introduced_terms("|".join(parts), lex)``, each part read once for every call that shares ``cache``.

    No introduction crosses a ``|``, and a term read after 所述 looks at most 24 characters ahead, so a part's
    terms depend only on the part and the 24 characters after it.
    """
    w = words(lex)
    listed: dict[str, None] = {}
    marked: dict[str, None] = {}
    for i, part in enumerate(parts):
        following = ""
        for nxt in itertools.islice(parts, i + 1, None):
            following += "|" + nxt
            if len(following) >= 25:
                break
        following = following[:25]
        key = (part, following)
        if key not in cache:
            cache[key] = _introductions(part + following, len(part), w)
        a, b = cache[key]
        listed.update(a)
        marked.update(b)
    return _kept({**listed, **marked})


def _introductions(text: str, stop: int, w: Words) -> tuple[dict[str, None], dict[str, None]]:
    """The terms introduced by the list words and the terms read after the markers that start before ``stop``."""
    listed: dict[str, None] = {}
    for m in _INTRODUCERS.finditer(text, 0, stop):
        end = TERM_END.search(text, m.end())
        chunk = text[m.end() : end.start() if end else len(text)]
        for item in _LIST_SPLIT.split(chunk):
            pieces = item.split("的")  # 一个信号强度水平的… / 一个固定在转盘上的链轮
            for piece in dict.fromkeys((pieces[0], pieces[-1])):
                piece = _QUANT.sub("", piece)
                if piece:
                    listed.setdefault(_literal(piece, w)[0], None)
    marked: dict[str, None] = {}
    for m in MARKER.finditer(text):
        if m.start() >= stop:
            break
        t0, certain = _literal(text[m.end() : m.end() + 24], w)
        if certain:
            marked.setdefault(t0, None)
    return listed, marked


def _kept(found: dict[str, None]) -> list[str]:
    return [t for t in found if len(t) >= 2 and re.search(r"[\u4e00-\u9fff]", t) and not ORDINAL_ONLY.match(t)]


def closest(term: str, candidates: dict[str, int] | list[str], *, floor: float = 70, heads: bool = False) -> str | None:
    """The candidate term closest to ``term`` (rapidfuzz ratio, favouring frequent ones), or None.

    A candidate that contains ``term`` or is contained in it (unless ``heads``: then a candidate that ends
    ``term`` is offered, 信号强度水平 for 接收信号强度水平), or that differs from it by a prefix that changes the
    meaning (被, 第一/第二, 上/下 …: :func:`contrasting`) is never offered.
    """
    from rapidfuzz import fuzz

    counts = candidates if isinstance(candidates, dict) else dict.fromkeys(candidates, 1)
    best: tuple[float, str] | None = None
    for cand, n in counts.items():
        if len(cand) < 2 or cand == term or term in cand or contrasting(term, cand):
            continue
        if cand in term and not (heads and term.endswith(cand)):
            continue
        score = fuzz.ratio(term, cand) + min(n, 5)
        if score >= floor and (best is None or score > best[0]):
            best = (score, cand)
    return best[1] if best else None


def head_variant(term: str, candidates: dict[str, int] | list[str], lex: Lexicons) -> str | None:
    """The candidate that differs from ``term`` only by its generic head (被驱动系统 -> 被驱动装置), or None.

    Both heads are product heads of two characters or more (装置, 系统, 机构, 组件 …) and the words before them,
    at least two characters, are the same: a prefix that changes the meaning (被, 第一, 上 …) never differs.
    """
    heads = words(lex).heads
    own = next((h for h in heads.by_last.get(term[-1:], ()) if len(h) >= 2 and term.endswith(h)), None)
    if own is None or len(term) - len(own) < 2:
        return None
    stem = term[: -len(own)]
    for cand in candidates:
        rest = cand[len(stem) :]
        if cand != term and cand.startswith(stem) and len(rest) >= 2 and heads.match(rest) == rest:
            return cand
    return None


# ----------------------------------------------------------------------------------------------- same part

# prefixes that make two otherwise equal names two different parts
_PAIRS = (
    ("主动", "从动"),
    ("驱动", "从动"),
    ("主", "副"),
    ("主", "从"),
    ("上", "下"),
    ("内", "外"),
    ("前", "后"),
    ("左", "右"),
    ("输入", "输出"),
    ("进", "出"),
    ("入", "出"),
    ("正", "负"),
    ("顶", "底"),
    ("首", "末"),
    ("始", "终"),
    ("高", "低"),
    ("大", "小"),
    ("长", "短"),
    ("公", "母"),
    ("阴", "阳"),
    ("凸", "凹"),
)


def contrasting(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by a prefix that changes the meaning (被驱动装置 / 驱动装置, 第一齿轮 / 第二齿轮)."""
    k = 0
    while k < min(len(a), len(b)) and a[-1 - k] == b[-1 - k]:
        k += 1
    pa, pb = a[: len(a) - k], b[: len(b) - k]
    if pa == pb:
        return False
    if a.startswith(_NEGATORS[:2]) != b.startswith(_NEGATORS[:2]) or pa.endswith(_NEGATORS) != pb.endswith(_NEGATORS):
        return True  # 被驱动装置 / 驱动装置, 被驱动装置 / 传动装置
    if not pa or not pb:
        return False
    oa, ob = _ORDINAL_PREFIX.match(pa), _ORDINAL_PREFIX.match(pb)
    if oa and ob and oa.group(0) != ob.group(0):
        return True
    return any((pa.endswith(x) and pb.endswith(y)) or (pa.endswith(y) and pb.endswith(x)) for x, y in _PAIRS)


def same_part(a: str, b: str) -> bool:
    """Whether two names plausibly name the same part: one ends with the other, or they share a 2-character head,
    and no prefix that changes the meaning (被, 非, 第一/第二, 主/副, 上/下, 内/外, 输入/输出 …) tells them apart."""
    a, b = a.removesuffix("子"), b.removesuffix("子")
    if a == b:
        return True
    if contrasting(a, b):
        return False
    return a.endswith(b) or b.endswith(a) or (len(a) >= 2 and len(b) >= 2 and a[-2:] == b[-2:])


def head(term: str) -> str:
    """The term without a leading ordinal (第二链轮 -> 链轮): what an ordinal label names."""
    m = _ORDINAL_PREFIX.match(term)
    return term[m.end() :] if m and len(term) > m.end() + 1 else term


# ----------------------------------------------------------------------------------------------- claim terms

_INTRO = re.compile(r"(?:包括有|包括|包含有|包含|含有|设有|设置有|具有|安装有|连接有|还包括)[：:]?")
_QUANT = re.compile(
    r"^(?:所述|该|上述|各|每个|不止|至少|一个或多个|若干个|若干|多个|复数个|"
    r"[一二两三四五六七八九十0-9]+(?:个|根|块|条|只|对|组|片|台|套|种))+"
)
_CJK_TERM = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9\-]+$")
# words that are not technical terms of the invention (a claim's "所述地方" needs no support)
_NOT_TERMS = frozenset(
    [
        "地方",
        "位置",
        "方式",
        "时间",
        "情况",
        "部分",
        "状态",
        "过程",
        "方向",
        "作用",
        "效果",
        "数量",
        "程度",
        "范围",
        "区域",
        "结果",
        "目的",
        "步骤",
        "方法",
        "装置",
        "系统",
    ]
)


@dataclass(frozen=True, slots=True)
class ClaimTerm:
    """A technical term of a claim and where it stands."""

    text: str
    claim: int
    span: Span


def claim_terms(cs: ClaimSet, lex: Lexicons) -> list[ClaimTerm]:
    """Every distinct term of the claims, first occurrence first: the terms after the referring markers
    (read against every claim of the set) and the items of each list after 包括 / 设有 / 含有 (not the steps
    of a method: 包括以下步骤：…)."""
    out: list[ClaimTerm] = []
    seen: set[str] = set()
    every = "|".join(normalise(c.flat.folded) for c in cs if c.flat is not None)

    def add(term: str, claim: Claim, i: int) -> None:
        if claim.flat is None or term in seen or not (2 <= len(term) <= 12) or not _CJK_TERM.match(term):
            return
        if not re.search(r"[\u4e00-\u9fff]{2}", term) or ORDINAL_ONLY.match(term) or term in _NOT_TERMS:
            return
        idx = claim.flat.folded.find(term, i)
        if idx == -1:
            return
        seen.add(term)
        out.append(ClaimTerm(term, claim.number, claim.flat.span(idx, idx + len(term))))

    for c in cs:
        if c.flat is None:
            continue
        t = c.flat.folded
        for m in mentions(c, lex):
            add(read(m.span_text, every, lex).term, c, m.term_start)
        for intro in _INTRO.finditer(t):
            stop = re.search(r"[，。；;：:]", t[intro.end() :])
            if re.match(r"(?:以下|如下)?(?:几个|各)?步骤", t[intro.end() :]):
                continue  # the steps of a method are no terms
            end = intro.end() + stop.start() if stop else len(t)
            pos = intro.end()
            for item in re.split(r"(、|以及|和|及)", t[intro.end() : end]):
                if item not in ("、", "以及", "和", "及"):
                    cleaned = _QUANT.sub("", normalise(item).strip(" ，,；;：:。").split("的")[-1])
                    if cleaned:
                        add(phrase(cleaned, lex), c, pos)
                pos += len(item)
    return out


def description_terms(desc: Any, lex: Lexicons) -> Counter[str]:
    """The noun phrases of a description and how often each occurs, with their heads after an ordinal (第二链轮 ->
    链轮) and their word-final parts; computed once per description and lexicons (kept in ``desc.cache``)."""
    cache: dict[Lexicons, Counter[str]] = desc.cache.setdefault("terms", {})
    key = lex
    if key not in cache:
        counts: Counter[str] = Counter()
        w = words(lex)
        for p in desc.paragraphs:
            toks = tag(normalise(p.text))
            i = 0
            while i < len(toks):
                end = _phrase_end(toks, i, w)
                if end <= i:
                    i += 1
                    continue
                for s in range(i, end):  # the phrase and each word-final part of it (液压驱动装置, 驱动装置, 装置)
                    if s > i and toks[s - 1][0] in _NEGATORS:
                        continue  # 被驱动装置 is no 驱动装置
                    counts["".join(t for t, _ in toks[s:end])] += 1
                i = end
        cache[key] = counts
    return cache[key]
