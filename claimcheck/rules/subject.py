"""Subject-name rules (S): subject-mismatch, bare-subject."""

from __future__ import annotations

import re
from collections.abc import Iterator

from claimcheck.model import Category, Claim, ClaimSet, Kind
from claimcheck.model.diagnostic import Diagnostic, Fix, Severity
from claimcheck.parse import structure as S
from claimcheck.rules.base import Context, Rule

_CAT_ZH = {Category.PRODUCT: "产品", Category.METHOD: "方法", Category.USE: "用途", Category.UNKNOWN: "不明"}
_SYNONYMS = (("设备", "装置"), ("工艺", "方法"))


def normalise_subject(text: str, english: bool = False) -> str:
    """Fold a subject name for comparison: no leading 一种, no spaces, no reference signs, no trailing 的."""
    t = re.sub(r"\s+", " " if english else "", text).strip()
    t = re.sub(r"^(?:一种|一个|一类|一套)", "", t)
    t = re.sub(r"[（(][^）)]*[）)]", "", t)
    return t.rstrip("的").lower()


def _category_of_claim(c: Claim, english: bool) -> Category:
    if c.subject is None:
        return Category.UNKNOWN
    return S.category_of(c.subject.text, english)


class SubjectMismatch(Rule):
    """A dependent claim's subject name differs from the subject of the claim it refers to.

    ## What it flags
    A dependent claim whose subject name (after 所述的) names another thing than its parent
    (散热器 for 散热装置: warning) or another category (所述的装置 when claim 1 is 一种方法:
    error), and a dependent claim with no subject name at all (根据权利要求1，其特征在于…: error).

    ## Why
    专利法实施细则 (2023) 第25条第1款第(一)项: the reference part states the number of the claim
    referred to and its subject name; 专利审查指南 第二部分第二章 §3.3.2 and §3.1.1 (categories).
    Catalogue CN-DEP-001, CN-DEP-002, CN-CAT-001.

    ## Bad
        1. 一种散热装置，包括底板。
        2. 根据权利要求1所述的散热器，其特征在于，所述底板为铜制。

    ## Good
        1. 一种散热装置，包括底板。
        2. 根据权利要求1所述的散热装置，其特征在于，所述底板为铜制。

    ## Traps
    A shortened subject (所述的系统 for 钻油井的系统) is accepted, and so is one of alternative subjects
    (所述的化合物 for 式(I)所示的化合物或其药学上可接受的盐); 装置/设备 and 方法/工艺 count as the same; a
    claim of another category built on claim 1 (根据权利要求1所述的方法制得的产品, 权利要求1所述的化合物在制备…
    药物中的应用, with or without 根据) is an independent claim, not a mismatch; every parent of a multiple
    dependent claim is compared.
    """

    name = "subject-mismatch"
    code = "S001"
    severity = Severity.WARNING
    catalogue = ("CN-DEP-001", "CN-DEP-002", "CN-CAT-001")
    source = "专利法实施细则 第25条第1款"
    languages = ("zh", "en")

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        english = cs.language == "en"
        for c in cs:
            if c.kind is not Kind.DEPENDENT or c.reference is None:
                continue
            if c.subject is None:
                if english:
                    continue
                yield self.report(
                    c,
                    c.reference.segment.span,
                    zh="从属权利要求的引用部分缺少主题名称（应写作“根据权利要求N所述的……”）",
                    en="the reference part names no subject (write 根据权利要求N所述的<subject>)",
                    severity=Severity.ERROR,
                )
                continue
            mine = normalise_subject(c.subject.text, english)
            my_cat = _category_of_claim(c, english)
            for p in cs.parents(c):
                if p.subject is None:
                    continue
                theirs = normalise_subject(p.subject.text, english)
                if self._same(mine, theirs, english):
                    continue
                p_cat = p.category
                if my_cat is not Category.UNKNOWN and p_cat is not Category.UNKNOWN and my_cat is not p_cat:
                    yield self.report(
                        c,
                        c.subject.span,
                        zh=f"主题名称“{c.subject.text}”（{_CAT_ZH[my_cat]}）与所引用的权利要求{p.number}"
                        f"“{p.subject.text}”（{_CAT_ZH[p_cat]}）类型不同",
                        en=f"subject '{c.subject.text}' ({my_cat.value}) is of another category than claim {p.number}'s "
                        f"'{p.subject.text}' ({p_cat.value})",
                        severity=Severity.ERROR,
                        fix=Fix(
                            f"改为“{p.subject.text}”，或写成独立权利要求",
                            f"use '{p.subject.text}', or make it an independent claim",
                        ),
                    )
                else:
                    yield self.report(
                        c,
                        c.subject.span,
                        zh=f"主题名称“{c.subject.text}”与所引用的权利要求{p.number}的主题名称“{p.subject.text}”不一致",
                        en=f"subject '{c.subject.text}' differs from claim {p.number}'s subject '{p.subject.text}'",
                        fix=Fix(f"改为“{p.subject.text}”", f"use '{p.subject.text}'", c.subject.span, p.subject.text),
                    )
                break

    @staticmethod
    def _same(mine: str, theirs: str, english: bool) -> bool:
        if mine == theirs:
            return True
        for a, b in _SYNONYMS:
            mine, theirs = mine.replace(a, b), theirs.replace(a, b)
        if mine == theirs or theirs.endswith(mine) or mine.endswith(theirs):
            return True
        if english:
            return S.head_noun_en(mine) == S.head_noun_en(theirs)
        # shortened forms keep the head: 系统 for 钻油井或气井的系统, 方法 for 控制方法
        if S.head_noun(mine) == S.head_noun(theirs) and len(S.head_noun(mine)) >= 2 and mine in theirs:
            return True
        # one of alternative subjects: 化合物 for 式(I)所示的化合物或其药学上可接受的盐
        alternatives = [a for a in re.split(r"或其|及其|或者|或", theirs) if a]
        return len(alternatives) > 1 and any(SubjectMismatch._same(mine, a, english) for a in alternatives)


