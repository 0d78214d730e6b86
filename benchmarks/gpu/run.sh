#!/usr/bin/env bash
# GPU validation of the CUDA backend, run from the repository root on the device machine:
# tests (every test class, cuda forced as the default backend), wall-clock and JMH timings,
# the PyTorch peer, and compute-sanitizer over CudaBackendTest. Logs go to $OUT.
set -u
D="$(pwd)/.device"
OUT="${OUT:-/tmp/out}"
mkdir -p "$OUT"
# The JRE travels packed (see bundle.sh); unpack it once outside the carried tree.
JRE_DIR="${IBINIT_DEVICE_JRE:-/tmp/ibinit-device-jre}"
[ -x "$JRE_DIR/jre/bin/java" ] || { mkdir -p "$JRE_DIR" && tar -xJf "$D/jre.tar.xz" -C "$JRE_DIR"; }
J="$JRE_DIR/jre/bin/java"
JOPTS=(--enable-native-access=ALL-UNNAMED -Dibinit.native.dir="$D/native-lib")
CUBLAS_DIR="$(python3 -c 'import nvidia.cublas, os; print(os.path.join(list(nvidia.cublas.__path__)[0], "lib"))' 2>/dev/null)"
{
  echo "== machine"; nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm --format=csv; nproc
  echo "== cuBLAS candidates"; ls "$CUBLAS_DIR" 2>&1; ls /usr/local/cuda*/lib64/libcublas.so* 2>&1 | head -4
  echo "== probe, nothing set"; "$J" "${JOPTS[@]}" -jar "$D/lib/ibinit-all.jar" backends 2>&1
  echo "== probe, IBINIT_CUBLAS=/nonexistent"; IBINIT_CUBLAS=/nonexistent/libcublas.so LD_LIBRARY_PATH= "$J" "${JOPTS[@]}" -jar "$D/lib/ibinit-all.jar" backends 2>&1
} > "$OUT/env.txt" 2>&1
# cuBLAS from pip's nvidia-cublas where the system has none (the lent machines have it in
# /usr/local/cuda-13.0/lib64, found by the loader).
if [ -n "$CUBLAS_DIR" ] && [ -e "$CUBLAS_DIR/libcublas.so.13" ]; then
  export IBINIT_CUBLAS="$CUBLAS_DIR/libcublas.so.13" LD_LIBRARY_PATH="$CUBLAS_DIR:${LD_LIBRARY_PATH:-}"
  echo "== probe, IBINIT_CUBLAS=$IBINIT_CUBLAS" >> "$OUT/env.txt"
  "$J" "${JOPTS[@]}" -jar "$D/lib/ibinit-all.jar" backends >> "$OUT/env.txt" 2>&1
fi

JUNIT=(-jar "$D/lib/junit-console.jar" execute --class-path "$D/test-classes:$D/lib/ibinit-all.jar" --disable-banner --disable-ansi-colors --details=tree)
echo "== tests" && timeout 300 "$J" "${JOPTS[@]}" -Dibinit.backend=cuda "${JUNIT[@]}" \
  --scan-class-path "$D/test-classes" > "$OUT/tests.txt" 2>&1
echo "tests exit $?" >> "$OUT/tests.txt"

echo "== wall clock" && {
  timeout 120 "$J" "${JOPTS[@]}" -cp "$D/lib/ibinit-benchmarks.jar" ibinit.bench.WallClock cuda
  PYTHONUNBUFFERED=1 timeout 120 python3 "$D/peers/torch_cuda_bench.py"
} > "$OUT/bench.txt" 2>&1

echo "== jmh" && timeout 150 "$J" "${JOPTS[@]}" -jar "$D/lib/ibinit-benchmarks.jar" 'GemmBenchmark|CovarianceTraceBenchmark' \
  -p backend=cuda -wi 2 -w 500ms -i 3 -r 500ms -f 1 > "$OUT/jmh.txt" 2>&1

echo "== sanitizer" && timeout 200 compute-sanitizer --tool memcheck --leak-check no --print-limit 20 \
  "$J" "${JOPTS[@]}" "${JUNIT[@]}" --select-class ibinit.backend.cuda.CudaBackendTest > "$OUT/sanitizer.txt" 2>&1
echo "sanitizer exit $?" >> "$OUT/sanitizer.txt"
tail -n 25 "$OUT/tests.txt"; cat "$OUT/bench.txt"; tail -n 5 "$OUT/sanitizer.txt"
