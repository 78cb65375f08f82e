"""Django's Redis cache, answered from this process's memory while Redis is down.

Redis holds caches and throttle counters here, never the only copy of anything, so
an outage must not fail a request: an operation that cannot reach Redis is served
by a local-memory cache of this process instead, and Redis is not tried again for
`RETRY_SECONDS` (a dead server costs one failed connection per process per
retry, not one per request). The first success after that ends the outage. The
outage and the recovery are logged once each per process, never per request.

While down, each process keeps its own values: throttles count per process (a
client may get the limit once per process, never unlimited), and cached pages
are served from the database and kept only in that process. Keys written during
the outage are deleted from Redis when it returns, so nothing changed meanwhile
(a published page's generation, say) is shadowed by what Redis held before.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

T = TypeVar("T")
logger = logging.getLogger(__name__)

# Errors that mean "Redis cannot answer now"; a bug in our call is not one.
UNREACHABLE = (RedisError, OSError)
# Keys remembered for deletion when Redis returns; past this, the oldest are
# dropped (their entries then live at most their own timeout).
MAX_MISSED_KEYS = 10_000
LOCAL_MAX_ENTRIES = 100_000
PROBE_KEY = "undersign:fallback:probe"


class _Outage:
    """One process's view of one Redis location: down until when, and what was
    written meanwhile. Shared by the backend instances of every thread."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.retry_at = 0.0
        self.down = False
        self.missed: dict[str, None] = {}


_outages: dict[str, _Outage] = {}
_outages_lock = threading.Lock()


def _outage_of(location: str) -> _Outage:
    with _outages_lock:
        return _outages.setdefault(location, _Outage())


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's Redis client holder, reusing one `redis.Redis` per connection pool.

    Django's makes a new one for every operation, and building one (its table of
    reply callbacks) costs more CPU than the command it then sends. A `redis.Redis`
    is safe to share: each command takes a connection from the pool.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}

    def get_client(
        self, key: str | bytes | memoryview | None = None, *, write: bool = False
    ) -> Any:
        # Django's private helpers, untyped in the stubs.
        pool = self._get_connection_pool(write)  # type: ignore[attr-defined]
        client = self._clients.get(id(pool))
        if client is None:
            make = self._client  # type: ignore[attr-defined]
            client = self._clients[id(pool)] = make(connection_pool=pool)
        return client


