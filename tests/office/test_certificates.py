"""`clinic server make-certificates`: the CA and server certificate it makes verify with
OpenSSL, a server started with them is reached with verify-full by its names and addresses and
refused by any other name, private keys are owner-only, and nothing is ever overwritten.

(Every other office test runs over the same code's certificates too: tests/office/pg_cluster.py
makes the shared cluster's with it.)"""

from __future__ import annotations

import ipaddress
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from cryptography import x509
from cryptography.x509.oid import ExtendedKeyUsageOID

from tests.office.pg_cluster import (
    SUPERUSER,
    Cluster,
    ServerMissing,
    missing_server_is_a_failure,
    start_cluster,
)

pytestmark = pytest.mark.slow
FILES = ("ca.pem", "ca.key", "server.crt", "server.key")
NAME = "office-server.test"  # reached through hostaddr: no resolver needed


def clinic(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLINIC_", "PG"))}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    flags = ["--passphrase-stdin"] if stdin is not None else []
    return subprocess.run(
        [sys.executable, "-m", "clinic", *flags, *args],
        input=stdin or "",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def make(folder: Path, *hosts: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    flags = [f"--host={host}" for host in hosts]
    return clinic("--lang", lang, "server", "make-certificates", *flags, "--out", str(folder))


def test_certificates_verify_with_openssl_and_keys_are_owner_only(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "tls"  # made when missing
    done = make(folder, "Office-Server.local", "192.168.1.10", "fd00::10")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in folder.iterdir()) == sorted(FILES)
    verified = subprocess.run(
        ["openssl", "verify", "-purpose", "sslserver", "-CAfile", "ca.pem", "server.crt"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    assert verified.returncode == 0 and "server.crt: OK" in verified.stdout, verified.stderr
    assert stat.S_IMODE((folder / "server.key").stat().st_mode) == 0o600
    assert stat.S_IMODE((folder / "ca.key").stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700

    ca = x509.load_pem_x509_certificate((folder / "ca.pem").read_bytes())
    basic = ca.extensions.get_extension_for_class(x509.BasicConstraints)
    assert basic.critical and basic.value.ca and basic.value.path_length == 0
    usage = ca.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.key_cert_sign and usage.crl_sign
    assert 3640 <= (ca.not_valid_after_utc - ca.not_valid_before_utc).days <= 3651
    server = x509.load_pem_x509_certificate((folder / "server.crt").read_bytes())
    assert server.issuer == ca.subject
    assert not server.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    eku = server.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert list(eku) == [ExtendedKeyUsageOID.SERVER_AUTH]
    san = server.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert san.get_values_for_type(x509.DNSName) == ["office-server.local"]
    assert san.get_values_for_type(x509.IPAddress) == [
        ipaddress.ip_address("192.168.1.10"),
        ipaddress.ip_address("fd00::10"),
    ]
    assert (server.not_valid_after_utc - server.not_valid_before_utc).days == 825

    said = done.stdout
    for line in (
        "ssl = on",
        "ssl_cert_file = '/etc/postgresql/VERSION/main/server.crt'",
        "ssl_key_file = '/etc/postgresql/VERSION/main/server.key'",
        "hostssl    all  all  0.0.0.0/0  scram-sha-256",
        "hostnossl  all  all  0.0.0.0/0  reject",
        "clinic connect --url postgresql://office-server.local/DATABASE --user LOGIN --ca ca.pem",
    ):
        assert line in said
    assert f"{folder / 'ca.key'}: the CA's private key" in said and "KEEP IT OFFLINE" in said


def test_spanish(tmp_path: Path) -> None:
    done = make(tmp_path / "tls", "office-server.local", lang="es")
    assert done.returncode == 0, done.stderr
    assert "Hecho en" in done.stdout and "GUÁRDELA FUERA DE LÍNEA" in done.stdout
    assert "ssl = on" in done.stdout and "hostnossl  all  all  0.0.0.0/0  reject" in done.stdout
    refused = make(tmp_path / "tls", "office-server.local", lang="es")
    assert refused.returncode != 0 and "No se escribió nada" in refused.stderr


def test_existing_files_are_never_overwritten(tmp_path: Path) -> None:
    folder = tmp_path / "tls"
    assert make(folder, "office-server.local").returncode == 0
    before = {name: (folder / name).read_bytes() for name in FILES}
    again = make(folder, "office-server.local")
    assert again.returncode != 0
    assert "Nothing was written" in again.stderr
    for name in FILES:
        assert str(folder / name) in again.stderr
    assert {name: (folder / name).read_bytes() for name in FILES} == before

    other = tmp_path / "other"
    other.mkdir()
    (other / "server.key").write_text("the clinic's real key\n")
    refused = make(other, "office-server.local")
    assert refused.returncode != 0
    assert str(other / "server.key") in refused.stderr and "ca.pem" not in refused.stderr
    assert [p.name for p in other.iterdir()] == ["server.key"]  # nothing else written
    assert (other / "server.key").read_text() == "the clinic's real key\n"


@pytest.mark.parametrize(
    "host",
    ["postgresql://office-server.local", "office-server.local:5432", "*.local", "", "bad_name"],
)
def test_what_is_not_a_host_is_refused(tmp_path: Path, host: str) -> None:
    done = make(tmp_path / "tls", host)
    assert done.returncode != 0
    assert "is not a server name or IP address" in done.stderr
    assert not (tmp_path / "tls").exists()


def test_days_out_of_range_are_refused(tmp_path: Path) -> None:
    done = clinic(
        "server", "make-certificates", "--host", "a.local", "--out", str(tmp_path), "--days", "900"
    )
    assert done.returncode != 0 and "1 to 825 days" in done.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.fixture(scope="module")
def own_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Cluster, Path]]:
    """A cluster of its own, started with what the command made for NAME and 127.0.0.1."""
    folder = tmp_path_factory.mktemp("made") / "tls"
    done = make(folder, NAME, "127.0.0.1")
    assert done.returncode == 0, done.stderr
    try:
        cluster = start_cluster(certificates=folder)
    except ServerMissing as exc:
        if missing_server_is_a_failure():
            pytest.fail(str(exc))
        pytest.skip(str(exc))
    try:
        yield cluster, folder
    finally:
        cluster.stop()


def _libpq(cluster: Cluster, ca: Path, host: str, **extra: str) -> str:
    parts = {
        "host": host,
        "port": str(cluster.port),
        "dbname": "postgres",
        "user": SUPERUSER,
        "password": cluster.superuser_password,
        "sslmode": "verify-full",
        "sslrootcert": str(ca),
        **extra,
    }
    return " ".join(f"{k}='{v}'" for k, v in parts.items())


def test_a_server_with_them_is_verified_by_its_names_only(own_server: tuple[Cluster, Path]) -> None:
    cluster, folder = own_server
    ca = folder / "ca.pem"
    # Clinic's own office connection (verify-full with --ca), to the address in the certificate.
    url = f"postgresql://{SUPERUSER}@127.0.0.1:{cluster.port}/postgres"
    status = clinic(
        "server", "status", "--url", url, "--ca", str(ca), stdin=cluster.superuser_password
    )
    assert "TLS: on" in status.stdout, status.stderr
    # The name in the certificate (the address given beside it, as a resolver would).
    with psycopg.connect(_libpq(cluster, ca, NAME, hostaddr="127.0.0.1")) as connection:
        assert connection.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        assert connection.info.pgconn.ssl_in_use
    # A name the certificate does not hold: refused, by Clinic and by libpq alike.
    url = f"postgresql://{SUPERUSER}@localhost:{cluster.port}/postgres"
    refused = clinic(
        "server", "status", "--url", url, "--ca", str(ca), stdin=cluster.superuser_password
    )
    assert refused.returncode != 0 and "TLS: on" not in refused.stdout
    assert "not made out to localhost" in refused.stderr, refused.stderr
    with pytest.raises(psycopg.OperationalError, match="does not match host name"):
        psycopg.connect(_libpq(cluster, ca, "other-server.test", hostaddr="127.0.0.1")).close()
    # Another CA (the shared test cluster's kind) is not trusted by this server's laptops.
    stranger = folder.parent / "stranger"
    assert make(stranger, NAME).returncode == 0
    with pytest.raises(psycopg.OperationalError, match="certificate verify failed"):
        psycopg.connect(_libpq(cluster, stranger / "ca.pem", "127.0.0.1")).close()
