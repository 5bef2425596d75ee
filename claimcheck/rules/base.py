"""The rule contract: a rule is a small class with a stable name, a code, a default severity and a docstring.

The docstring is the rule's documentation (``claimcheck rules NAME`` prints it):
a one-line summary, then the sections ``## What it flags``, ``## Why``,
``## Bad``, ``## Good`` and, where relevant, ``## Traps`` and ``## Options``.
The ``## Bad`` example must produce a finding of the rule and the ``## Good``
example none; the test suite runs both.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

from claimcheck.application.model import Application
from claimcheck.lexicon import Lexicons
from claimcheck.model import Claim, ClaimSet, SourceText, Span
from claimcheck.model.diagnostic import Diagnostic, Fix, Severity

NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
CODE_RE = re.compile(r"^[A-Z]\d{3}$")
REQUIRED_SECTIONS = ("## What it flags", "## Why", "## Bad", "## Good")


@dataclass
class Context:
    """What a rule may read besides the claim set: its options and shared, lazily computed analyses."""

    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    application: Any = None  # claimcheck.application.Application, when more than the claims was given
    profile: str = "cn-invention"
    cache: dict[str, Any] = field(default_factory=dict)
    lexicons: Lexicons = field(default_factory=Lexicons.default)

    @property
    def description(self) -> str:
        """The text of the description, when one was given ("" otherwise)."""
        desc = getattr(self.application, "description", None)
        return desc.text if desc is not None else ""

    def option(self, rule: str, key: str, default: Any) -> Any:
        """A rule option from configuration, or ``default``."""
        return self.options.get(rule, {}).get(key, default)


class Rule:
    """Base class of all rules."""

    name: ClassVar[str]
    code: ClassVar[str]
    severity: ClassVar[Severity]
    catalogue: ClassVar[tuple[str, ...]] = ()
    source: ClassVar[str] = ""
    languages: ClassVar[tuple[str, ...]] = ("zh",)
    options: ClassVar[dict[str, Any]] = {}
    needs: ClassVar[str | None] = None  # "description", "abstract" or "title": skipped when that part is missing

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if not NAME_RE.match(cls.name):
            raise TypeError(f"rule name {cls.name!r} is not kebab-case")
        if not CODE_RE.match(cls.code):
            raise TypeError(f"rule code {cls.code!r} must look like A001")
        doc = cls.__doc__ or ""
        missing = [s for s in REQUIRED_SECTIONS if s not in doc]
        if missing:
            raise TypeError(f"rule {cls.name} docstring lacks {', '.join(missing)}")

    @classmethod
    def summary(cls) -> str:
        """The first line of the docstring."""
        return (cls.__doc__ or "").strip().splitlines()[0]

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        """Yield the findings of this rule over a claim set."""
        raise NotImplementedError

    def report(
        self,
        claim: Claim | int | None,
        span: Span,
        *,
        zh: str,
        en: str,
        fix: Fix | None = None,
        severity: Severity | None = None,
        where: SourceText | None = None,
        **extra: object,
    ) -> Diagnostic:
        """Build a diagnostic of this rule."""
        number = claim.number if isinstance(claim, Claim) else claim
        return Diagnostic(
            rule=self.name,
            code=self.code,
            severity=severity or self.severity,
            claim=number,
            span=span,
            message_zh=zh,
            message_en=en,
            fix=fix,
            catalogue=self.catalogue,
            source=self.source,
            extra=dict(extra),
            where=where,
        )


def application_of(ctx: Context) -> Application:
    """The whole application a whole-application rule reads (the rule runs only when one was given)."""
    app: Application = ctx.application
    return app
