#!/usr/bin/env bash
# Runs one tool of the benchmark harness with a JDK 21+, building it first when the sources changed:
#   bench/run.sh Generate|QueueQueries|CreateTickets|ReadLatency|MailIntake|SmtpSink [--help | options]
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
. "$BENCH/java.sh"

tool="${1:-}"
case "$tool" in
  Generate|QueueQueries|CreateTickets|ReadLatency|MailIntake|SmtpSink) ;;
  *) echo "usage: bench/run.sh Generate|QueueQueries|CreateTickets|ReadLatency|MailIntake|SmtpSink [--help | options]" >&2; exit 2 ;;
esac
shift

jar="$BENCH/target/otklik-bench.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$BENCH/src" "$BENCH/pom.xml" -newer "$jar" -print -quit)" ]; then
  (cd "$ROOT" && ./mvnw -q -f bench/pom.xml package -DskipTests)
fi

find_java
# otklik.root lets the generator find the app's migrations from any working directory.
exec "$JAVA" ${BENCH_JAVA_OPTS:--Xmx2g} -Dotklik.root="$ROOT" -cp "$jar:$BENCH/target/lib/*" \
  "io.otklik.bench.$tool" "$@"
