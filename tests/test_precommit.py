"""The pre-commit hook works with the real pre-commit tool (it installs claimcheck in its own environment)."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT

GOOD = "1. 一种夹具，包括底座。\n2. 根据权利要求1所述的夹具，其特征在于，所述底座为钢制。\n"
BAD = "1. 一种夹具，包括底座。\n2. 根据权利要求3所述的夹具，其特征在于，所述底座为钢制。\n3. 根据权利要求1所述的夹具，其特征在于，所述底座为方形。\n"


@pytest.mark.skipif(
    importlib.util.find_spec("pre_commit") is None or shutil.which("git") is None, reason="needs pre-commit and git"
)
def test_pre_commit_hook(tmp_path: Path) -> None:
    if not (ROOT / ".git").exists():
        pytest.skip("the hook is tried from a git checkout")
    repo = tmp_path / "drafts"
    repo.mkdir()
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
    }
    env["GIT_COMMITTER_NAME"], env["GIT_COMMITTER_EMAIL"] = "t", "t@example.org"
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    (repo / "good.txt").write_text(GOOD, encoding="utf-8")
    (repo / "bad.txt").write_text(BAD, encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=repo, check=True, env=env)

    def try_repo(name: str) -> subprocess.CompletedProcess[str]:
        cmd = ["python", "-m", "pre_commit", "try-repo", str(ROOT), "claimcheck", "--files", name]
        import sys

        cmd[0] = sys.executable
        return subprocess.run(cmd, cwd=repo, capture_output=True, text=True, env=env, timeout=900)

    ok = try_repo("good.txt")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    bad = try_repo("bad.txt")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "reference-forward" in bad.stdout
