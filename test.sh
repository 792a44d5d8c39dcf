#!/usr/bin/env bash
# Builds and checks everything, as CI does (.ci/run calls this):
#   1. installs Debian's chromium, postgresql, python3-aiosmtpd, pspp and npm if they are missing;
#   2. npm ci for the tests' OpenID Connect provider, dotnet build (warnings are errors) and dotnet format --verify-no-changes;
#   3. the fast suite (tests/CareReview.Tests) on in-memory SQLite;
#   4. the same suite on PostgreSQL, in a throw-away cluster started here and deleted on exit;
#   5. the browser suite (tests/CareReview.BrowserTests) in /usr/bin/chromium.
# Test results go to .test-results/*.trx. The last line printed is "N passed, N failed" (", N skipped"
# only if any), summed over the runs. Exits non-zero if anything failed.
#
# Options:
#   --today YYYY-MM-DD   run everything as if that were today: the app under test, the demo council and the
#                        tests' own dates (the same as CAREREVIEW_TODAY=YYYY-MM-DD). Without it, the real
#                        date in England. Tests that arrange their own records keep the day they chose.
#   --suite NAME         run only that suite: fast-sqlite, fast-postgres or browser. Repeat it for several.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
root=$(pwd)
results="$root/.test-results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DEBIAN_FRONTEND=noninteractive

usage() {
  echo "Usage: ./test.sh [--today YYYY-MM-DD] [--suite fast-sqlite|fast-postgres|browser]..." >&2
  exit 2
}

all_suites=(fast-sqlite fast-postgres browser)
suites=()
while [ $# -gt 0 ]; do
  case "$1" in
    --today)
      [ $# -ge 2 ] || usage
      export CAREREVIEW_TODAY="$2"
      shift 2
      ;;
    --today=*)
      export CAREREVIEW_TODAY="${1#--today=}"
      shift
      ;;
    --suite)
      [ $# -ge 2 ] || usage
      case "$2" in fast-sqlite|fast-postgres|browser) suites+=("$2") ;; *) echo "Unknown suite: $2" >&2; usage ;; esac
      shift 2
      ;;
    -h|--help) usage ;;
    *) echo "Unknown option: $1" >&2; usage ;;
  esac
