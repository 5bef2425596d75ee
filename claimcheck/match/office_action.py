"""The office action (审查意见通知书): what the examiner cites, asserts, and whether the cited passages bear it out.

Read from text, .docx or PDF with a text layer, in the usual CNIPA wording:

* the header fields 申请号, 发明名称, 申请人;
* the list of cited documents (``对比文件1：CN110123456A，公开日为2019年08月09日``);
* the objections, numbered (``1. 权利要求1不具备专利法第22条第3款规定的创造性``), with the claims they concern;
* in each, the examiner's mappings (``对比文件1公开了……（参见说明书第[0023]-[0031]段、附图1）``), the features
  conceded as distinguishing (``区别技术特征在于……``) and those called 公知常识 or 常规技术手段.

:func:`check_office_action` then takes each mapping feature by feature: the claim features the examiner's sentence
names are compared with the cited paragraphs of that document only, and, if they fall short, with the whole
document — so an assertion *holds* (the cited paragraphs disclose it), holds *elsewhere* (other paragraphs do),
*does not hold*, or cannot be checked (the document was not given, or could not be compared).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from claimcheck.errors import InputError
from claimcheck.match.align import Match
from claimcheck.match.chart import FeatureChart
from claimcheck.match.documents import Document, Passage, text_document
from claimcheck.match.features import Feature

_CITED = re.compile(
    r"对比文件\s*(\d{1,2})\s*[：:]\s*([A-Z]{2}\s?[0-9][0-9/.\s]{3,18}[0-9](?:\s?[A-Z][0-9]?)?)"
    r"(?:[^；;\n]*?公开日(?:期)?(?:为|是)?\s*[：:]?\s*(\d{4}\s*[年.\-/]\s*\d{1,2}\s*[月.\-/]\s*\d{1,2}\s*日?))?"
)
_FIELD = {
    "application_number": re.compile(r"申请号\s*[：:]\s*([0-9A-Z.]{8,20})"),
    "title": re.compile(r"发明(?:创造)?名称\s*[：:]\s*([^\n]+)"),
    "applicant": re.compile(r"申请人\s*[：:]\s*([^\n]+)"),
}
_SECTION = re.compile(r"^\s*(?:(\d{1,2})\s*[.、．]|[（(](\d{1,2})[)）])\s*(?=\S)", re.M)
_CLAIMS = re.compile(r"权利要求\s*(\d{1,3})((?:\s*(?:[-－—~～至到、,，和及或]|以及)\s*\d{1,3})*)")
_SENTENCE = re.compile(r"[^。；;\n]+[。；;]?")
_DISCLOSES = re.compile(r"对比文件\s*(\d{1,2})(?:[^，。；,]{0,12}?)(?:还|也|同样|已经|已)?(?:公开|披露|记载|给出)了?")
_SEE = re.compile(r"[（(]\s*参见([^）)]*)[）)]")
_PARA_RANGE = re.compile(r"\[?\s*(\d{1,5})\s*\]?\s*段?\s*(?:[-－—~～至到]\s*(?:第\s*)?\[?\s*(\d{1,5})\s*\]?)?")
_REFERRED = re.compile(
    r"(?:对|引用|根据|从属于)\s*(?:独立)?权利要求\s*\d{1,3}(?:\s*[-至、或]\s*\d{1,3})*|权利要求\s*\d{1,3}\s*(?:所述|的基础上)"
)
_CONCLUSION = re.compile(r"^(?:因此|综上|所以|由此可见|基于上述理由)")
_COMMON = re.compile(r"公知常识|常规技术手段|惯用技术手段|常用技术手段|惯用手段|常规手段|常规选择|常用手段|容易想到")
_DIFF = re.compile(r"区别(?:技术)?特征(?:在于|是|为)\s*[：:]?")
_GROUNDS = (
    ("novelty", re.compile(r"第\s*22\s*条\s*第\s*2\s*款|新颖性")),
    ("inventiveness", re.compile(r"第\s*22\s*条\s*第\s*3\s*款|创造性")),
    ("clarity", re.compile(r"第\s*26\s*条\s*第\s*4\s*款|不清楚|得不到说明书的支持")),
    ("added_matter", re.compile(r"第\s*33\s*条|超出")),
)


@dataclass(frozen=True, slots=True)
class CitedDocument:
    """A document the office action cites: 对比文件N."""

    number: int
    publication: str
    date: str | None = None


@dataclass
class Assertion:
    """One statement of the examiner about claims: a mapping, a conceded difference, or common knowledge."""

    objection: int
    kind: str  # "disclosed", "distinguishing", "common_knowledge"
    claims: list[int]
    text: str  # the examiner's sentence
    document: int | None = None  # 对比文件N
    paragraphs: list[int] = field(default_factory=list)
    where: str = ""  # the examiner's own reference (参见说明书第[0023]-[0031]段、附图1)
    line: int = 0


@dataclass
class Objection:
    """A numbered objection: its claims, its legal ground and its text."""

    number: int
    claims: list[int]
    grounds: list[str]
    text: str


@dataclass
class OfficeAction:
    """What an office action says."""

    path: str
    text: str
    application_number: str | None
    title: str | None
    applicant: str | None
    documents: list[CitedDocument]
    objections: list[Objection]
    assertions: list[Assertion]


def _claim_list(m: re.Match[str]) -> list[int]:
    numbers = [int(m.group(1))]
    rest = m.group(2) or ""
    prev = numbers[0]
    for sep, n in re.findall(r"([-－—~～至到、,，和及或]|以及)\s*(\d{1,3})", rest):
        k = int(n)
        if sep in "-－—~～至到" and k > prev:
            numbers.extend(range(prev + 1, k + 1))
        else:
            numbers.append(k)
        prev = k
    return list(dict.fromkeys(numbers))


def _claims_in(text: str) -> list[int]:
    """The claims a sentence is about (not those it says they refer to: 对权利要求1作了进一步限定)."""
    text = _REFERRED.sub("", text)
    out: list[int] = []
    for m in _CLAIMS.finditer(text):
        out.extend(_claim_list(m))
    return list(dict.fromkeys(out))


def _paragraphs_in(where: str) -> list[int]:
    """Paragraph numbers a reference names: 第[0023]-[0031]段 → 23 … 31; figures and pages are left out."""
    out: list[int] = []
    for part in re.split(r"[、,，;；]", where):
        if "段" not in part and "[" not in part:
            continue
        for m in _PARA_RANGE.finditer(part):
            a = int(m.group(1))
            b = int(m.group(2)) if m.group(2) else a
            if 0 < a <= b < a + 200:
                out.extend(range(a, b + 1))
    return list(dict.fromkeys(out))


def parse_office_action(text: str, path: str = "office action") -> OfficeAction:
    """Read the fields, the cited documents, the objections and the examiner's assertions."""
    fields = {k: (m.group(1).strip() if (m := p.search(text)) else None) for k, p in _FIELD.items()}
    documents: dict[int, CitedDocument] = {}
    for m in _CITED.finditer(text):
        n = int(m.group(1))
        pub = re.sub(r"\s+", "", m.group(2)).upper()
        date = re.sub(r"\s+", "", m.group(3)) if m.group(3) else None
        documents.setdefault(n, CitedDocument(n, pub, date))
    starts = [m for m in _SECTION.finditer(text) if _claims_in(text[m.end() : m.end() + 80])]
    objections: list[Objection] = []
    assertions: list[Assertion] = []
    for k, m in enumerate(starts):
        end = starts[k + 1].start() if k + 1 < len(starts) else len(text)
        body = text[m.end() : end]
        number = int(m.group(1) or m.group(2))
        first = _SENTENCE.match(body)
        head = first.group(0) if first else body[:120]
        claims = _claims_in(head)
        grounds = [g for g, p in _GROUNDS if p.search(head)]
        objections.append(Objection(number, claims, grounds, body.strip()))
        context = claims
        for s in _SENTENCE.finditer(body):
            sentence = s.group(0).strip()
            line = text.count("\n", 0, m.end() + s.start()) + 1
            named = _claims_in(sentence)
            if named:
                context = named
            see = _SEE.search(sentence)
            where = see.group(1).strip() if see else ""
            disclosed = _DISCLOSES.search(sentence)
            if _DIFF.search(sentence):
                rest = sentence[_DIFF.search(sentence).end() :]  # type: ignore[union-attr]
                assertions.append(Assertion(number, "distinguishing", list(context), rest.strip("。；; "), line=line))
            elif _COMMON.search(sentence) and not _CONCLUSION.match(sentence):
                doc = int(disclosed.group(1)) if disclosed else None
                assertions.append(Assertion(number, "common_knowledge", list(context), sentence, doc, line=line))
            elif disclosed:
                rest = sentence[disclosed.end() :]
                rest = _SEE.sub("", rest).strip("：:，,。；; ")
                assertions.append(
                    Assertion(
                        number,
                        "disclosed",
                        list(context),
                        rest,
                        int(disclosed.group(1)),
                        _paragraphs_in(where),
                        where,
                        line,
                    )
                )
    if not documents and not assertions:
        raise InputError(
            f"{path}: no cited documents (对比文件1：…) and no examiner's mapping found: is this an office action?"
        )
    return OfficeAction(
        path,
        text,
        fields["application_number"],
        fields["title"],
        fields["applicant"],
        [documents[n] for n in sorted(documents)],
        objections,
        assertions,
    )


