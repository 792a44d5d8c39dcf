#!/usr/bin/env bash
# Times the pages about one child on the demo council, signed in as the demo IRO manager (who sees every
# child), to find the slowest and check what they load. Not a test: figures go in the README.
#
#   bench/child-pages.sh [--children N] [--port P]
#
# It builds the web app (Release), starts it on a throw-away SQLite database with demo data and a fixed
# demonstration day (so every run sees the same council), opens each page for N children (default 25)
# after one warm-up pass, and prints each page's median and 95th percentile in milliseconds, slowest first.
set -euo pipefail

children=25
port=5077
while [ $# -gt 0 ]; do
  case "$1" in
    --children) children="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    *) echo "Usage: bench/child-pages.sh [--children N] [--port P]" >&2; exit 2 ;;
  esac
done

source "$(dirname "$0")/app.sh"
start_app "$port" Clock__Today=2027-03-01 Reminders__Enabled=false

jar="$work/cookies"
token=$(curl -fs -c "$jar" -b "$jar" "$base/sign-in" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" \
  --data-urlencode "Input.UserName=demo-iro-manager" --data-urlencode "Input.Password=Demo-pass-2026!" "$base/sign-in"

mapfile -t ids < <(curl -fs -b "$jar" "$base/caseload" | grep -o 'href="/children/[0-9]*"' | grep -o '[0-9]\+' | awk '!seen[$0]++' | head -n "$children")
[ "${#ids[@]}" -gt 0 ] || { echo "No children found on the caseload" >&2; exit 1; }

# Each page about a child: the child's page, and every page its page links to that is about the same child.
pages() {
  local id=$1
  echo "/children/$id"
  curl -fs -b "$jar" "$base/children/$id" | grep -o "href=\"/children/$id/[^\"?#]*\"" | sed 's/href="//; s/"$//' | sort -u
}

declare -A times
time_page() {
  local template=$1 path=$2
  local status seconds
  read -r status seconds < <(curl -s -o /dev/null -b "$jar" -w '%{http_code} %{time_total}\n' "$base$path")
  if [ "$status" != 200 ]; then
    echo "$path answered $status" >&2
    return
  fi
  times[$template]="${times[$template]:-}$(awk -v s="$seconds" 'BEGIN { printf "%d", s * 1000 }') "
}

for pass in warm measured; do
  for id in "${ids[@]}"; do
    while read -r path; do
      template=$(echo "$path" | sed -E "s#/children/$id#/children/{id}#; s#/reviews/[0-9]+#/reviews/{reviewId}#; s#/episodes/[0-9]+#/episodes/{episodeId}#")
      if [ "$pass" = measured ]; then time_page "$template" "$path"; else curl -fs -o /dev/null -b "$jar" "$base$path" || true; fi
    done < <(pages "$id")
  done
done

printf '%-60s %6s %8s %8s\n' page count median p95
for template in "${!times[@]}"; do
  echo "$template ${times[$template]}"
done | python3 -c '
import sys
rows = []
for line in sys.stdin:
    name, *values = line.split()
    v = sorted(int(x) for x in values)
    rows.append((name, len(v), v[len(v) // 2], v[min(len(v) - 1, int(len(v) * 0.95))]))
for name, n, median, p95 in sorted(rows, key=lambda r: -r[2]):
    print(f"{name:60} {n:6} {median:8} {p95:8}")
'
