"""A real browser for tests of web pages: Debian's headless Chromium, and a local server that logs.

Pages are served by a real ``http.server`` on 127.0.0.1 and loaded by Chromium; the server keeps
every path asked of it, so a test can tell whether a page fetched anything besides itself. A page
is rendered with ``--dump-dom``: what comes back is the DOM after parsing (and after any script
ran), which is what a reader sees, not the text we wrote.

Chromium missing is a failure, not a skip: a browser test that quietly does not run would let a
broken page through. CI installs it (``.ci/run``: Debian's package ``chromium``).
"""

from __future__ import annotations

import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

#: Chromium's switches for a quiet, isolated, offline-minded run (a fresh profile is added per run).
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _installed(name: str, package: str, why: str) -> str:
    """The executable, or a test failure that says how to get it."""
    found = shutil.which(name)
    if not found:
        pytest.fail(f"{name} is not installed: {why}. Install Debian's package: apt-get install -y "
                    f"--no-install-recommends {package} (.ci/run does this when `command -v {name}` fails)",
                    pytrace=False)
    return found


def chromium() -> str:
    return _installed("chromium", "chromium", "the timeline page is checked in a real browser")


def chromedriver() -> str:
    return _installed("chromedriver", "chromium-driver", "the serve app is checked in a real browser driven by Selenium")


@dataclass
class PageServer:
    """Serves fixed pages by path; ``requests`` lists every path asked for, served or not."""

    pages: dict[str, bytes]
    requests: list[str] = field(default_factory=list)
    url: str = ""


@contextmanager
def serve(pages: dict[str, str]) -> Iterator[PageServer]:
    server = PageServer({path: text.encode("utf-8") for path, text in pages.items()})

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
            path = urlsplit(self.path).path
            server.requests.append(path)
            body = server.pages.get(path)
            if body is None:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_POST = do_HEAD = do_GET  # noqa: N815

        def log_message(self, format: str, *args: object) -> None:
            pass  # kept in server.requests instead of stderr

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    server.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        yield server
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def _run(args: list[str], profile: Path) -> subprocess.CompletedProcess[str]:
    profile.mkdir(parents=True, exist_ok=False)
    result = subprocess.run([chromium(), *FLAGS, f"--user-data-dir={profile}", *args],
                            capture_output=True, text=True, timeout=120, check=False)
    if result.returncode != 0:
        raise AssertionError(f"chromium exited {result.returncode}: {result.stderr[-2000:]}")
    return result


def dump_dom(url: str, profile: Path) -> str:
    """The page's DOM as Chromium serialises it once the page has loaded."""
    return _run(["--dump-dom", url], profile).stdout


def screenshot(url: str, out: Path, profile: Path, size: str = "1200,2000") -> Path:
    _run([f"--screenshot={out}", f"--window-size={size}", url], profile)
    return out
