#!/usr/bin/env bash
# Installs what ibinit needs on a Debian 12 machine (run as root, or with sudo available):
# OpenBLAS, CMake, a C compiler, Maven, and the Fashion-MNIST data package. The JDK 25 must
# already be there (Debian 12 packages none): JAVA_HOME or /usr/lib/jvm/*-25*.
set -euo pipefail

packages=(libopenblas-dev cmake gcc make maven dataset-fashion-mnist)
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# shellcheck source=scripts/java-env.sh
. "$(dirname "$0")/java-env.sh"
echo "dependencies ready (JDK: $JAVA_HOME)"
