"""The review panel in a real browser: Debian's Chromium driven by Selenium through Debian's chromedriver.

A chair creates a round, uploads a batch of disclosures, opens the assessment with its highlighted evidence; a
member rates; the chair decides and exports the CSV and the .docx minute; a member of another round is refused.
The server is the real one (waitress) on a real SQLite file.  Without /usr/bin/chromium and /usr/bin/chromedriver
(Debian packages chromium and chromium-driver) the test is skipped, visibly.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

CHROMIUM = Path(os.environ.get("CLAIMCHECK_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("CLAIMCHECK_CHROMEDRIVER", "/usr/bin/chromedriver"))
FOLDER = ROOT / "tests" / "disclosures"
PASSWORD = "correct horse 8"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--lang=zh-CN",
)


def browser_missing() -> str | None:
    """Why the browser cannot run here, or None."""
    if not CHROMIUM.is_file() or not CHROMEDRIVER.is_file():
        return f"{CHROMIUM} or {CHROMEDRIVER} not found: install the Debian packages chromium and chromium-driver"
    try:
        import flask  # noqa: F401
        import selenium  # noqa: F401
        import waitress  # noqa: F401
    except ImportError as e:
        return f"the web and test extras are not installed: {e}"
    return None


@contextlib.contextmanager
def chromium(download_dir: Path, width: int = 1360, height: int = 1000) -> Iterator[Any]:
    """A headless Chromium with a fresh profile, downloading into ``download_dir``; nothing is fetched online."""
    os.environ.setdefault("SE_OFFLINE", "true")
    os.environ.setdefault("SE_AVOID_STATS", "true")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="claimcheck-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={width},{height}")
    options.add_experimental_option(
        "prefs", {"download.default_directory": str(download_dir), "download.prompt_for_download": False}
    )
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.implicitly_wait(0.2)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@contextlib.contextmanager
def running(app: Any) -> Iterator[str]:
    """The application served by waitress on a free local port; yields its base URL."""
    from waitress.server import create_server

    server = create_server(app, host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"  # type: ignore[union-attr]
    finally:
        server.close()
        thread.join(timeout=5)


def panel_app(url: str) -> Any:
    """The application on ``url`` with a chair and two members."""
    from claimcheck.web.app import WebConfig, create_app
    from claimcheck.web.auth import create_user

    app = create_app(WebConfig(url))
    with app.extensions["claimcheck"]["engine"].begin() as conn:
        create_user(conn, "chair", PASSWORD, "chair", "张主任")
        create_user(conn, "li", PASSWORD, "member", "李专家")
        create_user(conn, "wang", PASSWORD, "member", "王专家")
    return app


def sign_in(driver: Any, base: str, user: str) -> None:
    """Log in through the login page."""
    from selenium.webdriver.common.by import By

    driver.get(f"{base}/login")
    driver.find_element(By.ID, "username").send_keys(user)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    driver.find_element(By.ID, "login").click()
    wait_for(lambda: driver.find_elements(By.ID, "logout"))


def sign_out(driver: Any) -> None:
    """Log out with the header's button."""
    from selenium.webdriver.common.by import By

    driver.find_element(By.ID, "logout").click()
    wait_for(lambda: driver.find_elements(By.ID, "login"))


def wait_for(check: Any, timeout: float = 10.0) -> Any:
    """Poll ``check`` until it returns something true."""
    end = time.monotonic() + timeout
    while True:
        got = check()
        if got:
            return got
        if time.monotonic() > end:
            raise AssertionError("timed out waiting in the browser")
        time.sleep(0.05)


