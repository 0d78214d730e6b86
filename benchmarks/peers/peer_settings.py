"""The settings a PyTorch peer is swept over, so that each comparison runs it at its fastest.

In-process settings, chosen here: the intra-op thread count (torch.set_num_threads) and, for
peers that clear gradients, zero_grad(set_to_none=...): set_to_none frees every gradient each
step, so the next backward allocates fresh pages; keeping them allocated is often faster.
Environment settings (OMP_WAIT_POLICY, OPENBLAS_NUM_THREADS) must be in place before torch
loads: benchmarks/peer-sweep.sh starts one process per environment and runs it with --sweep.

A peer calls add_arguments(parser), apply(args) once, zero_grad(optimizer, args) in its step,
and, when args.sweep is set, sweep(args, step, warmup, steps) instead of its measurement.
"""
import math
import time

import torch

THREADS = (1, 2)


def add_arguments(parser, clears_gradients=True):
    parser.add_argument("--threads", type=int, default=1, help="torch.set_num_threads")
    if clears_gradients:
        parser.add_argument("--set-to-none", choices=("yes", "no"), default="no",
                            help="zero_grad(set_to_none=...)")
    parser.add_argument("--sweep", action="store_true",
                        help="time every in-process setting briefly, print one 'sweep' line each, exit")


def apply(args):
    torch.set_num_threads(args.threads)


def zero_grad(optimizer, args):
    optimizer.zero_grad(set_to_none=args.set_to_none == "yes")


def describe(args):
    """The in-process settings as the command-line options that select them."""
    text = f"--threads {args.threads}"
    if hasattr(args, "set_to_none"):
        text += f" --set-to-none {args.set_to_none}"
    return text


def median_step_seconds(step, warmup, steps):
    """Runs step(k) for k = 0 .. warmup + steps - 1 and returns the median seconds of the timed ones."""
    times = []
    for k in range(warmup + steps):
        start = time.perf_counter()
        step(k)
        times.append(time.perf_counter() - start)
    return sorted(times[warmup:])[steps // 2]


def sweep(args, step, warmup, steps, rounds=2):
    """Times step(k) (median of `steps` after `warmup`) under every in-process setting; each setting
    keeps its fastest of `rounds` alternating tries (the host's slow spells only ever add time).
    Prints: sweep SECONDS --threads T [--set-to-none S]"""
    settings = [(t, s) for t in THREADS for s in (("no", "yes") if hasattr(args, "set_to_none") else (None,))]
    best = {}
    for _ in range(rounds):
        for threads, set_to_none in settings:
            args.threads = threads
            if set_to_none is not None:
                args.set_to_none = set_to_none
            apply(args)
            seconds = median_step_seconds(step, warmup, steps)
            best[(threads, set_to_none)] = min(best.get((threads, set_to_none), math.inf), seconds)
    for (threads, set_to_none), seconds in best.items():
        args.threads = threads
        if set_to_none is not None:
            args.set_to_none = set_to_none
        print(f"sweep {seconds:.6g} {describe(args)}", flush=True)
