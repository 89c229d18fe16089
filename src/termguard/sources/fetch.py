"""`termguard sources fetch`: download the pages a document's references point to, into the store.

A polite, bounded client (httpx): a User-Agent naming termguard and its version, robots.txt
honoured (and its Crawl-delay), at most `jobs` requests at once and one at a time per host
with a pause between them, connect/read timeouts plus a deadline for the whole page, a few
retries with exponential backoff (timeouts, refused connections, 429 and 5xx; Retry-After
respected), redirects followed one by one (each hop checked against robots.txt) up to a
limit, and a size cap read from Content-Length and enforced while streaming.

The store (`termguard.sources.store`) is the cache: a stored page is not fetched again
unless `refresh` is set, and then with `If-None-Match`/`If-Modified-Since`, so an unchanged
page costs a 304; `offline` fetches nothing. Every reference ends as one `FetchResult`;
a failure names its reason and the run goes on.

httpx, trafilatura and htmldate are the `termguard[fetch]` extra: `fetch_references`
raises a `ConfigError` naming it when they are missing.
"""

from __future__ import annotations

import datetime as _dt
import threading
import time
import urllib.robotparser
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, replace
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from termguard import __version__
from termguard.errors import ConfigError, InputError
from termguard.sources.references import Reference, parse_references
from termguard.sources.store import (
    PageMeta,
    StoredPage,
    normalize_url,
    page_filename,
    parse_page,
    render_page,
)

USER_AGENT = f"termguard/{__version__} (fetches the sources a document cites, for checking references)"
#: The product token robots.txt rules are matched against.
ROBOTS_AGENT = "termguard"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
#: Content types that say nothing sure: the page's first bytes decide.
_SNIFFED = ("", "application/octet-stream", "binary/octet-stream", "text/plain")
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_DNS_HINTS = ("name or service not known", "nodename nor servname", "getaddrinfo", "name resolution",
              "no address associated", "no such host")
#: robots.txt files larger than this are read only this far (RFC 9309 allows the cut).
_ROBOTS_LIMIT = 512 * 1024
#: Longest pause a server may ask for (Retry-After, Crawl-delay) before it is capped.
_MAX_WAIT = 60.0


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """The client's limits (the CLI's options); the defaults suit a few dozen references."""

    timeout: float = 15.0
    retries: int = 2
    backoff: float = 1.0
    max_redirects: int = 5
    max_bytes: int = 5 * 1024 * 1024
    jobs: int = 4
    host_delay: float = 1.0
    user_agent: str = USER_AGENT
    robots: bool = True

    @property
    def deadline(self) -> float:
        """Seconds a whole page may take to arrive (a server that drips bytes is cut off)."""
        return self.timeout * 4


@dataclass(frozen=True, slots=True)
class FetchResult:
    """What became of one reference: `outcome` is fetched, not-modified, stored (taken from
    the store), skipped (no URL) or failed (with `reason`)."""

    number: int
    line: int
    url: str | None
    outcome: str
    reason: str | None = None
    path: str | None = None
    page: PageMeta | None = None

    @property
    def failed(self) -> bool:
        """True when the reference could not be fetched or found in the store."""
        return self.outcome == "failed"


