"""Run Debian's nginx with deploy/nginx.conf, serving a built site under /hjemmekontor/ on loopback.

    python -m tools.run_nginx --site site-nginx --port 8080     # foreground; Ctrl-C stops it

Used by `make nginx`, `make bench`, tools/load.py and tests/deploy/. nginx runs from a temporary
prefix that holds links to the shipped files (so the configuration served is byte for byte the
one in deploy/), a generated `listen.conf` and `modules.conf`, the pid file and temp folders.
Where Debian's brotli_static module is installed, it is loaded and brotli/'s switch is linked
beside the snippet, as on an intranet server with the module; `--no-brotli` plays one without.
Nothing needs root, and nothing under /etc/nginx or /var is touched.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tools.devserver import ROOT

DEPLOY = ROOT / "deploy"
MOUNT = "hjemmekontor"  # the path the shipped snippet serves; keep in step with snippets/
HOST = "127.0.0.1"  # loopback only, always

MISSING = "nginx mangler: installer det med 'apt-get install -y nginx-light' (eller kjør .ci/run)."
MISSING_BROTLI = ("nginx mangler brotli-modulen: installer den med "
                  "'apt-get install -y libnginx-mod-http-brotli-static' (eller kjør .ci/run).")

# Debian's libnginx-mod-http-brotli-static puts the module here (nginx -V: --modules-path).
MODULES = Path(os.environ.get("NGINX_MODULES", "/usr/lib/nginx/modules"))
BROTLI_MODULE = MODULES / "ngx_http_brotli_static_module.so"
# `brotli_static on;`, for a server that has loaded the module; snippets/hjemmekontor.conf
# includes it from beside itself when it is there.
BROTLI_SNIPPET = DEPLOY / "brotli" / "hjemmekontor-brotli.conf"


def find_nginx() -> str | None:
    return shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/sbin/nginx") if os.access(p, os.X_OK)), None)


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def brotli_available() -> bool:
    return BROTLI_MODULE.is_file()


def prepare(prefix: Path, site: Path, port: int, brotli: bool | None = None) -> list[str]:
    """Lay out `prefix` for nginx and return the command that runs it in the foreground.

    `brotli`: load the brotli_static module and switch it on, as an intranet server with
    Debian's module does; None (the default) does so when the module is installed. False plays
    a server without it: the shipped snippet must then serve gzip, and start all the same."""
    nginx = find_nginx()
    if not nginx:
        raise SystemExit(MISSING)
    if brotli is None:
        brotli = brotli_available()
    elif brotli and not brotli_available():
        raise SystemExit(MISSING_BROTLI)
    if not (site / "index.html").is_file():
        raise SystemExit(f"Fant ikke et bygget nettsted i {site} (index.html mangler).")
    # When run as root, nginx's workers drop to 'nobody' by default; the prefix must be readable.
    prefix.mkdir(parents=True, exist_ok=True)
    prefix.chmod(0o755)
    for name in ("nginx.conf", "conf.d"):
        (prefix / name).symlink_to(DEPLOY / name)
    # The shipped snippets one by one, and the brotli switch beside them only where the module
    # is loaded: the layout an admin makes in /etc/nginx/snippets/ (README.md).
    (prefix / "snippets").mkdir(mode=0o755)
    for snippet in sorted((DEPLOY / "snippets").iterdir()):
        (prefix / "snippets" / snippet.name).symlink_to(snippet)
    if brotli:
        (prefix / "snippets" / BROTLI_SNIPPET.name).symlink_to(BROTLI_SNIPPET)
    # Debian's nginx.conf loads modules from modules-enabled/; this prefix has its own line.
    (prefix / "modules.conf").write_text(
        f"load_module {BROTLI_MODULE};\n" if brotli else "# No brotli_static here: gzip only.\n", encoding="utf-8")
    (prefix / "listen.conf").write_text(f"listen {HOST}:{port};\n", encoding="utf-8")
    (prefix / "www").mkdir(mode=0o755)
    (prefix / "www" / MOUNT).symlink_to(site.resolve())
    (prefix / "tmp").mkdir(mode=0o755)
    globals_ = "daemon off;"
    if os.geteuid() == 0:
        # Workers as 'nobody' may not be able to read a checkout under /root; this is a
        # loopback-only test server, so keep the workers as the user who started it.
        globals_ += " user root;"
    return [nginx, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-g", globals_]


def wait_until_listening(proc: subprocess.Popen, port: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"nginx stoppet med kode {proc.returncode}")
        try:
            with socket.create_connection((HOST, port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nginx svarte ikke på {HOST}:{port} innen {timeout:.0f} s")


class Nginx:
    """nginx in the background for a test session or a benchmark: `with Nginx(site) as url: ...`."""

    def __init__(self, site: Path, port: int | None = None, *, brotli: bool | None = None):
        self.site = site
        self.brotli = brotli
        self.port = port or free_port()
        self.url = f"http://{HOST}:{self.port}/{MOUNT}/"
        self.prefix = Path(tempfile.mkdtemp(prefix="hjemmekontor-nginx-"))
        self.log = self.prefix / "stderr.log"
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> str:
        cmd = prepare(self.prefix / "run", self.site, self.port, self.brotli)
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=log)
        try:
            wait_until_listening(self.proc, self.port)
        except RuntimeError as exc:
            self.__exit__()
            raise RuntimeError(f"{exc}:\n{self.log.read_text(errors='replace')}") from None
        return self.url

    def __exit__(self, *exc) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGQUIT)  # graceful: finish open requests, then stop
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        shutil.rmtree(self.prefix, ignore_errors=True)

    def errors(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, required=True, help="the built site to serve")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--no-brotli", action="store_true", help="play a server without the brotli module")
    args = parser.parse_args()
    prefix = Path(tempfile.mkdtemp(prefix="hjemmekontor-nginx-"))
    try:
        brotli = False if args.no_brotli else brotli_available()
        cmd = prepare(prefix / "run", args.site, args.port, brotli)
        print(f"nginx serverer {args.site} på http://{HOST}:{args.port}/{MOUNT}/ "
              f"({'brotli og gzip' if brotli else 'gzip, uten brotli'}; Ctrl-C stopper)", flush=True)
        proc = subprocess.Popen(cmd)
        # Stopped some other way than Ctrl-C (`kill`, `timeout`, a closed terminal), this script
        # must stop nginx too: otherwise nginx keeps the port, serving from a deleted prefix.
        # SIGINT is set as well: started as a background job, Python inherits it ignored and
        # would never see `kill -INT`.
        def stop(signum, frame):
            raise KeyboardInterrupt
        for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
            signal.signal(signum, stop)
        try:
            return proc.wait()
        except KeyboardInterrupt:
            # After Ctrl-C the terminal has sent SIGINT to nginx too; after anything else, this
            # sends it (SIGINT is nginx's fast shutdown). Then wait for it to finish.
            if proc.poll() is None:
                proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            return 0
    finally:
        shutil.rmtree(prefix, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
