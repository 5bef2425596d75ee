"""The package's layers import only downwards, and no module reaches into another module's private names.

Every module of the package belongs to one layer; a module may import its own layer and the layers below it.
Peers of one layer that must stay independent of each other (match and lint, for example) are listed apart.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import ROOT

PKG = ROOT / "claimcheck"

# lowest first; a module may import the modules of its own layer and of the layers before it
LAYERS: list[set[str]] = [
    {"errors", "tomlfile", "outfile", "parallel", "lazyre", "__init__"},
    {"model", "lexicon", "segment"},
    {"readers"},
    {"parse"},
    {"application"},
    {"analysis"},
    {"rules"},
    {"lint", "match", "disclose", "diff", "index", "translation"},
    {"report"},
    {"cli", "__main__", "web"},
]
# peers of one layer that must not import each other
APART = {("lint", "match"), ("match", "lint"), ("disclose", "lint"), ("disclose", "match"), ("disclose", "diff")}
# third-party packages that only the output layers may import
OUTPUT_ONLY = {"typer": {"cli", "__main__"}, "rich": {"cli", "report"}}


def _unit(module: str) -> str:
    """The unit of a dotted module name: its first component under ``claimcheck``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _layer(unit: str) -> int:
    for i, layer in enumerate(LAYERS):
        if unit in layer:
            return i
    raise AssertionError(f"claimcheck.{unit} belongs to no layer: add it to LAYERS in tests/test_layers.py")


def _modules() -> list[tuple[Path, str]]:
    out = []
    for path in sorted(PKG.rglob("*.py")):
        rel = path.relative_to(PKG).with_suffix("")
        out.append((path, "claimcheck." + ".".join(rel.parts)))
    return out


def _imports(path: Path, module: str) -> list[tuple[str, list[str]]]:
    """(imported module, names taken from it) for every import in the file, relative ones resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    out: list[tuple[str, list[str]]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.extend((a.name, []) for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            out.append((base, [a.name for a in node.names]))
    return out


MODULES = _modules()


def test_every_package_has_a_layer() -> None:
    units = {_unit(m) for _, m in MODULES}
    for unit in units:
        _layer(unit)


@pytest.mark.parametrize(("path", "module"), MODULES, ids=[m for _, m in MODULES])
def test_imports_go_downwards(path: Path, module: str) -> None:
    own = _unit(module)
    for imported, _names in _imports(path, module):
        top = imported.split(".")[0]
        if top in OUTPUT_ONLY:
            assert own in OUTPUT_ONLY[top], f"{module} imports {imported}"
        if top != "claimcheck" or imported == "claimcheck":
            continue
        unit = _unit(imported)
        assert _layer(unit) <= _layer(own), f"{module} imports {imported} (a higher layer)"
        assert (own, unit) not in APART, f"{module} imports {imported} ({own} and {unit} stay apart)"


@pytest.mark.parametrize(("path", "module"), MODULES, ids=[m for _, m in MODULES])
def test_no_private_names_from_other_modules(path: Path, module: str) -> None:
    for imported, names in _imports(path, module):
        if imported.split(".")[0] != "claimcheck" or imported == module:
            continue
        private = [n for n in names if n.startswith("_") and not n.startswith("__")]
        assert not private, f"{module} imports private names {private} from {imported}"


def test_the_layer_test_can_fail(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from claimcheck.cli.app import app\nfrom claimcheck.rules.base import _x\n", encoding="utf-8")
    imports = _imports(bad, "claimcheck.model.bad")
    assert _layer(_unit(imports[0][0])) > _layer("model")
    assert imports[1][1] == ["_x"]
