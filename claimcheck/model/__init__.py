"""The data model: pure data, standard library only, no I/O."""

from claimcheck.model.claim import MAX_CLAIM, Category, Claim, ClaimRange, Kind, Reference, RefMode, Segment
from claimcheck.model.claimset import ClaimSet, Directive
from claimcheck.model.flat import FlatText, flatten
from claimcheck.model.source import Location, Origin, SourceText, Span, fold_width

__all__ = [
    "MAX_CLAIM",
    "Category",
    "Claim",
    "ClaimRange",
    "ClaimSet",
    "Directive",
    "FlatText",
    "Kind",
    "Location",
    "Origin",
    "RefMode",
    "Reference",
    "Segment",
    "SourceText",
    "Span",
    "flatten",
    "fold_width",
]
