"""Read claims from CNIPA / WIPO ST.36 / EPO full-text XML.

Entity resolution, DTD loading and network access are all off, so a document
with external entities or an entity-expansion bomb is read safely (entities
stay unexpanded).  Page-break comments (``<!-- SIPO <DP n="2"> -->``) are dropped
even inside words, several ``<claim-text>`` elements of one claim are joined as
sub-paragraphs, and a ``<claim>`` without ``num`` that continues the previous
page's claim is appended to it.
"""

from __future__ import annotations

import contextlib
import re
from typing import TYPE_CHECKING

from claimcheck.errors import InputError
from claimcheck.model.claim import MAX_CLAIM
from claimcheck.model.source import Origin, SourceText, Span

if TYPE_CHECKING:
    from lxml import etree

_LANG_PREF = ("zh", "cn", "en")
_WINDOW = 4000  # how far after the previous piece a piece of text is looked for in the raw file
_MOJIBAKE = re.compile(r"[\ufffd]|Ã.|â€|锟斤拷")


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


class _Builder:
    """Accumulates text with an origin map into the raw XML file."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.cursor = 0
        self.parts: list[str] = []
        self.length = 0
        self.origins: list[Origin] = []
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", raw)]

    def _pos(self, idx: int) -> tuple[int, int]:
        import bisect

        i = bisect.bisect_right(self._line_starts, idx) - 1
        return i + 1, idx - self._line_starts[i] + 1

    def add(self, text: str, fallback_line: int | None) -> None:
        """Append ``text``; find it in the raw XML after the cursor to map it exactly."""
        if not text:
            return
        # the search is bounded: text that is not in the file as written (an entity, a character reference)
        # must not make every later piece scan the whole file
        idx = self.raw.find(text, self.cursor, self.cursor + _WINDOW + len(text))
        if idx != -1:
            self.cursor = idx + len(text)
            # one origin per line of the chunk, so columns stay right after a newline
            off = 0
            for piece in text.split("\n"):
                line, col = self._pos(idx + off)
                self.origins.append(Origin(self.length + off, line, col))
                off += len(piece) + 1
        else:
            self.origins.append(Origin(self.length, fallback_line or 1, 1))
        self.parts.append(text)
        self.length += len(text)

    def add_synthetic(self, text: str, line: int | None) -> None:
        """Append text that is not in the file (a claim label built from ``num``)."""
        self.origins.append(Origin(self.length, line or 1, 1))
        self.parts.append(text)
        self.length += len(text)


def _line(node: etree._Element) -> int | None:
    value = node.sourceline
    return value if isinstance(value, int) else None


def _claim_text(el: etree._Element, b: _Builder, container: str = "claim-text") -> None:
    """Append the text of a ``<claim>`` element (claim-texts joined by newlines), or of another container."""
    first = True

    def walk(node: etree._Element, in_text: bool) -> None:
        nonlocal first
        name = _local(node.tag)
        is_ct = name == container
        if is_ct and not first and b.parts and not b.parts[-1].endswith("\n"):
            b.add_synthetic("\n", _line(node))
        if is_ct:
            first = False
        if name == "br":
            b.add_synthetic("\n", _line(node))
        elif isinstance(node.tag, str) and node.text and (in_text or is_ct):
            b.add(node.text, _line(node))
        for child in node:
            if isinstance(child.tag, str):
                walk(child, in_text or is_ct)
            if child.tail and (in_text or is_ct):
                b.add(child.tail, _line(child))

    walk(el, False)


def _root(data: bytes, path: str) -> etree._Element:
    """The parsed document: entities, DTDs and the network left alone (XXE and entity bombs are inert)."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False, remove_pis=True
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as e:
        message = " ".join(str(getattr(e, "msg", None) or e).split())  # lxml messages may span lines
        raise InputError(f"{path}: malformed XML: {message}") from None
    if root is None:
        raise InputError(f"{path}: empty XML document")
    return root


def read_xml(data: bytes, path: str, lang: str | None = None) -> SourceText:
    """Parse an XML document once: its claims as a :class:`SourceText` with blocks, and in ``parts`` its
    description and abstract when it has them."""
    root = _root(data, path)
    src = _claims(root, data, path, lang)
    src.parts.update(_other_parts(root, data, path))
    return src


def read_xml_parts(data: bytes, path: str) -> dict[str, SourceText]:
    """Every readable part of an XML document (``claims``, ``description``, ``abstract``), parsed once."""
    root = _root(data, path)
    out = _other_parts(root, data, path)
    with contextlib.suppress(InputError):  # a document without claims (a cited description)
        out["claims"] = _claims(root, data, path, None)
    return out


def _other_parts(root: etree._Element, data: bytes, path: str) -> dict[str, SourceText]:
    out: dict[str, SourceText] = {}
    for name in ("abstract", "description"):
        part = _part(root, data, path, name)
        if part is not None:
            out[name] = part
    return out


