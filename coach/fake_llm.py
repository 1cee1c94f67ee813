"""A fake OpenAI-compatible model server on loopback, for tests, the benchmark and
demos without a model (``manage.py fake_llm``).

A real HTTP/1.1 server (``ThreadingHTTPServer``, one thread per connection) that
answers ``POST /v1/chat/completions`` with a chunked ``text/event-stream`` in the
chat-completions format, and ``GET /v1/models``. What it does is its ``mode``:

``stream``    the reply word by word, ``token_delay`` seconds apart, usage, ``[DONE]``
``stall``     one word, then nothing (until the client gives up or ``stop()``)
``drop``      a few words, then the socket is closed mid-stream
``http500``   ``500 Internal Server Error``
``malformed`` one good chunk, then a data line that is not JSON
``empty``     a finished chunk with no content, then ``[DONE]``

``mode`` defaults from the requested model name (``fake-stall`` → ``stall``,
``fake-slow`` → ``stream`` with 0.1 s between words, anything else → ``stream``),
so a separate process (the benchmark's uvicorn) can choose it through
``LLM_MODEL``. ``requests`` keeps every request body received (for prompt tests).
"""

from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DEFAULT_REPLY = (
    "Your legs are still recovering, so today keeps the work that spares them "
    "and trims the rest. Follow the plan on the page and keep the effort honest."
)
MODES = ("stream", "stall", "drop", "http500", "malformed", "empty")


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format, *args):  # quiet: tests read their own output
        return

    def do_GET(self):
        if self.path.rstrip("/").endswith("/models"):
            fake = self.server.fake
            self._json(200, {"object": "list", "data": [{"id": fake.model}]})
        else:
            self._json(404, {"error": "not found"})

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        fake = self.server.fake
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            body = {}
        fake.requests.append(body)
        if not self.path.rstrip("/").endswith("/chat/completions"):
            self._json(404, {"error": "not found"})
            return
        mode, delay = fake.mode_for(body.get("model", ""))
        if mode == "http500":
            self._json(500, {"error": {"message": "the fake model fell over"}})
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        words = fake.reply.split(" ")
        try:
            if mode == "empty":
                self._event(_chunk("", finish="stop"))
                self._event("[DONE]")
            elif mode == "malformed":
                self._event(_chunk(words[0] + " "))
                self._send_chunk(b"data: {this is not json\n\n")
            elif mode == "stall":
                self._event(_chunk(words[0] + " "))
                while not fake.stopping.wait(0.05):
                    pass
            elif mode == "drop":
                for word in words[:3]:
                    self._event(_chunk(word + " "))
                    time.sleep(delay)
                self.wfile.flush()
                self.connection.shutdown(socket.SHUT_RDWR)
                self.close_connection = True
                return
            else:
                for index, word in enumerate(words):
                    piece = word if index == len(words) - 1 else word + " "
                    self._event(_chunk(piece))
                    if delay:
                        time.sleep(delay)
                self._event(_chunk("", finish="stop"))
                self._event(
                    {
                        "object": "chat.completion.chunk",
                        "choices": [],
                        "usage": {
                            "prompt_tokens": 120,
                            "completion_tokens": len(words),
                            "total_tokens": 120 + len(words),
                        },
                    }
                )
                self._event("[DONE]")
            self._send_chunk(b"")
        except (BrokenPipeError, ConnectionResetError, OSError):
            self.close_connection = True

    def _json(self, status: int, body: dict) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _event(self, payload) -> None:
        data = payload if isinstance(payload, str) else json.dumps(payload)
        self._send_chunk(f"data: {data}\n\n".encode())

    def _send_chunk(self, data: bytes) -> None:
        self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        self.wfile.flush()


def _chunk(content: str, finish: str | None = None) -> dict:
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion.chunk",
        "model": "fake",
        "choices": [
            {"index": 0, "delta": {"content": content}, "finish_reason": finish}
        ],
    }


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakeLLM


class FakeLLM:
    """The fake server: ``start()`` binds a free loopback port (``base_url`` is
    then ``http://127.0.0.1:<port>/v1``), ``stop()`` ends it and any stalled
    stream. Usable as a context manager."""

    def __init__(
        self,
        *,
        mode: str | None = None,
        reply: str = DEFAULT_REPLY,
        token_delay: float = 0.0,
        model: str = "fake-coach",
        port: int = 0,
        host: str = "127.0.0.1",
    ) -> None:
        if mode is not None and mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}")
        self.mode = mode
        self.reply = reply
        self.token_delay = token_delay
        self.model = model
        self.requests: list[dict] = []
        self.stopping = threading.Event()
        self._server = _Server((host, port), _Handler)
        self._server.fake = self
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def mode_for(self, model: str) -> tuple[str, float]:
        """The mode and the seconds between words for a request naming ``model``."""
        if self.mode is not None:
            return self.mode, self.token_delay
        name = model.removeprefix("fake-")
        if name == "slow":
            return "stream", self.token_delay or 0.1
        if name in MODES:
            return name, self.token_delay
        return "stream", self.token_delay

    def start(self) -> FakeLLM:
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}
        )
        self._thread.daemon = True
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeLLM:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
