#!/usr/bin/env python3
"""Real-browser test of the review UI (headless Chromium driven by selenium), run by scripts/test.sh.

1. `graywatch demo` fills a fresh SQLite store from the bundled sample marketplace.
2. A loopback server serves one hostile item page (script/HTML payloads in title, seller, description and item
   specifics; a live <script> and a beacon <img> in the page itself); `graywatch scan` stores and queues it.
3. `graywatch serve` runs on a free loopback port; Chromium signs in, filters the queue, opens an item, confirms it
   with a reason and finds the change in the audit log.
4. The hostile item renders as text: the canaries its payloads would set stay unset, no alert opens, and the stored
   capture neither runs its script nor fetches the beacon.
With GRAYWATCH_SCREENSHOTS=DIR it also saves queue.png and item.png there (the README's screenshots).
"""
import html
import http.server
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import UnexpectedAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("GRAYWATCH_BIN", ROOT / ".build" / "debug" / "graywatch"))
PASSWORD = "browser test password"
HOSTILE_ID = "310000009999"
PAYLOAD = ("<img src=x onerror=\"window.__gw_canary='img';document.title='PWNED'\">"
           "<script>window.__gw_canary='script'</script><b onmouseover=alert(1)>bold</b>")


def step(text):
    print(f"[browser] {text}", flush=True)


def run(*args, **kwargs):
    return subprocess.run([str(BINARY), *args], check=True, capture_output=True, text=True, **kwargs)


class BeaconHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the hostile page and records every path asked for (the beacon must never be asked for)."""
    requests = []

    def log_message(self, *args):
        pass

    def do_GET(self):
        BeaconHandler.requests.append(self.path)
        return super().do_GET()


def hostile_page(folder, port):
    """The sample counterfeit listing with payloads in every seller-controlled field."""
    page = (ROOT / "samples/marketplace/itm/310000000001.html").read_text(encoding="utf-8")
    escaped = html.escape(PAYLOAD)
    page = page.replace("JUNIPER ex4300-48t 48-Port Switch Factory Sealed NEW - Fast Ship!",
                        "JUNIPER ex4300-48t Factory Sealed NEW " + escaped)
    page = page.replace(">quickdeal_depot2024</span>", ">evil" + escaped + "</span>")
    page = page.replace('<div id="ds_div">', '<div id="ds_div">' + escaped + " ")
    page = page.replace("<span>Managed Switch</span>", "<span>" + escaped + "</span>")
    page = page.replace("<td class=\"attrLabels\">Type:</td>", "<td class=\"attrLabels\">" + escaped + "</td>")
    # Live markup in the page itself: must not run or load when the capture is viewed.
    page = page.replace("</body>", f"<script>parent.__gw_canary='capture';top.document.title='PWNED'</script>"
                                   f"<img src=\"http://127.0.0.1:{port}/beacon.gif\"></body>")
    (folder / "itm").mkdir(parents=True)
    (folder / "itm" / f"{HOSTILE_ID}.html").write_text(page, encoding="utf-8")


def start_hostile_server(folder):
    handler = lambda *a, **k: BeaconHandler(*a, directory=str(folder), **k)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def start_ui(db):
    process = subprocess.Popen([str(BINARY), "serve", "--db", db, "--bind", "127.0.0.1:0", "--rules", str(ROOT / "rules")],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.time() + 30
    while time.time() < deadline:
        line = process.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line or "")
        if match:
            return process, f"http://127.0.0.1:{match.group(1)}"
        if process.poll() is not None:
            break
    process.kill()
    raise SystemExit("graywatch serve did not start")


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1440,1100"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def canary(driver):
    return driver.execute_script("return [window.__gw_canary === undefined ? null : window.__gw_canary, document.title]")


def main():
    work = Path(tempfile.mkdtemp(prefix="graywatch-browser-"))
    db = str(work / "ui.sqlite")
    step("demo scan of the sample marketplace")
    run("demo", "--db", db, "--rules", str(ROOT / "rules"), "--samples", str(ROOT / "samples"))
    run("user", "add", "alice", "--role", "admin", "--password-stdin", "--db", db, input=PASSWORD + "\n")

    step("scan one hostile listing")
    site = work / "hostile"
    server = start_hostile_server(site)
    port = server.server_address[1]
    hostile_page(site, port)
    run("scan", f"http://127.0.0.1:{port}/itm/{HOSTILE_ID}.html", "--db", db, "--marketplace", "tradewell",
        "--delay", "0", "--max-pages", "3", "--rules", str(ROOT / "rules"))
    queue = json.loads(run("queue", "list", "--db", db, "--format", "json").stdout)
    hostile = [entry for entry in queue if entry["listingID"] == HOSTILE_ID]
    assert hostile, "the hostile listing was not queued: the test needs it in the review queue"
    hostile_item = hostile[0]["id"]
    assert "<script>" in hostile[0]["title"], "the payload should reach the store as text"
    BeaconHandler.requests.clear()

    ui, base = start_ui(db)
    driver = browser()
    try:
        step("anonymous visit goes to the sign-in page")
        driver.get(base + "/")
        assert "/login" in driver.current_url, driver.current_url
        step("sign in")
        driver.find_element(By.ID, "name").send_keys("alice")
        driver.find_element(By.ID, "password").send_keys(PASSWORD)
        driver.find_element(By.ID, "sign-in").click()
        WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "queue"))

        step("filter the queue: status new, search EX4300")
        Select(driver.find_element(By.ID, "filter-status")).select_by_value("new")
        driver.find_element(By.ID, "filter-q").send_keys("EX4300")
        driver.find_element(By.ID, "apply-filters").click()
        WebDriverWait(driver, 10).until(lambda d: "q=EX4300" in d.current_url)
        rows = driver.find_elements(By.CSS_SELECTOR, "#queue tbody tr")
        assert rows, "the filtered queue is empty"
        for row in rows:
            assert "EX4300" in row.text.upper(), row.text
            assert "new" in row.text
        if os.environ.get("GRAYWATCH_SCREENSHOTS"):
            driver.get(base + "/?status=new")
            driver.save_screenshot(str(Path(os.environ["GRAYWATCH_SCREENSHOTS"]) / "queue.png"))
            driver.back()

        step("open an item and confirm it with a reason")
        target = next(row for row in driver.find_elements(By.CSS_SELECTOR, "#queue tbody tr")
                      if row.get_attribute("data-id") != str(hostile_item))
        item_id = target.get_attribute("data-id")
        target.find_element(By.CSS_SELECTOR, "td.title a").click()
        WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "item-title"))
        assert driver.find_element(By.ID, "item-status").text == "new"
        Select(driver.find_element(By.ID, "new-status")).select_by_value("confirmed")
        Select(driver.find_element(By.ID, "confirm-category")).select_by_value("counterfeit")
        driver.find_element(By.ID, "reason").send_keys("browser test: replica wording")
        driver.find_element(By.ID, "set-status").click()
        WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "item-status").text == "confirmed")
        assert "browser test: replica wording" in driver.find_element(By.ID, "item-audit").text

        step("the change is in the global audit log")
        driver.get(base + "/audit")
        first = driver.find_element(By.CSS_SELECTOR, "#audit tbody tr")
        assert "alice" in first.text and "confirmed" in first.text and "browser test: replica wording" in first.text, first.text
        assert first.find_element(By.CSS_SELECTOR, "a").text == item_id

        step("the hostile listing renders as text and runs nothing")
        for path in (f"/items/{hostile_item}", f"/?q={HOSTILE_ID}", "/audit"):
            driver.get(base + path)
            time.sleep(0.5)
            value, title = canary(driver)
            assert value is None, f"{path}: payload ran (canary {value!r})"
            assert title != "PWNED", f"{path}: payload changed the title"
        driver.get(base + f"/items/{hostile_item}")
        time.sleep(1.0)
        assert driver.find_element(By.ID, "item-title").text.endswith(PAYLOAD), driver.find_element(By.ID, "item-title").text
        assert PAYLOAD in driver.find_element(By.ID, "seller-name").text
        assert PAYLOAD in driver.find_element(By.ID, "description").text
        assert PAYLOAD in driver.find_element(By.ID, "specifics").text
        assert not driver.find_elements(By.CSS_SELECTOR, "main img, main script, main b[onmouseover]")
        frame = driver.find_element(By.CSS_SELECTOR, "iframe.capture")
        assert frame.get_attribute("sandbox") == "", "the capture frame must be fully sandboxed"
        value, title = canary(driver)
        assert value is None and title != "PWNED", f"capture script ran: {value!r} {title!r}"
        assert not [p for p in BeaconHandler.requests if "beacon" in p], f"the capture fetched live: {BeaconHandler.requests}"
        if os.environ.get("GRAYWATCH_SCREENSHOTS"):
            driver.set_window_size(1440, 2300)
            driver.get(base + f"/items/{item_id}")
            driver.save_screenshot(str(Path(os.environ["GRAYWATCH_SCREENSHOTS"]) / "item.png"))
        step("passed")
    except UnexpectedAlertPresentException as alert:
        raise SystemExit(f"a payload opened an alert: {alert}")
    finally:
        driver.quit()
        ui.terminate()
        ui.wait(timeout=20)
        server.shutdown()


if __name__ == "__main__":
    main()
