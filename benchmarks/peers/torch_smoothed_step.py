#!/usr/bin/python3
"""PyTorch peer for the smoothed-step benchmark (Debian's python3-torch 1.13).

One training step at batch 256 on random data already in memory, plain or smoothed the way a
PyTorch user writes the paper's box kernel with one extra point: keep a copy of the smoothed
weights, add uniform_(-R, R) noise in place, forward and backward (gradients accumulate), copy
the weights back, forward and backward at W, halve the gradients, SGD step. Nets as ibinit's
SmoothedStepBenchmark: the paper's conv net (1x28x28-c1k3-c1k3-c1k3-c1k3-10, sigma 0.01 on the
convolutions) and 784-512-512-10 (radius 0.01 on both hidden layers). Prints one line per case:
    torch ARCH SMOOTHING us_per_step U SETTINGS
with the median of --repeats timed blocks of --steps steps. The settings that decide its speed
(threads, zero_grad(set_to_none=...), the environment it starts in) are options;
benchmarks/run-smoothing-comparison.sh sweeps them on the smoothed step (--sweep) and runs it at
its fastest.
"""
import argparse
import statistics
import time

import torch

import peer_settings


def build(arch):
    if arch.startswith("1x28x28"):
        layers = []
        for _ in range(4):
            layers += [torch.nn.Conv2d(1, 1, 3), torch.nn.ReLU()]
        layers += [torch.nn.Flatten(), torch.nn.Linear(400, 10)]
        net = torch.nn.Sequential(*layers)
        convs = [m for m in net if isinstance(m, torch.nn.Conv2d)]
        smoothed = [(c.weight, i * 0.01) for i, c in enumerate(convs) if i > 0]  # R_i = (i-1) sigma, layer 1 never drawn
        return net, smoothed, (1, 28, 28)
    sizes = [int(s) for s in arch.split("-")]
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(torch.nn.ReLU())
    net = torch.nn.Sequential(*layers)
    linears = [m for m in net if isinstance(m, torch.nn.Linear)]
    return net, [(l.weight, 0.01) for l in linears[:-1]], (sizes[0],)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--arch", default="784-512-512-10")
    p.add_argument("--steps", type=int, default=20)
    p.add_argument("--repeats", type=int, default=7)
    peer_settings.add_arguments(p)
    a = p.parse_args()
    peer_settings.apply(a)
    torch.manual_seed(0)
    net, smoothed, shape = build(a.arch)
    opt = torch.optim.SGD(net.parameters(), lr=0.001, momentum=0.9)
    loss_fn = torch.nn.CrossEntropyLoss()
    x = torch.rand((256,) + shape)
    y = torch.arange(256) % 10
    saved = [w.detach().clone() for w, _ in smoothed]

    def plain():
        peer_settings.zero_grad(opt, a)
        loss_fn(net(x), y).backward()
        opt.step()

    def smooth():
        peer_settings.zero_grad(opt, a)
        with torch.no_grad():
            for (w, r), s in zip(smoothed, saved):
                s.copy_(w)
                w.add_(torch.empty_like(w).uniform_(-r, r))
        loss_fn(net(x), y).backward()
        with torch.no_grad():
            for (w, _), s in zip(smoothed, saved):
                w.copy_(s)
        loss_fn(net(x), y).backward()
        with torch.no_grad():
            for q in net.parameters():
                q.grad.mul_(0.5)
        opt.step()

    if a.sweep:
        peer_settings.sweep(a, lambda k: smooth(), warmup=3, steps=10)
        return
    for name, fn in (("none", plain), ("paper", smooth)):
        for _ in range(a.steps):  # warm-up
            fn()
        times = []
        for _ in range(a.repeats):
            t0 = time.perf_counter()
            for _ in range(a.steps):
                fn()
            times.append((time.perf_counter() - t0) / a.steps * 1e6)
        print(f"torch {a.arch} {name} us_per_step {statistics.median(times):.1f} {peer_settings.describe(a)}", flush=True)


if __name__ == "__main__":
    main()
