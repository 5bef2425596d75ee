"""Seed defects into real applications (claims + description from tests/corpus/cn) for the W rules.

Each seeder yields ``(description, application_text, rules, claim)``: a whole application as one text
(权利要求书 / 说明书 / 说明书摘要), the rules any of which must flag the defect, and the claim it must be
flagged on (None: anywhere, e.g. in the description).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path

from claimcheck.application.split import split_application
from claimcheck.model import SourceText
from claimcheck.parse import parse_source

Seed = tuple[str, str, tuple[str, ...], "int | None"]
CORPUS = Path(__file__).parent / "corpus"


def _title(pub: str) -> str:
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    m = re.search(rf"^\| cn/{pub}\.txt \| \S+ \| ([^|/]+)", readme, re.M)
    return m.group(1).strip() if m else pub


def application_text(pub: str, abstract_chars: int = 200) -> str:
    """The claims, title, description and an abstract (the first sentences of the description) as one text."""
    claims = (CORPUS / "cn" / f"{pub}.txt").read_text(encoding="utf-8")
    desc = (CORPUS / "cn" / f"{pub}.desc.txt").read_text(encoding="utf-8")
    plain = re.sub(r"\s+", "", desc)
    abstract = plain[:abstract_chars]
    return f"权利要求书\n{claims.strip()}\n\n说明书\n{_title(pub)}\n\n{desc.strip()}\n\n说明书摘要\n{abstract}\n"


def applications() -> list[str]:
    """Publications with both claims and a description."""
    return sorted(p.name[: -len(".desc.txt")] for p in (CORPUS / "cn").glob("*.desc.txt"))


def _parts(text: str) -> tuple[int, int]:
    """Offsets where the claims part ends and the description part starts."""
    return text.index("\n说明书\n"), text.index("\n说明书\n") + 5


def rename_term(pub: str, text: str, per_file: int = 4) -> Iterator[Seed]:
    """Rename a supported claim term in the claims only: to an unknown word, or to a close variant."""
    from claimcheck.analysis.terms import claim_terms
    from claimcheck.lexicon import Lexicons

    split = split_application(SourceText(text))
    assert split is not None
    cs = parse_source(split[0])
    claims_end, _ = _parts(text)
    desc_text = text[claims_end:]
    done = 0
    for t in claim_terms(cs, Lexicons.default()):
        if done >= per_file or len(t.text) < 2 or desc_text.count(t.text) < 2:
            continue
        done += 1
        variant = t.text[:-1] + ("块" if t.text.endswith("件") else "件")
        for new, label in ((variant, "variant"), ("联动基件", "unknown")):
            claims = text[:claims_end].replace(t.text, new)
            yield (
                f"rename {t.text} -> {new} ({label})",
                claims + desc_text,
                ("description-support", "term-consistency"),
                None,
            )


def renumber_part(pub: str, text: str) -> Iterator[Seed]:
    """Give a reference sign of the claims the numeral of another part."""
    claims_end, _ = _parts(text)
    claims = text[:claims_end]
    signs = list(dict.fromkeys(re.findall(r"[（(]([0-9]{1,3})[）)]", claims)))
    if len(signs) < 2:
        return
    for a, b in list(itertools.pairwise(signs))[:6]:
        m = re.search(rf"([\u4e00-\u9fff]{{2,6}})[（(]{a}[）)]", claims)
        if m is None:
            continue
        seeded = claims[: m.start()] + f"{m.group(1)}({b})" + claims[m.end() :]
        yield (
            f"{m.group(1)}({a}) -> ({b})",
            seeded + text[claims_end:],
            ("reference-numeral", "term-consistency"),
            None,
        )


def remove_figure(pub: str, text: str) -> Iterator[Seed]:
    """Delete the line of 附图说明 that describes a figure the description refers to."""
    lines = text.split("\n")
    try:
        start = lines.index("附图说明")
    except ValueError:
        return
    body = "\n".join(lines[start + 1 :])
    for i in range(start + 1, min(start + 20, len(lines))):
        m = re.match(r"\s*图\s*([0-9]+)", lines[i])
        if m is None:
            if lines[i].strip() in ("具体实施方式",):
                break
            continue
        if not re.search(rf"图\s*{m.group(1)}(?![0-9])", body.replace(lines[i], "")):
            continue
        seeded = "\n".join(lines[:i] + lines[i + 1 :])
        yield (f"remove 图{m.group(1)} from 附图说明", seeded, ("figure-reference",), None)


def lengthen_abstract(pub: str, text: str) -> Iterator[Seed]:
    """Make the abstract 320 characters long."""
    head, _ = text.split("\n说明书摘要\n")
    long_text = application_text(pub, abstract_chars=320)
    yield ("abstract of 320 characters", long_text, ("abstract-length",), None)
    _ = head


SEEDERS = (rename_term, renumber_part, remove_figure, lengthen_abstract)


def seeded_cases() -> Iterator[tuple[str, str, Seed]]:
    """(publication, seeder name, seed) for every seeded defect over the corpus."""
    for pub in applications():
        text = application_text(pub)
        for seeder in SEEDERS:
            for seed in seeder(pub, text):
                yield pub, seeder.__name__, seed


def caught(seed: Seed) -> bool:
    """Whether any of the expected rules flags the seeded defect."""
    from claimcheck.lint.config import Config
    from claimcheck.lint.engine import lint_text

    description, text, rules, claim = seed
    found = [d for d in lint_text(text, Config(select=list(rules))) if d.rule in rules]
    if description.startswith("rename"):
        new = description.split(" -> ")[1].split(" (")[0]
        return any(new in d.message_zh for d in found)
    return any(claim is None or d.claim == claim for d in found)