class BareSubject(Rule):
    """An independent claim's subject name shows no technical field (一种装置, 一种方法).

    ## What it flags
    A subject name that is only a category noun such as 装置, 方法, 系统, 设备 or 工艺 (list in
    ``lexicons/categories.toml``, ``[bare]``).  When a purpose clause follows at once
    (一种方法，用于…) the finding is only info.

    ## Why
    专利审查指南 第二部分第二章 §3.2.2 (the subject name shows the category and should reflect the
    technical field); 专利法实施细则 第24条第1款第(一)项. Catalogue CN-CAT-003.

    ## Bad
        1. 一种装置，包括底座和设置在所述底座上的夹爪。

    ## Good
        1. 一种工件夹紧装置，包括底座和设置在所述底座上的夹爪。
    """

    name = "bare-subject"
    code = "S002"
    severity = Severity.WARNING
    catalogue = ("CN-CAT-003",)
    source = "专利审查指南 第二部分第二章 §3.2.2"

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        bare = set(ctx.lexicons.words("categories", "bare", "subjects"))
        for c in cs.independent:
            if c.subject is None or normalise_subject(c.subject.text) not in bare or c.flat is None:
                continue
            after = c.flat.text[c.flat.text.find(c.subject.text) + len(c.subject.text) :]
            purpose = bool(re.match(r"[，,]?\s*(?:用于|其用于|适用于)", after))
            yield self.report(
                c,
                c.subject.span,
                zh=f"主题名称“{c.subject.text}”过于笼统，未体现技术领域",
                en=f"subject name '{c.subject.text}' is bare: it shows no technical field",
                severity=Severity.INFO if purpose else None,
                fix=Fix(
                    "在主题名称中写明技术领域或用途，如“一种工件夹紧装置”",
                    "name the field in the subject, e.g. 一种工件夹紧装置",
                ),
            )