def read_office_action(path: Path, max_bytes: int | None = None) -> OfficeAction:
    """Read an office action from text, .docx or a PDF with a text layer."""
    from claimcheck.match.documents import read_document

    return parse_office_action(read_document(path, "OA", max_bytes).text, str(path))


# ----------------------------------------------------------------------------------------------- checking


@dataclass
class AssertionCheck:
    """One claim feature of one examiner's mapping, compared with the cited paragraphs and the whole document."""

    assertion: Assertion
    feature: Feature
    document: str | None  # the label of the document the 对比文件 number stands for
    cited: Match | None  # the best passage within the cited paragraphs
    anywhere: Match | None  # the best passage in the whole document
    holds: str  # "yes", "elsewhere", "partly", "no", "not_compared", "no_document"

    @property
    def holds_zh(self) -> str:
        """The outcome in Chinese."""
        return {
            "yes": "成立",
            "elsewhere": "所引段落未公开，但文献其他段落公开",
            "partly": "仅部分公开",
            "no": "不成立",
            "not_compared": "未比对",
            "no_document": "未提供该对比文件",
        }[self.holds]


def document_for(oa: OfficeAction, number: int, documents: list[Document]) -> Document | None:
    """The document given for 对比文件 ``number``: the one with its publication number, else the ``number``-th."""
    cited = next((c for c in oa.documents if c.number == number), None)
    if cited is not None:
        key = re.sub(r"[^0-9A-Z]", "", cited.publication)
        for d in documents:
            pub = d.publication or Path(d.path).stem.upper()
            if re.sub(r"[^0-9A-Z]", "", pub) == key or key.startswith(re.sub(r"[^0-9A-Z]", "", pub)):
                return d
    return documents[number - 1] if 0 < number <= len(documents) else None


