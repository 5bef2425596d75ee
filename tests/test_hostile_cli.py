"""Hostile and odd input at the command line: data safety, clear errors, signals.

Commands run in-process through ``claimcheck.cli.main`` (fast); the signal tests start a real process.
Every input is built here; nothing asserts on time.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimcheck.cli import main

BAD = (
    "1. 一种散热装置，包括底板，所述底板的厚度约为5mm左右。\n"
    "2. 根据权利要求1所述的散热装置，其特征在于，所述风扇为轴流风扇。\n"
    "3. 根据权利要求1和2所述的散热装置，其特征在于，所述底板为铜制。\n"
)
GOOD = "1. 一种散热装置，包括底板和风扇。\n2. 根据权利要求1所述的散热装置，其特征在于，所述风扇为轴流风扇。\n"


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``claimcheck ARGS`` in this process: (exit code, stdout, stderr); signal handlers restored after."""
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    argv = sys.argv
    sys.argv = ["claimcheck", *args]
    try:
        main()
        code = 0
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else 0
    finally:
        sys.argv = argv
        for s, handler in saved.items():
            signal.signal(s, handler)
    out, err = capsys.readouterr()
    return code, out, err


def write(path: Path, text: str) -> Path:
    """``path`` with ``text`` written to it (UTF-8)."""
    path.write_text(text, encoding="utf-8")
    return path


def one_line_error(err: str) -> str:
    lines = [x for x in err.splitlines() if x.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err and "internal error" not in err
    return lines[0]


# --- baselines ---------------------------------------------------------------------------------------------


def test_write_baseline_keeps_the_entries_of_an_unreadable_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(BAD, encoding="utf-8")
    b.write_text(BAD.replace("散热装置", "冷却装置"), encoding="utf-8")
    base = tmp_path / "baseline.json"
    code, _, _ = cli(capsys, "lint", str(a), str(b), "--write-baseline", str(base))
    assert code == 0
    before = json.loads(base.read_text(encoding="utf-8"))["findings"]
    assert {e["file"] for e in before} == {"a.txt", "b.txt"}
    b.write_bytes(b"\x00\x01binary now\x00")  # b.txt cannot be read today
    a.write_text(GOOD, encoding="utf-8")  # a.txt was fixed
    code, _, err = cli(capsys, "lint", str(a), str(b), "--write-baseline", str(base))
    assert code == 2
    assert "b.txt" in err and "binary" in err and "recorded findings are kept" in err
    after = json.loads(base.read_text(encoding="utf-8"))["findings"]
    assert [e for e in after if e["file"] == "b.txt"] == [e for e in before if e["file"] == "b.txt"]
    assert len([e for e in after if e["file"] == "a.txt"]) < len([e for e in before if e["file"] == "a.txt"])
    b.write_text(BAD.replace("散热装置", "冷却装置"), encoding="utf-8")
    code, out, _ = cli(capsys, "lint", str(a), str(b), "--baseline", str(base), "-f", "json")
    assert json.loads(out)["summary"]["baselined"] >= 1
    assert not [d for f in json.loads(out)["files"] for d in f["diagnostics"] if f["path"].endswith("b.txt")]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"version": 1, "findings": "abc"}', "'findings' is 'abc'; expected a list of findings"),
        ('{"version": 1, "findings": [{"fingerprint": 5}]}', "finding 1: 'fingerprint' is 5; expected a fingerprint"),
        ('{"version": 1, "findings": [7]}', "finding 1: entry is 7; expected a fingerprint"),
        ('{"version": "x", "findings": []}', "'version' is 'x'; expected 1"),
        ("[" * 100_000, "not a claimcheck baseline"),
        ("\udcff", "not UTF-8"),
    ],
    ids=["findings-string", "fingerprint-number", "entry-number", "version", "deep", "not-utf8"],
)
def test_wrong_baselines_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    draft = write(tmp_path / "d.txt", BAD)
    base = tmp_path / "baseline.json"
    base.write_bytes(content.encode("utf-8", errors="surrogateescape"))
    code, _, err = cli(capsys, "lint", str(draft), "--baseline", str(base))
    assert code == 2
    assert message in one_line_error(err)


