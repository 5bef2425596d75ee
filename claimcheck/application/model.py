"""The parts of an application other than the claims, with their positions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from claimcheck.model import ClaimSet, SourceText, Span

SECTION_NAMES = {
    "技术领域": "field",
    "背景技术": "background",
    "发明内容": "summary",
    "实用新型内容": "summary",
    "附图说明": "drawings",
    "具体实施方式": "embodiments",
    "附图标记说明": "signs",
}
"""The headings of a description (as CNIPA names them) and the section each opens."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One description paragraph: its number as printed ([0012]) if any, its index, section and text.

    ``index`` counts body paragraphs only (not the title, not the headings), the way CNIPA numbers an
    unnumbered description.
    """

    index: int
    number: str | None
    section: str
    text: str
    span: Span

    @property
    def cite(self) -> str:
        """How to cite the paragraph: ``[0012]`` when numbered, else ``¶12`` (its position)."""
        return f"[{self.number}]" if self.number else f"¶{self.index}"

    def find(self, *words: str) -> Span:
        """The span of the first of ``words`` found in the paragraph (a finding points at the term); else all of it."""
        for word in words:
            i = self.text.find(word) if word else -1
            if i >= 0:
                return Span(self.span.start + i, self.span.start + i + len(word))
        return self.span

    @property
    def cnipa(self) -> int:
        """The paragraph number CNIPA prints: the printed number when there is one, else the body-paragraph count."""
        return int(self.number) if self.number else self.index


@dataclass
class Description:
    """The description (说明书): paragraphs with their sections, and the title when given."""

    source: SourceText
    paragraphs: list[Paragraph]
    title: str | None = None
    title_span: Span | None = None
    cache: dict[str, Any] = field(default_factory=dict)

    def section(self, name: str) -> list[Paragraph]:
        """Paragraphs of one section (field, background, summary, drawings, embodiments, signs)."""
        return [p for p in self.paragraphs if p.section == name]

    @property
    def sections(self) -> set[str]:
        """The sections present."""
        return {p.section for p in self.paragraphs}

    @property
    def text(self) -> str:
        """All paragraphs joined by newlines."""
        return "\n".join(p.text for p in self.paragraphs)


@dataclass
class Abstract:
    """The abstract (说明书摘要) and where it lies."""

    source: SourceText
    text: str
    span: Span


@dataclass
class Application:
    """An application: the claim set plus whatever other parts were given."""

    claims: ClaimSet
    description: Description | None = None
    abstract: Abstract | None = None
    missing: list[str] = field(default_factory=list)

    @property
    def title(self) -> str | None:
        """The title of the invention (发明名称), when known."""
        return self.description.title if self.description is not None else None
