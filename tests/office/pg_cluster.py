"""A throwaway PostgreSQL cluster for the tests: Debian's own server binaries, ``initdb`` in a
temporary folder, TLS on (a private CA and a server certificate made by the product's own
``clinic server make-certificates`` code), SCRAM-SHA-256 for every login, listening on a free
loopback port and a private unix socket. As root the server runs as an unprivileged user
(``postgres`` when the package made it, else ``nobody``).

No mocks: the tests talk to this real server. :func:`start_cluster` returns a
:class:`Cluster`; :meth:`Cluster.stop` stops it and removes its folder.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import re
import secrets
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clinic.storage.postgres import OfficeTarget

SUPERUSER = "clinic_superuser"


class ServerMissing(RuntimeError):
    """The PostgreSQL server binaries are not installed."""


def find_bindir() -> Path | None:
    """The newest installed server's bin folder: ``initdb`` on PATH, else Debian's
    /usr/lib/postgresql/<version>/bin (Debian keeps the server programs off PATH)."""
    candidates: list[tuple[int, Path]] = []
    for found in Path("/usr/lib/postgresql").glob("*/bin/initdb"):
        with contextlib.suppress(ValueError):
            candidates.append((int(found.parent.parent.name), found.parent))
    if candidates:
        return max(candidates)[1]
    on_path = shutil.which("initdb")
    return Path(on_path).resolve().parent if on_path else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Cluster:
    root: Path
    bindir: Path
    port: int
    superuser_password: str
    ca_file: Path
    run_as: str | None
    socket_dir: Path
    log_file: Path
    stopped: bool = field(default=False)

    @property
    def data(self) -> Path:
        return self.root / "data"

    def url(
        self,
        database: str = "postgres",
        *,
        user: str = SUPERUSER,
        password: str | None = None,
        host: str = "localhost",
    ) -> str:
        """A ``postgresql://`` URL for ``user`` (the superuser's password when none is given)
        over TLS on loopback."""
        from urllib.parse import quote  # noqa: PLC0415

        secret = self.superuser_password if password is None else password
        return f"postgresql://{quote(user, safe='')}:{quote(secret, safe='')}@{host}:{self.port}/{database}"

    def conninfo(self, database: str = "postgres", **extra: str) -> str:
        """A libpq connection string for the superuser, verify-full against the test CA."""
        parts = {
            "host": "localhost",
            "port": str(self.port),
            "dbname": database,
            "user": SUPERUSER,
            "password": self.superuser_password,
            "sslmode": "verify-full",
            "sslrootcert": str(self.ca_file),
            **extra,
        }
        return " ".join(f"{k}='{v}'" for k, v in parts.items())

    def _as_server_user(self, argv: list[str]) -> list[str]:
        if self.run_as is None:
            return argv
        return ["runuser", "-u", self.run_as, "--", *argv]

    def stop(self) -> None:
        if self.stopped:
            return
        self.stopped = True
        subprocess.run(
            self._as_server_user(
                [str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"]
            ),
            check=False,
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(self.root, ignore_errors=True)


def _server_user() -> str | None:
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            pwd.getpwnam(name)
            return name
    raise ServerMissing("running as root, but there is no unprivileged user to run the server")


def _write_tls(folder: Path, made: Path | None = None) -> tuple[Path, Path, Path]:
    """The CA, server certificate and key the server runs with: the product's own
    (``clinic server make-certificates``' function, for localhost and 127.0.0.1, valid two
    days), or copies of those a test made in ``made``."""
    from clinic.storage import postgres_tls  # noqa: PLC0415

    if made is None:
        hosts = postgres_tls.parse_hosts(["localhost", "127.0.0.1"])
        postgres_tls.make_certificates(folder, hosts, server_days=2, ca_days=2)
    else:
        for name in (
            postgres_tls.CA_CERTIFICATE,
            postgres_tls.SERVER_CERTIFICATE,
            postgres_tls.SERVER_KEY,
        ):
            shutil.copyfile(made / name, folder / name)
        (folder / postgres_tls.SERVER_KEY).chmod(0o600)
    return (
        folder / postgres_tls.CA_CERTIFICATE,
        folder / postgres_tls.SERVER_CERTIFICATE,
        folder / postgres_tls.SERVER_KEY,
    )


_HBA = """\
# Written by the tests' cluster: SCRAM everywhere, TLS required over TCP.
local     all  all                 scram-sha-256
hostssl   all  all  127.0.0.1/32   scram-sha-256
hostnossl all  all  127.0.0.1/32   reject
hostssl   all  all  ::1/128        scram-sha-256
hostnossl all  all  ::1/128        reject
"""


def start_cluster(certificates: Path | None = None) -> Cluster:
    """initdb, TLS, start; raises :class:`ServerMissing` when the binaries are not there.
    ``certificates``: a folder made by ``clinic server make-certificates`` to run with
    (default: a fresh CA and certificate for localhost and 127.0.0.1)."""
    bindir = find_bindir()
    if bindir is None:
        raise ServerMissing(
            "PostgreSQL's server programs (initdb, pg_ctl) are not installed: run "
            "'bash tools/install-system-deps.sh test' as root (Debian package postgresql)."
        )
    run_as = _server_user()
    root = Path(tempfile.mkdtemp(prefix="clinic-pg-"))
    root.chmod(0o700)
    tls = root / "tls"
    tls.mkdir()
    ca_file, cert_file, key_file = _write_tls(tls, certificates)
    password = secrets.token_urlsafe(24)
    pwfile = root / "pw"
    pwfile.write_text(password + "\n")
    pwfile.chmod(0o600)
    socket_dir = root / "socket"
    socket_dir.mkdir()
    log_file = root / "server.log"
    if run_as is not None:
        user = pwd.getpwnam(run_as)
        for path in [root, tls, socket_dir, pwfile, ca_file, cert_file, key_file]:
            os.chown(path, user.pw_uid, user.pw_gid)
    cluster = Cluster(
        root=root,
        bindir=bindir,
        port=_free_port(),
        superuser_password=password,
        ca_file=ca_file,
        run_as=run_as,
        socket_dir=socket_dir,
        log_file=log_file,
    )
    try:
        subprocess.run(
            cluster._as_server_user(
                [
                    str(bindir / "initdb"),
                    "-D",
                    str(cluster.data),
                    "-U",
                    SUPERUSER,
                    f"--pwfile={pwfile}",
                    "--auth=scram-sha-256",
                    "--encoding=UTF8",
                    "--locale=C.UTF-8",
                    "--no-sync",
                ]
            ),
            check=True,
            capture_output=True,
            text=True,
            timeout=120,
        )
        pwfile.unlink()
        (cluster.data / "pg_hba.conf").write_text(_HBA)
        settings = {
            "listen_addresses": "'127.0.0.1'",
            "port": str(cluster.port),
            "unix_socket_directories": f"'{socket_dir}'",
            "ssl": "on",
            "ssl_cert_file": f"'{cert_file}'",
            "ssl_key_file": f"'{key_file}'",
            "ssl_ca_file": f"'{ca_file}'",
            "ssl_min_protocol_version": "'TLSv1.2'",
            "password_encryption": "'scram-sha-256'",
            "max_connections": "200",
            # A throwaway cluster: durability off for speed (never for a clinic's server).
            "fsync": "off",
            "synchronous_commit": "off",
            "full_page_writes": "off",
            "shared_buffers": "'64MB'",
        }
        with (cluster.data / "postgresql.conf").open("a") as conf:
            conf.write("\n# tests\n")
            for name, value in settings.items():
                conf.write(f"{name} = {value}\n")
        if run_as is not None:
            user = pwd.getpwnam(run_as)
            os.chown(cluster.data / "pg_hba.conf", user.pw_uid, user.pw_gid)
        started = subprocess.run(
            cluster._as_server_user(
                [
                    str(bindir / "pg_ctl"),
                    "-D",
                    str(cluster.data),
                    "-l",
                    str(log_file),
                    "-w",
                    "-t",
                    "60",
                    "start",
                ]
            ),
            check=False,
            capture_output=True,
            text=True,
            timeout=90,
        )
        if started.returncode != 0:
            log = log_file.read_text(errors="replace") if log_file.exists() else ""
            raise RuntimeError(f"the test PostgreSQL server did not start:\n{started.stdout}{log}")
    except BaseException:
        cluster.stop()
        raise
    return cluster


def server_version(cluster: Cluster) -> str:
    out = subprocess.run(
        [str(cluster.bindir / "postgres"), "--version"], capture_output=True, text=True, check=True
    ).stdout
    found = re.search(r"(\d+(?:\.\d+)?)", out)
    return found.group(1) if found else out.strip()


_shared: Cluster | None = None


def shared_cluster() -> Cluster:
    """One cluster per test process, whichever conftest asks first; stopped at exit."""
    global _shared  # noqa: PLW0603 - one server per process, on purpose
    if _shared is None or _shared.stopped:
        import atexit  # noqa: PLC0415

        _shared = start_cluster()
        atexit.register(_shared.stop)
        _stop_on_signals(_shared)
    return _shared


def _stop_on_signals(cluster: Cluster) -> None:
    """A run ended by SIGTERM or SIGHUP (``timeout``, a closed terminal, CI cancelling) skips
    atexit: stop the server first, then end as that signal would have (a SIGKILL cannot be
    caught; the cluster's folder is temporary and its port is freed when the server is gone)."""
    import signal  # noqa: PLC0415

    for signum in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(signum) is not signal.SIG_DFL:
            continue  # someone else handles it (and should stop the server)

        def stop_then_die(received: int, _frame: object) -> None:
            cluster.stop()
            signal.signal(received, signal.SIG_DFL)
            os.kill(os.getpid(), received)

        signal.signal(signum, stop_then_die)


def missing_server_is_a_failure() -> bool:
    """In CI a missing server fails the run; elsewhere its tests are skipped with the reason."""
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


# --- Office databases for the tests ------------------------------------------------------------

TEMPLATE = "clinic_tpl"
TEST_LOGIN = "tester"  # the services suite's actor, as on a laptop store


@dataclass
class OfficeTemplate:
    cluster: Cluster
    tester_password: str
    counter: int = 0


_template: OfficeTemplate | None = None


def superuser_target(cluster: Cluster, database: str) -> OfficeTarget:
    from clinic.storage.postgres import OfficeTarget  # noqa: PLC0415

    return OfficeTarget(
        host="localhost",
        port=cluster.port,
        database=database,
        user=SUPERUSER,
        sslmode="verify-full",
        ca_file=cluster.ca_file,
    )


def create_database(cluster: Cluster, name: str, *, template: str | None = None) -> None:
    import psycopg  # noqa: PLC0415

    with psycopg.connect(cluster.conninfo(), autocommit=True) as connection:
        suffix = f" TEMPLATE {template} STRATEGY FILE_COPY" if template else ""
        connection.execute(f'CREATE DATABASE "{name}"{suffix}')


def drop_database(cluster: Cluster, name: str) -> None:
    import psycopg  # noqa: PLC0415

    with psycopg.connect(cluster.conninfo(), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def office_template(cluster: Cluster) -> OfficeTemplate:
    """An office database set up by ``init_server`` with the login ``tester`` (an admin, so
    every service may run), kept as the template each test's database is copied from."""
    global _template  # noqa: PLW0603 - one template per test process
    if _template is not None and _template.cluster is cluster:
        return _template
    import psycopg  # noqa: PLC0415

    from clinic.services import office  # noqa: PLC0415
    from clinic.storage import postgres_server  # noqa: PLC0415

    create_database(cluster, TEMPLATE)
    target = superuser_target(cluster, TEMPLATE)
    office.init_server(target=target, password=cluster.superuser_password)
    password = secrets.token_urlsafe(18)
    roles = postgres_server.role_names(TEMPLATE)
    with psycopg.connect(cluster.conninfo(TEMPLATE), autocommit=True) as connection:
        connection.execute(
            f"CREATE ROLE {TEST_LOGIN} LOGIN PASSWORD %s IN ROLE {roles.admin}".replace(
                "%s", "'" + password + "'"
            )
        )
        connection.execute(f"INSERT INTO office_login (login) VALUES ('{TEST_LOGIN}')")
    _template = OfficeTemplate(cluster=cluster, tester_password=password)
    return _template


def new_office_database(template: OfficeTemplate) -> str:
    """A fresh copy of the template (a new, empty office database with its own id)."""
    import uuid  # noqa: PLC0415

    import psycopg  # noqa: PLC0415

    from clinic.storage.postgres import DATABASE_MARK  # noqa: PLC0415

    template.counter += 1
    name = f"t{os.getpid()}_{template.counter}"
    create_database(template.cluster, name, template=TEMPLATE)
    with psycopg.connect(template.cluster.conninfo(), autocommit=True) as connection:
        connection.execute(f"COMMENT ON DATABASE \"{name}\" IS '{DATABASE_MARK}{uuid.uuid4().hex}'")
    return name


def tester_target(cluster: Cluster, database: str) -> OfficeTarget:
    from clinic.storage.postgres import OfficeTarget  # noqa: PLC0415

    return OfficeTarget(
        host="localhost",
        port=cluster.port,
        database=database,
        user=TEST_LOGIN,
        sslmode="verify-full",
        ca_file=cluster.ca_file,
    )
