"""tools/ensure-nginx (`make test` runs it): installs nginx and the brotli module as root, else says how.

Played on a fake machine: a PATH with nothing but stand-ins for `id` and `apt-get`, nginx and the
module pointed at by NGINX and NGINX_MODULES. Nothing is installed for real.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

SCRIPT = ROOT / "tools" / "ensure-nginx"
MODULE = "ngx_http_brotli_static_module.so"


class Machine:
    def __init__(self, root: Path, *, uid: int, nginx: bool, module: bool, apt_works: bool = True):
        self.bin = root / "bin"
        self.bin.mkdir()
        self.nginx = root / "sbin" / "nginx"
        self.modules = root / "modules"
        self.modules.mkdir()
        self.apt_log = root / "apt.log"
        self.nginx.parent.mkdir()
        if nginx:
            self._exe(self.nginx, "exit 0")
        if module:
            (self.modules / MODULE).touch()
        self._exe(self.bin / "id", f'echo {uid}')
        # apt-get: logs its arguments; `install` "installs" what it is asked for.
        install = "\n".join([
            f'echo "$*" >> {self.apt_log}',
            '[ "$1" = install ] || exit 0',
            "exit 100" if not apt_works else "",
            'for p in "$@"; do case $p in',
            f'  nginx-light) printf "#!/bin/sh\\nexit 0\\n" > {self.nginx}; /bin/chmod +x {self.nginx};;',
            f'  libnginx-mod-http-brotli-static) : > {self.modules / MODULE};;',
            "esac; done",
        ])
        self._exe(self.bin / "apt-get", install)

    @staticmethod
    def _exe(path: Path, body: str) -> None:
        path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
        path.chmod(0o755)

    def run(self) -> subprocess.CompletedProcess:
        env = {"PATH": str(self.bin), "NGINX": str(self.nginx), "NGINX_MODULES": str(self.modules)}
        return subprocess.run(["/bin/sh", str(SCRIPT)], env=env, capture_output=True, text=True, timeout=30)

    def apt_calls(self) -> list[str]:
        return self.apt_log.read_text().splitlines() if self.apt_log.exists() else []


def test_nothing_to_do_when_both_are_there(tmp_path):
    machine = Machine(tmp_path, uid=1000, nginx=True, module=True)
    result = machine.run()
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert machine.apt_calls() == []


def test_not_root_gets_one_norwegian_line_with_the_command(tmp_path):
    machine = Machine(tmp_path, uid=1000, nginx=False, module=False)
    result = machine.run()
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == ("nginx mangler: installer det med "
                             "'sudo apt-get install -y nginx-light libnginx-mod-http-brotli-static'.\n")
    assert machine.apt_calls() == []


def test_not_root_with_nginx_is_told_about_the_module_alone(tmp_path):
    machine = Machine(tmp_path, uid=1000, nginx=True, module=False)
    result = machine.run()
    assert result.returncode == 1
    assert result.stderr == ("nginx mangler brotli-modulen: installer den med "
                             "'sudo apt-get install -y libnginx-mod-http-brotli-static'.\n")


@pytest.mark.parametrize("nginx", [False, True], ids=["both", "module-only"])
def test_root_installs_what_is_missing_with_apt(tmp_path, nginx):
    machine = Machine(tmp_path, uid=0, nginx=nginx, module=False)
    result = machine.run()
    assert result.returncode == 0, result.stderr
    wanted = "libnginx-mod-http-brotli-static" if nginx else "nginx-light libnginx-mod-http-brotli-static"
    assert machine.apt_calls() == ["update -qq", f"install -y -qq {wanted}"]
    assert machine.nginx.exists() and (machine.modules / MODULE).exists()


def test_root_whose_apt_fails_is_told_the_command(tmp_path):
    machine = Machine(tmp_path, uid=0, nginx=False, module=False, apt_works=False)
    result = machine.run()
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == ("nginx mangler: installer det med "
                                              "'sudo apt-get install -y nginx-light libnginx-mod-http-brotli-static'.")
