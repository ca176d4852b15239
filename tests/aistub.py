"""A stand-in for an office's OpenAI-compatible model server, for the tests: a threaded
http.server on 127.0.0.1 speaking /v1/chat/completions with `stream: true` as Server-Sent
Events. No network: it is started by a test and stopped after it."""

from __future__ import annotations

import json
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Stub:
    """What the server answers next: `pieces` of the answer, `delay` seconds before each,
    `status` (401 for a wrong key), `key` the key it accepts (None: any)."""

    def __init__(self) -> None:
        self.pieces: list[str] = ["好的。"]
        self.delay = 0.0
        self.status = 200
        self.key: str | None = None
        self.requests: list[dict] = []
        self.sent = 0  # pieces written so far (for the cancel test)
        self.closed_early = threading.Event()
        self.url = ""


def _chunk(content: str | None, finish: str | None = None) -> bytes:
    delta = {} if content is None else {"role": "assistant", "content": content}
    body = {"id": "chatcmpl-stub", "object": "chat.completion.chunk", "created": 0, "model": "stub",
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
    return b"data: " + json.dumps(body, ensure_ascii=False).encode() + b"\n\n"


def _handler(stub: Stub):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:  # quiet
            pass

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length) or b"{}")
            stub.requests.append({"path": self.path, "body": body,
                                  "auth": self.headers.get("Authorization", "")})
            if not self.path.endswith("/chat/completions"):
                return self._json(404, {"error": {"message": "not found"}})
            if stub.status != 200:
                return self._json(stub.status, {"error": {"message": "Incorrect API key provided",
                                                          "type": "invalid_request_error"}})
            if stub.key is not None and self.headers.get("Authorization") != f"Bearer {stub.key}":
                return self._json(401, {"error": {"message": "Incorrect API key provided",
                                                  "type": "invalid_request_error"}})
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-cache")
            self.send_header("Connection", "close")
            self.end_headers()
            try:
                for piece in stub.pieces:
                    if stub.delay:
                        time.sleep(stub.delay)
                    self.wfile.write(_chunk(piece))
                    self.wfile.flush()
                    stub.sent += 1
                self.wfile.write(_chunk(None, "stop"))
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                stub.closed_early.set()
            self.close_connection = True

        def _json(self, status: int, data: dict) -> None:
            raw = json.dumps(data).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

    return Handler


@contextmanager
def serve():
    """A running stub; yields the Stub, whose `url` is the base URL (…/v1)."""
    stub = Stub()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(stub))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    stub.url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    try:
        yield stub
    finally:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    """A port nothing listens on (bound, then released): a refused connection."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