class FetchFailure(Exception):
    """One page could not be fetched; `reason` is the short phrase a user reads."""

    def __init__(self, reason: str, retry: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry = retry


@dataclass(frozen=True, slots=True)
class _Raw:
    status: int
    reason: str
    headers: dict[str, str]
    body: bytes
    url: str


class HostGate:
    """One request at a time per host, `delay` seconds between the end of one and the next.

    The clock and sleep are injectable so that the politeness is tested without waiting.
    """

    def __init__(self, delay: float, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.delay = delay
        self._clock, self._sleep = clock, sleep
        self._guard = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}
        self._last: dict[str, float] = {}
        self._delays: dict[str, float] = {}

    def slow_down(self, host: str, seconds: float) -> None:
        """Wait at least `seconds` between requests to `host` (a robots.txt Crawl-delay)."""
        with self._guard:
            self._delays[host] = max(self._delays.get(host, 0.0), min(seconds, _MAX_WAIT))

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        """Hold `host`'s slot for one request, after waiting out its delay."""
        with self._guard:
            lock = self._locks.setdefault(host, threading.Lock())
        with lock:
            last = self._last.get(host)
            if last is not None:
                wait = last + max(self.delay, self._delays.get(host, 0.0)) - self._clock()
                if wait > 0:
                    self._sleep(wait)
            try:
                yield
            finally:
                self._last[host] = self._clock()


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _describe(exc: Exception, timeout: float) -> FetchFailure:
    """The user's phrase for a transport error, and whether trying again may help."""
    import httpx

    text = str(exc) or type(exc).__name__
    low = text.lower()
    if isinstance(exc, httpx.ConnectTimeout):
        return FetchFailure(f"timeout: no connection within {timeout:g} s", retry=True)
    if isinstance(exc, httpx.TimeoutException):
        return FetchFailure(f"timeout: no answer within {timeout:g} s", retry=True)
    if isinstance(exc, httpx.ConnectError):
        if any(h in low for h in _DNS_HINTS):
            return FetchFailure("DNS: the host name does not resolve")
        if "ssl" in low or "certificate" in low:
            return FetchFailure(f"TLS error: {text}")
        return FetchFailure(f"connection failed: {text}", retry=True)
    if isinstance(exc, httpx.TooManyRedirects):
        return FetchFailure("too many redirects")
    if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)):
        return FetchFailure(f"connection broken: {text}", retry=True)
    if isinstance(exc, httpx.UnsupportedProtocol):
        return FetchFailure(f"unsupported URL: {text}")
    return FetchFailure(f"network error: {text}")


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=_dt.UTC)
    return max(0.0, (when - _dt.datetime.now(_dt.UTC)).total_seconds())


def _is_html(content_type: str, head: bytes) -> bool:
    kind = content_type.split(";", 1)[0].strip().lower()
    if kind in _HTML_TYPES:
        return not head.lstrip().startswith(b"%PDF")
    if kind not in _SNIFFED:
        return False
    sniff = head.lstrip()[:512].lower()
    return sniff.startswith((b"<!doctype html", b"<html", b"<head", b"<?xml")) or b"<html" in sniff