class FallbackRedisCache(RedisCache):
    """`django.core.cache.backends.redis.RedisCache` that never fails a request.

    OPTIONS as for `RedisCache`, plus `RETRY_SECONDS` (default 5). Short socket
    timeouts are set unless given, so a server that hangs does not hang requests.
    """

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        options = dict(params.get("OPTIONS") or {})
        self.retry_seconds = float(options.pop("RETRY_SECONDS", 5))
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 0.5)
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = ReusedClientRedisCacheClient
        self._location = server if isinstance(server, str) else ",".join(server)
        self._outage = _outage_of(f"{self._location}|{self.key_prefix}")
        # Sized for a flood's worth of throttle counters: culling them would
        # let clients through.
        local_params = {**params, "OPTIONS": {"MAX_ENTRIES": LOCAL_MAX_ENTRIES}}
        self._local = LocMemCache(f"undersign-fallback:{self._location}", local_params)

    @property
    def serving_locally(self) -> bool:
        """`True` while Redis is down and this process answers on its own."""
        return self._outage.down

    def guarded(self, on_redis: Callable[[], T], on_local: Callable[[], T]) -> T:
        """Return `on_redis()`, or `on_local()` while Redis cannot be reached."""
        outage = self._outage
        try:
            if outage.down:
                if time.monotonic() < outage.retry_at:
                    return on_local()
                self._come_back()
            return on_redis()
        except UNREACHABLE as error:
            self._went_down(error)
            return on_local()

    def _went_down(self, error: BaseException) -> None:
        outage = self._outage
        with outage.lock:
            outage.retry_at = time.monotonic() + self.retry_seconds
            if outage.down:
                return
            outage.down = True
        # The location may hold a password: name only the error's kind.
        logger.error(
            "The Redis cache is unreachable (%s); each process serves from its "
            "own memory and retries every %g s.",
            type(error).__name__,
            self.retry_seconds,
        )

    def _come_back(self) -> None:
        """End the outage if Redis answers, first deleting there the keys written
        meanwhile; raise what Redis raised if it does not answer."""
        outage = self._outage
        with outage.lock:
            missed = list(outage.missed)
        super().has_key(PROBE_KEY)  # a round trip, even with nothing to delete
        if missed:
            super().delete_many(missed)
        with outage.lock:
            if not outage.down:
                return
            outage.down = False
            for key in missed:
                outage.missed.pop(key, None)
        self._local.clear()
        logger.warning("The Redis cache is reachable again.")

    def _written(self, *keys: str) -> None:
        missed = self._outage.missed
        with self._outage.lock:
            for key in keys:
                missed[key] = None
            while len(missed) > MAX_MISSED_KEYS:
                del missed[next(iter(missed))]

    # Reads.
    def get(self, key: Any, default: Any = None, version: Any = None) -> Any:
        return self.guarded(
            lambda: super(FallbackRedisCache, self).get(key, default, version),
            lambda: self._local.get(key, default, version),
        )

    def get_many(self, keys: Any, version: Any = None) -> dict[Any, Any]:
        keys = list(keys)
        return self.guarded(
            lambda: super(FallbackRedisCache, self).get_many(keys, version),
            lambda: self._local.get_many(keys, version),
        )

    def has_key(self, key: Any, version: Any = None) -> bool:
        return self.guarded(
            lambda: super(FallbackRedisCache, self).has_key(key, version),
            lambda: self._local.has_key(key, version),
        )

    # Writes: while down, remembered for deletion from Redis when it returns.
    def _write(self, keys: list[str], on_redis: Callable[[], T], local: Any) -> T:
        def on_local() -> T:
            self._written(*keys)
            return local()

        return self.guarded(on_redis, on_local)

    def set(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> None:
        self._write(
            [key],
            lambda: super(FallbackRedisCache, self).set(key, value, timeout, version),
            lambda: self._local.set(key, value, timeout, version),
        )

    def add(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> bool:
        return self._write(
            [key],
            lambda: super(FallbackRedisCache, self).add(key, value, timeout, version),
            lambda: self._local.add(key, value, timeout, version),
        )

    def touch(
        self, key: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> bool:
        return self._write(
            [key],
            lambda: super(FallbackRedisCache, self).touch(key, timeout, version),
            lambda: self._local.touch(key, timeout, version),
        )

    def delete(self, key: Any, version: Any = None) -> bool:
        return self._write(
            [key],
            lambda: super(FallbackRedisCache, self).delete(key, version),
            lambda: self._local.delete(key, version),
        )

    def incr(self, key: Any, delta: int = 1, version: Any = None) -> int:
        return self._write(
            [key],
            lambda: super(FallbackRedisCache, self).incr(key, delta, version),
            lambda: self._local.incr(key, delta, version),
        )

    def set_many(
        self, data: dict[Any, Any], timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> list[Any]:
        return self._write(
            list(data),
            lambda: super(FallbackRedisCache, self).set_many(data, timeout, version),
            lambda: self._local.set_many(data, timeout, version),
        )

    def delete_many(self, keys: Any, version: Any = None) -> None:
        keys = list(keys)
        self._write(
            keys,
            lambda: super(FallbackRedisCache, self).delete_many(keys, version),
            lambda: self._local.delete_many(keys, version),
        )

    def clear(self) -> None:
        self._local.clear()
        self.guarded(lambda: super(FallbackRedisCache, self).clear(), lambda: None)
