"""Whether Stripe answers over TLS from this PC, for `--self-test --online`.

The handshake trusts the certificates the SDK itself ships (its CA bundle) unless told
otherwise, so a pass means the SDK's own HTTPS would work too. The host, port and CA file are
parameters so the check can be proven against a local server.
"""

from __future__ import annotations

import socket
import ssl

import stripe

STRIPE_HOST = "api.stripe.com"
STRIPE_PORT = 443


def tls_check(host: str = STRIPE_HOST, port: int = STRIPE_PORT, *, cafile: str | None = None,
              timeout: float = 10.0) -> str:
    """A TLS handshake with `host:port`, its certificate checked; raises OSError (ssl's
    errors included) when it cannot be made."""
    context = ssl.create_default_context(cafile=cafile or stripe.ca_bundle_path)
    try:
        with socket.create_connection((host, port), timeout=timeout) as sock, \
                context.wrap_socket(sock, server_hostname=host) as tls:
            cert = tls.getpeercert() or {}
            version = tls.version()
    except ssl.SSLCertVerificationError as error:
        raise OSError(f"{host}:{port} answered, but its certificate is not trusted "
                      f"({error.verify_message}): a proxy may be intercepting HTTPS") from None
    except OSError as error:
        raise OSError(f"{host}:{port} not reached: {error}") from None
    subject = dict(pair[0] for pair in cert.get("subject", ())).get("commonName", "?")
    return (f"{host}:{port} answered over {version}; certificate for {subject} "
            f"valid until {cert.get('notAfter', '?')}")
