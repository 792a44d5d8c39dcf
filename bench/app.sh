# Sourced by the bench scripts (child-pages.sh, soak.sh): the web app, built in Release and run on loopback on a new
# SQLite file with demo data and ASPNETCORE_ENVIRONMENT=Production, stopped when the script ends however it ends.
#
#   start_app PORT [NAME=VALUE ...]    extra settings for the app, such as Clock__Today=2027-03-01
#
# Sets app_pid (the app's own process: it is exec'd) and base (its address), and waits until it answers.
# On exit the app is stopped, any failures it logged are printed, and the temporary folder is deleted.

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
app_pid=""

stop_app() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  if [ -f "$work/app.log" ] && grep -q '^fail:' "$work/app.log"; then
    echo "The app logged failures:" >&2
    grep -A 15 '^fail:' "$work/app.log" | head -n 80 >&2
  fi
  rm -rf "$work"
}
trap stop_app EXIT

start_app() {
  local port=$1
  shift
  dotnet build "$root/src/CareReview.Web" -c Release -nologo -v quiet >/dev/null
  (cd "$root/src/CareReview.Web" && exec env ConnectionStrings__App="Data Source=$work/bench.db" Demo__Enabled=true \
    ASPNETCORE_ENVIRONMENT=Production "$@" dotnet bin/Release/net10.0/CareReview.Web.dll --urls "http://127.0.0.1:$port" \
    >"$work/app.log" 2>&1) &
  app_pid=$!
  base="http://127.0.0.1:$port"

  # The first start fills the demo council: about a minute, longer on a busy machine.
  for _ in $(seq 1 900); do
    if curl -fs -o /dev/null "$base/sign-in"; then return 0; fi
    if ! kill -0 "$app_pid" 2>/dev/null; then cat "$work/app.log" >&2; return 1; fi
    sleep 1
  done
  tail -n 50 "$work/app.log" >&2
  return 1
}
