# Sourced by the build scripts: exports JAVA_HOME for a JDK 25+ and quiet Maven options.
# The machine's default `java` may be older (17 here); Maven must run on the JDK 25.
ibinit_find_jdk() {
  local d
  if [ -n "${JAVA_HOME:-}" ] && "$JAVA_HOME/bin/javac" --version 2>/dev/null | grep -Eq ' (2[5-9]|[3-9][0-9])'; then
    echo "$JAVA_HOME"; return
  fi
  for d in /usr/lib/jvm/*; do
    if [ -x "$d/bin/javac" ] && "$d/bin/javac" --version 2>/dev/null | grep -Eq ' (2[5-9]|[3-9][0-9])'; then
      echo "$d"; return
    fi
  done
}
JAVA_HOME="$(ibinit_find_jdk)"
if [ -z "$JAVA_HOME" ]; then
  echo "ibinit needs a JDK 25 or newer (javac), found none in JAVA_HOME or /usr/lib/jvm." >&2
  echo "Install Temurin 25 (Adoptium's Debian repository: apt-get install temurin-25-jdk) and retry." >&2
  exit 3
fi
export JAVA_HOME
export MAVEN_OPTS="${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}"
