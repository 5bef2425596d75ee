"""A parsed claim and its parts."""

from __future__ import annotations

import enum
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, overload

from claimcheck.model.source import Span

if TYPE_CHECKING:
    from claimcheck.model.flat import FlatText


class Kind(enum.Enum):
    """Independent or dependent."""

    INDEPENDENT = "independent"
    DEPENDENT = "dependent"


class Category(enum.Enum):
    """The category of protection, read from the subject name."""

    PRODUCT = "product"
    METHOD = "method"
    USE = "use"
    UNKNOWN = "unknown"


MAX_CLAIM = 10_000
"""The highest claim number read from any source; a claim numbered beyond it is an input error."""


class ClaimRange(Sequence[int]):
    """The claim numbers ``start`` … ``stop - 1`` without building them: "all preceding claims"
    (如前述权利要求中任一项, ``ClaimRange(n)`` in claim n) or a long range (权利要求1至500中任一项).

    A read-only sequence: iteration, ``len``, ``in`` and indexing work as on the tuple it stands for, and it
    compares equal to a tuple or list of the same numbers.  It never reaches beyond :data:`MAX_CLAIM`.
    """

    __slots__ = ("_numbers",)

    def __init__(self, stop: int, start: int = 1) -> None:
        start = max(1, start)
        self._numbers = range(start, max(start, min(stop, MAX_CLAIM + 1)))

    def __len__(self) -> int:
        return len(self._numbers)

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[int, ...]: ...
    def __getitem__(self, index: int | slice) -> int | tuple[int, ...]:
        if isinstance(index, slice):
            return tuple(self._numbers[index])
        return self._numbers[index]

    def __iter__(self) -> Iterator[int]:
        return iter(self._numbers)

    def __reversed__(self) -> Iterator[int]:
        return reversed(self._numbers)

    def __contains__(self, value: object) -> bool:
        return value in self._numbers

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ClaimRange):
            return self._numbers == other._numbers
        if isinstance(other, (tuple, list)):
            return len(other) == len(self._numbers) and all(a == b for a, b in zip(other, self._numbers, strict=True))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self._numbers))

    def __add__(self, other: Sequence[int]) -> tuple[int, ...]:
        return (*self._numbers, *other)

    def __radd__(self, other: Sequence[int]) -> tuple[int, ...]:
        return (*other, *self._numbers)

    def __repr__(self) -> str:
        return f"ClaimRange({self._numbers.stop}, start={self._numbers.start})"

    @property
    def start(self) -> int:
        """The first number."""
        return self._numbers.start

    @property
    def stop(self) -> int:
        """One past the last number (for all preceding claims: the referring claim), at most ``MAX_CLAIM + 1``."""
        return self._numbers.stop


class RefMode(enum.Enum):
    """How a claim refers to the claims it depends on."""

    NONE = "none"
    SINGLE = "single"
    ALTERNATIVE = "alternative"
    CUMULATIVE = "cumulative"


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a claim: its text and where it lies in the source."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Reference:
    """The reference part of a claim (``根据权利要求1或2所述的``).

    ``numbers`` are the claims named, in order (for all preceding claims a :class:`ClaimRange`, which
    behaves as the tuple of them without building it; so is a long range); ``connectors`` the words that
    join them (``或``, ``和``, ``、``, ``至`` …); ``any_of`` is set when the
    phrase says 任一项 / 任意一项 / 之一 / any one of; ``all_preceding`` when it
    refers to all preceding claims (如前述权利要求任一项所述); ``bare_range`` when a
    range is given without 任一 (``权利要求1-3所述``); ``abbreviated`` when it is not
    written as 权利要求 with Arabic numerals (``权1``, ``权项1``, ``权利要求一``).  A second
    reference inside the subject name (``…所述的构建体或权利要求13所述的细胞的用途``) adds its
    numbers; ``segment`` is the first reference.
    """

    segment: Segment
    numbers: Sequence[int]
    connectors: tuple[str, ...]
    mode: RefMode
    any_of: bool = False
    all_preceding: bool = False
    bare_range: bool = False
    abbreviated: bool = False


@dataclass(slots=True)
class Claim:
    """One claim of a claim set.

    ``span`` covers the whole claim including its number label; ``body`` the
    text after the label.  Text fields are :class:`Segment` objects so that rules
    can report on a part of a claim without offset arithmetic.
    """

    number: int
    span: Span
    label: Segment
    body: Segment
    kind: Kind = Kind.INDEPENDENT
    category: Category = Category.UNKNOWN
    subject: Segment | None = None
    preamble: Segment | None = None
    characterizing: Segment | None = None
    marker: Segment | None = None
    transition: Segment | None = None
    transition_type: str | None = None
    reference: Reference | None = None
    mentions: tuple[int, ...] = ()
    line: int = 0
    column: int = 0
    language: str = "zh"
    flat: FlatText | None = None
    # analyses of this claim, computed once and shared by every rule and command (see claimcheck.analysis)
    memo: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    @property
    def text(self) -> str:
        """The claim's text after its number label."""
        return self.body.text

    @property
    def refs(self) -> Sequence[int]:
        """The numbers of the claims this claim depends on (a tuple, or a :class:`ClaimRange`)."""
        return self.reference.numbers if self.reference and self.kind is Kind.DEPENDENT else ()

    @property
    def ref_mode(self) -> RefMode:
        """How the claim refers to its parents."""
        if self.kind is not Kind.DEPENDENT or self.reference is None:
            return RefMode.NONE
        return self.reference.mode

    @property
    def is_independent(self) -> bool:
        """True for an independent claim."""
        return self.kind is Kind.INDEPENDENT

    @property
    def is_multiple_dependent(self) -> bool:
        """True when the claim depends on two or more claims."""
        refs = self.refs
        if isinstance(refs, ClaimRange):
            return len(refs) >= 2
        return len(set(refs)) >= 2
