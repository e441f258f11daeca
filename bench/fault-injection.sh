#!/usr/bin/env bash
# Fault injection against the local PostgreSQL (127.0.0.1:5432, user postgres): the packaged app is killed with
# SIGKILL at random moments under load, restarted, and the money invariants are checked in SQL afterwards.
# Creates and drops its own database (settledesk_faults). Usage: bench/fault-injection.sh [kills=20] [clients=4] [port=18090]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/benchmark-classpath.txt
exec java -cp "target/classes:target/test-classes:$(cat target/benchmark-classpath.txt)" \
  com.settledesk.benchmark.FaultInjection "$@"
