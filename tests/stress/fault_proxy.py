"""A fault-injecting HTTP proxy on loopback, between a workstation and the real server.

It reads each HTTP/1.1 request whole (head and ``Content-Length`` body), then, at random, passes
it through or does one of the things a bad network, a broken middlebox or a dying server does:

- ``reset_before``  the client's connection reset before anything reaches the server;
- ``reset_after``   the server did the work, the answer is lost in a reset;
- ``cut_request``   half of the request reaches the server, then the line drops;
- ``truncate``      the server's answer cut in the middle;
- ``garbage``       the server did the work, the client gets random bytes;
- ``garbage_200``   a ``200 OK`` with a body that is not the server's (a captive portal, a
                    cache), the request forwarded or not;
- ``error_5xx``     a 502/503/504 from "the gateway", the request forwarded or not;
- ``stall``         nothing comes back for longer than the client waits;
- ``duplicate``     the request delivered to the server twice (one after the other, or both at
                    once), one answer returned.

Every request and answer goes over its own connection (``Connection: close`` both ways), so a
fault touches exactly one request. ``clean = True`` turns the faults off; ``counts`` tells what
was done, by type.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import socket
import struct
import threading
from collections import Counter

FAULTS = (
    "reset_before",
    "reset_after",
    "cut_request",
    "truncate",
    "garbage",
    "garbage_200",
    "error_5xx",
    "stall",
    "duplicate",
)
HEAD_LIMIT = 64 * 1024


class FaultProxy:
    def __init__(
        self,
        upstream_port: int,
        *,
        seed: int,
        rate: float = 0.35,
        stall: float = 6.0,
        faults: tuple[str, ...] = FAULTS,
        upstream_host: str = "127.0.0.1",
        forward: bool | None = None,
        body: bytes | None = None,
        only: bytes | None = None,
    ) -> None:
        """``forward`` and ``body`` pin what is random otherwise (regression tests): whether a
        faulty answer's request reached the server, and the body of ``garbage_200``; with
        ``only``, faults strike only the requests whose head holds those bytes (a UUID, a
        request line), the others pass clean."""
        self.upstream = (upstream_host, upstream_port)
        self.rng = random.Random(seed)
        self.rate = rate
        self.stall = stall
        self.faults = faults
        self.forward = forward
        self.body = body
        self.only = only
        self.clean = False
        self.counts: Counter[str] = Counter()
        self.seen: list[str] = []  # each request's first line ("PUT /api/v1/… HTTP/1.1"), in order
        self.port = 0
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True, name="fault-proxy")
        self._server: asyncio.base_events.Server | None = None

    # ------------------------------------------------------------------ life
    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> FaultProxy:
        self._thread.start()
        self._ready.wait(10)
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._loop.call_soon_threadsafe(self._server.close)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    def faults_injected(self) -> int:
        return sum(n for kind, n in self.counts.items() if kind in FAULTS)

    def _serve(self) -> None:
        asyncio.set_event_loop(self._loop)

        async def open_server() -> None:
            self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
            self.port = self._server.sockets[0].getsockname()[1]

        self._loop.run_until_complete(open_server())
        self._ready.set()
        self._loop.run_forever()

    # ------------------------------------------------------------------ one request
    def _pick(self, request: bytes) -> str:
        if self.clean or self.rng.random() >= self.rate:
            return "clean"
        if self.only is not None and self.only not in request.partition(b"\r\n\r\n")[0]:
            return "clean"
        return self.rng.choice(self.faults)

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            request = await _read_request(reader)
            if request is None:
                return
            self.seen.append(request.partition(b"\r\n")[0].decode("latin-1"))
            fault = self._pick(request)
            self.counts[fault] += 1
            await getattr(self, f"_{fault}")(request, writer)
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            pass
        finally:
            with contextlib.suppress(Exception):
                writer.close()

    async def _clean(self, request: bytes, writer: asyncio.StreamWriter) -> None:
        await _answer(writer, await self._forward(request))

    async def _reset_before(self, request: bytes, writer: asyncio.StreamWriter) -> None:
        _reset(writer)

    async def _reset_after(self, request: bytes, writer: asyncio.StreamWriter) -> None:
        await self._forward(request)
        _reset(writer)

    async def _cut_request(self, request: bytes, writer: asyncio.StreamWriter) -> None:
        _r, upstream = await asyncio.open_connection(*self.upstream)
        upstream.write(request[: max(1, len(request) // 2)])
        await upstream.drain()
        _reset(upstream)
        _reset(writer)

    async def _truncate(self, request: bytes, writer: asyncio.StreamWriter) -> None:
        answer = await self._forward(request)
        await _answer(writer, answer[: self.rng.randint(1, max(1, len(answer) - 1))])

    async def _garbage(self, request: bytes, writer: asyncio.StreamWriter) -> None:
        await self._forward(request)
        await _answer(writer, os.urandom(self.rng.randint(1, 2048)))

    def _forwards(self) -> bool:
        return self.rng.random() < 0.5 if self.forward is None else self.forward

    async def _garbage_200(self, request: bytes, writer: asyncio.StreamWriter) -> None:
        if self._forwards():
            await self._forward(request)
        body = (
            self.body
            if self.body is not None
            else self.rng.choice(
                (
                    b"<html><body>Connexion au reseau invite : acceptez les conditions.</body></html>",
                    os.urandom(self.rng.randint(1, 512)),
                    b"",
                    b"{}",
                    b"[]",
                    b'{"changes": "rien"}',
                )
            )
        )
        content = b"text/html" if body.startswith(b"<") else b"application/json"
        await _answer(writer, _response(200, "OK", body, content))

    async def _error_5xx(self, request: bytes, writer: asyncio.StreamWriter) -> None:
        if self._forwards():
            await self._forward(request)
        status, reason = self.rng.choice(
            ((502, "Bad Gateway"), (503, "Service Unavailable"), (504, "Gateway Timeout"))
        )
        await _answer(writer, _response(status, reason, b"<html>passerelle</html>", b"text/html"))

    async def _stall(self, request: bytes, writer: asyncio.StreamWriter) -> None:
        if self._forwards():
            await self._forward(request)
        await asyncio.sleep(self.stall)

    async def _duplicate(self, request: bytes, writer: asyncio.StreamWriter) -> None:
        if self.rng.random() < 0.5:
            answers = await asyncio.gather(self._forward(request), self._forward(request))
        else:
            answers = [await self._forward(request), await self._forward(request)]
        await _answer(writer, self.rng.choice(answers))

    async def _forward(self, request: bytes) -> bytes:
        """One delivery to the server; its whole answer (it closes: ``Connection: close``)."""
        reader, upstream = await asyncio.open_connection(*self.upstream)
        try:
            upstream.write(request)
            await upstream.drain()
            return await reader.read()
        finally:
            upstream.close()


async def _read_request(reader: asyncio.StreamReader) -> bytes | None:
    """A whole request with ``Connection: close`` in its head; None at a clean end of stream."""
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except asyncio.IncompleteReadError as exc:
        if not exc.partial:
            return None
        raise
    if len(head) > HEAD_LIMIT:
        raise ConnectionError("head too long")
    lines = head[:-4].split(b"\r\n")
    length = 0
    kept = [lines[0]]
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
        if name.strip().lower() in (b"connection", b"keep-alive"):
            continue
        kept.append(line)
    kept.append(b"Connection: close")
    body = await reader.readexactly(length) if length else b""
    return b"\r\n".join(kept) + b"\r\n\r\n" + body


def _response(status: int, reason: str, body: bytes, content_type: bytes) -> bytes:
    return (
        f"HTTP/1.1 {status} {reason}\r\n".encode()
        + b"Content-Type: "
        + content_type
        + f"\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode()
        + body
    )


async def _answer(writer: asyncio.StreamWriter, data: bytes) -> None:
    writer.write(data)
    await writer.drain()


def _reset(writer: asyncio.StreamWriter) -> None:
    """Close with a TCP reset (SO_LINGER 0), not a polite FIN."""
    sock = writer.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()
