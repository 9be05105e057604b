#!/usr/bin/python3
"""A real SMTP server with STARTTLS for ReportStartTlsTest (Debian package python3-aiosmtpd).

Usage: starttls-server.py CERT KEY USER PASSWORD OUTDIR

Listens on 127.0.0.1 on a free port and prints "listening PORT" once it accepts connections.
Offers STARTTLS with CERT/KEY, requires it before MAIL (require_starttls) and offers AUTH
only inside TLS (auth_require_tls), accepting only USER/PASSWORD. Each accepted message is
written to OUTDIR/N.eml with OUTDIR/N.json beside it: what the server saw of the session
(whether it was TLS, the protocol and cipher, the authenticated login), the server-side
evidence the test asserts on. Runs until killed.
"""
import asyncio
import json
import os
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

cert, key, user, password, outdir = sys.argv[1:6]


class Recorder:
    def __init__(self):
        self.n = 0

    async def handle_DATA(self, server, session, envelope):
        self.n += 1
        tls = session.ssl or {}
        cipher = tls.get("cipher")
        ssl_object = tls.get("ssl_object")
        login = getattr(session.auth_data, "login", None)
        record = {
            "tls": session.ssl is not None,
            "protocol": ssl_object.version() if ssl_object is not None else None,
            "cipher": cipher[0] if cipher else None,
            "authenticated": bool(session.authenticated),
            "login": login.decode() if login is not None else None,
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
        }
        base = os.path.join(outdir, str(self.n))
        with open(base + ".eml", "wb") as f:
            f.write(envelope.original_content)
        with open(base + ".json.tmp", "w") as f:
            json.dump(record, f)
        os.rename(base + ".json.tmp", base + ".json")
        return "250 OK"


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = (isinstance(auth_data, LoginPassword)
          and auth_data.login.decode() == user
          and auth_data.password.decode() == password)
    return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)


def main():
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    handler = Recorder()
    server = loop.run_until_complete(loop.create_server(
        lambda: SMTP(handler, hostname="localhost", tls_context=context,
                     require_starttls=True, auth_require_tls=True,
                     authenticator=authenticate, loop=loop),
        "127.0.0.1", 0))
    print("listening", server.sockets[0].getsockname()[1], flush=True)
    loop.run_forever()


main()
