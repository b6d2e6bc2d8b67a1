"""Pages and feeds on the web: fetched politely, each failure named on one line.

Why a fetcher of our own over urllib3 rather than ``trafilatura.fetch_url``: a researcher points
storyline at an outlet's feed and lets it run, so it must behave as a good guest of that outlet
(one request at a time per host, a pause between them, robots.txt obeyed, a user agent that says
who is asking) and must say exactly why a page did not come (the host has no address, the
connection was refused, no answer in time, an HTTP error, not a web page). trafilatura's fetcher
returns ``None`` for all of these alike.

What happens to one address (``Fetcher.get``), in order:

1. The scheme must be http or https, and the address must have a host.
2. robots.txt of the host is read once per run (a missing one allows everything; one that cannot
   be read allows everything too, as most crawlers do) and must allow our user agent.
3. The fetcher waits until ``delay`` seconds have passed since its last request to the same host.
4. The page is requested with the timeout; redirects are followed (at most five).
5. An HTTP status of 400 or over, a body over the size limit, or a content type that is not
   HTML (or a feed, where a feed is asked for) each end in an :class:`InputError` naming the
   address and the reason.

A page then goes through the same reader as a saved HTML file (``read.html.extract_article``):
trafilatura finds the article and its metadata; the final address is kept as the document's URL.
A feed (RSS or Atom, read by feedparser) gives the addresses of its items; the ones already
stored are skipped before any request is made for them.
"""

from __future__ import annotations

import socket
import time
import urllib.robotparser
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3.exceptions import (
    MaxRetryError,
    NameResolutionError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
)
from urllib3.exceptions import TimeoutError as Urllib3Timeout

from ..errors import InputError
from ..model import RawDocument
from ..options import FetchSettings
from .decode import bytes_to_text
from .html import extract_article

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
               "text/xml", "application/feed+json")


def is_url(spec: str) -> bool:
    """True for an argument that names a web address rather than a file."""
    return spec.lower().startswith(("http://", "https://"))


@dataclass
class Fetched:
    url: str  # the final address, after redirects
    body: bytes
    content_type: str


