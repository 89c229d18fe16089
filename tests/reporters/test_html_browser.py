"""The HTML report in a real browser (Chromium through Selenium and Debian's chromedriver).

The page is opened from file:// as a reviewer would open an attachment, and must: log no
console error (a CSP violation is one), ask for nothing but file: and data: URLs, show one
element per JSON finding, filter by rule and by search to exactly the expected findings,
not run the script a hostile PO smuggles in, and download the findings marked "not an error"
as a baseline that makes `termguard check --baseline` report exactly those two fewer.

Skips when no Chromium (with its chromedriver) is installed; CI installs both.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
DRIVER = shutil.which("chromedriver")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None or DRIVER is None, reason="no Chromium and chromedriver installed (apt-get install chromium chromium-driver)"),
]

# A translation with findings in its targets, and markup that must stay text.
REVIEW_PO = r'''msgid ""
msgstr ""
"Language: ru\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n"

msgctxt "s-0001"
msgid "In 2017 Turkey signed the contract for the S-400 Triumf systems."
msgstr "В 2019 году Турция подписала контракт на системы С-400 «Триумф»."

msgctxt "s-0002"
msgid "The deal was worth $2.5 billion <script>document.title='pwned'</script>."
msgstr "Сделка стоила 3,5 млрд долларов <script>document.title='pwned'</script><img src=x onerror=\"document.title='img'\">."

msgctxt "s-0003"
msgid "Ankara received the first S-400 batteries."
msgstr "Анкара получила первые батареи C-400."
'''


def _termguard(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "termguard", *args], cwd=project, capture_output=True, text=True, check=False)


def _json_findings(project: Path, *args: str) -> list[dict]:
    done = _termguard(project, "check", "--format", "json", *args)
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)["findings"]


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("project")
    for name in ("seeds", "glossary", "translations"):
        shutil.copytree(ROOT / name, root / name)
    (root / "translations" / "review.po").write_text(REVIEW_PO, encoding="utf-8")
    done = _termguard(root, "check", "--format", "html", "-o", "report.html")
    assert done.returncode == 1, done.stderr
    return root


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    downloads = tmp_path_factory.mktemp("downloads")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000",
                "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {
        "download.default_directory": str(downloads), "download.prompt_for_download": False,
    })
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    driver.downloads = downloads
    yield driver
    driver.quit()


def _shown(driver) -> list[tuple[str, str, str]]:
    from selenium.webdriver.common.by import By

    return [
        (el.get_attribute("data-path"), el.get_attribute("data-line"), el.get_attribute("data-rule"))
        for el in driver.find_elements(By.CSS_SELECTOR, "[data-finding]") if el.is_displayed()
    ]


def _keys(findings: list[dict]) -> list[tuple[str, str, str]]:
    return [(f["path"], str(f["line"]), f["rule"]) for f in findings]


def test_report_in_chromium(project, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    findings = _json_findings(project)
    assert any(f["path"] == "translations/review.po" for f in findings)
    browser.get((project / "report.html").as_uri())

    # Everything shown, and the smuggled markup stayed text.
    assert len(browser.find_elements(By.CSS_SELECTOR, "[data-finding]")) == len(findings)
    assert _shown(browser) == _keys(findings)
    assert browser.title == "termguard report"
    assert browser.find_elements(By.CSS_SELECTOR, "main img, main script") == []
    assert "<script>document.title='pwned'</script>" in browser.find_element(By.TAG_NAME, "main").text

    # Filter by rule.
    rule = Select(browser.find_element(By.CSS_SELECTOR, 'select[name="rule"]'))
    rule.select_by_value("number-mismatch")
    expected = _keys([f for f in findings if f["rule"] == "number-mismatch"])
    assert len(expected) == 2 and _shown(browser) == expected
    rule.select_by_value("")
    severity = Select(browser.find_element(By.CSS_SELECTOR, 'select[name="severity"]'))
    severity.select_by_value("warning")
    assert _shown(browser) == _keys([f for f in findings if f["severity"] == "warning"])
    severity.select_by_value("")

    # Search over the texts: the unit's source and translation.
    search = browser.find_element(By.CSS_SELECTOR, 'input[type="search"]')
    search.send_keys("БАТАРЕИ")
    expected = _keys([f for f in findings if "батареи" in ((f.get("source") or "") + (f.get("target") or "")).lower()])
    assert len(expected) == 2 and _shown(browser) == expected
    search.clear()
    search.send_keys("x")  # clear() fires no input event; typing does
    search.send_keys("\b")
    assert _shown(browser) == _keys(findings)

    # Keyboard: j moves to the next finding, x marks it.
    browser.find_element(By.TAG_NAME, "h1").click()
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys("jj")
    active = browser.switch_to.active_element
    assert active.get_attribute("data-finding") == "2"
    body.send_keys("x")
    assert browser.find_element(By.CSS_SELECTOR, ".marked").text == "1"
    body.send_keys("x")
    assert browser.find_element(By.CSS_SELECTOR, ".marked").text == "0"

    # Mark two findings as "not an error" and download the baseline.
    marked = [0, next(i for i, f in enumerate(findings) if f["path"] == "translations/review.po")]
    elements = browser.find_elements(By.CSS_SELECTOR, "[data-finding]")
    for i in marked:
        box = elements[i].find_element(By.CSS_SELECTOR, 'input[name="not-an-error"]')
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
        box.click()
    browser.find_element(By.CSS_SELECTOR, "button.download").click()
    target = browser.downloads / "termguard-baseline.json"
    for _ in range(100):
        if target.exists() and not list(browser.downloads.glob("*.crdownload")):
            break
        time.sleep(0.1)
    assert target.exists(), list(browser.downloads.iterdir())
    shutil.copy(target, project / "reviewed-baseline.json")
    left = _json_findings(project, "--baseline", "reviewed-baseline.json")
    assert len(left) == len(findings) - 2
    assert _keys(left) == [k for i, k in enumerate(_keys(findings)) if i not in marked]

    # Nothing went wrong in the console, and nothing was asked of the network.
    errors = [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]
    assert errors == []
    urls = [
        m["params"]["request"]["url"]
        for m in (json.loads(e["message"])["message"] for e in browser.get_log("performance"))
        if m["method"] == "Network.requestWillBeSent"
    ]
    assert urls and all(u.startswith(("file:", "data:")) for u in urls), urls
