"""A throw-away PostgreSQL server on 127.0.0.1 for the tests: initdb into a temp dir, start, stop, remove.

Durability is off (fsync, synchronous_commit, full_page_writes): the cluster lives for one test session.
As root the server runs as the ``postgres`` user (PostgreSQL refuses to run as root) through ``runuser``.
"""

from __future__ import annotations

import glob
import os
import secrets
import shlex
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

USER = "desk"
SETTINGS = {
    "listen_addresses": "'127.0.0.1'",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "40",
    "shared_buffers": "32MB",
    "log_min_messages": "warning",
}
FAST_ONLY = ("fsync", "synchronous_commit", "full_page_writes", "shared_buffers")  # not on a durable server


class Unavailable(Exception):
    """No PostgreSQL server could be found or started (the message says why)."""


@dataclass
class Server:
    bindir: Path
    root: Path
    port: int
    password: str
    run_as: str | None  # the OS user the server runs as (None: this process's user)
    watchdog: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def data(self) -> Path:
        return self.root / "data"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{USER}:{self.password}@127.0.0.1:{self.port}/{database}"

    def _cmd(self, *args: str) -> list[str]:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        return ["runuser", "-u", self.run_as, "--", *cmd] if self.run_as else cmd

    def _run(self, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        return subprocess.run(self._cmd(*args), capture_output=True, text=True, timeout=timeout, check=False)

    def _stop_command(self) -> list[str]:
        return self._cmd("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def guard(self) -> None:
        """A watchdog that stops the server and removes its files if this process dies without stop()
        (a killed or timed-out test run must not leave a server behind)."""
        script = (
            f"while kill -0 {os.getpid()} 2>/dev/null; do sleep 1; done; "
            f"if [ -d {shlex.quote(str(self.data))} ]; then {shlex.join(self._stop_command())}; fi; "
            f"rm -rf {shlex.quote(str(self.root))}"
        )
        self.watchdog = subprocess.Popen(
            ["sh", "-c", script],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            subprocess.run(self._stop_command(), capture_output=True, timeout=30, check=False)
        shutil.rmtree(self.root, ignore_errors=True)
        if self.watchdog is not None:
            self.watchdog.terminate()
            self.watchdog.wait(10)


def find_bindir() -> Path:
    """The directory of initdb/pg_ctl: $PG_BINDIR, ``pg_config --bindir``, else the newest /usr/lib/postgresql/*/bin."""
    if os.environ.get("PG_BINDIR"):  # an explicit choice: only that one
        candidates = [Path(os.environ["PG_BINDIR"])]
        if not (candidates[0] / "initdb").is_file():
            raise Unavailable(f"PG_BINDIR={candidates[0]} has no initdb")
        return candidates[0]
    candidates = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False).stdout.strip()
        if out:
            candidates.append(Path(out))
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name or 0))
    candidates += [Path(p) for p in reversed(versions)]
    for c in candidates:
        if (c / "initdb").is_file() and (c / "pg_ctl").is_file():
            return c
    raise Unavailable(
        "no PostgreSQL server binaries (initdb, pg_ctl) found via pg_config --bindir or /usr/lib/postgresql/*/bin; "
        "install the Debian package 'postgresql' (make test does this as root)"
    )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _owner() -> str | None:
    if os.geteuid() != 0:
        return None
    if shutil.which("runuser") is None:
        raise Unavailable("running as root but 'runuser' is missing: cannot start PostgreSQL as the postgres user")
    try:
        import pwd

        pwd.getpwnam("postgres")
    except KeyError:
        raise Unavailable("running as root but there is no 'postgres' user (install the Debian package)") from None
    return "postgres"


def start(durable: bool = False) -> Server:
    """initdb + pg_ctl start on a free loopback port; raises Unavailable with the reason on failure.

    The tests' server skips flushing to disk (fsync, synchronous commit and full-page writes off) and keeps a
    small buffer pool; a ``durable`` one (the benchmark's) runs with PostgreSQL's own defaults for those."""
    bindir = find_bindir()
    owner = _owner()
    root = Path(tempfile.mkdtemp(prefix="placement-desk-pg-"))
    server = Server(bindir, root, free_port(), secrets.token_hex(12), owner)
    try:
        pwfile = root / "pw"
        pwfile.write_text(server.password + "\n", encoding="utf-8")
        if owner:
            shutil.chown(root, owner)
            shutil.chown(pwfile, owner)
        init = server._run(
            "initdb", "-D", str(server.data), "-U", USER, f"--pwfile={pwfile}", "-E", "UTF8", "--locale=C",
            "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync",
        )
        if init.returncode != 0:
            raise Unavailable(f"initdb failed: {init.stderr.strip() or init.stdout.strip()}")
        pwfile.unlink()
        return _start_on_free_port(server, durable)
    except BaseException:
        server.stop()
        raise


def _start_on_free_port(server: Server, durable: bool = False) -> Server:
    conf = server.data / "postgresql.conf"
    base = conf.read_text(encoding="utf-8")
    last = ""
    for _attempt in range(3):
        chosen = {k: v for k, v in SETTINGS.items() if not durable or k not in FAST_ONLY}
        settings = {**chosen, "port": str(server.port), "unix_socket_directories": f"'{server.root}'"}
        conf.write_text(base + "".join(f"\n{k} = {v}" for k, v in settings.items()) + "\n", encoding="utf-8")
        started = server._run(
            "pg_ctl", "-D", str(server.data), "-l", str(server.root / "server.log"), "-w", "-t", "30", "start"
        )
        if started.returncode == 0:
            server.guard()
            return server
        log = server.root / "server.log"
        last = (log.read_text(encoding="utf-8", errors="replace") if log.exists() else "") or started.stderr
        server.port = free_port()  # the port may have been taken in the meantime: try another
    raise Unavailable(f"PostgreSQL did not start: {last.strip()[-800:]}")