def test_panel_in_the_browser(tmp_path: Path) -> None:
    reason = browser_missing()
    if reason:
        pytest.skip(reason)
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    downloads = tmp_path / "downloads"
    downloads.mkdir()
    app = panel_app(f"sqlite:///{tmp_path / 'panel.sqlite3'}")
    with running(app) as base, chromium(downloads) as driver:
        # the chair opens a round with a member and uploads a batch
        sign_in(driver, base, "chair")
        driver.find_element(By.ID, "round-name").send_keys("2025年第二次预审")
        for box in driver.find_elements(By.NAME, "members"):
            if "李专家" in box.find_element(By.XPATH, "..").text:
                box.click()
        driver.find_element(By.ID, "create-round").click()
        round_url = wait_for(lambda: "/rounds/" in driver.current_url and driver.current_url)
        names = ["chem-mediocre.txt", "mech-excellent.md", "risk-prior-use.txt"]
        driver.find_element(By.ID, "files").send_keys("\n".join(str(FOLDER / n) for n in names))
        driver.find_element(By.ID, "upload").click()
        rows = wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "#overview tr.row"))
        titles = [r.find_element(By.CLASS_NAME, "doc-link").text for r in rows]
        assert len(titles) == 3 and titles[0].startswith("一种光伏组件清扫机器人"), titles
        assert "申请前公开" in rows[2].text  # the prior-use disclosure shows its risk in the overview

        # the assessment of the risky disclosure: the sentence highlighted in the text
        rows[2].find_element(By.CLASS_NAME, "doc-link").click()
        marked = wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "#text mark.risk"))
        assert "已在公司承建的3个高速公路桥梁项目中使用" in marked[0].text
        assert "专利法 第22条第2款" in driver.find_element(By.ID, "risks").text
        sign_out(driver)

        # a member rates the best disclosure
        sign_in(driver, base, "li")
        driver.get(round_url)
        driver.find_element(By.CSS_SELECTOR, "#overview tr.row a.doc-link").click()
        doc_url = wait_for(lambda: "/documents/" in driver.current_url and driver.current_url)
        assert driver.find_elements(By.CSS_SELECTOR, "#text mark.key")  # the key points highlighted
        Select(driver.find_element(By.ID, "market_demand")).select_by_value("5")
        Select(driver.find_element(By.ID, "commercial_risk")).select_by_value("2")
        Select(driver.find_element(By.ID, "grant_prospect")).select_by_value("4")
        driver.find_element(By.ID, "comment").send_keys("运维市场需求大，建议尽快申请")
        driver.find_element(By.ID, "rate").click()
        table = wait_for(lambda: driver.find_elements(By.ID, "ratings"))
        assert "李专家" in table[0].text and "运维市场需求大" in table[0].text
        assert not driver.find_elements(By.ID, "decide")  # members do not decide
        sign_out(driver)

        # the chair decides and exports
        sign_in(driver, base, "chair")
        driver.get(doc_url)
        Select(driver.find_element(By.ID, "decision-choice")).select_by_value("file")
        field = driver.find_element(By.ID, "filing-as")
        field.clear()
        field.send_keys("发明+实用新型同日申请")
        driver.find_element(By.ID, "pct").click()
        driver.find_element(By.ID, "decide").click()
        decision = wait_for(lambda: driver.find_elements(By.ID, "decision"))
        assert "建议申请" in decision[0].text and "PCT" in decision[0].text
        driver.get(round_url)
        driver.find_element(By.ID, "export-csv").click()
        driver.find_element(By.ID, "export-docx").click()
        csv_file = wait_for(lambda: next(iter(downloads.glob("*.csv")), None))
        docx_file = wait_for(lambda: next((p for p in downloads.glob("*.docx")), None))
        rows_csv = list(csv.reader(io.StringIO(csv_file.read_text(encoding="utf-8-sig"))))
        assert rows_csv[1][1].startswith("一种光伏组件清扫机器人") and rows_csv[1][13] == "file"
        import docx

        wait_for(lambda: docx_file.stat().st_size > 0)
        minute = "\n".join(p.text for p in docx.Document(str(docx_file)).paragraphs)
        assert "2025年第二次预审" in minute and "李专家：运维市场需求大" in minute
        sign_out(driver)

        # a member who is not on the round is refused
        sign_in(driver, base, "wang")
        assert "2025年第二次预审" not in driver.find_element(By.TAG_NAME, "main").text
        driver.get(doc_url)
        assert "403" in driver.find_element(By.TAG_NAME, "h1").text
        assert "无权访问" in driver.find_element(By.ID, "error-message").text
        driver.get(round_url + "/export.csv")
        assert "403" in driver.find_element(By.TAG_NAME, "h1").text
