"""Handing a message over: to an SMTP server from configuration, or to a folder of .eml files.

No database here: `outbox` records what was sent. With no SMTP server configured, each message is
written whole to the folder (`MAIL_OUTBOX_DIR`), so that nothing is lost and the demo shows them.
"""

from __future__ import annotations

import os
import smtplib
import ssl
import tempfile
from collections.abc import Mapping
from email import message_from_string, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any, Protocol

# A server that does not answer within this many seconds is a failed send, retried at the next run.
TIMEOUT_SECONDS = 30


class DeliveryFailed(Exception):
    """The message was not handed over; it stays waiting and the next run tries again."""


class Mailer(Protocol):
    description: str

    def send(self, *, to: str, message: str, name: str) -> None: ...

    def close(self) -> None: ...


def parse(message: str) -> EmailMessage:
    parsed: EmailMessage = message_from_string(message, policy=policy.default)
    return parsed


class SmtpMailer:
    """One connection for a run, opened at the first message and opened again after a failure."""

    def __init__(self, *, host: str, port: int, use_tls: bool, username: str, password: str, mail_from: str) -> None:
        self.host, self.port, self.use_tls = host, port, use_tls
        self.username, self.password, self.mail_from = username, password, mail_from
        self.description = f"SMTP server {host}:{port}"
        self._smtp: smtplib.SMTP | None = None

    def _connect(self) -> smtplib.SMTP:
        context = ssl.create_default_context()
        smtp: smtplib.SMTP
        if self.use_tls and self.port == smtplib.SMTP_SSL_PORT:
            smtp = smtplib.SMTP_SSL(self.host, self.port, timeout=TIMEOUT_SECONDS, context=context)
        else:
            smtp = smtplib.SMTP(self.host, self.port, timeout=TIMEOUT_SECONDS)
            if self.use_tls:
                smtp.starttls(context=context)
        if self.username:
            smtp.login(self.username, self.password)
        return smtp

    def send(self, *, to: str, message: str, name: str) -> None:
        try:
            if self._smtp is None:
                self._smtp = self._connect()
            refused = self._smtp.send_message(parse(message), from_addr=_address(self.mail_from), to_addrs=[to])
        except (smtplib.SMTPException, OSError) as failure:
            self.close()
            raise DeliveryFailed(_said(failure)) from failure
        if refused:
            raise DeliveryFailed(f"the server refused {to}: {refused[to]}")

    def close(self) -> None:
        smtp, self._smtp = self._smtp, None
        if smtp is None:
            return
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            smtp.close()


class FolderMailer:
    """Writes each message as an .eml file; written whole (a temporary name, then renamed) or not at all."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.description = f"the folder {folder}"

    def send(self, *, to: str, message: str, name: str) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".", suffix=".part")
            with os.fdopen(handle, "wb") as out:
                out.write(parse(message).as_bytes())
            Path(temporary).replace(self.folder / f"{name}.eml")
        except OSError as failure:
            raise DeliveryFailed(f"could not write to {self.folder}: {failure.strerror or failure}") from failure

    def close(self) -> None:
        pass


def _address(mail_from: str) -> str:
    from email.utils import parseaddr

    return parseaddr(mail_from)[1] or mail_from


def _said(failure: BaseException) -> str:
    if isinstance(failure, smtplib.SMTPResponseException):
        text = failure.smtp_error.decode("utf-8", "replace") if isinstance(failure.smtp_error, bytes) else ""
        return f"the server answered {failure.smtp_code} {text}".strip()
    if isinstance(failure, smtplib.SMTPServerDisconnected):
        return "the server closed the connection"
    if isinstance(failure, smtplib.SMTPRecipientsRefused):
        return "the server refused the address"
    return f"{type(failure).__name__}: {failure}"


def mailer_from(config: Mapping[str, Any]) -> Mailer:
    """SMTP when `SMTP_HOST` is set, else the outbox folder."""
    host = str(config.get("SMTP_HOST") or "")
    if host:
        return SmtpMailer(
            host=host,
            port=int(config.get("SMTP_PORT") or 587),
            use_tls=bool(config.get("SMTP_USE_TLS")),
            username=str(config.get("SMTP_USERNAME") or ""),
            password=str(config.get("SMTP_PASSWORD") or ""),
            mail_from=str(config.get("MAIL_FROM") or ""),
        )
    return FolderMailer(Path(config["MAIL_OUTBOX_DIR"]))
