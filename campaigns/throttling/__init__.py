"""Silent throttling of signings: who the client is, and how often it may sign.

A client is known only by its client key, a keyed hash of its address under a
secret that rotates daily and is destroyed after `UNDERSIGN_CLIENT_KEY_DAYS`.
No raw address is stored, cached or logged.
"""

from campaigns.throttling.address import client_address
from campaigns.throttling.client_key import (
    client_key,
    forget_client_keys,
    request_client_key,
)
from campaigns.throttling.limits import (
    Rate,
    over_limit,
    over_your_data_limit,
    parse_rate,
    refund,
)

__all__ = [
    "Rate",
    "client_address",
    "client_key",
    "forget_client_keys",
    "over_limit",
    "over_your_data_limit",
    "parse_rate",
    "refund",
    "request_client_key",
]
