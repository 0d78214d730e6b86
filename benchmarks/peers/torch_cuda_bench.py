"""PyTorch peer of ibinit.bench.WallClock on the GPU: the same GEMM shapes (FP32, TF32 off, as
ibinit's cuBLAS default) and the trace of the column covariance of 10,000 x 512.

Usage: python3 benchmarks/peers/torch_cuda_bench.py   (prints Markdown table rows)
"""
import time

import torch

torch.backends.cuda.matmul.allow_tf32 = False
torch.backends.cudnn.allow_tf32 = False
TARGET_SECONDS = 1.0


def calibrate(call):
    for _ in range(5):
        call()
    torch.cuda.synchronize()
    n = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(n):
            call()
        torch.cuda.synchronize()
        s = time.perf_counter() - t0
        if s > 0.1 or n >= 1 << 20:
            return max(3, min(1 << 22, int(n * TARGET_SECONDS / max(s, 1e-9))))
        n *= 4


def timed(call, calls, sync_each):
    t0 = time.perf_counter()
    for _ in range(calls):
        call()
        if sync_each:
            torch.cuda.synchronize()
    torch.cuda.synchronize()
    return (time.perf_counter() - t0) / calls * 1e6


def gemm(m, n, k, ta, tb):
    g = torch.Generator(device="cuda").manual_seed(1)
    a = torch.rand((k, m) if ta else (m, k), device="cuda", generator=g) * 2 - 1
    b = torch.rand((n, k) if tb else (k, n), device="cuda", generator=g) * 2 - 1
    c = torch.empty((m, n), device="cuda")
    opa, opb = (a.t() if ta else a), (b.t() if tb else b)
    call = lambda: torch.matmul(opa, opb, out=c)
    calls = calibrate(call)
    pipelined = timed(call, calls, False)
    synced = timed(call, calls, True)
    shape = f"{m}x{n}x{k} {'T' if ta else 'N'}{'T' if tb else 'N'}"
    print(f"| torch | gemm | {shape} | {calls} | {2.0 * m * n * k / (pipelined * 1e3):.0f} | {pipelined:.1f} | {synced:.1f} |")


def trace(rows, cols, double):
    g = torch.Generator(device="cuda").manual_seed(7)
    x = torch.randn((rows, cols), device="cuda", generator=g) * 2 + 0.5
    # .item() brings the value to the host, as ibinit's covarianceTrace does.
    if double:
        call = lambda: torch.var(x.double(), dim=0, correction=1).sum().item()
    else:
        call = lambda: torch.var(x, dim=0, correction=1).sum().item()
    calls = calibrate(call)
    us = timed(call, calls, False)
    label = "covariance trace (float64)" if double else "covariance trace (float32)"
    print(f"| torch | {label} | {rows}x{cols} | {calls} | - | {us:.1f} | {us:.1f} |")


if __name__ == "__main__":
    print(f"torch {torch.__version__}, {torch.cuda.get_device_name()}, cuBLAS {torch.backends.cuda.preferred_blas_library()}")
    print("| backend | op | shape | calls | GFLOP/s (pipelined) | us/call (pipelined) | us/call (sync each) |")
    print("|---|---|---|---|---|---|---|")
    for shape in [(1024, 1024, 1024, False, False), (4096, 4096, 4096, False, False), (128, 512, 784, False, True),
                  (128, 784, 512, False, False), (512, 784, 128, True, False)]:
        gemm(*shape)
    trace(10_000, 512, False)
    trace(10_000, 512, True)
