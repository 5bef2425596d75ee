"""Regular expressions compiled on first use.

Compiling a pattern costs far more than most of its searches (a class of CJK characters such as
``[\u4e00-\u9fff]`` alone takes about a millisecond), so a module keeps the patterns that only some inputs need
as :func:`lazy` functions: importing the module compiles nothing, and a run that never calls one never pays.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache


def lazy(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A function returning ``re.compile(pattern, flags)``, compiled on its first call and kept."""

    @cache
    def compiled() -> re.Pattern[str]:
        return re.compile(pattern, flags)

    return compiled