def _claims(root: etree._Element, data: bytes, path: str, lang: str | None) -> SourceText:
    groups = [el for el in root.iter() if _local(el.tag) == "claims"]
    if not groups:
        raise InputError(f"{path}: no <claims> element in the XML document")
    chosen = _pick_lang(groups, lang, path)
    raw = data.decode(chosen.getroottree().docinfo.encoding or "utf-8", errors="replace")
    b = _Builder(raw)
    blocks: list[tuple[int | None, Span]] = []
    warnings: list[str] = []
    for el in chosen.iter():
        if _local(el.tag) != "claim":
            continue
        num_attr = el.get("num")
        start = b.length
        if num_attr is None and blocks:
            # tail of the previous claim continued on a new page
            prev_num, prev_span = blocks.pop()
            if b.parts and not b.parts[-1].endswith("\n"):
                b.add_synthetic("\n", _line(el))
            _claim_text(el, b)
            blocks.append((prev_num, Span(prev_span.start, b.length)))
            continue
        num: int | None = None
        if num_attr is not None:
            digits = re.sub(r"\D", "", num_attr).lstrip("0") or ("0" if re.search(r"\d", num_attr) else "")
            if len(digits) > 5 or (digits and int(digits) > MAX_CLAIM):
                raise InputError(
                    f'{path}:{_line(el) or 1}: claim num="{num_attr[:20]}" is over the limit of {MAX_CLAIM:,} claims'
                )
            num = int(digits) if digits else None
        if blocks:
            b.add_synthetic("\n", _line(el))
            start = b.length
        probe = "".join(str(t) for t in el.itertext() if t).lstrip()
        if not re.match(r"[0-9０-９]{1,5}\s*[.．、)）]", probe) and num is not None:
            b.add_synthetic(f"{num}. ", _line(el))
        _claim_text(el, b)
        blocks.append((num, Span(start, b.length)))
    text = "".join(b.parts)
    if _MOJIBAKE.search(text):
        warnings.append("possibly mis-encoded characters (mojibake) in the claims")
    src = SourceText(text, path=path, format="xml", encoding="xml", origins=b.origins, blocks=blocks)
    src.warnings.extend(warnings)
    return src


def _pick_lang(groups: list[etree._Element], lang: str | None, path: str) -> etree._Element:
    def code(el: etree._Element) -> str:
        value = el.get("lang")
        parent = el.getparent()
        if not value and parent is not None:
            value = parent.get("lang")
        return (value or "").lower()

    by_lang = {code(g): g for g in reversed(groups)}
    if lang:
        want = lang.lower()
        for k, g in by_lang.items():
            if k == want or (want in ("zh", "cn") and k in ("zh", "cn")):
                return g
        have = ", ".join(sorted(k or "?" for k in by_lang))
        raise InputError(f"{path}: no claims in language '{lang}' (found: {have})")
    for pref in _LANG_PREF:
        if pref in by_lang:
            return by_lang[pref]
    return groups[0]


_XML_SECTIONS = {
    "technical-field": "技术领域",
    "background-art": "背景技术",
    "disclosure": "发明内容",
    "summary-of-invention": "发明内容",
    "description-of-drawings": "附图说明",
    "description-of-embodiments": "具体实施方式",
    "mode-for-invention": "具体实施方式",
    "best-mode": "具体实施方式",
    "reference-signs-list": "附图标记说明",
}


def read_xml_part(data: bytes, path: str, part: str) -> SourceText | None:
    """The description (title, section headings, numbered paragraphs) or the abstract of an XML document.

    Paragraphs come out one per line as ``[0012]text``, so that the description reader keeps their
    numbers; positions map back into the XML file.
    """
    return _part(_root(data, path), data, path, part)


def _part(root: etree._Element, data: bytes, path: str, part: str) -> SourceText | None:
    found = [el for el in root.iter() if _local(el.tag) == part]
    if not found:
        return None
    el = found[0]
    raw = data.decode(el.getroottree().docinfo.encoding or "utf-8", errors="replace")
    b = _Builder(raw)
    if part == "description":
        titles = [t for t in root.iter() if _local(t.tag) == "invention-title"]
        if titles:
            b.add("".join(str(x) for x in titles[0].itertext()).strip(), _line(titles[0]))
            b.add_synthetic("\n", _line(titles[0]))
    for node in el.iter():
        name = _local(node.tag)
        if name in _XML_SECTIONS:
            b.add_synthetic(_XML_SECTIONS[name] + "\n", _line(node))
        elif name == "heading":
            b.add_synthetic("".join(str(x) for x in node.itertext()).strip() + "\n", _line(node))
        elif name == "p":
            num = node.get("num")
            if num:
                b.add_synthetic(f"[{num}]", _line(node))
            _claim_text(node, b, container="p")
            b.add_synthetic("\n", _line(node))
    return SourceText("".join(b.parts), path=path, format="xml", encoding="xml", origins=b.origins)
