#!/usr/bin/env bash
# Assembles what a GPU machine without Java or network needs to test and time the CUDA backend:
# a small JRE, the jars, the test classes, libibinit_cuda.so and the PyTorch peer, in DEST
# (default .device, a folder git ignores: `echo /.device/ >> .git/info/exclude`). Run after
# `mvn -DskipTests package` (and `mvn dependency:get
# -Dartifact=org.junit.platform:junit-platform-console-standalone:1.14.4`); then, on the GPU
# machine, from the repository root: `bash .device/run.sh` (benchmarks/gpu/run.sh). The JRE
# includes java.desktop (the PNG/SVG plot tests need it) and travels as an xz tarball that
# run.sh unpacks: ~63 MiB unpacked, ~35 MiB packed, so the bundle stays under the 64 MiB a
# device call may carry.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dest="${1:-$root/.device}"
: "${JAVA_HOME:?set JAVA_HOME to a JDK 25}"
junit="$HOME/.m2/repository/org/junit/platform/junit-platform-console-standalone/1.14.4/junit-platform-console-standalone-1.14.4.jar"
rm -rf "$dest" && mkdir -p "$dest/lib" "$dest/native-lib" "$dest/peers"
# java.xml for JUnit's console, java.management for JMH's forks, java.desktop for the plots.
jre_tmp="$(mktemp -d)"
"$JAVA_HOME/bin/jlink" --add-modules java.base,java.desktop,java.logging,java.net.http,jdk.httpserver,java.management,jdk.unsupported,java.xml \
  --strip-debug --no-man-pages --no-header-files --compress=zip-9 --output "$jre_tmp/jre"
tar -cJf "$dest/jre.tar.xz" -C "$jre_tmp" jre && rm -rf "$jre_tmp"
cp "$root"/cli/target/ibinit-cli-*-all.jar "$dest/lib/ibinit-all.jar"
cp "$root/benchmarks/target/ibinit-benchmarks.jar" "$junit" "$dest/lib/"
mv "$dest/lib/$(basename "$junit")" "$dest/lib/junit-console.jar"
cp -r "$root/java/target/test-classes" "$dest/test-classes"
cp -r "$root/cli/target/test-classes/." "$dest/test-classes/"   # the command line's tests (its own module)
cp "$root/java/target/classes/native/linux-x86_64/libibinit_cuda.so" "$dest/native-lib/"
cp "$root"/benchmarks/peers/*.py "$dest/peers/"
cp "$root/benchmarks/gpu/run.sh" "$dest/run.sh"
du -sh "$dest"
