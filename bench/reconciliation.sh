#!/usr/bin/env bash
# Reconciliation benchmark against the local PostgreSQL (127.0.0.1:5432, user postgres): imports a generated
# bank result file in a JVM with a 256 MB heap and prints the time and the heap used. Creates and drops its own
# database. Usage: bench/reconciliation.sh [lines=1000000]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/benchmark-classpath.txt
exec java -Xmx256m -cp "target/classes:target/test-classes:$(cat target/benchmark-classpath.txt)" \
  com.settledesk.benchmark.ReconciliationBenchmark "$@"
