"""A real webhook receiver on a free loopback port, and a partner that points at it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils.datastructures import CaseInsensitiveMapping

from campaigns.models import Partner
from campaigns.webhooks.signing import webhook_secret_rotate


@dataclass
class Received:
    headers: CaseInsensitiveMapping  # as a web framework gives them
    body: bytes


@dataclass
class Receiver:
    """Records every POST; answers with the queued statuses, then 200."""

    url: str
    received: list[Received] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    state = Receiver(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's naming
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            headers = CaseInsensitiveMapping(dict(self.headers.items()))
            state.received.append(Received(headers, body))
            self.send_response(state.statuses.pop(0) if state.statuses else 200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass  # keep test output free of request lines

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_port}/hooks/undersign"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


@pytest.fixture
def hooked_partner(partner: Partner, receiver: Receiver) -> tuple[Partner, str]:
    """The shared `partner`, posting to `receiver`; return it and its secret."""
    partner.webhook_url = receiver.url
    partner.save(update_fields=["webhook_url"])
    return partner, webhook_secret_rotate(partner)
