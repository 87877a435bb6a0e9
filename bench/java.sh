# Sourced by run.sh and startup.sh: sets JAVA to a java of JDK 21 or newer.
# The machine's default java may be older (17), so look at JAVA_HOME, then /usr/lib/jvm, then the PATH.

java_major() {
  # The JDK's "release" file is instant to read; fall back to asking the binary.
  local bin="$1" home version
  home="$(dirname "$(dirname "$(readlink -f "$bin")")")"
  if [ -f "$home/release" ]; then
    version="$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")"
  else
    version="$("$bin" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -1)"
  fi
  version="${version#1.}"
  echo "${version%%[.+-]*}"
}

find_java() {
  local candidate best="" best_major=0 major
  for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} /usr/lib/jvm/*/bin/java "$(command -v java || true)"; do
    [ -x "$candidate" ] || continue
    major="$(java_major "$candidate")"
    [[ "$major" =~ ^[0-9]+$ ]] || continue
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"
      best_major="$major"
    fi
  done
  if [ -z "$best" ]; then
    echo "No JDK 21 or newer found (looked at JAVA_HOME, /usr/lib/jvm and the PATH)." >&2
    return 1
  fi
  JAVA="$best"
}
