#!/usr/bin/python3
"""PyTorch peer for the MLP training-epoch benchmark (Debian's python3-torch 1.13).

Trains the same MLP on the same Fashion-MNIST training set (pixels / 255, seeded shuffle,
batch 128, SGD with momentum 0.9, lr 0.01), then measures the test set's loss and error after
each epoch as `ibinit train` does, and prints one line per epoch:
    torch epoch E seconds S loss L test-error P eval-seconds T SETTINGS
(S: training only, as ibinit's trainSeconds; T: the test pass.)
The settings that decide its speed (threads, zero_grad(set_to_none=...), and the environment
it starts in) are options: benchmarks/run-epoch-comparison.sh sweeps them (--sweep) and runs it at
its fastest.
"""
import argparse
import gzip
import struct
import time

import numpy as np
import torch

import peer_settings


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--arch", default="784-512-512-10")
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--data-dir", default="/usr/share/datasets/fashion-mnist")
    peer_settings.add_arguments(p)
    a = p.parse_args()
    peer_settings.apply(a)
    torch.manual_seed(0)
    x = read_idx(f"{a.data_dir}/train-images-idx3-ubyte.gz").reshape(-1, 784).astype(np.float32) / 255.0
    y = read_idx(f"{a.data_dir}/train-labels-idx1-ubyte.gz").astype(np.int64)
    x, y = torch.from_numpy(x), torch.from_numpy(y)
    x_test = torch.from_numpy(read_idx(f"{a.data_dir}/t10k-images-idx3-ubyte.gz").reshape(-1, 784).astype(np.float32) / 255.0)
    y_test = torch.from_numpy(read_idx(f"{a.data_dir}/t10k-labels-idx1-ubyte.gz").astype(np.int64))
    sizes = [int(s) for s in a.arch.split("-")]
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(torch.nn.ReLU())
    net = torch.nn.Sequential(*layers)
    opt = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9)
    loss_fn = torch.nn.CrossEntropyLoss()
    n = x.shape[0]

    def step(idx):
        peer_settings.zero_grad(opt, a)
        loss = loss_fn(net(x[idx]), y[idx])
        loss.backward()
        opt.step()
        return loss.item()

    if a.sweep:
        perm = torch.randperm(n)
        peer_settings.sweep(a, lambda k: step(perm[k * a.batch:(k + 1) * a.batch]), warmup=5, steps=30)
        return
    for epoch in range(1, a.epochs + 1):
        perm = torch.randperm(n)
        start = time.perf_counter()
        total = 0.0
        batches = 0
        for i in range(0, n, a.batch):
            total += step(perm[i:i + a.batch])
            batches += 1
        seconds = time.perf_counter() - start
        eval_start = time.perf_counter()
        wrong, test_loss = 0, 0.0
        with torch.no_grad():
            for i in range(0, x_test.shape[0], 1000):
                logits = net(x_test[i:i + 1000])
                test_loss += loss_fn(logits, y_test[i:i + 1000]).item() * logits.shape[0]
                wrong += (logits.argmax(1) != y_test[i:i + 1000]).sum().item()
        eval_seconds = time.perf_counter() - eval_start
        print(f"torch epoch {epoch} seconds {seconds:.3f} loss {total / batches:.4f} "
              f"test-error {100.0 * wrong / x_test.shape[0]:.2f} eval-seconds {eval_seconds:.3f} "
              f"{peer_settings.describe(a)}", flush=True)


if __name__ == "__main__":
    main()
