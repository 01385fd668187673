#!/usr/bin/env python3
"""A throwaway SMTP server (aiosmtpd) for the SMTP client's tests.

Listens on 127.0.0.1 on a free port, prints `PORT <n>` on stdout once it accepts connections, and serves until
stdin closes or SIGTERM. With --out DIR every accepted message is written to DIR/message-<n>.json (envelope, raw
content as received after the SMTP transparency dots were removed, and the subject and body as decoded by Python's
`email` package) and every AUTH attempt is appended to DIR/auth.jsonl (mechanism, login, success; never the
password).

    python3 scripts/smtp-sink.py --tls-cert cert.pem --tls-key key.pem --user u --password p --out /tmp/sink
"""

import argparse
import email
import email.policy
import json
import os
import signal
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def encrypted(server, session):
    """Whether the session runs under TLS: since STARTTLS (`session.ssl`) or from the start (implicit TLS)."""
    return session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None


class SinkController(Controller):
    """A Controller that may bind port 0: it learns the real port before connecting to itself."""

    def _trigger_server(self):
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


class Recorder:
    """The aiosmtpd handler: writes each message, and each AUTH attempt, to the output directory."""

    def __init__(self, out):
        self.out = out
        self.count = 0
        self.lock = threading.Lock()

    def write(self, name, text, append=False):
        if self.out is None:
            return
        path = os.path.join(self.out, name)
        if append:
            with open(path, "a", encoding="utf-8") as file:
                file.write(text)
            return
        with open(path + ".tmp", "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(path + ".tmp", path)  # readers never see half a file

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or b""
        parsed = email.message_from_bytes(raw, policy=email.policy.default)
        record = {
            "mail_from": envelope.mail_from,
            "mail_options": envelope.mail_options,
            "rcpt_tos": envelope.rcpt_tos,
            "tls": encrypted(server, session),
            "authenticated": bool(session.authenticated),
            "raw": raw.decode("utf-8", errors="replace"),
            "subject": str(parsed["subject"]),
            "content_transfer_encoding": str(parsed["content-transfer-encoding"]),
            "body": parsed.get_content(),
        }
        with self.lock:
            self.count += 1
            name = f"message-{self.count}.json"
        self.write(name, json.dumps(record, indent=2))
        return "250 OK queued as sink-%d" % self.count

    def authenticator(self, user, password):
        def check(server, session, envelope, mechanism, auth_data):
            login = auth_data.login if isinstance(auth_data, LoginPassword) else b""
            success = isinstance(auth_data, LoginPassword) and auth_data == LoginPassword(user, password)
            attempt = {
                "mechanism": mechanism,
                "login": login.decode("utf-8", errors="replace"),
                "success": success,
                "tls": encrypted(server, session),
            }
            with self.lock:
                self.write("auth.jsonl", json.dumps(attempt) + "\n", append=True)
            return AuthResult(success=success, handled=False)

        return check


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tls-cert", help="PEM certificate: enables STARTTLS (required before MAIL and AUTH)")
    parser.add_argument("--tls-key", help="PEM private key of --tls-cert")
    parser.add_argument("--implicit-tls", action="store_true", help="TLS from the first byte instead of STARTTLS")
    parser.add_argument("--no-starttls", action="store_true", help="never offer STARTTLS, even with a certificate")
    parser.add_argument("--user", help="the only login accepted; AUTH becomes required")
    parser.add_argument("--password", help="the password of --user")
    parser.add_argument("--exclude-auth", action="append", default=[], help="an AUTH mechanism not to offer")
    parser.add_argument("--out", help="directory for the received messages and the AUTH log")
    args = parser.parse_args()
    if (args.user is None) != (args.password is None):
        parser.error("--user and --password go together")
    if (args.tls_cert is None) != (args.tls_key is None):
        parser.error("--tls-cert and --tls-key go together")
    if args.out:
        os.makedirs(args.out, exist_ok=True)

    recorder = Recorder(args.out)
    context = None
    if args.tls_cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.tls_cert, args.tls_key)

    smtp = {"server_hostname": "sink.localhost", "auth_exclude_mechanism": args.exclude_auth}
    starttls = context is not None and not args.implicit_tls and not args.no_starttls
    if starttls:
        smtp.update(tls_context=context, require_starttls=True, auth_require_tls=True)
    else:
        # Without STARTTLS, AUTH is still offered in the clear, so that a client that wrongly sends credentials
        # is recorded in auth.jsonl.
        smtp.update(auth_require_tls=False)
    if args.user is not None:
        smtp.update(
            authenticator=recorder.authenticator(args.user.encode(), args.password.encode()), auth_required=True)

    controller = SinkController(
        recorder, hostname="127.0.0.1", port=0, ssl_context=context if args.implicit_tls else None, **smtp)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    controller.start()
    try:
        print(f"PORT {controller.port}", flush=True)
        sys.stdin.buffer.read()  # until the test closes our stdin (or dies)
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
