"""The pre-commit hook: the README's example works as written, and the shipped hook manifest is valid."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

GOOD = "1. 一种夹具，包括底座。\n2. 根据权利要求1所述的夹具，其特征在于，所述底座为钢制。\n"
BAD = "1. 一种夹具，包括底座。\n2. 根据权利要求3所述的夹具，其特征在于，所述底座为钢制。\n3. 根据权利要求1所述的夹具，其特征在于，所述底座为方形。\n"

needs_pre_commit = pytest.mark.skipif(
    importlib.util.find_spec("pre_commit") is None or shutil.which("git") is None, reason="needs pre-commit and git"
)


def readme_config() -> str:
    """The pre-commit configuration the README shows."""
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("### pre-commit", 1)[1]
    m = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert m, "the README's pre-commit section has no yaml example"
    return m.group(1)


@needs_pre_commit
def test_readme_pre_commit_example_works_as_written(tmp_path: Path) -> None:
    config = readme_config()
    assert "rev:" not in config  # a local hook: no tag to resolve, no environment to build
    repo = tmp_path / "drafts"
    repo.mkdir()
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    (repo / "good.txt").write_text(GOOD, encoding="utf-8")
    (repo / "bad.txt").write_text(BAD, encoding="utf-8")
    (repo / "bad.desc.txt").write_text("一种夹具。\n", encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=repo, check=True, env=env)

    def hook(*names: str) -> subprocess.CompletedProcess[str]:
        cmd = [sys.executable, "-m", "pre_commit", "run", "--files", *names]
        return subprocess.run(cmd, cwd=repo, capture_output=True, text=True, env=env, timeout=120)

    ok = hook("good.txt")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    bad = hook("bad.txt", "bad.desc.txt")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "reference-forward" in bad.stdout and "bad.desc.txt" not in bad.stdout


@needs_pre_commit
def test_shipped_hook_manifest_is_valid() -> None:
    from pre_commit.clientlib import load_manifest

    hooks = load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))
    assert [h["id"] for h in hooks] == ["claimcheck"]
    assert hooks[0]["entry"] == "claimcheck lint"
    assert re.search(hooks[0]["exclude"], "A.desc.txt") and re.search(hooks[0]["files"], "A.docx")
