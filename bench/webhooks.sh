#!/usr/bin/env bash
# Webhook deliveries and RabbitMQ events per second with the capture path running (wrk from outside the JVM),
# against the local PostgreSQL (127.0.0.1:5432, user postgres) and RabbitMQ (127.0.0.1:5672, guest/guest).
# Usage: bench/webhooks.sh [seconds of load per phase=10]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || apt-get install -y wrk
mvn -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/benchmark-classpath.txt
exec java -Xmx2g -cp "target/classes:target/test-classes:$(cat target/benchmark-classpath.txt)" \
  com.settledesk.integration.internal.WebhookBenchmark "$@"
