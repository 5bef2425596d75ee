"""Subject name, category, two-part form and transition of a claim.

All functions work on the width-folded, line-joined text of one claim body
and return offsets into it.
"""

from __future__ import annotations

import re

from claimcheck.lazyre import lazy
from claimcheck.lexicon import Lexicons
from claimcheck.model.claim import Category

QUANTIFIER = re.compile(r"^(?:一种|一个|一类|一套|一款|一台|一件|一组|一项|一只|一条|一把)")
MARKER = re.compile(
    r"其特征还在于|其特征在于|其特征是在于|其特征是|其特征为|其特征|特征在于|特征是|其改进在于|其特点在于|其特点是|"
    r"(?i:characteri[sz]ed[ \t]+in[ \t]+that|characteri[sz]ed[ \t]+by)"
)
_SUBJECT_END_CN = re.compile(
    r"[，,：:；;。]|其特征|特征在于|包括|包含|含有|还包括|进一步包括|(?<!主要)(?<!基本)由(?=[^，。；]{0,80}?(?:组成|构成))"
)
# English claims only: compiled on first use
_SUBJECT_END_EN = lazy(
    r"[,:;.]|\b(?:comprising|comprises|including|includes|consisting|consists|having|has|wherein|which|that|characteri[sz]ed|"
    r"according|as\s+claimed|as\s+defined|as\s+recited|as\s+set\s+forth|as\s+in|in\s+accordance|of\s+(?:any|one|claim)|"
    r"for\s+(?:use\s+)?(?:in|with)\s+(?:a|an|the)\b|containing|with)\b"
)
_ARTICLE = lazy(r"^(?i:a|an|the|one)\s+")


def _build_heads(lex: Lexicons) -> list[tuple[str, Category]]:
    pairs: list[tuple[str, Category]] = []
    for key, cat in (("method", Category.METHOD), ("use", Category.USE), ("product", Category.PRODUCT)):
        pairs.extend((h, cat) for h in lex.words("categories", key, "heads"))
    pairs.sort(key=lambda p: -len(p[0]))
    return pairs


def _heads(lex: Lexicons | None) -> list[tuple[str, Category]]:
    return (lex or Lexicons.default()).table("structure.heads", _build_heads)


def _build_en_heads(lex: Lexicons) -> dict[str, Category]:
    out: dict[str, Category] = {}
    for key, cat in (("method", Category.METHOD), ("use", Category.USE), ("product", Category.PRODUCT)):
        for w in lex.words("categories", key, "en"):
            out[w] = cat
    return out


def _en_heads(lex: Lexicons | None) -> dict[str, Category]:
    return (lex or Lexicons.default()).table("structure.en-heads", _build_en_heads)


_USE_FORM = re.compile(r"(?:在|于).{0,60}中的(?:用途|应用)$|作为.{0,60}的(?:用途|应用)$|的(?:用途|应用)$")


def category_of(subject: str, english: bool = False, lex: Lexicons | None = None) -> Category:
    """The category of a subject name, from its head noun."""
    s = subject.strip()
    if not s:
        return Category.UNKNOWN
    if english:
        low = s.lower()
        if re.match(r"(?:use|usage)\b", low):
            return Category.USE
        words = _en_words(low)
        table = _en_heads(lex)
        for w in reversed(words):
            base = w[:-1] if w.endswith("s") and w[:-1] in table else w
            if base in table:
                return table[base]
        return Category.PRODUCT if words else Category.UNKNOWN
    s = re.sub(r"[（(][^）)]*[）)]$", "", s)
    if _USE_FORM.search(s):
        return Category.USE
    for head, cat in _heads(lex):
        if s.endswith(head):
            return cat
    return Category.UNKNOWN


def _en_words(subject: str) -> list[str]:
    """The words of an English subject up to its first preposition or participle."""
    low = re.split(
        r"\b(?:of|for|to|in|by|with|from|on|at|intended|which|that|encoded|used|adapted)\b|\(", subject.lower()
    )[0]
    return re.findall(r"[a-z][a-z-]*", low)


def head_noun_en(subject: str) -> str:
    """The head noun of an English subject name (``method`` in ``method of using a device``)."""
    words = _en_words(subject)
    if not words:
        return ""
    w = words[-1]
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def head_noun(subject: str, lex: Lexicons | None = None) -> str:
    """The head of a Chinese subject name: the longest category head it ends with, else its last 2 characters."""
    for head, _ in _heads(lex):
        if subject.endswith(head) and len(head) >= 2:
            return head
    return subject[-2:]


def subject_span(text: str, start: int, english: bool) -> tuple[int, int] | None:
    """The span of the subject name that starts at ``start``: up to the first delimiter."""
    i = start
    while i < len(text) and text[i] in " \t":
        i += 1
    if english:
        m = _ARTICLE().match(text, i)
        if m:
            i = m.end()
        e = _SUBJECT_END_EN().search(text, i)
    else:
        q = QUANTIFIER.match(text[i:])
        if q:
            i += q.end()
        e = _SUBJECT_END_CN.search(text, i)
        while e is not None and e.start() == i and e.group(0) not in "，,：:；;。":
            e = _SUBJECT_END_CN.search(text, e.end())
    end = e.start() if e else len(text)
    while end > i and text[end - 1] in " \t的":
        end -= 1
    if end <= i:
        return None
    return i, end


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _cn_transitions(lex: Lexicons) -> re.Pattern[str]:
    """The Chinese transition regex built from ``lexicons/transitions.toml``."""
    quals = _alt(lex.words("transitions", "zh", "open-qualifiers"))
    heads = _alt(lex.words("transitions", "zh", "closed-heads"))
    return re.compile(
        rf"(?P<open2>(?:{quals})由[^，。；]{{1,80}}?(?:{heads}))"
        rf"|(?P<closed>由[^，。；]{{1,80}}?(?:{heads}))"
        rf"|(?P<closed2>{_alt(lex.words('transitions', 'zh', 'closed'))})"
        rf"|(?P<open>{_alt(lex.words('transitions', 'zh', 'open'))})"
    )


def _en_transitions(lex: Lexicons) -> re.Pattern[str]:
    """The English transition regex built from ``lexicons/transitions.toml``."""
    en_open = [w.replace(" ", r"\s+") for w in lex.words("transitions", "en", "open")]
    en_closed = [w.replace(" ", r"\s+") for w in lex.words("transitions", "en", "closed")]
    return re.compile(
        rf"\b(?:(?P<open>{'|'.join(sorted(en_open, key=len, reverse=True))})|(?P<closed>{'|'.join(en_closed)}))\b",
        re.I,
    )


def transition(text: str, start: int, english: bool, lex: Lexicons | None = None) -> tuple[int, int, str] | None:
    """The first transition phrase at or after ``start``: (start, end, 'open' | 'closed')."""
    lx = lex or Lexicons.default()
    pattern = (
        lx.table("structure.en-transitions", _en_transitions)
        if english
        else lx.table("structure.cn-transitions", _cn_transitions)
    )
    m = pattern.search(text, start)
    if not m:
        return None
    kind = "closed" if (m.group("closed") or m.groupdict().get("closed2")) else "open"
    return m.start(), m.end(), kind
