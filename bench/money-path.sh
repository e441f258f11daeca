#!/usr/bin/env bash
# Money-path benchmark against the local PostgreSQL (127.0.0.1:5432, user postgres): capture throughput over
# HTTP beside pgbench, and the D0 sweep beside a SQL GROUP BY. Creates and drops its own databases.
# Usage: bench/money-path.sh [seconds per run=10] [sweep merchants=100000] [sweep transactions=1000000]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null # single captures come from wrk
mvn -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/benchmark-classpath.txt
exec java -Xmx4g -cp "target/classes:target/test-classes:$(cat target/benchmark-classpath.txt)" \
  com.settledesk.benchmark.MoneyPathBenchmark "$@"
