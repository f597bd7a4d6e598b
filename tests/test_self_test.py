"""The installer's self-test: passes on this machine with a keychain, fails without one,
writes its report to a file, looks at the till's own data without writing, and with --online
shakes hands over TLS (proven against a local server with a self-signed certificate)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import socket
import ssl
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backends import fail, null

from pos_refunds import self_test
from pos_refunds.domain.money import Money
from pos_refunds.journal import Journal
from tests.support import keyrings

ROOT = Path(__file__).resolve().parent.parent


def env_for(tmp_path: Path, **extra: str) -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
                XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"),
                XDG_STATE_HOME=str(tmp_path / "state"), PYTHONPATH=str(ROOT), **extra)


def test_self_test_passes_from_the_command_line(tmp_path) -> None:
    env = env_for(tmp_path, PYTHON_KEYRING_BACKEND="tests.support.keyrings.MemoryKeyring")
    report = tmp_path / "report.txt"
    done = subprocess.run([sys.executable, "-m", "pos_refunds", "--self-test",
                           "--report", str(report)], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith(("PASS", "FAIL"))]
    assert done.returncode == 0, done.stdout + done.stderr
    assert len(lines) >= 8 and all(ln.startswith("PASS") for ln in lines)
    assert "self-test passed" in done.stdout
    assert f"report written to {report}" in done.stdout
    assert report.read_text(encoding="utf-8").splitlines() == done.stdout.splitlines()[:-1]
    assert "sk_test_" not in done.stdout + done.stderr  # never a key, not even a test one
    assert not (tmp_path / "config").exists()  # no settings written, no till id made


def test_no_keychain_that_can_hold_a_key_is_a_failure(tmp_path) -> None:
    done = subprocess.run([sys.executable, "-m", "pos_refunds", "--self-test",
                           "--report", str(tmp_path / "r.txt")],
                          env=env_for(tmp_path, PYTHON_KEYRING_BACKEND="keyring.backends.fail"
                                                                       ".Keyring"),
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "FAIL  keychain: keyring.backends.fail.Keyring: No keychain" in done.stdout


@pytest.mark.parametrize("backend", [fail.Keyring, null.Keyring, keyrings.ForgetfulKeyring,
                                     keyrings.RefusingKeyring])
def test_keychains_that_cannot_keep_a_secret_fail(backend) -> None:
    with keyrings.using(backend()):
        with pytest.raises(Exception) as failed:
            self_test._keychain()
    assert type(failed.value).__name__ == "KeychainUnavailable"


def test_a_keychain_that_keeps_secrets_passes_and_keeps_nothing() -> None:
    memory = keyrings.MemoryKeyring()
    with keyrings.using(memory):
        detail = self_test._keychain()
    assert "keeps secrets; no Stripe key yet" in detail
    assert memory.secrets == {}


def test_self_test_reports_a_failure(qapp, monkeypatch, tmp_path) -> None:
    def broken() -> str:
        raise FileNotFoundError("the Stripe SDK's CA bundle is missing (/nowhere)")

    monkeypatch.setattr(self_test, "sdk_check", broken)
    lines: list[str] = []
    with keyrings.using(keyrings.MemoryKeyring()):
        status = self_test.run(lines.append, data_folder=tmp_path / "none",
                               report_path=tmp_path / "r.txt")
    assert status == 1
    assert "FAIL  Stripe SDK: the Stripe SDK's CA bundle is missing (/nowhere)" in lines
    assert any(ln.startswith("self-test FAILED (1)") for ln in lines)
    assert "CA bundle is missing" in (tmp_path / "r.txt").read_text(encoding="utf-8")


def test_the_real_data_folder_is_read_not_written(tmp_path) -> None:
    folder = tmp_path / "till"
    with Journal(folder / "journal.sqlite3") as j:
        op = j.begin("refund_online", "pi_1", amount=Money(100, "cad"), staff="a",
                     approver=None, till="t")
        j.record(op.op_id, "succeeded")
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}
    detail = self_test._data_folder(folder)()
    assert "journal 2 entries, chain intact" in detail and "no staff list yet" in detail
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}
    assert after == before


def test_a_journal_that_does_not_verify_fails(tmp_path) -> None:
    import sqlite3

    folder = tmp_path / "till"
    with Journal(folder / "journal.sqlite3") as j:
        j.begin("cancel", "pi_1", amount=None, staff="a", approver=None, till="t")
    conn = sqlite3.connect(folder / "journal.sqlite3")
    conn.execute("DROP TRIGGER entries_no_update")
    conn.execute("UPDATE entries SET staff = 'eve'")
    conn.commit()
    conn.close()
    with pytest.raises(AssertionError, match="does not verify"):
        self_test._data_folder(folder)()


# --- --online, against a local TLS server ------------------------------------------------


def _self_signed(folder: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=1))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]),
                           critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


@pytest.fixture
def tls_server(tmp_path) -> Iterator[tuple[int, Path]]:
    cert, key = _self_signed(tmp_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            try:
                with context.wrap_socket(conn, server_side=True) as tls:
                    tls.recv(1)
            except (OSError, ssl.SSLError):
                pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield port, cert
    stop.set()
    thread.join()
    listener.close()


def test_online_shakes_hands_with_a_trusted_server(qapp, tls_server, tmp_path) -> None:
    port, cert = tls_server
    lines: list[str] = []
    with keyrings.using(keyrings.MemoryKeyring()):
        self_test.run(lines.append, online=True, data_folder=tmp_path / "none",
                      report_path=tmp_path / "r.txt",
                      tls=self_test.TlsTarget("localhost", port, str(cert)))
    line = next(ln for ln in lines if "Stripe reachable over TLS" in ln)
    assert line.startswith("PASS") and f"localhost:{port} answered over TLSv1." in line
    assert "certificate for localhost" in line


def test_online_fails_clearly_when_the_certificate_is_not_trusted(tls_server) -> None:
    from pos_refunds.gateway.reachability import tls_check

    port, _cert = tls_server  # checked against the SDK's CA bundle: not trusted
    with pytest.raises(OSError, match="certificate is not trusted"):
        tls_check("localhost", port)


def test_online_fails_clearly_when_nothing_answers() -> None:
    from pos_refunds.gateway.reachability import tls_check

    free = socket.create_server(("127.0.0.1", 0))
    port = free.getsockname()[1]
    free.close()
    with pytest.raises(OSError, match=f"127.0.0.1:{port} not reached"):
        tls_check("127.0.0.1", port, timeout=2)


def test_without_online_the_check_is_skipped_in_words(qapp, tmp_path) -> None:
    lines: list[str] = []
    with keyrings.using(keyrings.MemoryKeyring()):
        self_test.run(lines.append, data_folder=tmp_path / "none",
                      report_path=tmp_path / "r.txt")
    assert "SKIP  Stripe reachable over TLS: not checked (add --online)" in lines


def test_the_report_window_shows_every_line(qtbot) -> None:
    from pos_refunds.ui.dialogs.self_test_report import SelfTestReport

    dialog = SelfTestReport(["PASS  a: b", "FAIL  c: d"], False, "/logs/self-test.txt")
    qtbot.addWidget(dialog)
    assert dialog.text.toPlainText() == "PASS  a: b\nFAIL  c: d"
