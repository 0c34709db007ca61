"""The test server (tools/devserver.py) keeps quiet when a browser drops a download, and only then."""

from __future__ import annotations

import socket
import struct
import time
import urllib.request
from urllib.parse import urlsplit

from tools import devserver


def _drop_mid_download(url: str) -> None:
    """Ask for a large file, read a little, and reset the connection (as a closed tab does)."""
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port)) as sock:
        sock.sendall(f"GET /big.bin HTTP/1.1\r\nHost: {parts.netloc}\r\n\r\n".encode())
        sock.recv(1024)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def test_a_dropped_download_prints_no_traceback(tmp_path, capfd):
    (tmp_path / "big.bin").write_bytes(b"x" * 32_000_000)
    with devserver.serve(tmp_path) as url:
        for _ in range(3):
            _drop_mid_download(url)
        time.sleep(0.5)  # the server's thread meets the reset while it writes
        assert urllib.request.urlopen(url + "big.bin").read(10) == b"x" * 10  # still serving
    assert "Traceback" not in capfd.readouterr().err


def test_other_errors_are_still_reported(tmp_path, capfd):
    class Broken(devserver.Handler):
        def do_GET(self):
            raise ValueError("a real bug")

    with devserver.serve(tmp_path, Broken) as url:
        try:
            urllib.request.urlopen(url)
        except Exception:
            pass
        time.sleep(0.2)
    assert "ValueError: a real bug" in capfd.readouterr().err