# --- outputs -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("target", ["missing/report.json", "a-folder"], ids=["no-such-folder", "is-a-folder"])
def test_unwritable_output_is_found_before_the_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    (tmp_path / "a-folder").mkdir()
    draft = write(tmp_path / "d.txt", BAD)
    import claimcheck.lint.engine as engine

    def no_work(*_a: object, **_k: object) -> None:
        raise AssertionError("the lint ran before the output was checked")

    monkeypatch.setattr(engine, "lint_paths", no_work)
    for args in (["lint", str(draft), "-f", "json"], ["lint", str(draft), "--write-baseline"]):
        flag = [] if "--write-baseline" in args else ["--output"]
        code, _, err = cli(capsys, *args, *flag, str(tmp_path / target))
        assert code == 2
        assert "cannot write" in one_line_error(err)


def test_unwritable_folder_is_found_before_the_work(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if os.geteuid() == 0:
        locked = Path("/proc/claimcheck-output.json")  # not writable even by root
    else:
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o500)
        locked = folder / "out.json"
    draft = write(tmp_path / "d.txt", BAD)
    code, _, err = cli(capsys, "lint", str(draft), "-f", "json", "--output", str(locked))
    assert code == 2 and "cannot write" in one_line_error(err)


def test_output_replaces_atomically_and_keeps_permissions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from claimcheck.errors import InputError
    from claimcheck.outfile import write_atomic

    out = write(tmp_path / "report.json", "old report")
    out.chmod(0o640)

    def fails(tmp: Path) -> None:
        tmp.write_text("half a rep", encoding="utf-8")
        raise OSError(28, "No space left on device")

    with pytest.raises(InputError, match="No space left"):
        write_atomic(out, fails)
    assert out.read_text(encoding="utf-8") == "old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary file left behind
    write_atomic(out, "new report")
    assert out.read_text(encoding="utf-8") == "new report" and (out.stat().st_mode & 0o777) == 0o640
    link = tmp_path / "link.json"
    link.symlink_to(out)
    write_atomic(link, "through the link")
    assert link.is_symlink() and out.read_text(encoding="utf-8") == "through the link"


def test_an_interrupted_write_leaves_the_old_file(tmp_path: Path) -> None:
    from claimcheck.outfile import write_atomic

    out = write(tmp_path / "baseline.json", "reviewed")

    def interrupted(tmp: Path) -> None:
        tmp.write_text("trunc", encoding="utf-8")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_atomic(out, interrupted)
    assert out.read_text(encoding="utf-8") == "reviewed" and len(list(tmp_path.iterdir())) == 1


# --- sizes and claim numbers ---------------------------------------------------------------------------------


def test_max_size_is_refused_below_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = write(tmp_path / "d.txt", GOOD)
    for value in ("-1", "0"):
        code, _, err = cli(capsys, "lint", str(draft), "--max-size", value)
        assert code == 2 and "--max-size" in err


def test_max_size_applies_to_xml_and_pdf_prior_art_and_xml_descriptions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    claims = write(tmp_path / "claims.txt", GOOD)
    filler = "<p>" + "底板" * 300_000 + "</p>"
    big_xml = write(tmp_path / "D1.xml", f'<?xml version="1.0"?><doc><description>{filler}</description></doc>')
    big_pdf = tmp_path / "D2.pdf"
    big_pdf.write_bytes(b"%PDF-1.4\n" + b"%" + b"x" * (2 * 1024 * 1024))
    for doc in (big_xml, big_pdf):
        code, _, err = cli(capsys, "match", str(claims), "--against", str(doc), "--max-size", "1")
        assert code == 2 and "over the 1 MB limit" in one_line_error(err)
    code, out, _ = cli(capsys, "lint", str(claims), "--description", str(big_xml), "--max-size", "1")
    assert code == 2 and "D1.xml: file is 1.7 MB, over the 1 MB limit" in out


def test_match_claims_out_of_range_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    claims = write(tmp_path / "claims.txt", GOOD)
    for selection, message in (
        ("1-999999999", "claim numbers run from 1 to 10,000"),
        ("0", "claim numbers run from 1 to 10,000"),
        ("5-2", "the first is larger"),
        ("1-x", "cannot read"),
        (",", "no claim numbers"),
    ):
        code, _, err = cli(capsys, "match", str(claims), "--features-only", "--claims", selection)
        assert code == 2 and message in one_line_error(err)


