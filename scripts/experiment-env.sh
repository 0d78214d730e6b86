# Sourced by the experiment scripts under docs/results: what every one of them needs.
#   ibinit_pin_jar [DIR]  exports IBINIT_JAR (read by bin/ibinit): a copy of the built CLI jar, kept in DIR across
#                         resumes (default: a fresh temporary folder), so a rebuild during an hours-long grid
#                         cannot replace the jar under it. An IBINIT_JAR already set is kept.
#   mnist_dir             --data-dir "$MNIST_DIR" when MNIST_DIR is set, else nothing (ibinit then looks in
#                         $IBINIT_MNIST_DIR, then ~/.ibinit/data/mnist); mnist_data: --dataset mnist and that.
ibinit_pin_jar() {
  if [ -n "${IBINIT_JAR:-}" ]; then export IBINIT_JAR; return; fi
  local built
  built="$(ls "$(dirname "${BASH_SOURCE[0]}")"/../cli/target/ibinit-cli-*-all.jar 2>/dev/null | head -n1 || true)"
  if [ -z "$built" ]; then echo "ibinit is not built: run scripts/build.sh first" >&2; exit 2; fi
  local dir="${1:-$(mktemp -d)}"
  mkdir -p "$dir"
  IBINIT_JAR="$dir/ibinit.jar"
  [ -f "$IBINIT_JAR" ] || cp "$built" "$IBINIT_JAR"
  export IBINIT_JAR
}
mnist_dir=()
[ -z "${MNIST_DIR:-}" ] || mnist_dir=(--data-dir "$MNIST_DIR")
mnist_data=(--dataset mnist "${mnist_dir[@]}")