done
[ ${#suites[@]} -gt 0 ] || suites=("${all_suites[@]}")
wants() { local s; for s in "${suites[@]}"; do [ "$s" = "$1" ] && return 0; done; return 1; }

# The day the suite runs as. A chosen day must be a real date; with none, the real date in England.
if [ -n "${CAREREVIEW_TODAY:-}" ]; then
  if ! [[ "$CAREREVIEW_TODAY" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || ! date -d "$CAREREVIEW_TODAY" >/dev/null 2>&1 \
    || [ "$(date -d "$CAREREVIEW_TODAY" +%F)" != "$CAREREVIEW_TODAY" ]; then
    echo "--today (CAREREVIEW_TODAY) must be a date written as 2027-02-28, not \"$CAREREVIEW_TODAY\"" >&2
    exit 2
  fi
  echo "Running as if today were $(date -d "$CAREREVIEW_TODAY" '+%A %-d %B %Y') (chosen)."
else
  unset CAREREVIEW_TODAY
  echo "Running for today, $(TZ=Europe/London date '+%A %-d %B %Y') in England (the real date)."
fi
echo "Suites: ${suites[*]}"

step() { printf '\n==> %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo --non-interactive "$@"; fi
}

# ---- 1. System packages ------------------------------------------------------------------------

postgres_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true; }

apt_updated=false
apt_install() {
  step "Installing $*"
  if [ "$apt_updated" = false ]; then
    as_root apt-get update -q
    apt_updated=true
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" </dev/null
}

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
pg_bin=$(postgres_bin)
{ [ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] && [ -x "$pg_bin/pg_ctl" ]; } || missing+=(postgresql)
# The reminder tests' SMTP server runs on Debian's python3 (tests/CareReview.Tests/Features/Reminders/smtp_sink.py).
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || missing+=(python3-aiosmtpd)
# The research extract's test loads extract.sps in PSPP (tests/CareReview.Tests/Features/Research).
[ -x /usr/bin/pspp ] || missing+=(pspp)
if [ ${#missing[@]} -gt 0 ]; then
  apt_install "${missing[@]}"
  pg_bin=$(postgres_bin)
fi
if [ -z "$pg_bin" ]; then
  echo "PostgreSQL's server programs (initdb, pg_ctl) are not under /usr/lib/postgresql/*/bin" >&2
  exit 1
fi
# The web build copies GOV.UK Frontend out of npm's package (npm ci). Machines normally have Node.js.
command -v npm >/dev/null 2>&1 || apt_install npm

# ---- 2. Build and lint -------------------------------------------------------------------------

# The tests' OpenID Connect provider (tests/oidc-provider/provider.mjs, started by tests/Shared/OidcProvider.cs)
# runs npm's oidc-provider with node; package-lock.json pins it.
step "npm ci in tests/oidc-provider"
(cd tests/oidc-provider && npm ci --no-audit --no-fund --loglevel=error)

step "dotnet tool restore"
dotnet tool restore

step "dotnet build (Release, warnings are errors)"
dotnet build CareReview.slnx -c Release

failed_steps=()
step "dotnet format --verify-no-changes"
if ! dotnet format CareReview.slnx --verify-no-changes; then
  failed_steps+=("dotnet format")
fi

# ---- 3. A throw-away PostgreSQL cluster --------------------------------------------------------

pg_dir=""
stop_postgres() {
  if [ -n "$pg_dir" ] && [ -d "$pg_dir" ]; then
    as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
  pg_dir=""
}
trap stop_postgres EXIT
trap 'exit 130' INT TERM

# PostgreSQL refuses to run as root, so as root the cluster belongs to the postgres user.
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if port_is_free "$port"; then
      echo "$port"
      return 0
    fi
  done
  echo "No free port found for PostgreSQL" >&2
  return 1
}

postgres_connection=""
start_postgres() {
  step "Starting a throw-away PostgreSQL cluster"
  pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/carereview-pg.XXXXXX")
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$pg_dir"; fi
  pg_port=$(free_port)
  as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >"$pg_dir/initdb.log" 2>&1 \
    || { cat "$pg_dir/initdb.log"; exit 1; }
  as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
    -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || { cat "$pg_dir/server.log"; exit 1; }
  echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"
  postgres_connection="Host=127.0.0.1;Port=$pg_port;Username=postgres"
}
if wants fast-postgres; then start_postgres; fi

# ---- 4. Tests ----------------------------------------------------------------------------------

rm -rf "$results"
mkdir -p "$results"

run_suite() { # name project [VAR=value...] [-- dotnet test options...]
  local name=$1 project=$2
  shift 2
  local vars=() options=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do vars+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  options=("$@")
  step "Tests: $name"
  if ! env "${vars[@]}" dotnet test "$project" -c Release --no-build "${options[@]}" \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
    --blame-hang-timeout 10m --blame-hang-dump-type none; then
    failed_steps+=("tests: $name")
  fi
}

# Tests marked [Trait("Database", "postgres")] are about PostgreSQL itself (an SSD schema), so they run on the PostgreSQL pass only.
if wants fast-sqlite; then run_suite fast-sqlite tests/CareReview.Tests CAREREVIEW_TEST_POSTGRES= -- --filter "Database!=postgres"; fi
# Tests marked [Trait("Database", "none")] use no database at all, and those marked "own-sqlite" start the app on a
# SQLite file of their own whatever the pass, so both run on the SQLite pass only.
if wants fast-postgres; then run_suite fast-postgres tests/CareReview.Tests "CAREREVIEW_TEST_POSTGRES=$postgres_connection" -- --filter "Database!=none&Database!=own-sqlite"; fi
if wants browser; then run_suite browser tests/CareReview.BrowserTests CAREREVIEW_TEST_POSTGRES=; fi

stop_postgres

# ---- 5. One closing line -----------------------------------------------------------------------

counter() { # file attribute
  grep -o "<Counters [^>]*" "$1" | grep -o " $2=\"[0-9]*\"" | grep -o "[0-9]\+" || echo 0
}

passed=0 failed=0 skipped=0
for name in "${suites[@]}"; do
  trx="$results/$name.trx"
  if [ ! -f "$trx" ]; then
    echo "No results from $name ($trx is missing)"
    failed_steps+=("no results: $name")
    continue
  fi
  passed=$((passed + $(counter "$trx" passed)))
  failed=$((failed + $(counter "$trx" failed) + $(counter "$trx" error) + $(counter "$trx" timeout) + $(counter "$trx" aborted)))
  # xunit's skipped tests are counted in total but not in executed.
  skipped=$((skipped + $(counter "$trx" total) - $(counter "$trx" executed)))
done

if [ ${#failed_steps[@]} -gt 0 ]; then
  printf '\nFailed: %s\n' "$(IFS=,; echo "${failed_steps[*]}" | sed 's/,/, /g')"
fi
echo
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi

if [ "$failed" -gt 0 ] || [ ${#failed_steps[@]} -gt 0 ]; then
  exit 1
fi