# --- configuration files ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("severity = 'warning'", 'severity = "warning": expected a table [severity]'),
        ("[severity]\nunclear-term = 3", 'unclear-term = 3: expected "error", "warning" or "info"'),
        ("select = 5", "select = 5: expected a list of rule names or codes"),
        ("[house]\nmax-claims = 'ten'", 'max-claims = "ten": expected a whole number'),
        ("[house]\nmax-claims = -1", "max-claims = -1: expected a whole number of 0 or more"),
        ("[house]\nforbidden-words = '本发明'", 'forbidden-words = "本发明": expected a list of words'),
        ("[house]\nseverity = true", "severity = true: expected"),
        ("lang = 1", 'lang = 1: expected "zh", "en" or "both"'),
        ("fail-on = 2", "fail-on = 2: expected"),
        ("extend-lexicons = 'x.toml'\n", "lexicon file not found"),
        ("profile = 3", "profile = 3: expected a profile name"),
        ("rules = 1", "rules = 1: expected a table [rules]"),
        ("a = [" * 2000, "invalid TOML"),
    ],
)
def test_wrongly_typed_configuration_names_key_value_and_expectation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], toml: str, message: str
) -> None:
    cfg = write(tmp_path / "claimcheck.toml", toml)
    draft = write(tmp_path / "d.txt", GOOD)
    code, _, err = cli(capsys, "lint", str(draft), "--config", str(cfg))
    assert code == 2
    assert message in one_line_error(err)


def test_rule_options_of_the_wrong_type(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from claimcheck.rules import ALL_RULES

    rule = next(r for r in ALL_RULES if any(isinstance(v, int) and not isinstance(v, bool) for v in r.options.values()))
    option = next(k for k, v in rule.options.items() if isinstance(v, int) and not isinstance(v, bool))
    cfg = write(tmp_path / "claimcheck.toml", f'[rules.{rule.name}]\n{option} = "many"\n')
    draft = write(tmp_path / "d.txt", GOOD)
    code, _, err = cli(capsys, "lint", str(draft), "--config", str(cfg))
    assert code == 2 and f'{option} = "many": expected a whole number' in one_line_error(err)


def test_pyproject_with_a_tool_that_is_not_a_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "pyproject.toml").write_text("tool = 'x'\n", encoding="utf-8")
    draft = write(tmp_path / "d.txt", GOOD)
    code, _, _ = cli(capsys, "lint", str(draft))
    assert code == 0


@pytest.mark.parametrize("option", ["--config", "--profile", "--rubric", "--panel"])
def test_toml_that_is_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str) -> None:
    bad = tmp_path / "settings.toml"
    bad.write_bytes('lang = "zh"\n# 注释\n'.encode("gbk"))
    draft = write(tmp_path / "d.txt", GOOD)
    command = "score" if option in ("--rubric", "--panel") else "lint"
    code, _, err = cli(capsys, command, str(draft), option, str(bad))
    assert code == 2
    assert "not UTF-8" in one_line_error(err) and "settings.toml" in err


@pytest.mark.parametrize(
    ("option", "sheet", "message"),
    [
        (
            "--rubric",
            "[criteria.problem]\nweight = -5",
            "[criteria.problem] weight = -5: expected a number of 0 or more",
        ),
        ("--rubric", "[criteria.problem]\nweight = 'ten'", "weight = 'ten': expected a number of 0 or more"),
        (
            "--rubric",
            "[criteria.embodiments]\ntarget-embodiments = 0",
            "target-embodiments = 0: expected a whole number",
        ),
        ("--rubric", "[verdict]\nfile = 'high'", "[verdict] file = 'high': expected a score from 0 to 100"),
        ("--rubric", "verdict = 3", "verdict = 3: expected a table [verdict]"),
        ("--rubric", "[panel.market-demand]\ninverted = 'yes'", "inverted = 'yes': expected true or false"),
        ("--rubric", "[panel.budget]\nweight = 3", "unknown panel field 'budget'"),
        ("--rubric", "[criteria]\nproblem = 4", "[criteria.problem] = 4: expected a table with a weight"),
        ("--panel", "budget = 3", "unknown panel field 'budget'"),
        ("--panel", "market-demand = 'high'", "market-demand = 'high': expected a number from 1 to 5"),
        ("--panel", "market-demand = true", "expected a number from 1 to 5"),
        ("--panel", "market-demand = 9", "outside 1–5"),
    ],
)
def test_wrong_rubrics_and_panel_sheets_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, sheet: str, message: str
) -> None:
    path = write(tmp_path / f"{option[2:]}.toml", sheet)
    draft = write(tmp_path / "disclosure.txt", "一、技术领域\n本发明涉及散热装置。\n")
    code, _, err = cli(capsys, "score", str(draft), option, str(path))
    assert code == 2 and message in one_line_error(err)


