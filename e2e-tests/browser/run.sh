#!/usr/bin/env bash
# The browser test (swagger-ui.test.mjs) against the local stack as the README's run command starts it, on a data
# directory of its own. Needs the build's jars (./mvnw package or verify), Debian's chromium and npm.
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
[ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund
data=$(mktemp -d /tmp/doorstroom-browser-XXXXXX)
log="$data/stack.out"
(cd "$root" && DOORSTROOM_DATA="$data" exec java -jar local-stack/target/doorstroom-local-exec.jar) > "$log" 2>&1 &
stack=$!
trap 'kill "$stack" 2>/dev/null; wait "$stack" 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  grep -q 'Doorstroom is ready' "$log" && break
  kill -0 "$stack" 2>/dev/null || { cat "$log"; echo "the local stack stopped before it was ready"; exit 1; }
  sleep 1
done
grep -q 'Doorstroom is ready' "$log" || { tail -50 "$log"; echo "the local stack was not ready after 5 minutes"; exit 1; }
GATEWAY_URL="${GATEWAY_URL:-http://localhost:${DOORSTROOM_GATEWAY_PORT:-8080}}" npm test