@dataclass
class Fetcher:
    """One per run: remembers when each host was last asked and what its robots.txt allows."""

    settings: FetchSettings = field(default_factory=FetchSettings)
    _last: dict[str, float] = field(default_factory=dict)
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)
    _pool: urllib3.PoolManager | None = None

    @property
    def pool(self) -> urllib3.PoolManager:
        if self._pool is None:
            timeout = urllib3.Timeout(connect=self.settings.timeout, read=self.settings.timeout)
            self._pool = urllib3.PoolManager(headers={"User-Agent": self.settings.user_agent},
                                             timeout=timeout,
                                             retries=urllib3.Retry(total=None, connect=0, read=0, status=0,
                                                                   other=0, redirect=5))
        return self._pool

    def get(self, url: str, accept: tuple[str, ...] = _HTML_TYPES, what: str = "an HTML page") -> Fetched:
        """The body of ``url`` (steps 1-5 of the module's docstring), or an InputError saying why not."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise InputError(url, "E120")
        if self.settings.respect_robots and not self._allowed(url):
            raise InputError(url, "E125", host=parts.hostname)
        fetched = self._request(url)
        kind = fetched.content_type.split(";")[0].strip().lower()
        if accept and kind and kind not in accept:
            raise InputError(url, "E124", what=what, kind=kind)
        return fetched

    def _request(self, url: str) -> Fetched:
        host = urlsplit(url).netloc.lower()
        wait = self._last.get(host, 0.0) + self.settings.delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        try:
            response = self.pool.request("GET", url, preload_content=False, redirect=True)
        except Exception as e:  # noqa: BLE001 - urllib3 wraps every network failure; _network_error names it
            raise _network_error(url, e, self.settings.timeout) from e
        finally:
            self._last[host] = time.monotonic()
        try:
            if response.status >= 400:
                raise InputError(url, "E123", status=f"{response.status} {response.reason or ''}".rstrip())
            body = response.read(self.settings.max_bytes + 1)
            if len(body) > self.settings.max_bytes:
                raise InputError(url, "E136", max_bytes=self.settings.max_bytes)
        except (ProtocolError, ReadTimeoutError, OSError) as e:
            raise _network_error(url, e, self.settings.timeout) from e
        finally:
            response.release_conn()
        final = response.geturl() or url
        return Fetched(urljoin(url, final), body, response.headers.get("Content-Type", ""))

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        base = f"{parts.scheme}://{parts.netloc}"
        if base not in self._robots:
            try:
                self._robots[base] = self._read_robots(base + "/robots.txt")
            except InputError as e:  # the host cannot be reached at all: say so of the page asked for
                raise InputError(url, e.code, **e.fields) from e
        rules = self._robots[base]
        return rules is None or rules.can_fetch(self.settings.user_agent, url)

    def _read_robots(self, robots_url: str) -> urllib.robotparser.RobotFileParser | None:
        """The host's rules; None (everything allowed) where it has none or they cannot be read. A
        host that cannot be reached raises (its page could not be fetched either)."""
        try:
            fetched = self._request(robots_url)
        except InputError as e:
            if e.code in UNREACHABLE:
                raise
            return None
        rules = urllib.robotparser.RobotFileParser(robots_url)
        rules.parse(fetched.body.decode("utf-8", "replace").splitlines())
        return rules


#: The codes of a host that cannot be reached at all (DNS, timeout, refused, no connection).
UNREACHABLE = ("E121", "E122", "E127", "E128", "E129")


def _network_error(url: str, e: BaseException, timeout: float) -> InputError:
    """One line for a failure below HTTP: which of DNS, refused, timeout or a broken connection."""
    cause: BaseException = e.reason if isinstance(e, MaxRetryError) and e.reason else e
    host = urlsplit(url).hostname or url
    if isinstance(cause, NameResolutionError) or isinstance(cause.__context__, socket.gaierror):
        return InputError(url, "E121", host=host)
    first = (str(cause).splitlines() or [""])[0]
    # urllib3's NewConnectionError is a kind of ConnectTimeoutError: look at it before the timeouts
    if isinstance(cause, ConnectionRefusedError) or (isinstance(cause, NewConnectionError) and "refused" in first.lower()):
        return InputError(url, "E127", host=host)
    if isinstance(cause, NewConnectionError):
        return InputError(url, "E128", host=host, detail=first)
    if isinstance(cause, Urllib3Timeout | TimeoutError):
        return InputError(url, "E122", host=host, timeout=timeout)
    return InputError(url, "E129", detail=first or type(cause).__name__)


def read_url(url: str, fetcher: Fetcher, max_chars: int) -> RawDocument:
    """The article at ``url`` as a RawDocument (its final address in metadata), or an InputError."""
    fetched = fetcher.get(url)
    html, encoding = bytes_to_text(fetched.body, url)
    if len(html) > 4 * max_chars:
        raise InputError(url, "E137", n=len(html))
    raw = extract_article(html, url, fetched.url, encoding)
    raw.metadata["url"] = fetched.url
    raw.metadata.setdefault("fetched_from", url)
    return raw


def feed_links(feed_url: str, fetcher: Fetcher) -> list[str]:
    """The item addresses of an RSS or Atom feed, in the feed's order, each once."""
    import feedparser

    fetched = fetcher.get(feed_url, accept=_FEED_TYPES + _HTML_TYPES + ("text/plain",), what="a feed")
    parsed = feedparser.parse(fetched.body)
    if not parsed.entries:
        reason = f" ({parsed.bozo_exception})" if parsed.get("bozo") else ""
        raise InputError(feed_url, "E126", reason=reason)
    links: list[str] = []
    for entry in parsed.entries:
        link = entry.get("link") or next((x.get("href") for x in entry.get("links", []) if x.get("href")), None)
        if link:
            link = urljoin(fetched.url, link)
            if link not in links:
                links.append(link)
    return links


def read_feeds(feeds: Iterable[str], fetcher: Fetcher, max_chars: int,
               known: Callable[[str], bool] = lambda url: False) -> Iterator[RawDocument | InputError]:
    """Every item of every feed not yet stored (``known(url)`` says which are), fetched in turn."""
    for feed in feeds:
        try:
            links = feed_links(feed, fetcher)
        except InputError as e:
            yield e
            continue
        for link in links:
            if known(link):
                continue
            yield from read_urls([link], fetcher, max_chars)


def read_urls(urls: Iterable[str], fetcher: Fetcher, max_chars: int) -> Iterator[RawDocument | InputError]:
    for url in urls:
        try:
            yield read_url(url, fetcher, max_chars)
        except InputError as e:
            yield e