def test_corpus_folder_empty_or_with_unreadable_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = write(
        tmp_path / "disclosure.txt", "一、技术领域\n本发明涉及散热装置。\n二、技术方案\n散热装置包括底板和风扇。\n"
    )
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "notes.bin").write_bytes(b"\x00")
    code, _, err = cli(capsys, "score", str(draft), "--corpus", str(corpus))
    assert code == 2 and "no prior-art documents" in one_line_error(err)
    (corpus / "D1.txt").write_text("一种散热装置，包括底板和风扇。\n", encoding="utf-8")
    (corpus / "D2.txt").write_bytes(b"\x00\x01\x02 broken")
    code, _, err = cli(capsys, "score", str(draft), "--corpus", str(corpus))
    assert code == 0
    assert "D2.txt" in err and "skipped" in err and "D1.txt" not in err


def test_score_reads_each_corpus_document_once_within_max_size(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import claimcheck.readers as readers
    from claimcheck.disclose import read_corpus

    draft = write(
        tmp_path / "disclosure.txt", "一、技术领域\n本发明涉及散热装置。\n二、技术方案\n散热装置包括底板和风扇。\n"
    )
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write(corpus / "D1.txt", "一种散热装置，包括底板和风扇。\n")
    write(corpus / "D2.txt", "底板" * 300_000)  # 1.7 MB
    reads: list[str] = []
    real = readers.read_file_bytes

    def counted(path: str | os.PathLike[str], max_bytes: int | None = readers.DEFAULT_MAX_BYTES) -> bytes:
        reads.append(Path(path).name)
        return real(path, max_bytes)

    monkeypatch.setattr(readers, "read_file_bytes", counted)
    code, _, err = cli(capsys, "score", str(draft), "--corpus", str(corpus), "--max-size", "1")
    assert code == 0
    assert "D2.txt: file is 1.7 MB, over the 1 MB limit" in err and "skipped" in err
    assert reads.count("D1.txt") == 1 and reads.count("D2.txt") == 1
    assert [name for name, _ in read_corpus(corpus, 1_048_576)] == ["D1.txt"]
    assert [name for name, _ in read_corpus(corpus)] == ["D1.txt", "D2.txt"]


# --- signals ---------------------------------------------------------------------------------------------------


def _catches(pid: int, signum: int) -> bool:
    """Whether the process has installed a handler for ``signum`` (Linux: /proc/PID/status SigCgt)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("SigCgt:"):
            return bool(int(line.split()[1], 16) >> (signum - 1) & 1)
    return False


@pytest.mark.parametrize(
    ("signum", "code", "word"), [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")]
)
def test_signals_end_with_one_line_and_their_exit_code(signum: int, code: int, word: str) -> None:
    if not Path("/proc/self/status").is_file():
        pytest.skip("needs /proc to see when the handlers are installed")
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimcheck", "lint", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    try:
        # wait (bounded) until claimcheck has installed its handlers (SIGTERM, installed after SIGINT, is caught:
        # Python catches SIGINT from the start); then it imports its commands and blocks reading standard input
        for _ in range(600):
            if proc.poll() is not None or _catches(proc.pid, signal.SIGTERM):
                break
            time.sleep(0.05)
        assert _catches(proc.pid, signal.SIGTERM)
        proc.send_signal(signum)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == code
    assert err.decode().strip() == f"claimcheck: {word}"
