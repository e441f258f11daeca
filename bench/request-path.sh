#!/usr/bin/env bash
# The per-request cost of the stack, measured from outside the JVMs with wrk: SettleDesk's trivial endpoints
# (the liveness probe, the full health check, a static CSS file) beside a minimal Spring Boot app with one empty
# endpoint (bench/minimal: Tomcat + Spring MVC only), each started the same way and measured alone, on the same
# machine, in the same run.
# Usage: bench/request-path.sh [seconds per run=10] [connections=32]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-32}
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
mvn -q -DskipTests package test-compile dependency:build-classpath -Dmdep.outputFile=target/benchmark-classpath.txt
work=$(mktemp -d)
port=18181
jvm=(-Xmx512m -XX:+UseSerialGC) # the README's run command: both apps started with its settings
cleanup() { kill "${pid:-}" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
await() { for _ in $(seq 1 120); do curl -fsS "$1" >/dev/null 2>&1 && return 0; sleep 1; done; echo "no answer from $1"; exit 1; }
warm() { # urls: load each three times as long as a run before any is measured; on 2 cores saturated by the load
  # the JIT needs about a minute (SettleDesk's liveness probe gave 2.6k, 4.1k, 4.8k, 5.8k ... 13k requests/s in
  # consecutive 8 s runs), and the endpoints share most of their path, so the figures compare compiled code
  for url in "$@"; do wrk -t2 -c"$connections" -d"$((seconds * 3))s" "$url" >/dev/null; done
}
rate() { # url -> requests/s
  wrk -t2 -c"$connections" -d"${seconds}s" "$1" | awk '/Requests\/sec/ {printf "%.0f", $2}'
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=; }

java "${jvm[@]}" -cp "target/test-classes:$(cat target/benchmark-classpath.txt)" bench.minimal.MinimalApp \
  --server.port=$port >"$work/minimal.log" 2>&1 &
pid=$!
await "http://127.0.0.1:$port/ping"
warm "http://127.0.0.1:$port/ping"
minimal=$(rate "http://127.0.0.1:$port/ping")
stop

launched=$(date +%s.%N)
(cd "$work" && exec java "${jvm[@]}" -XX:SharedArchiveFile="$OLDPWD/target/app/settledesk.jsa" \
  -jar "$OLDPWD/target/app/settledesk.jar" --server.port=$port \
  --settledesk.terminal-host.port=0 --settledesk.demo.history-days=0 >"$work/app.log" 2>&1) &
pid=$!
# Start to "is up": from launching the JVM (a fresh database: migrations and demo data, no history) to the line
# that prints the URL.
for _ in $(seq 1 1200); do grep -q 'SettleDesk is up' "$work/app.log" 2>/dev/null && break; sleep 0.05; done
up=$(date +%s.%N)
started=$(awk -v a="$launched" -v b="$up" 'BEGIN {printf "%.1f", b - a}')
await "http://127.0.0.1:$port/actuator/health/liveness"
warm "http://127.0.0.1:$port/actuator/health/liveness" "http://127.0.0.1:$port/actuator/health" \
  "http://127.0.0.1:$port/css/app.css"
liveness=$(rate "http://127.0.0.1:$port/actuator/health/liveness")
health=$(rate "http://127.0.0.1:$port/actuator/health")
css=$(rate "http://127.0.0.1:$port/css/app.css")
rss=$(( $(ps -o rss= -p "$pid") / 1024 )) # the subshell exec'd the JVM: $pid is the JVM's
stop

ratio() { awk -v a="$minimal" -v b="$1" 'BEGIN {printf "%.2f", a / b}'; }
printf '\nRequest path on %s cores, wrk -t2 -c%s, %s s per run after a warm-up of three times as long per endpoint\n' "$(nproc)" "$connections" "$seconds"
printf '%-52s %12s %16s\n' "endpoint" "requests/s" "minimal / it"
printf '%-52s %12s %16s\n' "minimal Spring Boot app, GET /ping (empty)" "$minimal" "1.00"
printf '%-52s %12s %16s\n' "SettleDesk GET /actuator/health/liveness" "$liveness" "$(ratio "$liveness")"
printf '%-52s %12s %16s\n' "SettleDesk GET /actuator/health (database, disk, ...)" "$health" "$(ratio "$health")"
printf '%-52s %12s %16s\n' "SettleDesk GET /css/app.css (10 KB, held in memory)" "$css" "$(ratio "$css")"
printf '\nSettleDesk start to "is up": %s s (target 8); resident memory after the load above: %s MB (target 600)\n' \
  "$started" "$rss"
