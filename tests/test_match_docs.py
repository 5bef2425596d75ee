"""Matching prior art worded differently: keyed documents written for three corpus patents.

For each patent (tests/match_docs/key.toml): the invention described in other words (para), an English version
(en), a related device disclosing about half of the features (half), a German document with a Chinese translation
beside it (de), a Japanese one without (ja), and unrelated documents (the other corpus descriptions, English claim
sets).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "match_docs"))

from keyed import CORPUS, HERE, Tally, documents_for, evaluate

from claimcheck.match import build_chart, read_document
from claimcheck.match.documents import attach_translation
from claimcheck.parse import parse_source
from claimcheck.readers import read_path


@pytest.fixture(scope="module")
def tallies() -> dict[str, Tally]:
    return evaluate(unrelated=4)


def test_paraphrases_are_found(tallies: dict[str, Tally]) -> None:
    t = tallies["para"]
    assert t.found / t.keyed >= 0.8 and t.disclosed / t.keyed >= 0.7, t


def test_english_versions_are_found(tallies: dict[str, Tally]) -> None:
    t = tallies["en"]
    assert t.found / t.keyed >= 0.6 and t.disclosed / t.keyed >= 0.5, t


def test_related_device_half(tallies: dict[str, Tally]) -> None:
    t = tallies["half"]
    assert t.found / t.keyed >= 0.8, t
    assert t.false_disclosed / t.other <= 0.1, t


def test_unrelated_documents_disclose_little(tallies: dict[str, Tally]) -> None:
    for kind in ("unrelated-zh", "unrelated-en"):
        t = tallies[kind]
        assert t.other > 50 and t.false_disclosed / t.other <= 0.1, (kind, t)


def test_uncomparable_documents_are_never_silently_not_disclosed(tallies: dict[str, Tally]) -> None:
    ja = tallies["ja"]
    assert ja.not_compared == sum(ja.verdicts.values()) > 0 and ja.silent == 0
    assert all(t.silent == 0 for t in tallies.values())


def test_translation_beside_the_document_is_used_and_quotes_stay_original(tallies: dict[str, Tally]) -> None:
    de = tallies["de"]
    assert de.found >= 0.6 * de.keyed and de.false_disclosed == 0, de
    cs = parse_source(read_path(CORPUS / "cn" / "CN201094265Y.txt"))
    d = attach_translation(read_document(HERE / "CN201094265Y.de.txt", "D1"), HERE / "CN201094265Y.de.zh.txt")
    chart = build_chart(cs, [d], [1])
    assert chart.statuses["D1"].via == "translation"
    m = chart.match(next(f for f in chart.features if f.id == "1c"), "D1")
    assert m.verdict == "disclosed" and m.passage is not None and m.translated
    assert m.passage.text in d.text and "Förderband" in m.passage.text and "输送带" in m.translated


def test_not_compared_reason_names_the_language() -> None:
    cs = parse_source(read_path(CORPUS / "cn" / "CN201094265Y.txt"))
    chart = build_chart(cs, [read_document(HERE / "CN201094265Y.ja.txt", "D1")], [1])
    st = chart.statuses["D1"]
    assert not st.compared and "日文" in st.reason_zh and "Japanese" in st.reason_en
    assert all(chart.match(f, "D1").verdict == "not_compared" for f in chart.features)
    assert chart.analyses[0].closest is None


def test_verdicts_do_not_depend_on_the_other_documents() -> None:
    pub = "CN119696475A"
    cs = parse_source(read_path(CORPUS / "cn" / f"{pub}.txt"))
    own = documents_for(pub, unrelated=0)
    crowd = documents_for(pub, unrelated=None)
    assert len(crowd) > len(own) + 5
    alone = build_chart(cs, own, [1, 3])
    together = build_chart(cs, crowd, [1, 3])
    for f in alone.features:
        for d in own:
            a, b = alone.match(f, d.label), together.match(f, d.label)
            assert (a.verdict, round(a.score, 6)) == (b.verdict, round(b.score, 6)), (f.id, d.label)
            assert (a.passage.text if a.passage else None) == (b.passage.text if b.passage else None)
    # one document at a time gives the same verdicts too
    for d in own:
        single = build_chart(cs, [d], [1, 3])
        assert [single.match(f, d.label).verdict for f in single.features] == [
            together.match(f, d.label).verdict for f in together.features
        ]


def test_boilerplate_and_topic_words_decide_nothing() -> None:
    from claimcheck.match.concepts import units
    from claimcheck.match.documents import text_document
    from claimcheck.match.vocab import default_vocabulary
    from claimcheck.parse import parse_text

    cs = parse_text(
        "1. 一种光伏电站的安装方法，其特征在于，包括以下步骤：步骤1）在地面上平行设置两个底杆；"
        "步骤2）在所述底杆上方间隔设置多个立杆；步骤3）所述步骤2）具体为：将所述立杆焊接在所述底杆上。\n"
    )
    vocab = default_vocabulary()
    for f in build_chart(cs, []).features:
        words = {u.text for u in units(f.text, vocab)}
        assert not words & {"包括", "以下", "步骤", "具体为", "具体", "所述", "其特征在于"}, (f.id, words)
    boiler = text_document(
        "D1",
        "boiler.txt",
        "分布式光伏电站\n本发明涉及分布式光伏电站技术领域。\n为实现上述目的，本发明提供如下技术方案：一种分布式光伏电站，"
        "包括以下步骤。\n所述步骤3）具体为：分布式光伏电站的安装。\n本发明的分布式光伏电站结构合理，发电量高。\n",
    )
    related = read_document(HERE / "CN119696475A.half.txt", "D2")
    claims = parse_source(read_path(CORPUS / "cn" / "CN119696475A.txt"))
    chart = build_chart(claims, [boiler, related], [1])
    assert chart.analyses[0].closest == "D2"
    assert not [f.id for f in chart.features if f.kind != "subject" and chart.match(f, "D1").verdict == "disclosed"]
