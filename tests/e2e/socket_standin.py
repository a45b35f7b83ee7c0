"""A stand-in for Slack's Socket Mode WebSocket server on 127.0.0.1 (``websockets``' threaded server).

Each connection gets Slack's ``hello``; every message the client sends (acks) is recorded with the number
of the connection it came on. Tests push envelopes and drop connections to force a reconnect.
"""

from __future__ import annotations

import json
import queue
import threading
import time
from typing import Any

from websockets.exceptions import ConnectionClosed
from websockets.sync.server import ServerConnection, serve


class SocketStandIn:
    def __init__(self) -> None:
        self.connections: list[ServerConnection] = []
        self.received: queue.Queue[tuple[int, dict[str, Any]]] = queue.Queue()
        self._connected = threading.Condition()
        self._server = serve(self._handle, "127.0.0.1", 0)
        self._thread = threading.Thread(target=self._server.serve_forever, name="socket-standin", daemon=True)

    def start(self) -> SocketStandIn:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()

    @property
    def url(self) -> str:
        host, port = self._server.socket.getsockname()[:2]
        return f"ws://{host}:{port}/link/?ticket=standin"

    def _handle(self, conn: ServerConnection) -> None:
        with self._connected:
            self.connections.append(conn)
            number = len(self.connections)
            self._connected.notify_all()
        conn.send(
            json.dumps(
                {"type": "hello", "num_connections": number, "connection_info": {"app_id": "A0000APP"}}
            )
        )
        try:
            for message in conn:
                self.received.put((number, json.loads(message)))
        except ConnectionClosed:
            pass

    def wait_for_connection(self, number: int, *, timeout: float = 30) -> ServerConnection:
        with self._connected:
            if not self._connected.wait_for(lambda: len(self.connections) >= number, timeout=timeout):
                raise AssertionError(f"no connection #{number} within {timeout}s")
            return self.connections[number - 1]

    def send(self, number: int, envelope: dict[str, Any]) -> None:
        self.connections[number - 1].send(json.dumps(envelope, ensure_ascii=False))

    def wait_for_ack(self, envelope_id: str, *, timeout: float = 10) -> tuple[int, dict[str, Any], float]:
        """The connection number and message acknowledging ``envelope_id``, and when it arrived."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                number, message = self.received.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                break
            if message.get("envelope_id") == envelope_id:
                return number, message, time.monotonic()
        raise AssertionError(f"no ack for {envelope_id} within {timeout}s")
