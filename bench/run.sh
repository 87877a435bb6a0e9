#!/usr/bin/env bash
# Runs one tool of the benchmark harness with a JDK 21+, building it first when the sources changed:
#   bench/run.sh Generate|QueueQueries|CreateTickets|ReadLatency|MailIntake|Escalations|SmtpSink [--help | options]
#   bench/run.sh DueTimes [rounds]   (runs the application's own classes: builds them first)
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
. "$BENCH/java.sh"

tool="${1:-}"
case "$tool" in
  Generate|QueueQueries|CreateTickets|ReadLatency|MailIntake|Escalations|SmtpSink|DueTimes) ;;
  *) echo "usage: bench/run.sh Generate|QueueQueries|CreateTickets|ReadLatency|MailIntake|Escalations|SmtpSink|DueTimes [--help | options]" >&2; exit 2 ;;
esac
shift

if [ "$tool" = DueTimes ]; then
  # The one tool that runs the application's classes (its calculators, in-process): compiled against them here,
  # outside the harness's Maven build, which stays independent of the app.
  find_java
  classes="$ROOT/target/classes"
  if [ ! -d "$classes/io/otklik/sla" ] || [ -n "$(find "$ROOT/src/main" -newer "$classes/io/otklik/sla" -print -quit)" ]; then
    (cd "$ROOT" && ./mvnw -q compile)
  fi
  out="$BENCH/target/app-tools"
  mkdir -p "$out"
  "$(dirname "$JAVA")/javac" --release 21 -cp "$classes" -d "$out" "$BENCH"/src/app/java/io/otklik/bench/*.java
  exec "$JAVA" ${BENCH_JAVA_OPTS:--Xmx512m} -Dotklik.classes="$classes" -cp "$out:$classes" io.otklik.bench.DueTimes "$@"
fi

jar="$BENCH/target/otklik-bench.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$BENCH/src" "$BENCH/pom.xml" -newer "$jar" -print -quit)" ]; then
  (cd "$ROOT" && ./mvnw -q -f bench/pom.xml package -DskipTests)
fi

find_java
# otklik.root lets the generator find the app's migrations from any working directory.
exec "$JAVA" ${BENCH_JAVA_OPTS:--Xmx2g} -Dotklik.root="$ROOT" -cp "$jar:$BENCH/target/lib/*" \
  "io.otklik.bench.$tool" "$@"
