#!/usr/bin/env python3
"""Follows Care Review's webhooks and reads each recorded review through the API.

A small example of an integration (docs/webhooks.md, docs/api.md), using Python's standard library only:
it listens for Care Review's POSTs, refuses any whose signature does not match the receiver's secret,
ignores an event it already has (deliveries are at least once), and for `review.recorded` gets a
client-credentials token from the council's provider and reads the review it names.

    CARE_REVIEW_URL=https://care-review.example.gov.uk \
    WEBHOOK_SECRET=... \
    TOKEN_URL=https://login.council.example/token \
    CLIENT_ID=warehouse CLIENT_SECRET=... \
    API_RESOURCE=api://care-review \
    python3 examples/follow_webhooks.py --port 8085

WEBHOOK_SECRET is the one shown once when the receiver was registered on /webhooks. API_RESOURCE is optional:
the API's resource indicator (RFC 8707) as the provider defines it, for a provider that wants one; it is an
absolute URI, not the tokens' audience care-review-api.

Each review read is printed as one line of JSON. It holds nothing on disk: a real receiver would keep the
ids it has seen and queue the work rather than call the API while Care Review waits for its answer.
"""
import argparse
import base64
import hashlib
import hmac
import json
import os
import sys
import time
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SIGNATURE_TOLERANCE_SECONDS = 300


def is_from_care_review(secret: str, header: str, raw_body: bytes, now: float) -> bool:
    try:
        parts = dict(p.split("=", 1) for p in header.split(","))
        timestamp = int(parts["t"])
        given = parts["v1"]
    except (KeyError, ValueError):
        return False
    if abs(now - timestamp) > SIGNATURE_TOLERANCE_SECONDS:
        return False
    expected = hmac.new(secret.encode(), str(timestamp).encode() + b"." + raw_body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, given)


class CareReviewApi:
    """Reads Care Review's API with a client-credentials token, fetched again shortly before it expires."""

    def __init__(self, base_url, token_url, client_id, client_secret, resource=None, scope="reviews:read"):
        self.base_url = base_url.rstrip("/")
        self.resource = resource
        self.token_url = token_url
        self.client_id = client_id
        self.client_secret = client_secret
        self.scope = scope
        self._token = None
        self._expires = 0.0

    def _bearer(self):
        if self._token is None or time.time() > self._expires - 30:
            # A resource indicator is an absolute URI the provider defines (not the audience care-review-api); a
            # provider with a default resource, or Entra ID (scope api://.../.default), needs none.
            fields = {"grant_type": "client_credentials", "scope": self.scope}
            if self.resource:
                fields["resource"] = self.resource
            form = urllib.parse.urlencode(fields).encode()
            basic = base64.b64encode(f"{self.client_id}:{self.client_secret}".encode()).decode()
            request = urllib.request.Request(self.token_url, data=form, headers={"Authorization": f"Basic {basic}"})
            with urllib.request.urlopen(request, timeout=15) as response:
                token = json.load(response)
            self._token = token["access_token"]
            self._expires = time.time() + int(token.get("expires_in", 300))
        return self._token

    def get(self, path):
        request = urllib.request.Request(self.base_url + path, headers={"Authorization": f"Bearer {self._bearer()}"})
        with urllib.request.urlopen(request, timeout=15) as response:
            return json.load(response)


def receiver(secret, api, seen, out):
    class Receiver(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if not is_from_care_review(secret, self.headers.get("Care-Review-Signature", ""), body, time.time()):
                self.send_response(401)
                self.end_headers()
                return
            event = json.loads(body)
            # Answer first-time and repeated deliveries alike with 2xx, or Care Review keeps trying.
            if event["id"] not in seen:
                seen.add(event["id"])
                if event["event"] == "review.recorded":
                    review = api.get(f"/api/v1/children/{event['child_id']}/reviews/{event['review_id']}")
                    print(json.dumps({"event": event["id"], "review": review}), file=out, flush=True)
            self.send_response(204)
            self.end_headers()

        def log_message(self, format, *args):
            pass

    return Receiver


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8085)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args()
    api = CareReviewApi(os.environ["CARE_REVIEW_URL"], os.environ["TOKEN_URL"],
                        os.environ["CLIENT_ID"], os.environ["CLIENT_SECRET"], os.environ.get("API_RESOURCE"))
    server = ThreadingHTTPServer((args.host, args.port), receiver(os.environ["WEBHOOK_SECRET"], api, set(), sys.stdout))
    print(f"Listening on http://{args.host}:{args.port}/", file=sys.stderr, flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
