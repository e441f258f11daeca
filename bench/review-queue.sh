#!/usr/bin/env bash
# The review queue with many change requests waiting, on the local PostgreSQL (127.0.0.1:5432, user postgres):
# latency percentiles of the queue API (the oldest 200, JSON) and of the reviewers' console page, measured from
# outside the JVM with wrk at 1 and 8 connections, beside pgbench running the same first-page query alone (the
# database's own cost) in the same run.
# Usage: bench/review-queue.sh [requests waiting=100000] [seconds per run=10]
set -euo pipefail
cd "$(dirname "$0")/.."
waiting=${1:-100000}
seconds=${2:-10}
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
export PGPASSWORD=${PGPASSWORD:-postgres}
db=settledesk_bench_queue
port=18183
base="http://127.0.0.1:$port"
sql() { psql -h 127.0.0.1 -U postgres -d "$db" -v ON_ERROR_STOP=1 -qtAc "$1"; }
psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
mvn -q -DskipTests package
work=$(mktemp -d)
cleanup() { kill "${pid:-}" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
(cd "$work" && exec java -Xmx1g -jar "$OLDPWD/target/settledesk.jar" --server.port=$port \
  --settledesk.terminal-host.port=0 --settledesk.demo.history-days=0 \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db" --spring.datasource.username=postgres \
  --spring.datasource.password="$PGPASSWORD" >"$work/app.log" 2>&1) &
pid=$!
for _ in $(seq 1 120); do curl -fsS "$base/actuator/health/liveness" >/dev/null 2>&1 && break; sleep 1; done

# One merchant per waiting request (a merchant has one open request at a time), copied from a demo merchant; each
# request with its two history steps and three materials, submitted over the last 30 days.
sql "INSERT INTO merchant SELECT (jsonb_populate_record(NULL::merchant, to_jsonb(m) || jsonb_build_object(
       'id', gen_random_uuid(), 'merchant_no', 'Q' || lpad(i::text, 14, '0')))).*
     FROM merchant m CROSS JOIN generate_series(1, $waiting) i
     WHERE m.merchant_no = (SELECT MIN(merchant_no) FROM merchant)"
sql "INSERT INTO card_change_request (id, merchant_id, status, open_merchant_id, account_type, account_name,
       account_number_cipher, account_number_fingerprint, account_number_masked, bank_code, bank_name, bin_known,
       holder_is_legal_rep, verification_status, verification_attempts, stop_code_hash, submitted_by, submitted_at,
       updated_at, version, risk_level, risk_reasons, four_eyes)
     SELECT gen_random_uuid(), m.id, 'PENDING_REVIEW', m.id, 'PERSONAL', '张三', 'bench', md5(m.id::text),
       '622202*********1234', 'ICBC', '中国工商银行', true, true, 'MATCH', 1, md5('stop' || m.id::text), 'bench',
       now() - random() * interval '30 days', now(), 0, 'LOW', '', false
     FROM merchant m WHERE m.merchant_no LIKE 'Q%'"
sql "INSERT INTO card_change_history (request_id, seq, status, at, actor)
     SELECT id, s, CASE s WHEN 1 THEN 'SUBMITTED' ELSE 'PENDING_REVIEW' END, submitted_at, 'bench'
     FROM card_change_request CROSS JOIN generate_series(1, 2) s"
sql "INSERT INTO card_change_attachment (request_id, attachment_id)
     SELECT id, gen_random_uuid() FROM card_change_request CROSS JOIN generate_series(1, 3)"
sql "ANALYZE"

login() {
  curl -fsS -X POST "$base/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d '{"username":"reviewer1","password":"Demo@2026"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'
}
token=$(login)
jar="$work/cookies"
csrf=$(curl -fsS -c "$jar" -b "$jar" "$base/login" | sed -nE 's/.*name="_csrf"[^>]*content="([^"]+)".*/\1/p' | head -1)
curl -fsS -o /dev/null -c "$jar" -b "$jar" -X POST "$base/login" \
  --data-urlencode username=reviewer1 --data-urlencode password=Demo@2026 --data-urlencode "_csrf=$csrf"
