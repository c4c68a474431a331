"""Fetching http(s) URLs safely: size cap, timeout, redirect limit, and an address guard.

The guard resolves the host and refuses private, loopback, link-local, multicast and reserved addresses
(checked after DNS and again on every redirect) unless ``allow_private`` is set, so a hostile feed or link
cannot make ctwatch read an internal service.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

from ..errors import BlockedAddress, FetchError, TooLarge

USER_AGENT = "ctwatch/0.1 (+https://github.com/ctwatch/ctwatch)"
Resolver = Callable[[str], list[str]]


def is_url(target: str) -> bool:
    return target.lower().startswith(("http://", "https://"))


def _resolve(host: str) -> list[str]:
    infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    return sorted({str(info[4][0]) for info in infos})


def check_address(url: str, *, allow_private: bool = False, resolve: Resolver = _resolve) -> None:
    """Raise BlockedAddress if the URL's host resolves to a non-public address."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(url, f"only http and https URLs are fetched, not {parts.scheme or 'no scheme'}")
    host = parts.hostname
    if not host:
        raise FetchError(url, "URL has no host")
    try:
        addresses = resolve(host)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(url, f"cannot resolve host {host!r} ({exc})") from exc
    if allow_private:
        return
    for addr in addresses:
        ip = ipaddress.ip_address(addr.split("%")[0])
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
            ip = ip.ipv4_mapped
        if not ip.is_global or ip.is_multicast:
            raise BlockedAddress(
                url,
                f"host {host!r} resolves to non-public address {ip} (pass --allow-private to fetch it)",
            )


def fetch_url(
    url: str,
    *,
    max_bytes: int = 20 * 1024 * 1024,
    timeout: float = 20.0,
    max_redirects: int = 5,
    allow_private: bool = False,
    resolve: Resolver = _resolve,
    transport: object | None = None,
) -> tuple[bytes, str, str]:
    """(body, content type, final URL); raises FetchError, BlockedAddress or TooLarge naming the URL."""
    import httpx

    current = url
    with httpx.Client(
        timeout=timeout,
        follow_redirects=False,
        headers={"User-Agent": USER_AGENT},
        transport=transport,  # type: ignore[arg-type]
        trust_env=False,
    ) as client:
        for _ in range(max_redirects + 1):
            check_address(current, allow_private=allow_private, resolve=resolve)
            try:
                with client.stream("GET", current) as resp:
                    if resp.is_redirect:
                        location = resp.headers.get("location")
                        if not location:
                            raise FetchError(current, f"redirect {resp.status_code} without a Location")
                        current = urljoin(current, location)
                        continue
                    if resp.status_code >= 400:
                        raise FetchError(current, f"HTTP {resp.status_code} {resp.reason_phrase}")
                    declared = resp.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > max_bytes:
                        raise TooLarge(
                            current, f"response is {int(declared)} bytes, over the {max_bytes} cap"
                        )
                    chunks: list[bytes] = []
                    total = 0
                    for chunk in resp.iter_bytes():
                        total += len(chunk)
                        if total > max_bytes:
                            raise TooLarge(current, f"response exceeds the {max_bytes}-byte cap")
                        chunks.append(chunk)
                    return b"".join(chunks), resp.headers.get("content-type", ""), str(resp.url)
            except httpx.TimeoutException as exc:
                raise FetchError(current, f"timed out after {timeout:.0f}s") from exc
            except httpx.HTTPError as exc:
                raise FetchError(current, f"{type(exc).__name__}: {exc}") from exc
        raise FetchError(url, f"more than {max_redirects} redirects")
