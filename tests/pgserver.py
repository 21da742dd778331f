"""A throwaway PostgreSQL server for the tests and the benchmark: initdb into a temporary folder,
``pg_ctl start`` on a free port with its socket in that folder, one database with ``unaccent``;
``stop()`` stops it and deletes the folder. As root, the server runs as the ``postgres`` OS user
(``runuser -u postgres --``), since PostgreSQL refuses to run as root."""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

DATABASE = "vnplan_test"


def binaries() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl`` (Debian keeps them under /usr/lib/postgresql/N/bin)."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).resolve().parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parent.parent.name))
    return versions[-1].parent if versions else None


def missing() -> str | None:
    """Why no server can be started here, or None. In CI (``CI`` set) a missing server is an error,
    not a reason to skip: ``make setup`` installs it."""
    if binaries() is None:
        reason = "PostgreSQL server binaries (initdb, pg_ctl) not found: apt-get install postgresql"
        if os.environ.get("CI"):
            raise RuntimeError(f"{reason} (CI must run the PostgreSQL tests: see the Makefile's system-deps)")
        return reason
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no 'postgres' OS user to run the server as"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A running server; ``url`` reaches its database over the unix socket."""

    def __init__(self) -> None:
        bin_dir = binaries()
        assert bin_dir is not None, missing()
        self.dir = Path(tempfile.mkdtemp(prefix="vnplan-pg-"))
        self.data = self.dir / "data"
        self.port = _free_port()
        self.user = "postgres" if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name
        self._as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self._as:
            shutil.chown(self.dir, "postgres")
        self._pg_ctl = str(bin_dir / "pg_ctl")
        try:
            self._run(str(bin_dir / "initdb"), "-D", str(self.data), "-U", self.user, "--auth=trust",
                      "--encoding=UTF8", "--locale=C.UTF-8")
            options = f"-p {self.port} -k {self.dir} -c listen_addresses='' -c fsync=off -c full_page_writes=off"
            self._run(self._pg_ctl, "start", "-w", "-t", "60", "-D", str(self.data), "-l",
                      str(self.dir / "server.log"), "-o", options)
            self._run(str(bin_dir / "createdb"), "-h", str(self.dir), "-p", str(self.port), "-U", self.user, DATABASE)
        except BaseException:
            self.stop()
            raise
        self.url = f"postgresql://{self.user}@/{DATABASE}?host={self.dir}&port={self.port}"

    def _run(self, *command: str) -> None:
        subprocess.run([*self._as, *command], check=True, capture_output=True, text=True)

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            subprocess.run([*self._as, self._pg_ctl, "stop", "-D", str(self.data), "-m", "fast", "-w"], check=False,
                           capture_output=True)
        shutil.rmtree(self.dir, ignore_errors=True)