class Fetcher:
    """Fetches pages politely (see the module docstring); thread-safe."""

    def __init__(self, options: FetchOptions, transport: Any = None,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep) -> None:
        import httpx

        self.options = options
        self._sleep, self._clock = sleep, clock
        self.gate = HostGate(options.host_delay, clock, sleep)
        self._robots: dict[str, urllib.robotparser.RobotFileParser | str | None] = {}
        self._robots_lock = threading.Lock()
        self._origin_locks: dict[str, threading.Lock] = {}
        self.client = httpx.Client(
            headers={"User-Agent": options.user_agent, "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
                     "Accept-Language": "ru,en;q=0.5"},
            timeout=httpx.Timeout(options.timeout), follow_redirects=False, transport=transport,
            limits=httpx.Limits(max_connections=max(options.jobs, 1)),
        )

    def close(self) -> None:
        """Close the connection pool."""
        self.client.close()

    # -- one request -----------------------------------------------------------------
    def _once(self, url: str, headers: dict[str, str], limit: int, html_only: bool) -> _Raw:
        import httpx

        host = urlsplit(url).netloc.lower()
        with self.gate.slot(host):
            started = self._clock()
            try:
                with self.client.stream("GET", url, headers=headers) as resp:
                    status = resp.status_code
                    hdrs = {k.lower(): v for k, v in resp.headers.items()}
                    if status >= 300 or not html_only:
                        # robots.txt past the limit is read that far (RFC 9309), not refused
                        body = b"" if status >= 300 else self._read(resp, limit, started, url, cut=True)
                        return _Raw(status, resp.reason_phrase, hdrs, body, str(resp.url))
                    ctype = hdrs.get("content-type", "")
                    kind = ctype.split(";", 1)[0].strip().lower()
                    if kind not in _HTML_TYPES and kind not in _SNIFFED:
                        raise FetchFailure(f"not HTML ({kind})")
                    length = hdrs.get("content-length", "")
                    if length.isdigit() and int(length) > limit:
                        raise FetchFailure(f"too big: {int(length):,} bytes (the limit is {limit:,}; see --max-size)")
                    body = self._read(resp, limit, started, url)
                    if not _is_html(ctype, body[:1024]):
                        raise FetchFailure(f"not HTML ({kind or 'no Content-Type'}; the page starts {body[:8]!r})")
                    return _Raw(status, resp.reason_phrase, hdrs, body, str(resp.url))
            except httpx.HTTPError as exc:
                raise _describe(exc, self.options.timeout) from None

    def _read(self, resp: Any, limit: int, started: float, url: str, cut: bool = False) -> bytes:
        chunks: list[bytes] = []
        size = 0
        for chunk in resp.iter_bytes():
            size += len(chunk)
            if size > limit:
                if cut:
                    chunks.append(chunk[: len(chunk) - (size - limit)])
                    break
                raise FetchFailure(f"too big: more than {limit:,} bytes (see --max-size)")
            if self._clock() - started > self.options.deadline:
                raise FetchFailure(f"timeout: the page did not arrive within {self.options.deadline:g} s", retry=True)
            chunks.append(chunk)
        return b"".join(chunks)

    def _with_retries(self, url: str, headers: dict[str, str], limit: int = 0, html_only: bool = True) -> _Raw:
        limit = limit or self.options.max_bytes
        attempts = self.options.retries + 1
        for attempt in range(attempts):
            last = attempt == attempts - 1
            try:
                raw = self._once(url, headers, limit, html_only)
            except FetchFailure as failure:
                if not failure.retry or last:
                    raise
                self._sleep(self.options.backoff * 2 ** attempt)
                continue
            if raw.status in _RETRY_STATUSES and not last:
                wait = _retry_after(raw.headers.get("retry-after"))
                self._sleep(min(wait if wait is not None else self.options.backoff * 2 ** attempt, _MAX_WAIT))
                continue
            return raw
        raise AssertionError("unreachable")  # pragma: no cover

    # -- robots.txt ------------------------------------------------------------------
    def allowed(self, url: str) -> None:
        """Raise a `FetchFailure` when robots.txt forbids `url` or cannot be read (5xx)."""
        if not self.options.robots:
            return
        origin = _origin(url)
        with self._robots_lock:
            lock = self._origin_locks.setdefault(origin, threading.Lock())
        with lock:
            if origin not in self._robots:
                self._robots[origin] = self._load_robots(origin)
        rules = self._robots[origin]
        if isinstance(rules, str):
            raise FetchFailure(rules)
        if rules is not None and not rules.can_fetch(ROBOTS_AGENT, url):
            raise FetchFailure(f"robots.txt of {urlsplit(url).netloc} disallows it")

    def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | str | None:
        url = origin + "/robots.txt"
        try:
            raw = None
            for _hop in range(self.options.max_redirects + 1):
                raw = self._with_retries(url, {}, _ROBOTS_LIMIT, html_only=False)
                location = raw.headers.get("location")
                if raw.status in _REDIRECTS and location:
                    url = urljoin(url, location)
                    continue
                break
        except FetchFailure as failure:
            return f"{failure.reason} (reading robots.txt)"
        if raw is None or raw.status >= 500:
            # RFC 9309: a server error on robots.txt means "disallow everything" for now.
            return f"robots.txt unreadable: HTTP {raw.status if raw else '?'}"
        if raw.status >= 300:
            return None  # no robots.txt (4xx): everything is allowed
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(raw.body.decode("utf-8", errors="replace").splitlines())
        delay = parser.crawl_delay(ROBOTS_AGENT)
        if delay:
            self.gate.slow_down(urlsplit(origin).netloc.lower(), float(delay))
        return parser

    # -- a page --------------------------------------------------------------------
    def get_page(self, url: str, conditional: dict[str, str] | None = None) -> _Raw:
        """The page at `url` after redirects (checked against robots.txt at every hop):
        status 200, or 304 when `conditional` headers matched. Raises `FetchFailure`."""
        current = url
        for _hop in range(self.options.max_redirects + 1):
            problem = url_problem(current)
            if problem:
                raise FetchFailure(problem if current == url else f"redirected to a URL it cannot follow ({problem}): {current}")
            self.allowed(current)
            raw = self._with_retries(current, dict(conditional or {}))
            location = raw.headers.get("location")
            if raw.status in _REDIRECTS and location:
                current = urljoin(current, location)
                continue
            if raw.status == 304 and conditional:
                return raw
            if raw.status >= 300:
                phrase = f" {raw.reason}" if raw.reason else ""
                raise FetchFailure(f"HTTP {raw.status}{phrase}")
            return raw
        raise FetchFailure(f"more than {self.options.max_redirects} redirects")


