"""`make nginx` (tools/run_nginx.py): however the script is stopped, nginx stops with it.

Ctrl-C reaches nginx through the terminal, but `kill`, `timeout` or a closed terminal signal only
the script. Measured before the fix: after SIGTERM, nginx kept serving the port. And a script
started as a background job inherits SIGINT ignored (it failed so on CI), so both starts are tried.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import urllib.request

import pytest

from .conftest import run_nginx


def _as_background_job() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@pytest.mark.parametrize("started", ["foreground", "background"])
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT], ids=lambda s: s.name)
def test_stopping_the_script_stops_nginx(nginx_site, signum, started):
    port = run_nginx.free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "tools.run_nginx", "--site", str(nginx_site), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,  # signals reach only what the test sends them to
        preexec_fn=_as_background_job if started == "background" else None,
    )
    try:
        run_nginx.wait_until_listening(proc, port, timeout=15)
        with urllib.request.urlopen(f"http://{run_nginx.HOST}:{port}/{run_nginx.MOUNT}/") as response:
            assert response.status == 200

        proc.send_signal(signum)  # to the script alone, as `kill` or `timeout` would
        assert proc.wait(timeout=15) == 0

        with pytest.raises(OSError):
            socket.create_connection((run_nginx.HOST, port), timeout=1).close()
    finally:
        if proc.poll() is None:
            proc.kill()
        # Whatever is left in the script's session (an nginx that outlived it) goes too.
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
