#!/usr/bin/env python3
"""Soak driver for Care Review (python3 standard library only); bench/soak.sh starts the app and runs it.

Simulated users sign in with the demo accounts and loop until the time is up: they read their caseload, children's
pages, reviews, care plans, their work and reminders (managers also compliance and the escalation register), and
write through the real forms (GET the page, take the antiforgery token, the one-time FormToken and Input.Version,
POST): social workers record visits, IROs and social workers record progress on recommendations, the demo child
sends their views before their review. Every answer is checked: a page must answer 200, a saved form must
redirect, and the only refusals allowed are "Someone else changed this" when two users saved the same child at once,
and a visit already recorded on that day (counted as conflicts, not errors). Any other status, a 5xx or any other
refused form is an error.

It samples the app's resident memory (VmRSS of --pid) every 10 seconds and compares the memory just after the
warm-up with the memory at the end. It exits 1 if there was any error or the memory grew by more than the limit.
"""
import argparse
import datetime
import html
import http.cookiejar
import json
import random
import re
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

PASSWORD = "Demo-pass-2026!"
# The refusals a correct app gives correct users working at once: two saved the same child (ADR-0005), or a visit
# was already recorded on that child's day (the demo data has visits too). Any other refusal is an error.
EXPECTED_REFUSALS = ("Someone else changed this", "is already recorded")

# Who the simulated users are, in the order they are started: (demo account, role).
MIX = [
    ("demo-social-worker", "social-worker"),
    ("demo-iro", "iro"),
    ("demo-team-manager", "manager"),
    ("demo-iro-manager", "manager"),
    ("demo-social-worker", "social-worker"),
    ("demo-iro", "iro"),
    ("demo-child", "child"),
    ("demo-social-worker", "social-worker"),
    ("demo-iro", "iro"),
    ("demo-iro-manager", "manager"),
]


class NoRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects are answers to check (a saved form redirects), not to follow."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latency = {"read": [], "write": [], "sign-in": []}
        self.requests = 0
        self.writes_saved = 0
        self.conflicts = 0
        self.visit_days = {}
        self.errors = 0
        self.error_examples = []
        self.statuses = {}

    def record(self, kind, seconds, status):
        with self.lock:
            self.requests += 1
            self.latency[kind].append(seconds)
            self.statuses[status] = self.statuses.get(status, 0) + 1

    def error(self, what):
        with self.lock:
            self.errors += 1
            if len(self.error_examples) < 30:
                self.error_examples.append(what)

    def saved(self):
        with self.lock:
            self.writes_saved += 1

    def conflict(self):
        with self.lock:
            self.conflicts += 1

    def next_visit_day(self, child, today):
        """A day no simulated user has recorded a visit to this child on: each child's visits go back a day at a time from today."""
        with self.lock:
            back = self.visit_days.get(child, 0)
            self.visit_days[child] = back + 1
        return today - datetime.timedelta(days=back)


def hidden(page, name):
    match = re.search(r'<input[^>]*name="%s"[^>]*>' % re.escape(name), page)
    value = re.search(r'value="([^"]*)"', match.group(0)) if match else None
    return html.unescape(value.group(1)) if value else None


def value_of(page, name):
    """The value the page filled in for an input (a date box the form pre-fills with today)."""
    return hidden(page, name) or ""


