#!/usr/bin/env bash
# Soak test: 20 simulated users read and write for 30 minutes against the app on loopback, with demo data, and the
# app's memory is watched. Not a unit test: run it by hand; the figures go in bench/README.md.
#
#   bench/soak.sh [--minutes N] [--users N] [--think SECONDS]
#
# It builds the web app (Release), starts it on 127.0.0.1 on a free port, on a new SQLite file with Demo__Enabled=true
# (the demo council and its sign-ins) and ASPNETCORE_ENVIRONMENT=Production, with the sign-in and link rate limits
# raised (every simulated user signs in from the one loopback address), waits for it, runs bench/soak.py, and stops
# the app. It stops itself: the driver ends at the time given, and is killed 5 minutes after that if it has not.
# Exit 0 when there were no errors and the app's memory at the end is within 10% of its memory after a 2-minute warm-up.
set -euo pipefail

minutes=30
users=20
think=1
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes="$2"; shift 2 ;;
    --users) users="$2"; shift 2 ;;
    --think) think="$2"; shift 2 ;;
    *) echo "Usage: bench/soak.sh [--minutes N] [--users N] [--think SECONDS]" >&2; exit 2 ;;
  esac
done

source "$(dirname "$0")/app.sh"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
echo "Building and starting the app on 127.0.0.1:$port (the first start fills the demo council: about a minute)..."
# Every simulated user signs in from the one loopback address.
start_app "$port" RateLimits__SignInPerMinute=100000 RateLimits__LinkPerMinute=100000 RateLimits__LinkUsesPerMinute=100000

status=0
timeout --kill-after=30 "$(( ${minutes%.*} * 60 + 300 ))" \
  python3 "$root/bench/soak.py" --url "$base" --pid "$app_pid" --minutes "$minutes" --users "$users" --think "$think" || status=$?
exit "$status"
