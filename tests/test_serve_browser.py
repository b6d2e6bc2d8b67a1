"""``storyline serve`` in a real browser (issue 14): Debian's headless Chromium driven by Selenium
through Debian's ``chromedriver``, against the real app served by uvicorn on 127.0.0.1 over a
copy of the five dev articles' store.

The analyst's round: filter the timeline to an actor, open a story event told by several
sources, see each source's evidence highlighted, correct an event's class through the page's
form, restart the server and find the correction kept. Every page is photographed on the way
(into the test's tmp folder and, when STORYLINE_SCREENSHOTS names a folder, there too) for a
person to look at. Chromium or chromedriver missing is a failure, not a skip (see browser.py).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from browser import FLAGS, chromedriver, chromium
from serve_server import call, copy_store, running

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.select import Select  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def db(dev_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_store(dev_db, tmp_path_factory.mktemp("serve_browser"))


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folders = [tmp_path_factory.mktemp("screenshots")]
    if os.environ.get("STORYLINE_SCREENSHOTS"):
        folders.append(Path(os.environ["STORYLINE_SCREENSHOTS"]))
        folders[-1].mkdir(parents=True, exist_ok=True)
    return folders


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    options = webdriver.ChromeOptions()
    options.binary_location = chromium()
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.add_argument("--window-size=1280,1000")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = webdriver.ChromeService(executable_path=chromedriver())
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(120)
    try:
        yield driver
    finally:
        driver.quit()


def snap(driver: object, folders: list[Path], name: str) -> None:
    """The whole page, as tall as it is (to a limit), in each screenshot folder."""
    driver.execute_script("window.scrollTo(0, 0)")  # type: ignore[attr-defined]
    height = driver.execute_script("return document.documentElement.scrollHeight")  # type: ignore[attr-defined]
    driver.set_window_size(1280, max(800, min(int(height) + 40, 7000)))  # type: ignore[attr-defined]
    for folder in folders:
        assert driver.save_screenshot(str(folder / f"{name}.png"))  # type: ignore[attr-defined]
    driver.set_window_size(1280, 1000)  # type: ignore[attr-defined]


def wait_for(driver: object, css: str, timeout: float = 120) -> object:
    return WebDriverWait(driver, timeout).until(EC.presence_of_element_located((By.CSS_SELECTOR, css)))


def sources_of(entry: object) -> int:
    text = entry.find_element(By.CSS_SELECTOR, ".label.sources").text  # type: ignore[attr-defined]
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


def test_an_analyst_filters_reads_corrects_and_the_correction_outlives_a_restart(
        db: Path, browser: object, shots: list[Path]) -> None:
    d = browser
    with running(db) as url:
        d.get(url + "/timeline")  # type: ignore[attr-defined]
        everything = len(d.find_elements(By.CSS_SELECTOR, "ol.timeline > li.entry"))  # type: ignore[attr-defined]
        snap(d, shots, "timeline")
        box = d.find_element(By.NAME, "actor")  # type: ignore[attr-defined]
        box.send_keys("Lavrov")
        d.find_element(By.CSS_SELECTOR, "#timeline-filters button[type=submit]").click()  # type: ignore[attr-defined]
        WebDriverWait(d, 60).until(EC.url_contains("actor=Lavrov"))
        entries = d.find_elements(By.CSS_SELECTOR, "ol.timeline > li.entry")  # type: ignore[attr-defined]
        assert 0 < len(entries) < everything
        assert all("Lavrov" in e.text for e in entries)
        snap(d, shots, "timeline-lavrov")

        d.get(url + "/timeline")  # type: ignore[attr-defined]
        entries = d.find_elements(By.CSS_SELECTOR, "ol.timeline > li.entry")  # type: ignore[attr-defined]
        several = next(e for e in entries if sources_of(e) >= 2)
        count = sources_of(several)
        several.find_element(By.CSS_SELECTOR, "h2 a").click()
        wait_for(d, ".tellings")
        story_url = d.current_url  # type: ignore[attr-defined]
        marks = d.find_elements(By.CSS_SELECTOR, "article.source p.sentence mark")  # type: ignore[attr-defined]
        assert len(marks) >= count and all(m.text.strip() for m in marks)
        assert all(m.value_of_css_property("background-color") not in ("rgba(0, 0, 0, 0)", "transparent") for m in marks)
        snap(d, shots, "story-event")

        first = d.find_element(By.CSS_SELECTOR, "article.source .event-review")  # type: ignore[attr-defined]
        machine = first.find_element(By.CSS_SELECTOR, "dd.f-what").text.strip()
        new = "THREATEN" if machine != "THREATEN" else "AGREE"
        first.find_element(By.CSS_SELECTOR, "details.review summary").click()
        form = first.find_element(By.CSS_SELECTOR, "form.review-form")
        Select(form.find_element(By.NAME, "field")).select_by_value("what")
        form.find_element(By.NAME, "value").send_keys(new)
        form.find_element(By.NAME, "reason").send_keys("the sentence is a threat")
        form.find_element(By.NAME, "author").send_keys("Test Analyst")
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        corrected = wait_for(d, "article.source .event-review dd.f-what .corrected")
        assert corrected.text == new  # type: ignore[attr-defined]
        assert f"machine: {machine}" in d.find_element(By.CSS_SELECTOR, "article.source .event-review dd.f-what").text  # type: ignore[attr-defined]
        snap(d, shots, "story-event-corrected")

    with running(db) as url:  # the server stopped and started again: a new port, the same file
        d.get(story_url.replace(story_url.split("/story-events/")[0], url))  # type: ignore[attr-defined]
        kept = wait_for(d, "article.source .event-review dd.f-what .corrected")
        assert kept.text == new  # type: ignore[attr-defined]
        snap(d, shots, "story-event-after-restart")
        _every_page(d, url, shots)


def _every_page(d: object, url: str, shots: list[Path]) -> None:
    """Each page renders in the browser (and is photographed): overview, documents, a document, an
    actor, quotes, the network, corrections, the add form."""
    doc = call(url + "/api/documents?limit=1").json()["items"][0]["id"]
    for name, path, landmark in [("overview", "/", ".counts"), ("documents", "/documents", "table"),
                                 ("document", f"/documents/{doc}", ".doctext .m-event"),
                                 ("actor", "/actors/Lavrov", ".roles, .columns"), ("quotes", "/quotes", "blockquote"),
                                 ("network", "/network", "svg g.node"), ("network-actors", "/network?level=actor", "svg"),
                                 ("corrections", "/corrections", "tbody tr"), ("add", "/add", "form.add-form")]:
        d.get(url + path)  # type: ignore[attr-defined]
        wait_for(d, landmark)
        logs = [e for e in d.get_log("browser") if e["level"] == "SEVERE"]  # type: ignore[attr-defined]
        assert not logs, (path, logs)  # no script error, nothing refused by the content policy
        snap(d, shots, name)