class User(threading.Thread):
    def __init__(self, number, account, role, base, stats, deadline, think, seed):
        super().__init__(name=f"user-{number}", daemon=True)
        self.account, self.role, self.base, self.stats = account, role, base, stats
        self.deadline, self.think = deadline, think
        self.random = random.Random(seed)
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirects())
        self.children, self.recommendations = [], []

    def request(self, kind, path, form=None):
        """(status, body, location); status None when the connection failed. Timed and counted."""
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        started = time.monotonic()
        try:
            with self.opener.open(urllib.request.Request(self.base + path, data=data), timeout=60) as answer:
                status, body, location = answer.status, answer.read().decode("utf-8", "replace"), answer.headers.get("Location")
        except urllib.error.HTTPError as e:
            status, body, location = e.code, e.read().decode("utf-8", "replace"), e.headers.get("Location")
        except (urllib.error.URLError, OSError) as e:
            self.stats.record(kind, time.monotonic() - started, "failed")
            self.stats.error(f"{self.account} {'POST' if form is not None else 'GET'} {path}: {e}")
            return None, "", None
        self.stats.record(kind, time.monotonic() - started, status)
        if status >= 500 or status not in (200, 302):
            self.stats.error(f"{self.account} {'POST' if form is not None else 'GET'} {path}: {status}")
        return status, body, location

    def page(self, path):
        status, body, _ = self.request("read", path)
        return body if status == 200 else None

    def sign_in(self):
        status, page, _ = self.request("sign-in", "/sign-in")
        if status != 200:
            return False
        status, _, location = self.request("sign-in", "/sign-in", {
            "__RequestVerificationToken": hidden(page, "__RequestVerificationToken"),
            "Input.UserName": self.account,
            "Input.Password": PASSWORD,
        })
        if status != 302 or "sign-in" in (location or ""):
            self.stats.error(f"{self.account} could not sign in ({status}, {location})")
            return False
        return True

    def post_form(self, path, fields):
        """GET the form, fill in its tokens and version, POST it; a redirect is saved, a conflict is allowed."""
        status, page, _ = self.request("read", path)
        if status != 200:
            return
        form = {
            "__RequestVerificationToken": hidden(page, "__RequestVerificationToken"),
            "FormToken": hidden(page, "FormToken"),
        }
        if hidden(page, "Input.Version") is not None:
            form["Input.Version"] = hidden(page, "Input.Version")
        form.update(fields(page))
        status, body, _ = self.request("write", path, form)
        if status == 302:
            self.stats.saved()
        elif status == 200 and any(refusal in body for refusal in EXPECTED_REFUSALS):
            self.stats.conflict()
        elif status == 200:
            summary = re.search(r'govuk-error-summary__list">(.*?)</ul>', body, re.S)
            problem = re.sub(r"<[^>]+>", " ", summary.group(1)).strip() if summary else "no error summary"
            self.stats.error(f"{self.account} POST {path} was refused: {html.unescape(problem)[:200]}")

    # ---- What each kind of user does ----------------------------------------------------------

    def read_caseload(self):
        page = self.page("/caseload")
        if page:
            ids = list(dict.fromkeys(re.findall(r'href="/children/(\d+)"', page)))
            if ids:
                self.children = ids

    def read_child(self):
        if not self.children:
            return self.read_caseload()
        child = self.random.choice(self.children)
        page = self.page(f"/children/{child}")
        if page and self.random.random() < 0.5:
            reviews = re.findall(r'href="(/children/%s/reviews/\d+)"' % child, page)
            if reviews:
                self.page(self.random.choice(reviews))
        elif page:
            self.page(f"/children/{child}/care-plan")

    def read_work(self):
        page = self.page("/work")
        if page:
            self.recommendations = list(dict.fromkeys(re.findall(r'href="/recommendations/(\d+)"', page)))

    def record_visit(self):
        if not self.children:
            return self.read_caseload()
        child = self.random.choice(self.children)

        def visit(page):
            today = datetime.date(int(value_of(page, "Input.On.Year")), int(value_of(page, "Input.On.Month")), int(value_of(page, "Input.On.Day")))
            day = self.stats.next_visit_day(child, today)
            return {
                "Input.On.Day": str(day.day),
                "Input.On.Month": str(day.month),
                "Input.On.Year": str(day.year),
                "Input.ChildSeen": "true",
                "Input.SeenAlone": "true",
                "Input.Note": "Visit recorded by the soak test",
            }

        self.post_form(f"/children/{child}/record/visit", visit)

    def record_progress(self):
        if not self.recommendations:
            return self.read_work()
        recommendation = self.random.choice(self.recommendations)
        self.post_form(f"/recommendations/{recommendation}", lambda page: {
            "Input.Note": "Progress noted by the soak test",
            "Input.On.Day": value_of(page, "Input.On.Day"),
            "Input.On.Month": value_of(page, "Input.On.Month"),
            "Input.On.Year": value_of(page, "Input.On.Year"),
            "Input.Done": "false",
        })

    def send_views(self):
        self.post_form("/me/views", lambda page: {
            "Input.GoingWell": "School is going well",
            "Input.NotGoingWell": "Not seeing my brother enough",
            "Input.WantToChange": "More time with my brother",
            "Input.WhoIWantThere": "My foster carer",
            "Input.WhereAndWhen": "After school at home",
            "Input.TalkToIroAlone": "yes",
            "Input.WantAdvocate": "no",
        })

    def actions(self):
        """Each role's mix of reads and writes, as weights: about one request in five writes for staff who write."""
        if self.role == "child":
            return [(self.page_me, 6), (self.send_views, 2)]
        reads = [(self.read_caseload, 2), (self.read_child, 6), (self.read_work, 2), (lambda: self.page("/reminders"), 1)]
        if self.role == "manager":
            register = [(lambda: self.page("/escalations"), 1)] if self.account == "demo-iro-manager" else []
            return reads + [(lambda: self.page("/compliance"), 1)] + register
        if self.role == "social-worker":
            # A visit a child about every minute and a half across the caseload: 20 or so a child in 30 minutes.
            return reads + [(self.record_visit, 0.5), (self.record_progress, 2)]
        return reads + [(self.record_progress, 2)]

    def page_me(self):
        self.page(self.random.choice(["/me", "/me/views", "/me/reviews"]))

    def run(self):
        while time.monotonic() < self.deadline and not self.sign_in():
            time.sleep(5)
        actions, weights = zip(*self.actions())
        while time.monotonic() < self.deadline:
            try:
                self.random.choices(actions, weights)[0]()
            except Exception as e:  # a fault in the driver is reported, not hidden
                self.stats.error(f"{self.account}: driver fault {type(e).__name__}: {e}")
            time.sleep(self.random.uniform(0.5, 1.5) * self.think)


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))] if ordered else 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="the app's address, on loopback only")
    parser.add_argument("--pid", type=int, required=True, help="the app's process, whose memory is sampled")
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--think", type=float, default=1.0, help="mean seconds each user waits between requests")
    parser.add_argument("--warm-up", type=float, default=120, help="seconds before the memory baseline")
    parser.add_argument("--growth", type=float, default=10, help="largest memory growth allowed, in per cent")
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--json", help="write the figures to this file too")
    args = parser.parse_args()

    host = urllib.parse.urlparse(args.url).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        sys.exit(f"Refusing to soak {args.url}: this driver runs against loopback only")
    if args.minutes * 60 < args.warm_up + 60:
        sys.exit(f"--minutes {args.minutes} is too short: the warm-up is {args.warm_up:.0f} s and the end needs 60 s more")

    stats = Stats()
    started = time.monotonic()
    deadline = started + args.minutes * 60
    users = [User(n, *MIX[n % len(MIX)], args.url.rstrip("/"), stats, deadline, args.think, args.seed * 1000 + n) for n in range(args.users)]
    for user in users:
        user.start()
        time.sleep(0.2)

    samples = []
    while time.monotonic() < deadline:
        samples.append((time.monotonic() - started, rss_kb(args.pid)))
        with stats.lock:
            print(f"{samples[-1][0]:7.0f} s  RSS {samples[-1][1] / 1024:7.1f} MB  requests {stats.requests:7d}  "
                  f"saved {stats.writes_saved:6d}  conflicts {stats.conflicts:4d}  errors {stats.errors}", flush=True)
        time.sleep(min(10, max(0, deadline - time.monotonic())))
    for user in users:
        user.join(timeout=90)
    samples.append((time.monotonic() - started, rss_kb(args.pid)))

    baseline_window = [kb for t, kb in samples if args.warm_up <= t <= args.warm_up + 30]
    end_window = [kb for t, kb in samples if t >= samples[-1][0] - 30]
    baseline, end = statistics.median(baseline_window), statistics.median(end_window)
    growth = (end - baseline) / baseline * 100
    elapsed = samples[-1][0]
    every = stats.latency["read"] + stats.latency["write"] + stats.latency["sign-in"]
    figures = {
        "minutes": round(elapsed / 60, 1),
        "users": args.users,
        "requests": stats.requests,
        "requests_per_second": round(stats.requests / elapsed, 1),
        "reads": len(stats.latency["read"]),
        "writes": len(stats.latency["write"]),
        "writes_saved": stats.writes_saved,
        "conflicts": stats.conflicts,
        "errors": stats.errors,
        "statuses": {str(k): v for k, v in sorted(stats.statuses.items(), key=lambda s: str(s[0]))},
        "latency_ms": {
            kind: {p: round(percentile(values, q) * 1000) for p, q in (("p50", 0.5), ("p95", 0.95), ("p99", 0.99), ("max", 1.0))}
            for kind, values in (("all", every), ("read", stats.latency["read"]), ("write", stats.latency["write"]))
        },
        "rss_mb": {
            "after_warm_up": round(baseline / 1024, 1),
            "end": round(end / 1024, 1),
            "peak": round(max(kb for _, kb in samples) / 1024, 1),
            "growth_percent": round(growth, 1),
        },
    }
    print()
    print(json.dumps(figures, indent=2))
    if stats.error_examples:
        print("\nErrors (first 30):")
        for example in stats.error_examples:
            print("  " + example)
    if args.json:
        with open(args.json, "w") as out:
            json.dump(figures, out, indent=2)

    memory_ok = growth <= args.growth
    print(f"\n{stats.requests} requests in {elapsed / 60:.1f} minutes by {args.users} users: {stats.errors} errors, "
          f"{stats.conflicts} conflicts; memory {baseline / 1024:.0f} MB after the warm-up, {end / 1024:.0f} MB at the end "
          f"({growth:+.1f}%, {'within' if memory_ok else 'MORE than'} {args.growth:.0f}%)")
    sys.exit(0 if stats.errors == 0 and memory_ok else 1)


if __name__ == "__main__":
    main()