def default_store(cwd: str | None = None) -> str:
    """Where `sources fetch` writes without `--into`: the first `sources` directory of the
    configuration (`[tool.termguard]`), so that `check` finds the store, else `sources`."""
    from termguard.config import load_config

    configured = load_config(cwd=cwd).sources
    return configured[0] if configured else "sources"


def url_problem(url: str) -> str | None:
    """Why `url` cannot be fetched (not http(s), no host, malformed), or None."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018  (a port out of range or not a number raises here)
    except ValueError as exc:
        return f"invalid URL: {exc}"
    if parts.scheme.lower() not in ("http", "https"):
        return "not an http(s) URL"
    if not host:
        return "invalid URL: no host name"
    try:
        import httpx

        httpx.URL(url)
    except ImportError:
        pass  # the fetch extra is reported missing once, below
    except Exception as exc:  # httpx.InvalidURL, IDNA errors: the URL, not termguard, is wrong
        return f"invalid URL: {exc}"
    return None


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()


def _read_store(into: Path) -> dict[str, StoredPage]:
    """The stored pages by URL; a damaged file is simply fetched again."""
    from termguard.readers import load_text

    out: dict[str, StoredPage] = {}
    if not into.is_dir():
        return out
    for p in sorted(into.glob("*.txt")):
        try:
            page = parse_page(load_text(p), str(p))
        except InputError:
            continue
        if page is not None and page.meta.url:
            out.setdefault(normalize_url(page.meta.url), page)
    return out


def _fetch_one(fetcher: Fetcher, ref: Reference, url: str, target: Path, stored: StoredPage | None,
               document: str) -> FetchResult:
    from termguard.fileio import write_atomic
    from termguard.sources.extract import extract_page

    conditional: dict[str, str] = {}
    if stored is not None:
        if stored.meta.etag:
            conditional["If-None-Match"] = stored.meta.etag
        if stored.meta.last_modified:
            conditional["If-Modified-Since"] = stored.meta.last_modified
    try:
        raw = fetcher.get_page(url, conditional or None)
    except FetchFailure as failure:
        return FetchResult(ref.number, ref.line, url, "failed", failure.reason)
    if raw.status == 304 and stored is not None:
        meta = replace(stored.meta, reference=ref.number, fetched=_now(), document=document, path=str(target))
        write_atomic(target, render_page(StoredPage(meta, stored.text)))
        return FetchResult(ref.number, ref.line, url, "not-modified", path=str(target), page=meta)
    try:
        page = extract_page(raw.body, raw.headers.get("content-type"), raw.url)
    except Exception as exc:  # an extractor's bug on one page must not end the run
        return FetchResult(ref.number, ref.line, url, "failed", f"cannot extract the article: {type(exc).__name__}: {exc}")
    meta = PageMeta(
        reference=ref.number, url=url, fetched=_now(), status=raw.status, title=page.title, published=page.published,
        sitename=page.sitename, document=document, final_url=raw.url if raw.url != url else None,
        etag=raw.headers.get("etag"), last_modified=raw.headers.get("last-modified"), encoding=page.encoding,
        path=str(target),
    )
    write_atomic(target, render_page(StoredPage(meta, page.text)))
    return FetchResult(ref.number, ref.line, url, "fetched", path=str(target), page=meta)


def fetch_references(
    document: str,
    into: str = "sources",
    *,
    refresh: bool = False,
    offline: bool = False,
    options: FetchOptions | None = None,
    on_result: Callable[[FetchResult, int, int], None] | None = None,
    transport: Any = None,
    sleep: Callable[[float], None] = time.sleep,
) -> list[FetchResult]:
    """Fetch (or take from the store) every reference of `document` into `into`.

    Returns one result per reference, in reference order; `on_result(result, done, total)`
    is called as each one ends. Unusable input (no such document, no reference list, a
    store path that is a file, the extra not installed) raises a `TermguardError`.
    """
    from termguard.readers import load_text

    options = options or FetchOptions()
    text = load_text(document)
    refs = parse_references(text)
    if not refs:
        raise InputError("no reference list found (a `References` heading followed by numbered entries); nothing to fetch", document)
    from termguard.fileio import check_output_dir

    check_output_dir(into, "--into")
    root = Path(into)
    store = _read_store(root)
    results: dict[int, FetchResult] = {}
    jobs: list[tuple[int, Reference, str, Path, StoredPage | None]] = []
    total = len(refs)

    def done(index: int, result: FetchResult) -> None:
        results[index] = result
        if on_result is not None:
            on_result(result, len(results), total)

    for index, ref in enumerate(refs):
        url = ref.url
        if not url:
            done(index, FetchResult(ref.number, ref.line, None, "skipped", "the reference has no URL"))
            continue
        stored = store.get(normalize_url(url))
        if stored is not None and (offline or not refresh):
            done(index, FetchResult(ref.number, ref.line, url, "stored", path=stored.meta.path, page=stored.meta))
            continue
        if offline:
            done(index, FetchResult(ref.number, ref.line, url, "failed", "not in the store (--offline fetches nothing)"))
            continue
        problem = url_problem(url)
        if problem:
            done(index, FetchResult(ref.number, ref.line, url, "failed", problem))
            continue
        target = Path(stored.meta.path) if stored is not None and stored.meta.path else root / page_filename(ref.number, url)
        jobs.append((index, ref, url, target, stored))
    if jobs:
        try:
            import htmldate  # noqa: F401
            import httpx  # noqa: F401
            import trafilatura  # noqa: F401
        except ImportError as exc:
            raise ConfigError(f"`sources fetch` needs the fetch extra ({exc.name} is missing): pip install 'termguard[fetch]'") from None
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(f"cannot create the store: {exc.strerror}; choose another --into", into) from None
        fetcher = Fetcher(options, transport=transport, sleep=sleep)
        try:
            with ThreadPoolExecutor(max_workers=max(1, options.jobs)) as pool:
                futures = {pool.submit(_fetch_one, fetcher, ref, url, target, stored, document): index
                           for index, ref, url, target, stored in jobs}
                for future in as_completed(futures):
                    done(futures[future], future.result())
        finally:
            fetcher.close()
    return [results[i] for i in range(len(refs))]


def result_line(document: str, result: FetchResult) -> str:
    """One line for a reference's outcome: `DOC:LINE: reference [n]: reason (URL)` for a
    failure, `[n] outcome path` otherwise."""
    if result.failed:
        where = f" ({result.url})" if result.url else ""
        return f"{document}:{result.line}: reference [{result.number}]: {result.reason}{where}"
    if result.outcome == "skipped":
        return f"[{result.number}] skipped: {result.reason}"
    title = f"  «{result.page.title}»" if result.page is not None and result.page.title else ""
    return f"[{result.number}] {result.outcome:<12} {result.path}{title}"


def summary_line(results: list[FetchResult], into: str) -> str:
    """`N references: 3 fetched, 1 failed, ...; store DIR`."""
    counts: dict[str, int] = {}
    for r in results:
        counts[r.outcome] = counts.get(r.outcome, 0) + 1
    order = ("fetched", "not-modified", "stored", "skipped", "failed")
    parts = ", ".join(f"{counts[k]} {k}" for k in order if counts.get(k))
    return f"termguard: {len(results)} reference(s): {parts}; store {into}"
