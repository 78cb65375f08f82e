"""The client's address, believed only as far as trusted proxies vouch for it."""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence

from django.http import HttpRequest

from campaigns.conf import conf

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
# One person usually holds a whole IPv6 /64: keying a full address would let
# them sign from a fresh one each time.
IPV6_PREFIX = 64


def _parse(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    text = text.strip()
    if text.startswith("[") and "]" in text:  # [v6]:port
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # v4:port
        text = text.partition(":")[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def normalize(text: str) -> str:
    """Return the throttling identity of an address: itself, or its IPv6 /64.

    Text that is no address is kept as it is (cut short), so it still names
    one bucket.
    """
    address = _parse(text)
    if address is None:
        return text.strip()[:100]
    if isinstance(address, ipaddress.IPv6Address):
        return str(ipaddress.IPv6Network((address, IPV6_PREFIX), strict=False))
    return str(address)


def _trusted(text: str, networks: Sequence[Network]) -> bool:
    address = _parse(text)
    return address is not None and any(address in network for network in networks)


def _from_chain(chain: list[str], count: int, networks: Sequence[Network]) -> str:
    if count:
        # Each trusted proxy appended the address it saw; entries further left
        # were written by the client and prove nothing.
        return chain[-(count + 1)] if len(chain) > count else chain[-1]
    for hop in reversed(chain):
        if not _trusted(hop, networks):
            return hop
    return chain[0]


def client_address(request: HttpRequest) -> str:
    """Return the normalized address of the client that sent `request`.

    With no trusted proxy configured, X-Forwarded-For is ignored (anyone can
    send it). `UNDERSIGN_TRUSTED_PROXY_COUNT` trusts that many appended hops;
    else `UNDERSIGN_TRUSTED_PROXIES` (CIDR) trusts hops inside those networks.
    """
    remote = request.META.get("REMOTE_ADDR", "") or ""
    count = conf.TRUSTED_PROXY_COUNT
    networks = [ipaddress.ip_network(net, strict=False) for net in conf.TRUSTED_PROXIES]
    if not count and not networks:
        return normalize(remote)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    chain = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    return normalize(_from_chain([*chain, remote], count, networks))
