#!/usr/bin/python3
"""PyTorch peer for MineStepBenchmark (Debian's python3-torch 1.13): one MINE critic update.

Critic 1296-1500-1500-1 (nn.Linear, LeakyReLU 0.01), x [256, 784] uniform, z [256, 512] normal,
input = cat([x | z] joint rows, [x | z[perm]] marginal rows), the bias-corrected DV gradient
with its moving average in log space (rate 0.01), Adam lr 1e-4; the DV value read back every
step (.item(), as ours downloads the critic outputs). Prints one line:
    torch mine step ms MEAN median MEDIAN min MIN steps N mode MODE
--shared-x computes the x half of the first layer once for both blocks, as ibinit's critic does
(x W_x^T repeated, plus [z; z[perm]] W_z^T): the same step in 9.7 instead of 10.9 GFLOP.
The settings that decide its speed (threads, zero_grad(set_to_none=...), the environment it
starts in) are options; benchmarks/run-mine-comparison.sh sweeps them (--sweep) and runs it at
its fastest.
"""
import argparse
import math
import statistics
import time

import torch

import peer_settings


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--steps", type=int, default=40)
    p.add_argument("--warmup", type=int, default=10)
    p.add_argument("--shared-x", action="store_true")
    peer_settings.add_arguments(p)
    a = p.parse_args()
    peer_settings.apply(a)
    torch.manual_seed(0)
    b = 256
    x = torch.rand(b, 784)
    z = torch.randn(b, 512)
    act = torch.nn.LeakyReLU(0.01)
    if a.shared_x:
        first_x = torch.nn.Linear(784, 1500, bias=False)
        first_z = torch.nn.Linear(512, 1500)
        rest = torch.nn.Sequential(act, torch.nn.Linear(1500, 1500), act, torch.nn.Linear(1500, 1))
        params = list(first_x.parameters()) + list(first_z.parameters()) + list(rest.parameters())

        def critic(perm):
            return rest(first_z(torch.cat([z, z[perm]], 0)) + first_x(x).repeat(2, 1))
    else:
        net = torch.nn.Sequential(
            torch.nn.Linear(1296, 1500), act, torch.nn.Linear(1500, 1500), act, torch.nn.Linear(1500, 1))
        params = list(net.parameters())

        def critic(perm):
            return net(torch.cat([torch.cat([x, z], 1), torch.cat([x, z[perm]], 1)], 0))
    opt = torch.optim.Adam(params, lr=1e-4)
    rate = 0.01
    log_ema = None

    def step():
        nonlocal log_ema
        t = critic(torch.randperm(b))
        tj, tm = t[:b, 0], t[b:, 0]
        lme = torch.logsumexp(tm, 0) - math.log(b)
        lme_v = lme.item()
        log_ema = lme_v if log_ema is None else float(
            torch.logaddexp(torch.tensor(math.log1p(-rate) + log_ema), torch.tensor(math.log(rate) + lme_v)))
        # surrogate: grad of mean T_joint - mean(exp T_marg) / ema, the average held constant
        loss = -(tj.mean() - torch.exp(tm - log_ema).mean())
        peer_settings.zero_grad(opt, a)
        loss.backward()
        opt.step()
        return tj.mean().item() - lme_v

    if a.sweep:
        peer_settings.sweep(a, lambda k: step(), warmup=2, steps=7)
        return
    for _ in range(a.warmup):
        step()
    times = []
    for _ in range(a.steps):
        start = time.perf_counter()
        step()
        times.append((time.perf_counter() - start) * 1e3)
    print(f"torch mine step ms {statistics.mean(times):.2f} median {statistics.median(times):.2f} "
          f"min {min(times):.2f} steps {a.steps} mode {'shared-x' if a.shared_x else 'cat'} {peer_settings.describe(a)}",
          flush=True)


if __name__ == "__main__":
    main()
