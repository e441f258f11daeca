#!/usr/bin/env bash
# Terminal host benchmark against the local PostgreSQL (127.0.0.1:5432, user postgres): purchases per second over
# ISO 8583/TCP with 8 and 32 simulated terminals beside pgbench TPC-B at the same client counts.
# Usage: bench/terminal-host.sh [seconds per run=10]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/benchmark-classpath.txt
exec java -Xmx2g -cp "target/classes:target/test-classes:$(cat target/benchmark-classpath.txt)" \
  com.settledesk.terminalhost.internal.TerminalHostBenchmark "$@"