def _paragraph_number(p: Passage) -> int | None:
    m = re.search(r"\d+", p.paragraph)
    return int(m.group(0)) if m else None


def restrict(document: Document, paragraphs: list[int]) -> Document:
    """The document with only the passages of the given paragraphs (its translation likewise); spans unchanged.

    Its label names the paragraphs (D1@23-31), so that it is matched as a document of its own.
    """
    keep = set(paragraphs)
    kept = [i for i, p in enumerate(document.passages) if _paragraph_number(p) in keep]
    index = {old: new for new, old in enumerate(kept)}
    label = f"{document.label}@{min(keep)}-{max(keep)}:{len(keep)}" if keep else f"{document.label}@none"
    out = replace(document, label=label, passages=[document.passages[i] for i in kept], translation=None)
    t = document.translation
    if t is not None:
        pairs = [(p, index[o]) for p, o in zip(t.passages, t.original, strict=True) if o in index]
        out.translation = replace(t, passages=[p for p, _ in pairs], original=[o for _, o in pairs])
    return out


def _asserted(chart: FeatureChart, a: Assertion) -> list[Feature]:
    """The features of the assertion's claims that the examiner's sentence names."""
    sentence = text_document(f"OA-{a.objection}-{a.line}", "office action", a.text, "zh")
    out = []
    for f in chart.features:
        if f.claim in a.claims and f.kind != "subject" and chart.compare(f, sentence).verdict == "disclosed":
            out.append(f)
    return out


def check_office_action(oa: OfficeAction, chart: FeatureChart) -> list[AssertionCheck]:
    """Every mapping of the office action, feature by feature, against the cited paragraphs of its document."""
    out: list[AssertionCheck] = []
    for a in oa.assertions:
        if a.kind != "disclosed" or a.document is None:
            continue
        doc = document_for(oa, a.document, chart.documents)
        for f in _asserted(chart, a):
            if doc is None:
                out.append(AssertionCheck(a, f, None, None, None, "no_document"))
                continue
            anywhere = chart.matches.get(f.id, {}).get(doc.label)
            status = chart.statuses.get(doc.label)
            if status is not None and not status.compared:
                out.append(AssertionCheck(a, f, doc.label, None, anywhere, "not_compared"))
                continue
            cited = chart.compare(f, restrict(doc, a.paragraphs)) if a.paragraphs else anywhere
            if cited is not None and cited.verdict == "disclosed":
                holds = "yes"
            elif anywhere is not None and anywhere.verdict == "disclosed":
                holds = "elsewhere"
            elif (cited is not None and cited.verdict == "partial") or (
                anywhere is not None and anywhere.verdict == "partial"
            ):
                holds = "partly"
            elif (cited is not None and cited.verdict == "not_compared") or (
                anywhere is not None and anywhere.verdict == "not_compared"
            ):
                holds = "not_compared"
            else:
                holds = "no"
            out.append(AssertionCheck(a, f, doc.label, cited, anywhere, holds))
    return out


def common_knowledge(oa: OfficeAction, chart: FeatureChart) -> list[tuple[Assertion, list[Feature]]]:
    """The assertions of common general knowledge and the claim features they concern."""
    return [(a, _asserted(chart, a)) for a in oa.assertions if a.kind == "common_knowledge"]
