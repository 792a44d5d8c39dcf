"""A real SMTP server for the reminder tests, built on Debian's python3-aiosmtpd.

Usage: python3 smtp_sink.py PORT DIRECTORY

Listens on 127.0.0.1:PORT and saves every message it accepts in DIRECTORY twice: as NNNN.eml (the raw
message) and as NNNN.json (envelope, decoded subject and plain-text body, so that the tests need no MIME
parser). Each file appears whole (written under another name, then renamed). Prints "ready" once it is
listening, and stops when its standard input closes or it is terminated.
"""

import email
import email.policy
import itertools
import json
import os
import sys

from aiosmtpd.controller import Controller


class SaveToDirectory:
    def __init__(self, directory):
        self.directory = directory
        self.numbers = itertools.count(1)

    def _write(self, name, data):
        path = os.path.join(self.directory, name)
        with open(path + ".part", "wb") as f:
            f.write(data)
        os.replace(path + ".part", path)

    async def handle_DATA(self, server, session, envelope):
        number = next(self.numbers)
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        body = message.get_body(preferencelist=("plain",))
        summary = {
            "mailFrom": envelope.mail_from,
            "rcptTos": list(envelope.rcpt_tos),
            "from": str(message["from"]),
            "to": str(message["to"]),
            "subject": str(message["subject"]),
            "body": body.get_content() if body is not None else "",
        }
        self._write(f"{number:04d}.eml", envelope.content)
        self._write(f"{number:04d}.json", json.dumps(summary).encode("utf-8"))
        return "250 Message accepted for delivery"


def main():
    port, directory = int(sys.argv[1]), sys.argv[2]
    controller = Controller(SaveToDirectory(directory), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
