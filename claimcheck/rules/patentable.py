"""What a patent of this kind may protect: utility models (U001 utility-model-subject) and the subject matter the
Patent Law excludes (U002 excluded-subject)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar

from claimcheck.model import Category, Claim, ClaimSet
from claimcheck.model.diagnostic import Diagnostic, Fix, Severity
from claimcheck.rules.base import Context, Rule

_PERCENT = re.compile(r"[0-9]+(?:\.[0-9]+)?\s*%\s*[~～\-至到]\s*[0-9]+(?:\.[0-9]+)?\s*%|[0-9]\s*(?:重量份|质量份|份)")
_MEDICAL = re.compile(r"疾病|患者|病人|人体|受试者|个体|哺乳动物|动物|肿瘤|癌|炎|症|病|感染|给药|药物|剂量|血糖|血压")
_TREATMENT_SUBJECT = re.compile(r"(?:治疗|诊断|预防|手术|外科|给药|诊疗)[^，。；]{0,24}(?:方法|疗法)$")
_MEDICAL_USE = re.compile(
    r"(?:在|于)(?P<what>(?:治疗|预防|诊断|缓解|抑制)[^，。；]{1,40}?)中的(?:应用|用途)"
    r"|作为(?P<drug>[^，。；]{0,20}?药物)的(?:应用|用途)"
    r"|用于(?P<for>(?:治疗|预防|诊断|缓解)[^，。；]{1,40}?)的(?:应用|用途)"
)
_MAKING = re.compile(r"制备|制造|生产|制药")


def utility_model(ctx: Context) -> bool:
    """Whether the claims are those of a utility model: the ``cn-utility-model`` profile, the rule option
    ``utility-model``, or a description given with the claims that speaks of 本实用新型."""
    if ctx.profile == "cn-utility-model" or ctx.option("utility-model-subject", "utility-model", False):
        return True
    return "本实用新型" in ctx.description[:4000]


class UtilityModelSubject(Rule):
    """A utility-model claim protects something other than the shape or structure of a product.

    ## What it flags
    Under the ``cn-utility-model`` profile (or with ``utility-model = true``, or when the description given says
    本实用新型): method, process and use claims (error); storage media, programs and materials or compositions as
    such (error); a product claim whose contribution is a control method run by a processor (所述控制器被配置为
    执行以下步骤) or a composition with proportions (质量份, percentages) (warning).

    ## Why
    专利法 第2条第3款: a utility model is a new technical solution on the shape, the structure, or both, of a
    product; 专利审查指南 第一部分第二章 §6: methods, uses, materials as such and improvements lying only in
    software or a control method are no subject of a utility model. Catalogue CN-UM-001.

    ## Bad
        权利要求书
        1. 一种晾衣架，包括横杆和挂钩。
        2. 一种晾衣架的使用方法，包括将衣物挂在所述挂钩上。
        说明书
        本实用新型涉及一种晾衣架。
        说明书摘要
        本实用新型公开了一种晾衣架。

    ## Good
        权利要求书
        1. 一种晾衣架，包括横杆和挂钩。
        2. 根据权利要求1所述的晾衣架，其特征在于，所述挂钩与所述横杆铰接。
        说明书
        本实用新型涉及一种晾衣架。
        说明书摘要
        本实用新型公开了一种晾衣架。

    ## Traps
    Silent on invention applications (the default ``cn-invention`` profile). A product made of a known material
    (所述外壳由铝合金制成) and a product that holds a known controller or processor (包括控制器和与所述控制器电连接的
    电机) are shapes and structures, not material or software improvements.

    ## Options
    ``utility-model`` (false): treat the claims as a utility model's without the profile.
    """

    name = "utility-model-subject"
    code = "U001"
    severity = Severity.ERROR
    catalogue = ("CN-UM-001",)
    source = "专利法 第2条第3款；专利审查指南 第一部分第二章 §6"
    options: ClassVar[dict[str, Any]] = {"utility-model": False}

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        if not utility_model(ctx):
            return
        table: dict[str, Any] = ctx.lexicons.load("subjectmatter").get("utility-model", {})
        software = tuple(table.get("software-heads", []))
        material = tuple(table.get("material-heads", []))
        composition = tuple(table.get("composition-words", []))
        program = tuple(table.get("program-words", []))
        for c in cs:
            if c.flat is None:
                continue
            span = c.subject.span if c.subject is not None else c.label.span
            subject = c.subject.text if c.subject is not None else ""
            if c.category in (Category.METHOD, Category.USE) and (c.is_independent or c.subject is not None):
                if c.kind.value == "dependent" and any(
                    p.category in (Category.METHOD, Category.USE) for p in cs.parents(c)
                ):
                    continue  # reported on the claim it depends on
                yield self.report(
                    c,
                    span,
                    zh=f"实用新型只保护产品的形状、构造：权利要求{c.number}是方法或用途权利要求",
                    en=f"a utility model protects only the shape or structure of a product: claim {c.number} is a "
                    "method or use claim",
                    fix=Fix("删除该权利要求，或改为发明专利申请", "delete the claim, or file an invention application"),
                )
                continue
            if not c.is_independent:
                text = c.flat.folded
                if any(w in text for w in program):
                    yield self._soft(c, span, "program")
                elif any(w in text for w in composition) and _PERCENT.search(text):
                    yield self._soft(c, span, "material")
                continue
            if subject.endswith(software) or subject.endswith(material):
                what_zh = "计算机程序或存储介质" if subject.endswith(software) else "材料或组合物本身"
                yield self.report(
                    c,
                    span,
                    zh=f"实用新型不保护{what_zh}：“{subject}”不是具有形状、构造的产品",
                    en=f"a utility model does not protect {'software' if subject.endswith(software) else 'a material'}: "
                    f"'{subject}' is no product with a shape or structure",
                )
                continue
            text = c.flat.folded
            if any(w in text for w in program):
                yield self._soft(c, span, "program")
            elif any(w in text for w in composition) and _PERCENT.search(text):
                yield self._soft(c, span, "material")

    def _soft(self, c: Claim, span: Any, kind: str) -> Diagnostic:
        if kind == "program":
            zh = f"权利要求{c.number}的改进在于控制方法或程序，不属于实用新型保护的客体"
            en = f"claim {c.number} improves a control method or program, which a utility model does not protect"
        else:
            zh = f"权利要求{c.number}的改进在于材料的组分或配比，不属于实用新型保护的客体"
            en = f"claim {c.number} improves the composition of a material, which a utility model does not protect"
        return self.report(c, span, zh=zh, en=en, severity=Severity.WARNING, kind=kind)


class ExcludedSubject(Rule):
    """A claim seeks to protect what the Patent Law excludes: treating or diagnosing the body, or a mental rule.

    ## What it flags
    A method of treatment, diagnosis or surgery of the living human or animal body (一种治疗糖尿病的方法, a step
    向患者施用…); a medical use written as a use in treatment (化合物X在治疗糖尿病中的应用) instead of a use in
    making a medicament; and a rule or method of mental activity with no technical means at all (一种会议排班规则).

    ## Why
    专利法 第25条第1款第(二)项 (rules and methods of mental activity) and 第(三)项 (methods of diagnosis and
    treatment of disease); 专利审查指南 第二部分第一章 §4.2–§4.3; a medical use is claimed as 在制备治疗X的药物中
    的应用 (专利审查指南 第二部分第十章 §4.5.2). Catalogue CN-USE-002, CN-SUB-001.

    ## Bad
        1. 一种化合物，其结构如式(I)所示。
        2. 权利要求1所述的化合物在治疗糖尿病中的应用。

    ## Good
        1. 一种化合物，其结构如式(I)所示。
        2. 权利要求1所述的化合物在制备治疗糖尿病的药物中的应用。

    ## Traps
    Fault diagnosis of a machine (变压器故障诊断方法), treating water (污水处理方法), a product used in treatment
    (一种用于治疗糖尿病的药物组合物, 治疗仪) and making a medicament (药物的制备方法) are not excluded; a management
    or scheduling method carried out by a server, sensors or a network uses technical means and is not a pure
    mental activity.
    """

    name = "excluded-subject"
    code = "U002"
    severity = Severity.ERROR
    catalogue = ("CN-USE-002", "CN-SUB-001")
    source = "专利法 第25条第1款"

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        table: dict[str, Any] = ctx.lexicons.load("subjectmatter").get("excluded", {})
        for c in cs:
            if c.flat is None:
                continue
            found = self._treatment(c, table) or self._medical_use(c) or self._mental(cs, c, table)
            if found is not None:
                yield found

    def _treatment(self, c: Claim, table: dict[str, Any]) -> Diagnostic | None:
        assert c.flat is not None
        if c.category is not Category.METHOD or c.subject is None:
            return None
        if not c.is_independent:
            return None  # a dependent claim of a treatment method: reported on the claim it depends on
        subject = c.subject.text
        text = c.flat.folded
        named = any(w in subject for w in table.get("treatment-subjects", [])) or _TREATMENT_SUBJECT.search(subject)
        if named and _MEDICAL.search(text) and not _MAKING.search(subject):
            span = c.subject.span
        else:
            steps = [w for w in table.get("treatment-steps", []) if w in text]
            if not steps or _MAKING.search(subject):
                return None
            i = text.find(steps[0])
            span = c.flat.span(i, i + len(steps[0]))
        return self.report(
            c,
            span,
            zh=f"权利要求{c.number}是疾病的诊断或治疗方法，不能被授予专利权",
            en=f"claim {c.number} is a method of diagnosis or treatment of disease, which cannot be patented",
            fix=Fix(
                "改为产品权利要求（药物、器械）或“在制备……药物中的应用”",
                "claim the product (medicament, instrument) or its use in making a medicament",
            ),
            kind="treatment",
        )

    def _medical_use(self, c: Claim) -> Diagnostic | None:
        if c.category is not Category.USE or c.subject is None:
            return None
        subject = c.subject.text
        m = _MEDICAL_USE.search(subject)
        if m is None or _MAKING.search(subject):
            return None
        what = m.group("what") or m.group("for") or ""
        good = f"在制备{what}的药物中的应用" if what else "在制备……药物中的应用"
        return self.report(
            c,
            c.subject.span,
            zh=f"医药用途应写成“{good}”：“{subject}”实为疾病的治疗方法",
            en=f"a medical use is claimed as a use in making a medicament ({good}): '{subject}' is a treatment",
            fix=Fix(f"改为“{good}”", f"write {good}"),
            kind="medical-use",
        )

    def _mental(self, cs: ClaimSet, c: Claim, table: dict[str, Any]) -> Diagnostic | None:
        assert c.flat is not None
        if not c.is_independent or c.subject is None or c.mentions:
            return None
        subject = c.subject.text
        if not subject.endswith(tuple(table.get("mental-subjects", []))):
            return None
        text = c.flat.folded
        if any(w in text for w in table.get("technical-words", [])):
            return None
        return self.report(
            c,
            c.subject.span,
            zh=f"权利要求{c.number}只包含智力活动的规则和方法，未使用任何技术手段",
            en=f"claim {c.number} states only rules of mental activity and uses no technical means",
            severity=Severity.WARNING,
            fix=Fix(
                "写明实现该方法的技术手段及其解决的技术问题", "state the technical means and the technical problem"
            ),
            kind="mental",
        )
