#!/usr/bin/env bash
# The demo, in the foreground: the site, the plugin's worker (deliveries and
# periodic jobs), Wagtail's task worker and a demo partner site on a second origin.
# Ctrl-C (or any one of them exiting) stops all of them.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-8000}"
PARTNER_PORT="${PARTNER_PORT:-8001}"
# Links in emails point at this server.
export BASE_URL="${BASE_URL:-http://127.0.0.1:$PORT}"
PYTHON="${PYTHON:-.venv/bin/python}"
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-cms.settings.dev}"
export PYTHONUNBUFFERED=1

# Job control puts each background job in its own process group, so stopping
# a job also stops what it started (runserver's autoreloader child, say).
set -m
jobs_started=()
# The partner page is built from a template so it points at this server's port.
partner_dir="$(mktemp -d)"
stop_all() {
  trap - INT TERM EXIT
  for pid in "${jobs_started[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  rm -rf "$partner_dir"
}
trap stop_all INT TERM EXIT

start() {
  "$@" &
  jobs_started+=("$!")
}

# The partner page pastes the very snippets the generator gives partners.
"$PYTHON" manage.py undersign_partner_demo --out "$partner_dir" \
  --site "http://127.0.0.1:$PORT" --template cms/partner_demo/index.html >/dev/null

start "$PYTHON" manage.py runserver "127.0.0.1:$PORT"
start "$PYTHON" manage.py undersign_worker
start "$PYTHON" manage.py db_worker
start "$PYTHON" -m http.server "$PARTNER_PORT" --bind 127.0.0.1 --directory "$partner_dir"

cat <<INFO

  Undersign is running (Ctrl-C stops everything):

    Campaigns     http://127.0.0.1:$PORT/en/campaigns/
    Seed campaign http://127.0.0.1:$PORT/en/campaigns/ice-free-nyc/
    Admin         http://127.0.0.1:$PORT/admin/   (user "admin", password printed above)
    API docs      http://127.0.0.1:$PORT/api/v1/docs/
    Partner page  http://127.0.0.1:$PARTNER_PORT/

INFO

# Whichever stops first (or Ctrl-C) ends the demo; the trap stops the rest.
wait -n
