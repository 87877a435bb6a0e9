#!/usr/bin/env bash
# Starts the packaged app against a database and measures start-up time and memory.
#   bench/startup.sh [--db JDBC_URL] [--user NAME] [--password TEXT] [--port N] [--jar PATH] [--runs N]
#                    [-- extra JVM options]
# Per run it prints: Spring's "Started … in X seconds", the time from launch until /actuator/health/readiness
# first answers 200, and the resident memory (VmRSS, and its peak VmHWM) read from /proc/<pid>/status then.
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
. "$BENCH/java.sh"

db="jdbc:postgresql://127.0.0.1:5432/otklik_bench"
user="postgres"
password=""
port=18080
jar=""
runs=1
timeout=180
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db="$2"; shift 2 ;;
    --user) user="$2"; shift 2 ;;
    --password) password="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --jar) jar="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --timeout) timeout="$2"; shift 2 ;;
    --) shift; break ;;
    -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
jvm_options=("--enable-native-access=ALL-UNNAMED" "$@")

if [ -z "$jar" ]; then
  jar="$(ls -t "$ROOT"/target/otklik-*.jar 2>/dev/null | grep -v -- '-plain\.jar$' | head -1 || true)"
fi
if [ -z "$jar" ] || [ ! -f "$jar" ]; then
  echo "No application jar: build it first with ./mvnw -q package -DskipTests (or pass --jar)." >&2
  exit 2
fi
if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/"; then
  echo "Port $port is already in use; pick another with --port." >&2
  exit 2
fi
find_java

echo "jar:  $jar"
echo "java: $JAVA ($("$JAVA" -version 2>&1 | head -1))"
echo "db:   $db"
echo "jvm:  ${jvm_options[*]}"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) on $(nproc) cores"

pid=""
work=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  [ -n "$work" ] && rm -rf "$work"
  pid=""
  work=""
}
trap cleanup EXIT

for run in $(seq 1 "$runs"); do
  work="$(mktemp -d)"
  log="$work/app.log"
  launched=$(date +%s%N)
  # Demo data off: we measure start-up on the database as it is. Files and index go to a scratch folder.
  OTKLIK_DB_URL="$db" OTKLIK_DB_USER="$user" OTKLIK_DB_PASSWORD="$password" OTKLIK_PORT="$port" \
    OTKLIK_DEMO_DATA=false OTKLIK_DATA_DIR="$work/data" \
    "$JAVA" "${jvm_options[@]}" -jar "$jar" > "$log" 2>&1 &
  pid=$!
  ready=""
  while [ -z "$ready" ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "run $run: the app exited before it was ready; last lines of its log:" >&2
      tail -30 "$log" >&2
      exit 1
    fi
    if [ $(( ($(date +%s%N) - launched) / 1000000000 )) -ge "$timeout" ]; then
      echo "run $run: not ready after $timeout s; last lines of its log:" >&2
      tail -30 "$log" >&2
      exit 1
    fi
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 \
      "http://127.0.0.1:$port/actuator/health/readiness" || true)
    if [ "$code" = "200" ]; then
      ready=$(date +%s%N)
    else
      sleep 0.1
    fi
  done
  rss_kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")
  hwm_kb=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status")
  started=$(grep -m1 -o 'Started [A-Za-z]* in [0-9.]* seconds (process running for [0-9.]*)' "$log" || echo "no Started line")
  printf 'run %d: %s; readiness 200 after %.2f s; RSS %d MB (peak %d MB)\n' "$run" "$started" \
    "$(awk -v ns=$((ready - launched)) 'BEGIN { print ns / 1e9 }')" $((rss_kb / 1024)) $((hwm_kb / 1024))
  cleanup
done
