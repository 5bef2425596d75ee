"""A parsed claim and its parts."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING

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

    ``numbers`` are the claims named, in order; ``connectors`` the words that
    join them (``或``, ``和``, ``、``, ``至`` …); ``any_of`` is set when the
    phrase says 任一项 / 任意一项 / 之一 / any one of; ``all_preceding`` when it
    refers to all preceding claims (如前述权利要求任一项所述); ``bare_range`` when a
    range is given without 任一 (``权利要求1-3所述``); ``abbreviated`` when it is not
    written as 权利要求 with Arabic numerals (``权1``, ``权项1``, ``权利要求一``).  A second
    reference inside the subject name (``…所述的构建体或权利要求13所述的细胞的用途``) adds its
    numbers; ``segment`` is the first reference.
    """

    segment: Segment
    numbers: tuple[int, ...]
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

    @property
    def text(self) -> str:
        """The claim's text after its number label."""
        return self.body.text

    @property
    def refs(self) -> tuple[int, ...]:
        """The numbers of the claims this claim depends on."""
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
        return len(set(self.refs)) >= 2
