"""Render a parsed claim set: JSON, plain text, and the dependency tree (text, Mermaid, Graphviz)."""

from __future__ import annotations

import json
from typing import Any

from claimcheck.model import Claim, ClaimSet, Segment
from claimcheck.model.claim import ClaimRange


def _seg(s: Segment | None) -> str | None:
    return s.text if s is not None else None


def _numbers(numbers: list[int], ranged: bool) -> list[int] | dict[str, int]:
    """Claim numbers as a list, or, for a claim that refers to a range, a run of two or more as ``{"from", "to"}``
    (a claim 10,000 that refers to all preceding claims does not list 9,999 numbers)."""
    if ranged and len(numbers) >= 2 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return {"from": numbers[0], "to": numbers[-1]}
    return numbers


def _refs(c: Claim) -> list[int] | dict[str, Any]:
    refs = c.refs
    if not isinstance(refs, ClaimRange) or len(refs) < 2:
        return list(dict.fromkeys(refs))
    all_preceding = c.reference is not None and c.reference.all_preceding
    return {"from": refs.start, "to": refs.stop - 1, "all_preceding": all_preceding}


def claim_dict(cs: ClaimSet, c: Claim) -> dict[str, Any]:
    """The JSON object of one claim (``refs``, ``parents`` and ``ancestors`` of a claim that refers to a range of
    claims are ``{"from", "to"}`` objects, see the README)."""
    ranged = isinstance(c.refs, ClaimRange)
    return {
        "number": c.number,
        "kind": c.kind.value,
        "category": c.category.value,
        "subject": _seg(c.subject),
        "preamble": _seg(c.preamble),
        "characterizing": _seg(c.characterizing),
        "transition": _seg(c.transition),
        "transition_type": c.transition_type,
        "refs": _refs(c),
        "ref_mode": c.ref_mode.value,
        "reference": _seg(c.reference.segment) if c.reference else None,
        "mentions": list(c.mentions),
        "parents": _numbers([p.number for p in cs.parents(c)], ranged),
        "roots": [r.number for r in cs.roots(c)],
        "ancestors": _numbers(sorted(a.number for a in cs.ancestors(c)), ranged),
        "line": c.line,
        "column": c.column,
        "text": c.flat.text if c.flat is not None else c.text.strip(),
    }


def parse_json(cs: ClaimSet) -> str:
    """The ``claimcheck parse --format json`` document."""
    doc = {
        "path": cs.source.path,
        "format": cs.source.format,
        "encoding": cs.source.encoding,
        "language": cs.language,
        "warnings": cs.warnings,
        "claims": [claim_dict(cs, c) for c in cs.claims],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2)


def parse_text(cs: ClaimSet) -> str:
    """A readable listing of the parsed claims."""
    lines = [
        f"{cs.source.path}: {len(cs)} claims ({len(cs.independent)} independent), {cs.source.format}, {cs.source.encoding}"
    ]
    for w in cs.warnings:
        lines.append(f"  warning: {w}")
    for c in cs.claims:
        kind = "independent" if c.is_independent else f"depends on {_refs_text(c)}"
        lines.append(f"{c.number:>3}  line {c.line}:{c.column}  {kind}  [{c.category.value}]  {_seg(c.subject) or '-'}")
        if c.transition is not None:
            lines.append(f"     transition: {c.transition.text} ({c.transition_type})")
        if c.marker is not None:
            lines.append(f"     two-part at: {c.marker.text}")
        if c.mentions:
            lines.append(f"     refers to claim(s) {', '.join(map(str, c.mentions))} (as an independent claim)")
    return "\n".join(lines)


def _refs_text(c: Claim) -> str:
    refs = list(dict.fromkeys(c.refs))
    sep = " or " if c.ref_mode.value == "alternative" else " and "
    return sep.join(map(str, refs)) if len(refs) < 6 else f"{refs[0]}…{refs[-1]} ({c.ref_mode.value})"


def _label(c: Claim) -> str:
    return f"{c.number} [{c.category.value}] {_seg(c.subject) or ''}".strip()


