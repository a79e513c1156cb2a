"""The observability HTTP endpoint: ``/metrics`` (Prometheus text or OpenMetrics), ``/healthz``, ``/readyz``.

A small threaded ``http.server`` running in a daemon thread, so it never blocks the worker's event loop.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from prometheus_client import REGISTRY, CollectorRegistry
from prometheus_client.exposition import choose_encoder

log = logging.getLogger(__name__)


class ObservabilityServer:
    """Serves the endpoints on ``host:port`` (port 0 picks a free one; see ``.port``)."""

    def __init__(
        self,
        host: str,
        port: int,
        is_ready: Callable[[], bool],
        registry: CollectorRegistry = REGISTRY,
    ) -> None:
        handler = _make_handler(is_ready, registry)
        self._httpd = ThreadingHTTPServer((host, port), handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, name="news-events-metrics", daemon=True
        )

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(5.0)


def _make_handler(is_ready: Callable[[], bool], registry: CollectorRegistry) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "news-events"

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            if path == "/metrics":
                encoder, content_type = choose_encoder(self.headers.get("Accept", ""))
                self._reply(200, encoder(registry), content_type)
            elif path == "/healthz":
                self._reply(200, b"ok\n")
            elif path == "/readyz":
                if is_ready():
                    self._reply(200, b"ready\n")
                else:
                    self._reply(503, b"not ready: no partitions assigned\n")
            else:
                self._reply(404, b"not found; try /metrics, /healthz or /readyz\n")

        def do_HEAD(self) -> None:
            self.do_GET()

        def _reply(self, status: int, body: bytes, content_type: str = "text/plain; charset=utf-8") -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # scrapes every few seconds: keep quiet
            log.debug("%s " + format, self.address_string(), *args)

    return Handler
