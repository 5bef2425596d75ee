"""Technical features of a claim, split as an attorney splits them for a feature chart or a feature count.

An independent claim gives its subject (``一种夹具``, kind ``subject``: listed in charts, never counted), then the
features of its preamble and characterizing part; a dependent claim the features of its limiting part.

- Clauses joined by ，/；/。 are features; a clause that only continues the one before (从而…, 以便…, 使…) stays
  with it, and phrase-only clauses (其特征在于, 包括以下步骤, 所述步骤3）具体为, 包括：) are no features.
- The steps of a method (S1、…, 步骤1）…, 1）…, 第一步…) are one feature each.
- A list after 包括/包含/设有/具有 (包括底座、支架和电机; 由A、B和C组成) gives one feature per item; 和/及 inside a noun
  phrase is kept (温度和湿度传感器, 温、湿度传感器, 设置在底座和支架之间的弹簧), and so is 和 in the subject of a
  clause (所述进料口和出料口分别位于箱体两端).
- Two statements joined by 、 (其上料端设有料斗、卸料端伸入箱体内) are two features.
- Reference signs (压盘(1), 电动机(13、14)) stay in the text; nothing is split inside brackets, and
  :attr:`ClaimFeature.plain` drops them for counting words.

Spans index the claim's flat text (``claim.flat.text``); :attr:`ClaimFeature.span` is the span in the source.
The word lists are the ``[features]`` table of ``lexicons/strategy.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.lexicon import Lexicons
from claimcheck.model import Claim, Span

_MARKER = re.compile(r"其特征在于|其特征是|其特征为|其特征|特征在于|其改进在于|其改进是")
_SIGN = re.compile(r"[（(\[【〔][0-9A-Za-z][0-9A-Za-z'’′、,，.\-～~\s]*[）)\]】〕]")
_OPEN, _CLOSE = "（([【〔", "）)]】〕"
_BRACKET = re.compile(r"[（(\[【〔）)\]】〕]")
_OPENS = re.compile(r"[（(\[【〔]")
# the last character of any text _PHRASE matches in full, but the empty one: a quick test before the pattern
_PHRASE_ENDS = frozenset("于是为，,：:有括含下述列个干骤序")
_STOP = "，,；;。：:\n"
_STOP_AT = re.compile(r"[，,；;。：:\n]")
# where a step label may start after the first character: after a stop, a space or a tab, on a label's first character
_STEP_AT = re.compile(r"(?<=[，,；;。：:\n \t])[Ss步\d（(第①-⑳]")
_ENUM_COMMA = re.compile("、")
_LEADS_IN = re.compile(r"(?:如下|如下所示|为|是)$")
_PAD = " \t\n，,。.；;：:、"
# a step label at the start of a clause: S1、 / 步骤1） / 步骤一， / 1） / 1.1） / (2) / 第一步 / ①
_STEP = re.compile(
    r"(?:[Ss]\s*\d+(?:\.\d+)*\s*[、.．:：)）]?"
    r"|步骤\s*(?:[A-Za-z]?\d+(?:\.\d+)*|[一二三四五六七八九十]+)\s*[)）]?\s*[、.．:：，,]?"
    r"|\d+(?:\.\d+)*\s*[)）、]|[（(]\d+[)）]|第[一二三四五六七八九十]+步\s*[、:：，,]?|[①-⑳])"
)
_PHRASE = re.compile(
    r"(?:其特征在于|其特征是|其特征为|特征在于|其改进在于)?[，,：:]?"
    r"(?:(?:所述|该|上述|其)?(?:[^，；：]{0,16}?(?:方法|系统|装置|设备|步骤\s*[A-Za-z]?\d*(?:\.\d+)*\s*[)）]?))?"
    r"(?:还|进一步|主要)?(?:具体)?(?:包括有|包括|包含|含有|具有)(?:以下|如下|下述|下列)?(?:几个|若干)?(?:步骤|工序)?"
    r"(?:如下|为)?"
    r"|(?:所述|该|上述|其)?(?:[^，；：]{0,16}?(?:方法|步骤\s*[A-Za-z]?\d*(?:\.\d+)*\s*[)）]?))?(?:具体)?(?:步骤|工序)?"
    r"(?:如下|为|是))?"
)
_ADVERB = re.compile(r"其间|此时|然后|其中|同时|另外|最后|之后|随后|接着|此外|另一方面")
_CONNECTOR = re.compile(r"(?:其中|并且|且|并|以及|同时|另外)[，,]?")
_LEAD = re.compile(r"(?:还|进一步)?(?:包括有|包括|包含|含有)[：:]?")
_CLOSED = re.compile(r"(?:组成|构成)$")
# a clause that only says where the next one applies: 步骤S2中，… / 在所述步骤3）之后，…
_SCOPE = re.compile(r"(?:在|于)?(?:所述|上述)?(?:步骤|工序)\s*[A-Za-z]?\d*(?:\.\d+)*\s*[)）]?(?:中|时|之后|后|之前|前)")


@dataclass(frozen=True, slots=True)
class ClaimFeature:
    """A technical feature: ``text`` is ``claim.flat.text[start:end]``, ``span`` its place in the source."""

    start: int
    end: int
    text: str
    kind: str  # "subject", "preamble", "characterizing", "limiting"
    span: Span

    @property
    def plain(self) -> str:
        """The text without reference signs (压盘(1) -> 压盘)."""
        return _SIGN.sub("", self.text)


@dataclass(frozen=True, slots=True)
class _Words:
    intro: re.Pattern[str]
    verbs: re.Pattern[str]
    continuations: tuple[str, ...]
    modifiers: frozenset[str]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _ahead(words: list[str]) -> str:
    """A lookahead on the first characters of ``words`` (none when a word is empty or there are none)."""
    if not words or not all(words):
        return ""
    return f"(?=[{re.escape(''.join(sorted({w[0] for w in words})))}])"


def _build(lex: Lexicons) -> _Words:
    table = lex.load("strategy").get("features", {})
    verbs = table.get("list-verbs", [])
    return _Words(
        # led by a lookahead on the first characters (the same matches, fewer positions tried)
        re.compile(
            f"{_ahead(['还', '进', '另', *verbs]) if _ahead(verbs) else ''}"
            f"(?:还|进一步|另)?(?:{_alternation(verbs)})[：:]?"
        ),
        re.compile(_alternation(table.get("verbs", []))),
        tuple(sorted(table.get("continuations", []), key=len, reverse=True)),
        frozenset(table.get("modifiers", [])),
    )


def _depth_mask(t: str) -> list[int]:
    """Bracket depth at each character of ``t`` (0: outside every bracket; a bracket counts as inside)."""
    out = [0] * len(t)
    d = 0
    prev = 0
    for m in _BRACKET.finditer(t):
        i = m.start()
        if d:
            out[prev:i] = [d] * (i - prev)
        if t[i] in _OPEN:
            d += 1
            out[i] = d
        else:
            out[i] = d
            d = max(d - 1, 0)
        prev = i + 1
    if d:
        out[prev:] = [d] * (len(t) - prev)
    return out


def _trim(t: str, a: int, b: int) -> tuple[int, int]:
    while a < b and t[a] in _PAD:
        a += 1
    while b > a and t[b - 1] in _PAD:
        b -= 1
    return a, b


def _plain_len(s: str) -> int:
    return len("".join(_unsigned(s).split()))  # split() drops what \s matches: Unicode whitespace


def _unsigned(s: str) -> str:
    """``s`` without reference signs; most texts have no bracket at all."""
    return _SIGN.sub("", s) if _OPENS.search(s) else s


class _Splitter:
    def __init__(self, t: str, words: _Words) -> None:
        self.t = t
        self.w = words
        self.depth = _depth_mask(t)
        self._phrases: dict[tuple[int, int], bool] = {}

    def top(self, i: int) -> bool:
        return self.depth[i] == 0

    def clauses(self, a: int, b: int) -> list[tuple[int, int]]:
        """Clauses of ``t[a:b]`` split at top-level ，；。：, continuation clauses joined to the one before."""
        t = self.t
        depth = self.depth
        raw: list[tuple[int, int]] = []
        s = a
        for m in _STOP_AT.finditer(t, a, b):
            i = m.start()
            if not depth[i] and not (t[i] in ":：" and t[i - 1 : i].isdigit()):
                raw.append((s, i))
                s = i + 1
        raw.append((s, b))
        out: list[tuple[int, int]] = []
        continuations = self.w.continuations
        for x, y in raw:
            x, y = _trim(t, x, y)
            if x >= y:
                continue
            if not out:
                out.append((x, y))
                continue
            px, py = out[-1]
            sep = t[py:x].strip()[:1]
            joins = (sep in "，," and t.startswith(continuations, x, y)) or (
                sep in "：:" and _LEADS_IN.search(t, px, py)
            )
            if (joins or _ADVERB.fullmatch(t, px, py) or _SCOPE.fullmatch(t, px, py)) and not self.phrase(px, py):
                # 从而… / 使… continue a clause; 其组分配比如下：… and 其间，… lead into the next
                out[-1] = (out[-1][0], y)
            else:
                out.append((x, y))
        return out

    def phrase(self, a: int, b: int) -> bool:
        """Whether ``t[a:b]`` only leads into features (其特征在于, 包括以下步骤, 所述步骤3）具体为)."""
        found = self._phrases.get((a, b))
        if found is None:
            s = _unsigned(self.t[a:b]).strip()
            found = self._phrases[a, b] = (not s or s[-1] in _PHRASE_ENDS) and _PHRASE.fullmatch(s) is not None
        return found

    def steps(self, a: int, b: int) -> list[tuple[int, int]] | None:
        """The steps of ``t[a:b]`` (label excluded), when at least two clauses begin with a step label."""
        t = self.t
        starts: list[tuple[int, int]] = []
        i = a  # positions before i are read; a label may start at a or after a stop, a space or a tab
        for at in [a, *(m.start() for m in _STEP_AT.finditer(t, a + 1, b))]:
            if at < i or at >= b or not self.top(at):
                continue
            m = _STEP.match(t, at, b)
            if m and m.end() < b and not t[m.end()].isdigit():
                starts.append((at, m.end()))
                i = m.end()
        if len(starts) < 2:
            return None
        out = []
        lead = _trim(t, a, starts[0][0])
        if lead[1] > lead[0] and not self.phrase(*lead):
            out.extend(self.clauses(*lead))
        for k, (_, body) in enumerate(starts):
            end = starts[k + 1][0] if k + 1 < len(starts) else b
            x, y = _trim(t, body, end)
            if y > x and not self.phrase(x, y):
                # a step that only introduces sub-steps (所述步骤1）包括以下步骤：1.1）…) is a phrase
                out.append((x, y))
        return out

    def items(self, a: int, b: int) -> list[tuple[int, int]]:
        """One clause as features: list items after 包括/设有, or statements joined by 、, or the clause."""
        t = self.t
        m = _CONNECTOR.match(t, a, b)
        if m and b - m.end() >= 2:
            a = m.end()
        intro = self._intro(a, b)
        if intro is not None:
            head, body = intro
            end = b
            closed = _CLOSED.search(t, body, b)
            if closed is not None and t[head:body].startswith("由"):
                end = closed.start()  # 由A、B和C组成: the items without 组成
            parts = self._list(body, end)
            if len(parts) > 1:
                first_a = a if head > a else parts[0][0]
                return [(first_a, parts[0][1]), *parts[1:]]
        m = _LEAD.match(t, a, b)
        if m and b - m.end() >= 2:
            a = m.end()  # 包括压盘(1) -> 压盘(1)
        return self._statements(a, b)

    def _intro(self, a: int, b: int) -> tuple[int, int] | None:
        """The list verb of a clause (start of the verb, start of the list), if a list follows it."""
        t = self.t
        for m in self.w.intro.finditer(t, a, b):
            if not self.top(m.start()):
                continue
            if m.group(0).startswith("由") and not _CLOSED.search(t, m.end(), b):
                continue
            at = t.find("、", m.end(), b)
            while at != -1 and not self.top(at):
                at = t.find("、", at + 1, b)
            if at != -1 or t.find("和", m.end(), b) != -1 or t.find("及", m.end(), b) != -1:
                return m.start(), m.end()
            return None
        return None

    def _list(self, a: int, b: int) -> list[tuple[int, int]]:
        """Items of ``A、B和C`` in ``t[a:b]``, noun phrases (温度和湿度传感器) kept whole."""
        t = self.t
        cuts: list[tuple[int, int]] = []
        for m in re.finditer(r"以及|、|和|及", t[a:b]):
            s, e = a + m.start(), a + m.end()
            if self.top(s):
                cuts.append((s, e))
        items: list[tuple[int, int]] = []
        prev = a
        for s, e in [*cuts, (b, b)]:
            items.append((prev, s))
            prev = e
        # join what a cut separated wrongly
        out: list[tuple[int, int]] = []
        for k, (x, y) in enumerate(items):
            if out and self._joined(out[-1], (x, y), t[items[k - 1][1] : x]):
                out[-1] = (out[-1][0], y)
            else:
                out.append((x, y))
        return [p for p in (_trim(t, x, y) for x, y in out) if p[1] > p[0]]

    def _joined(self, left: tuple[int, int], right: tuple[int, int], sep: str) -> bool:
        t = self.t
        lt = _SIGN.sub("", t[left[0] : left[1]]).strip()
        rt = _SIGN.sub("", t[right[0] : right[1]]).strip()
        if not lt or not rt:
            return True
        tail = lt.rsplit("的", 1)[-1]
        if len(tail) <= 1 and sep == "、":
            return True  # 温、湿度传感器; 进、出风口
        if tail in self.w.modifiers and rt.startswith(tuple(self.w.modifiers)) and rt not in self.w.modifiers:
            return True  # 温度和湿度传感器
        if sep != "、" and re.match(r"[^、，]*?(?:之间|之中|两者|二者|组成的|构成的|制成的)", rt):
            return True  # 设置在底座和支架之间的弹簧
        # 和 inside a modifier: 与A和B相连的C
        return sep != "、" and lt.startswith(("与", "和", "同")) and "的" not in lt

    def _statements(self, a: int, b: int) -> list[tuple[int, int]]:
        """Two statements joined by 、 (料斗、卸料端穿过箱体侧板) split; otherwise the clause whole."""
        t = self.t
        cuts = [m.start() for m in _ENUM_COMMA.finditer(t, a, b) if self.top(m.start())]
        if not cuts:
            return [(a, b)]
        out: list[tuple[int, int]] = []
        prev = a
        for i in [*cuts, b]:
            piece = (prev, i)
            if (
                out
                and self.w.verbs.search(t, out[-1][0], out[-1][1])
                and self.w.verbs.search(t, piece[0], piece[1])
                and _plain_len(t[piece[0] : piece[1]]) >= 4
            ):
                out.append(piece)
            elif out:
                out[-1] = (out[-1][0], piece[1])
            else:
                out.append(piece)
            prev = i + 1
        return [p for p in (_trim(t, x, y) for x, y in out) if p[1] > p[0]]


def claim_features(claim: Claim, lex: Lexicons | None = None) -> list[ClaimFeature]:
    """The features of one claim, in order, the subject of an independent claim first.

    Read once per claim and lexicons and kept on the claim (``Claim.memo``): the rules that need the features share
    one reading.  The list is shared: do not modify it.
    """
    lex = lex or Lexicons.default()
    text = claim.flat.text if claim.flat is not None else None
    kept = claim.memo.get("features")
    if isinstance(kept, tuple) and kept[0] is lex and kept[1] == text:
        features: list[ClaimFeature] = kept[2]
        return features
    features = _read_features(claim, lex)
    claim.memo["features"] = (lex, text, features)
    return features


def _read_features(claim: Claim, lex: Lexicons) -> list[ClaimFeature]:
    """The features of one claim, read from its text (see :func:`claim_features`)."""
    flat = claim.flat
    if flat is None:
        return []
    t = flat.text
    sp = _Splitter(t, lex.table("features.words", _build))
    out: list[tuple[int, int, str]] = []
    if claim.is_independent:
        kind = "preamble"
        start = 0
        if claim.subject is not None:
            s_start = flat.index(claim.subject.span.start)
            s_end = flat.index(claim.subject.span.end)
            lead = 2 if t[max(0, s_start - 2) : s_start] in ("一种", "一个") else 0
            out.append((s_start - lead, s_end, "subject"))
            start = s_end
    else:
        kind = "limiting"
        anchor = (
            claim.subject.span.end
            if claim.subject is not None
            else claim.reference.segment.span.end
            if claim.reference is not None
            else 0
        )
        start = flat.index(anchor)
    marker = _MARKER.search(t, start)
    regions = [(start, len(t), kind)]
    if marker is not None:
        after = "characterizing" if kind == "preamble" else "limiting"
        regions = [(start, marker.start(), kind), (marker.end(), len(t), after)]
    for a, b, k in regions:
        steps = sp.steps(a, b)
        spans = steps if steps is not None else [p for c in sp.clauses(a, b) for p in _clause_items(sp, c)]
        for x, y in spans:
            x, y = _trim(t, x, y)
            if _plain_len(t[x:y]) >= 2 and not sp.phrase(x, y):
                out.append((x, y, k))
    return [ClaimFeature(a, b, t[a:b], k, flat.span(a, b)) for a, b, k in out]


def _clause_items(sp: _Splitter, clause: tuple[int, int]) -> list[tuple[int, int]]:
    a, b = clause
    if sp.phrase(a, b):
        return []
    # 其特征是，包括：A；B — a leading phrase (包括) glued to the clause by a colon is split off by clauses()
    return sp.items(a, b)


def feature_count(claim: Claim, lex: Lexicons | None = None) -> int:
    """How many technical features the claim has (its subject not counted)."""
    return sum(f.kind != "subject" for f in claim_features(claim, lex))