def tree_mermaid(cs: ClaimSet) -> str:
    """A Mermaid flowchart of the dependencies (parent above child)."""
    out = ["graph TD"]
    for c in cs.claims:
        label = _label(c).replace('"', "'")
        shape = f'c{c.number}["{label}"]' if c.is_independent else f"c{c.number}({c.number})"
        out.append(f"  {shape}")
    for c in cs.claims:
        style = "-.->" if c.ref_mode.value == "alternative" else "-->"
        for p in cs.parents(c):
            out.append(f"  c{p.number} {style} c{c.number}")
        for n in c.mentions:
            if cs.get(n) is not None and n < c.number:
                out.append(f"  c{n} -. refers .-> c{c.number}")
    return "\n".join(out)


def tree_dot(cs: ClaimSet) -> str:
    """A Graphviz digraph of the dependencies."""
    out = ["digraph claims {", "  rankdir=TB;", '  node [fontname="Noto Sans CJK SC"];']
    for c in cs.claims:
        label = _label(c).replace('"', '\\"') if c.is_independent else str(c.number)
        shape = "box" if c.is_independent else "ellipse"
        out.append(f'  c{c.number} [label="{label}", shape={shape}];')
    for c in cs.claims:
        for p in cs.parents(c):
            style = ' [style=dashed, label="or"]' if c.ref_mode.value == "alternative" else ""
            out.append(f"  c{p.number} -> c{c.number}{style};")
        for n in c.mentions:
            if cs.get(n) is not None and n < c.number:
                out.append(f'  c{n} -> c{c.number} [style=dotted, label="refers"];')
    out.append("}")
    return "\n".join(out)


def tree_json(cs: ClaimSet) -> str:
    """The dependency graph as JSON: nodes with parents, children, roots."""
    nodes = [
        {
            "number": c.number,
            "kind": c.kind.value,
            "category": c.category.value,
            "subject": _seg(c.subject),
            "parents": [p.number for p in cs.parents(c)],
            "children": [k.number for k in cs.children(c)],
            "roots": [r.number for r in cs.roots(c)],
            "ref_mode": c.ref_mode.value,
            "mentions": list(c.mentions),
        }
        for c in cs.claims
    ]
    return json.dumps({"path": cs.source.path, "claims": nodes}, ensure_ascii=False, indent=2)


def compact_numbers(numbers: list[int]) -> str:
    """``[1, 2, 3, 5]`` -> ``1-3, 5``."""
    out: list[str] = []
    nums = sorted(set(numbers))
    i = 0
    while i < len(nums):
        j = i
        while j + 1 < len(nums) and nums[j + 1] == nums[j] + 1:
            j += 1
        out.append(f"{nums[i]}-{nums[j]}" if j - i >= 2 else ", ".join(map(str, nums[i : j + 1])))
        i = j + 1
    return ", ".join(out)


def tree_rich(cs: ClaimSet) -> Any:
    """A rich renderable tree: each independent claim with its dependents below it.

    A claim with several parents is drawn once, under its first parent, and
    names all of them.
    """
    from rich.markup import escape
    from rich.tree import Tree

    root = Tree(f"[bold]{escape(cs.source.path)}[/] — {len(cs)} claims, {len(cs.independent)} independent")

    def add(node: Any, c: Claim) -> None:
        for k in cs.children(c):
            parents = cs.parents(k)
            if parents[0] is not c:
                continue
            extra = ""
            if len(parents) > 1:
                word = "or" if k.ref_mode.value == "alternative" else "and"
                extra = f" [dim](claims {compact_numbers([p.number for p in parents])}, {word})[/]"
            add(node.add(f"{k.number}{extra}"), k)

    for c in cs.claims:
        if cs.parents(c):
            continue
        cat = {"product": "产品 product", "method": "方法 method", "use": "用途 use"}.get(
            c.category.value, "类别不明 unknown"
        )
        ref = f" [dim](refers to claim {compact_numbers(list(c.mentions))})[/]" if c.mentions else ""
        missing = (
            " [red](refers to a missing or later claim)[/]" if c.reference is not None and not c.is_independent else ""
        )
        node = root.add(f"[bold cyan]{c.number}[/] [green]{cat}[/] {escape(_seg(c.subject) or '')}{ref}{missing}")
        add(node, c)
    return root