session=$(awk '$6 == "JSESSIONID" {print $7}' "$jar" | tail -1)
rows=$(curl -fsS "$base/api/v1/ops/settlement-card/change-requests" -H "Authorization: Bearer $token" | grep -o '"id"' | wc -l)
page_rows=$(curl -fsS "$base/ops/card-changes" -H "Cookie: JSESSIONID=$session" | grep -c 'href="/ops/card-changes/' || true)

cat >"$work/percentiles.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("%.1f %.1f %.1f %d %d\n", latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests, summary.errors.status))
end
LUA
measure() { # url header connections -> "p50 p95 p99 requests non-2xx", after a warm-up
  wrk -t1 -c"$3" -d"${seconds}s" -H "$2" "$1" >/dev/null
  wrk -t1 -c"$3" -d"${seconds}s" -H "$2" -s "$work/percentiles.lua" "$1" | tail -1
}
api1=$(measure "$base/api/v1/ops/settlement-card/change-requests" "Authorization: Bearer $token" 1)
api8=$(measure "$base/api/v1/ops/settlement-card/change-requests" "Authorization: Bearer $token" 8)
page1=$(measure "$base/ops/card-changes" "Cookie: JSESSIONID=$session" 1)
page8=$(measure "$base/ops/card-changes" "Cookie: JSESSIONID=$session" 8)

branch() { echo "(SELECT * FROM card_change_request WHERE status = '$1' ORDER BY submitted_at LIMIT 200)"; }
cat >"$work/queue.sql" <<SQL
SELECT * FROM ($(branch SUBMITTED) UNION ALL $(branch PENDING_REVIEW) UNION ALL $(branch NEEDS_INFO) UNION ALL $(branch PENDING_SECOND_REVIEW)) waiting ORDER BY submitted_at LIMIT 200;
SQL
cat >"$work/plain.sql" <<'SQL'
SELECT * FROM card_change_request WHERE status IN ('SUBMITTED', 'PENDING_REVIEW', 'NEEDS_INFO', 'PENDING_SECOND_REVIEW') ORDER BY submitted_at LIMIT 200;
SQL
latency() { pgbench -h 127.0.0.1 -U postgres -n -f "$1" -c "$2" -j "$(( $2 > 1 ? 2 : 1 ))" -T "$seconds" "$db" 2>/dev/null \
  | awk '/latency average/ {print $4}'; }
pg1=$(latency "$work/queue.sql" 1)
pg8=$(latency "$work/queue.sql" 8)
plain1=$(latency "$work/plain.sql" 1)

printf '\nReview queue with %s requests waiting (PostgreSQL, %s cores); API answered %s rows, the page %s links\n' \
  "$(sql "SELECT COUNT(*) FROM card_change_request WHERE status = 'PENDING_REVIEW'")" "$(nproc)" "$rows" "$page_rows"
printf '%-44s %6s %9s %9s %9s %9s %7s\n' "what" "conns" "p50 ms" "p95 ms" "p99 ms" "requests" "non-2xx"
for row in "API GET change-requests (200, JSON)|1|$api1" "API GET change-requests (200, JSON)|8|$api8" \
  "console GET /ops/card-changes (200 rows)|1|$page1" "console GET /ops/card-changes (200 rows)|8|$page8"; do
  IFS='|' read -r what conns figures <<<"$row"
  read -r p50 p95 p99 requests errors <<<"$figures"
  printf '%-44s %6s %9s %9s %9s %9s %7s\n' "$what" "$conns" "$p50" "$p95" "$p99" "$requests" "$errors"
done
printf '%-44s %6s %9s   (pgbench latency average: the app'"'"'s first-page query alone)\n' "SQL first page, a range per state" 1 "$pg1"
printf '%-44s %6s %9s\n' "SQL first page, a range per state" 8 "$pg8"
printf '%-44s %6s %9s   (the same page as one IN query: sorts every waiting row)\n' "SQL first page, status IN (...)" 1 "$plain1"
