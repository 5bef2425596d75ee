"""English claim wording: words, noun phrases with their determiners, and whether a reference has a basis.

A noun phrase is read from a determiner (``a``, ``the``, ``said``, ``at least one``, ``one or more``, none) up to
the next function word, verb, number or punctuation mark. A word ending in ``-s``, ``-ed`` or ``-ing`` after the
first word of a phrase ends it when a determiner or a function word follows (``the field produces an …``,
``a membrane exposed to …``). Coordinated modifiers take the head of the next phrase (``a first and a second
magnet`` introduces ``first magnet`` and ``second magnet``). Phrases after ``the`` / ``said`` refer back; every
other phrase (``a``, ``at least one``, a bare plural after a preposition, the preamble's subject) introduces.

:func:`basis` answers, for one referring phrase, whether a list of introductions supports it: literally (every
word of the reference in one introduction, same head), by its head only (``said fixed magnets`` after
``a magnet``), or not at all. Plurals are folded (``magnets`` = ``magnet``).
"""

from __future__ import annotations

import bisect
import difflib
import enum
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from types import MappingProxyType

from claimcheck.lexicon import Lexicons

WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:['’][A-Za-z]+)?(?:-[A-Za-z0-9]+)*|\d+(?:[.,]\d+)*|\S")
# led by a lookahead on the first letters of the alternatives (same flags, so the same matches, sooner)
_MULTI_DET = re.compile(
    r"(?i)\b(?=[aotseb])(?:at\s+least\s+(?:one|two|three)|one\s+or\s+more|two\s+or\s+more|a\s+plurality\s+of|"
    r"a\s+pair\s+of|a\s+set\s+of|a\s+number\s+of|a\s+series\s+of|the\s+said|the\s+at\s+least\s+(?:one|two)|"
    r"the\s+one\s+or\s+more|said\s+at\s+least\s+(?:one|two)|said\s+one\s+or\s+more|the\s+plurality\s+of|"
    r"said\s+plurality\s+of|each\s+of\s+the|each\s+of\s+said|one\s+of\s+the|one\s+of\s+said|any\s+of\s+the|"
    r"at\s+least\s+one\s+of\s+the|at\s+least\s+one\s+of\s+said|all\s+of\s+the|both\s+of\s+the|the\s+two|the\s+three|"
    r"said\s+two|the\s+first\s+and\s+second|the\s+respective|a\s+further|an\s+additional)\b"
)
_IRREGULAR = MappingProxyType(
    {
        "teeth": "tooth",
        "feet": "foot",
        "children": "child",
        "men": "man",
        "women": "woman",
        "data": "data",
        "media": "medium",
        "criteria": "criterion",
        "phenomena": "phenomenon",
        "indices": "index",
        "matrices": "matrix",
        "vertices": "vertex",
        "axes": "axis",
        "analyses": "analysis",
        "bases": "base",
        "means": "means",
        "series": "series",
        "species": "species",
        "apparatus": "apparatus",
        "apparatuses": "apparatus",
        "leaves": "leaf",
        "halves": "half",
        "knives": "knife",
        "shelves": "shelf",
    }
)


def singular(word: str) -> str:
    """The singular of an English noun (lower case): ``magnets`` → ``magnet``, ``cavities`` → ``cavity``."""
    w = word.lower()
    if "-" in w:
        head, _, last = w.rpartition("-")
        return f"{head}-{singular(last)}"
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if len(w) <= 3 or w.endswith(("ss", "us", "is", "ous", "ics")):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "sses", "zes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith("'s"):
        return w[:-1]
    return w


@dataclass(frozen=True, slots=True)
class Word:
    """One token of a text: a word, a number or a punctuation mark, with its offsets."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        """The token in lower case."""
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        """True for a word (letters first)."""
        return self.text[:1].isalpha()


def tokens(text: str) -> list[Word]:
    """The words, numbers and punctuation marks of ``text``."""
    return [Word(m.group(), m.start(), m.end()) for m in WORD.finditer(text)]


@dataclass(frozen=True, slots=True)
class Phrase:
    """A noun phrase: its words (lower case), where it lies, the determiner before it and what follows it."""

    words: tuple[str, ...]
    start: int
    end: int
    det: str
    after: str = ""
    coordinated: bool = False

    @property
    def referring(self) -> bool:
        """True when the phrase refers back (``the X``, ``said X``)."""
        return self.det in REFERRING_DETS

    @property
    def head(self) -> str:
        """The head noun, singular."""
        return singular(self.words[-1])

    @property
    def key(self) -> tuple[str, ...]:
        """The words with the head in the singular."""
        return (*self.words[:-1], self.head)

    @property
    def text(self) -> str:
        """The words joined by spaces."""
        return " ".join(self.words)


REFERRING_DETS = frozenset(
    {
        "the",
        "said",
        "the said",
        "the at least one",
        "the at least two",
        "the one or more",
        "said at least one",
        "said at least two",
        "said one or more",
        "the plurality of",
        "said plurality of",
        "each of the",
        "each of said",
        "one of the",
        "one of said",
        "any of the",
        "at least one of the",
        "at least one of said",
        "all of the",
        "both of the",
        "the two",
        "the three",
        "said two",
        "the first and second",
        "the respective",
    }
)


@dataclass(frozen=True, slots=True)
class EnglishWords:
    """The word lists of :mod:`lexicons/english.toml`, as sets."""

    stop: frozenset[str]
    introducing: frozenset[str]
    referring: frozenset[str]
    ly_nouns: frozenset[str]
    distinguishing: frozenset[str]
    exempt: frozenset[str]
    environment: frozenset[str]
    properties: frozenset[str]
    process: frozenset[str]


def english_words(lex: Lexicons | None = None) -> EnglishWords:
    """The English word lists of a configuration (built once per :class:`Lexicons`)."""
    lex = lex or Lexicons.default()
    return lex.table("english-words", _build)


def _build(lex: Lexicons) -> EnglishWords:
    def s(*keys: str) -> frozenset[str]:
        return frozenset(w.lower() for w in lex.words("english", *keys))

    return EnglishWords(
        stop=s("phrases", "stop"),
        introducing=s("phrases", "introducing"),
        referring=s("phrases", "referring"),
        ly_nouns=s("phrases", "ly-nouns"),
        distinguishing=s("phrases", "distinguishing"),
        exempt=s("phrases", "exempt"),
        environment=s("phrases", "environment"),
        properties=s("phrases", "properties"),
        process=s("phrases", "process"),
    )


_Token = tuple[str, bool, bool, bool, int]


class WordMemo:
    """What :func:`phrases` reads of each distinct token and word, computed once for the texts of one lint.

    For a token: its lower case, whether it is a word, whether it ends a phrase, and whether it reads as a
    determiner or a number; for a word: its singular. Tied to one set of word lists (``words``).
    """

    def __init__(self, lex: Lexicons | None = None) -> None:
        self.words = english_words(lex)
        self._tokens: dict[str, _Token] = {}
        self._singular: dict[str, str] = {}

    def token(self, text: str) -> _Token:
        """``(lower, is_word, ends_phrase, det_like, verb)`` of a token's text; ``verb`` is 1 for a participle,
        2 for a plural or third-person form, 0 otherwise (see :func:`_verb_at`)."""
        found = self._tokens.get(text)
        if found is None:
            ew = self.words
            low = text.lower()
            is_word = text[:1].isalpha()
            ends = (
                not is_word
                or low in ew.stop
                or low in ew.introducing
                or (len(low) > 4 and low.endswith("ly") and low not in ew.ly_nouns)
            )
            det_like = low in ew.referring or low in ew.introducing or bool(_NUMBER.fullmatch(low))
            verb = 0
            if low in _ING_NOUNS:
                verb = 0
            elif (low.endswith(("ed", "ing", "able", "ible")) and len(low) > 4) or low in _PARTICIPLES:
                verb = 1
            elif low.endswith("s") and not low.endswith(("ss", "us", "is", "'s")):
                verb = 2
            found = self._tokens[text] = (low, is_word, ends, det_like, verb)
        return found

    def read(self, texts: Sequence[str]) -> list[_Token]:
        """:meth:`token` of each text."""
        get = self._tokens.get
        return [get(t) or self.token(t) for t in texts]

    def singular(self, word: str) -> str:
        """:func:`singular` of ``word``, remembered."""
        found = self._singular.get(word)
        if found is None:
            found = self._singular[word] = singular(word)
        return found


def _verb_at(lows: Sequence[str], dets: Sequence[bool], k: int, end: int, verb: int, empty_det: bool) -> bool:
    """Whether word ``k`` of a phrase running to ``end`` is a verb or a participle after the head.

    ``lows`` are the tokens in lower case, ``dets`` whether each reads as a determiner or a number, ``verb``
    the word's form (:meth:`WordMemo.token`) and ``empty_det`` the determiner reading of the empty string
    (after the last token).
    """
    if not verb:
        return False
    last = k + 1 >= len(lows)
    nxt = "" if last else lows[k + 1]
    det_next = empty_det if last else dets[k + 1]
    if verb == 1:
        low = lows[k]
        prev = lows[k - 1]
        plural_before = low.endswith("ing") and prev.endswith("s") and not prev.endswith(("ss", "us", "is"))
        return det_next or k + 1 == end or plural_before  # "plates defining gaps"
    return det_next or (k + 1 == end and len(nxt) > 4 and nxt.endswith("ly"))


# nouns that end like a participle: "a damper spring", "a motor housing" keep their head
_ING_NOUNS = frozenset(
    [
        "spring",
        "springs",
        "string",
        "strings",
        "housing",
        "housings",
        "casing",
        "casings",
        "bearing",
        "bearings",
        "bushing",
        "bushings",
        "opening",
        "openings",
        "coating",
        "coatings",
        "fitting",
        "fittings",
        "lining",
        "ceiling",
        "building",
        "tubing",
        "wiring",
        "packing",
        "padding",
        "mounting",
        "drawing",
        "drawings",
    ]
)
_ORDINALS = frozenset(["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"])
_PARTICIPLES = frozenset(
    [
        "known",
        "shown",
        "given",
        "taken",
        "made",
        "held",
        "built",
        "bound",
        "found",
        "kept",
        "left",
        "sold",
        "worn",
        "borne",
        "drawn",
        "grown",
        "thrown",
        "sewn",
        "spun",
        "wound",
        "laid",
        "led",
        "fed",
        "bent",
        "sent",
        "spent",
        "lent",
        "seen",
        "done",
    ]
)


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def phrases(text: str, lex: Lexicons | None = None, memo: WordMemo | None = None) -> list[Phrase]:
    """The noun phrases of ``text`` in order, each with its determiner (``""`` when none).

    ``memo`` (for the same word lists) keeps what was read of each word across the texts of one lint.
    """
    ew = english_words(lex)
    if memo is None or memo.words is not ew:
        memo = WordMemo(lex)
    toks = _clean(text, ew, memo)
    texts, starts, ends, info, abbreviations = toks
    lows = [x[0] for x in info]
    dets = [x[3] for x in info]
    empty_det = memo.token("")[3]
    multi = {m.start(): m for m in _MULTI_DET.finditer(text)}
    referring, introducing, distinguishing = ew.referring, ew.introducing, ew.distinguishing
    out: list[Phrase] = []
    det = ""
    i = 0
    n = len(texts)
    while i < n:
        m = multi.get(starts[i]) if multi else None
        if m is not None:
            det = " ".join(m.group().lower().split())
            stop = m.end()
            while i < n and starts[i] < stop:
                i += 1
            continue
        low, is_word, ends_phrase = info[i][:3]
        if low in referring or low in introducing:
            det = low if not (det == "the" and low == "said") else "the said"
            i += 1
            continue
        if ends_phrase:
            det = "" if is_word or texts[i] in ",;:" else "-"
            i += 1
            continue
        j = i + 1
        while j < n and not info[j][2]:
            j += 1
        # a verb-like word followed by a determiner or a function word ends the phrase before it
        for k in range(i + 1, j):
            verb = info[k][4]
            if (verb and _verb_at(lows, dets, k, j, verb, empty_det)) or (
                lows[k] in _ORDINALS and lows[k - 1] not in distinguishing
            ):
                j = k
                break
        words = tuple(lows[i:j])
        after = lows[j] if j < n else ""
        if det != "-":
            out.append(Phrase(words, starts[i], ends[j - 1], det, after))
            # an abbreviation defined inside the phrase or right after it: "control unit (ECU)" → "ECU"
            if abbreviations:
                for k in range(i + 1, j + 1):
                    if k in abbreviations:
                        out.append(Phrase((abbreviations[k], *words[k - i :]), starts[i], ends[j - 1], det, after))
        det = ""
        i = j
    return _coordinate(out, text, ew)


_SIGN = re.compile(r"(?:[A-Za-z]{0,2}\d+[A-Za-z'’]*|[a-zA-Z]|[ivx]+|[IVX]+|[-–,;/&]|and|to)")
_ABBREVIATION = re.compile(r"[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*s?")

_Tokens = tuple[list[str], list[int], list[int], list[_Token], dict[int, str]]
# where _clean may change the tokens: a bracket, or a token "one" (a word token is ASCII)
_EVENT = re.compile(r"[(\[]|[Oo][Nn][Ee]")
_SPLIT = re.compile(f"({WORD.pattern})")


def _clean(text: str, ew: EnglishWords, memo: WordMemo) -> _Tokens:
    """The tokens of ``text`` (texts, starts, ends, :meth:`WordMemo.token` of each) without reference signs and
    abbreviations in parentheses (a sign ends a phrase, an abbreviation does not), without ``one`` in
    ``a first one X``; and the abbreviations by the index of the token after them.

    Only tokens at a bracket or a ``one`` are looked at one by one; the runs between them are copied.
    """
    # the tokens and the (blank) gaps between them alternate; their offsets are the running sums of their lengths
    parts = _SPLIT.split(text)
    offsets = list(accumulate(map(len, parts), initial=0))
    texts = parts[1::2]
    starts = offsets[1:-1:2]
    ends = offsets[2::2]
    token = memo.token
    info = memo.read(texts)
    n = len(texts)
    events: list[int] = []
    for m in _EVENT.finditer(text):
        k = bisect.bisect_left(starts, m.start())
        if k < n and starts[k] == m.start() and (texts[k] in "([" or info[k][0] == "one"):
            events.append(k)
    if not events:
        return texts, starts, ends, info, {}
    o_texts: list[str] = []
    o_starts: list[int] = []
    o_ends: list[int] = []
    o_info: list[_Token] = []
    abbreviations: dict[int, str] = {}
    cur = 0  # tokens from here on are not yet copied
    for i in events:
        if i < cur:
            continue
        o_texts += texts[cur:i]
        o_starts += starts[cur:i]
        o_ends += ends[cur:i]
        o_info += info[cur:i]
        cur = i
        t = texts[i]
        if t in "([":
            close = next((k for k in range(i + 1, min(n, i + 16)) if texts[k] in ")]"), None)
            if close is not None:
                inner = texts[i + 1 : close]
                if inner and all(_SIGN.fullmatch(w) for w in inner):
                    o_texts.append(",")
                    o_starts.append(starts[i])
                    o_ends.append(ends[close])
                    o_info.append(token(","))
                    cur = close + 1
                    continue
                if len(inner) == 1 and _ABBREVIATION.fullmatch(inner[0]):
                    abbreviations[len(o_texts)] = inner[0].lower()
                    cur = close + 1
                    continue
        if (
            info[i][0] == "one"
            and o_info
            and o_info[-1][0] in ew.distinguishing
            and i + 1 < n
            and info[i + 1][1]
            and info[i + 1][0] not in ew.stop
        ):
            cur = i + 1
    o_texts += texts[cur:]
    o_starts += starts[cur:]
    o_ends += ends[cur:]
    o_info += info[cur:]
    return o_texts, o_starts, o_ends, o_info, abbreviations


def _coordinate(found: list[Phrase], text: str, ew: EnglishWords) -> list[Phrase]:
    """``a first and a second magnet``: a phrase of modifiers alone takes the head of the next phrase."""
    out = list(found)
    for idx in range(len(out) - 1, -1, -1):
        p = out[idx]
        if idx + 1 >= len(out) or not all(w in ew.distinguishing for w in p.words):
            continue
        between = text[p.end : out[idx + 1].start].lower().split()
        if not between or between[0] not in ("and", "or", ",", "and/or") or len(between) > 4:
            continue
        q = out[idx + 1]
        rest = q.words[1:] if q.words[0] in ew.distinguishing else q.words
        out[idx] = Phrase((*p.words, *rest), p.start, p.end, p.det, p.after, coordinated=True)
    return out


class Basis(enum.Enum):
    """How far a reference is supported by earlier introductions."""

    LITERAL = "literal"  # the same words (plural folded) were introduced
    HEAD = "head"  # the head noun was introduced with other modifiers
    CONFLICT = "conflict"  # the head was introduced, but with another distinguishing modifier (first / second)
    NONE = "none"


def _subsequence(small: Sequence[str], big: Sequence[str]) -> bool:
    it = iter(big)
    return all(any(x == y for y in it) for x in small)


def basis(ref: Phrase, intros: Iterable[Phrase], lex: Lexicons | None = None) -> Basis:
    """How ``intros`` support ``ref``: literally, by head only, with a conflicting modifier, or not at all."""
    return Introductions(intros, lex).basis(ref)


class Introductions:
    """Phrases indexed by their head, for :func:`basis` over one text read many times.

    ``basis(ref, stop)`` answers what ``basis(ref, phrases[:stop])`` answers, looking only at the phrases
    with the reference's head.
    """

    def __init__(self, found: Iterable[Phrase], lex: Lexicons | None = None, memo: WordMemo | None = None) -> None:
        self._ew = english_words(lex)
        if memo is None or memo.words is not self._ew:
            memo = WordMemo(lex)
        self._singular = sing = memo.singular
        by_head: dict[str, list[tuple[int, list[str], tuple[str, ...]]]] = {}
        for pos, p in enumerate(found):
            if p.words:
                mods = p.words[:-1]
                by_head.setdefault(sing(p.words[-1]), []).append((pos, [sing(w) for w in mods], mods))
        self._by_head = by_head

    @property
    def heads(self) -> list[str]:
        """The heads (singular) of the phrases: no other head gives :meth:`basis` anything but NONE."""
        return list(self._by_head)

    def basis(self, ref: Phrase, stop: int | None = None) -> Basis:
        """How the phrases before position ``stop`` (all when None) support ``ref``."""
        distinguishing = self._ew.distinguishing
        best = Basis.NONE
        n = len(ref.words)
        for k in range(n, 0, -1):
            words = ref.words[:k]
            if k < n and words[-1] in distinguishing:
                continue
            entries = self._by_head.get(self._singular(words[-1]))
            if not entries:
                continue
            mods = [self._singular(w) for w in words[:-1]]
            for pos, key_mods, raw in entries:
                if stop is not None and pos >= stop:
                    break
                if _subsequence(mods, key_mods):
                    return Basis.LITERAL
                if k == n:
                    if any(w in distinguishing for w in mods if w not in raw):
                        best = Basis.CONFLICT if best is Basis.NONE else best
                    else:
                        best = Basis.HEAD
        return best


def suggestion(ref: Phrase, intros: Iterable[Phrase]) -> str | None:
    """The closest introduced phrase to ``ref`` (did you mean), only from real introductions."""
    texts = list(dict.fromkeys(p.text for p in intros if p.words))
    target = ref.text
    heads = [t for t in texts if singular(t.split()[-1]) == ref.head]
    close = difflib.get_close_matches(target, heads or texts, n=1, cutoff=0.6 if heads else 0.8)
    return close[0] if close else None
