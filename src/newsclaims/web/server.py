"""Running the app under uvicorn: in the foreground (`newsclaims serve`) or in a thread (tests, bench).

The socket is bound before the server starts, so port 0 picks a free port that is known at once;
the serve file beside the store (see ``store.handoff``) is written once the port is known and
removed when the server stops.
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import socket
import threading
import time
from collections.abc import Iterator

import uvicorn

from newsclaims.store.servefile import ServeInfo, remove_serve_file, write_serve_file
from newsclaims.web.app import create_app
from newsclaims.web.settings import ServeSettings


def bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # Accepted connections inherit this (Linux): without it, a response written in two parts (headers,
    # then body) waits for the client's delayed ACK, 40 ms on every request.
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def local_url(host: str, port: int) -> str:
    """The URL this machine reaches the server at (a wildcard address is reached on loopback)."""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return f"http://{host}:{port}"
    if address.is_unspecified:
        return f"http://127.0.0.1:{port}" if address.version == 4 else f"http://[::1]:{port}"
    return f"http://[{host}]:{port}" if address.version == 6 else f"http://{host}:{port}"


def make_server(settings: ServeSettings, log_level: str = "info") -> uvicorn.Server:
    config = uvicorn.Config(create_app(settings), log_level=log_level, access_log=log_level == "debug")
    return uvicorn.Server(config)


def announce(settings: ServeSettings, url: str) -> None:
    """Write the serve file that lets a local ingest hand its batches over; a dataset takes none."""
    if not settings.dataset:
        write_serve_file(settings.db, ServeInfo(os.getpid(), url, settings.handoff_token))


def serve(settings: ServeSettings, host: str, port: int, log_level: str = "info") -> None:
    """Serve until interrupted (Ctrl-C, SIGTERM)."""
    sock = bind(host, port)
    port = sock.getsockname()[1]
    announce(settings, local_url(host, port))
    try:
        make_server(settings, log_level).run(sockets=[sock])
    finally:
        remove_serve_file(settings.db, os.getpid())
        sock.close()


@contextlib.contextmanager
def background_server(settings: ServeSettings, host: str = "127.0.0.1", log_level: str = "warning") -> Iterator[str]:
    """A server on a free loopback port in a thread of this process; yields its URL."""
    sock = bind(host, 0)
    url = local_url(host, sock.getsockname()[1])
    server = make_server(settings, log_level)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the server did not start")
        time.sleep(0.02)
    announce(settings, url)
    try:
        yield url
    finally:
        remove_serve_file(settings.db, os.getpid())
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
