#!/usr/bin/python3
"""PyTorch throughput on the project's two CNNs, the yardstick for the C# engine's `genre bench` numbers.

    /usr/bin/python3 bench_torch.py [--quick] [--threads 1 2]

Models (random inputs, batch 32, Adam lr 1e-3, cross-entropy over 10 classes):
  cnn2d: input 1x128x130; 5 blocks of Conv2d(5x5, padding 2) + BatchNorm2d + ReLU + MaxPool2d(2) with 8, 16, 32,
         64, 128 filters; Dropout(0.2), Flatten, Linear(2048 -> 10).
  cnn1d: input 1x57; Conv1d(1, 32, 3) + ReLU + MaxPool1d(2), Conv1d(32, 64, 3) + ReLU + MaxPool1d(2), Flatten,
         Linear(768 -> 64) + ReLU, Dropout(0.3), Linear(64 -> 10).
Prints one line per measurement: `torch <model> <train|infer> <threads> <samples_per_s>` (median over timed
iterations after warm-up; a train iteration is zero_grad + forward + loss + backward + step, an infer iteration
is a forward pass in eval mode under no_grad).
"""
import argparse
import statistics
import time

import torch
import torch.nn as nn

BATCH = 32


def cnn2d():
    layers, cin = [], 1
    for cout in (8, 16, 32, 64, 128):
        layers += [nn.Conv2d(cin, cout, 5, padding=2), nn.BatchNorm2d(cout), nn.ReLU(), nn.MaxPool2d(2)]
        cin = cout
    layers += [nn.Dropout(0.2), nn.Flatten(), nn.Linear(128 * 4 * 4, 10)]
    return nn.Sequential(*layers), (1, 128, 130)


def cnn1d():
    model = nn.Sequential(
        nn.Conv1d(1, 32, 3), nn.ReLU(), nn.MaxPool1d(2),
        nn.Conv1d(32, 64, 3), nn.ReLU(), nn.MaxPool1d(2),
        nn.Flatten(), nn.Linear(64 * 12, 64), nn.ReLU(), nn.Dropout(0.3), nn.Linear(64, 10))
    return model, (1, 57)


def median_seconds(step, warmup, iters):
    for _ in range(warmup):
        step()
    times = []
    for _ in range(iters):
        t0 = time.perf_counter()
        step()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def bench(name, make, threads, warmup, iters):
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    model, shape = make()
    x = torch.randn(BATCH, *shape)
    y = torch.randint(0, 10, (BATCH,))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()

    def train_step():
        opt.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()

    def infer_step():
        with torch.no_grad():
            model(x)

    model.train()
    t = median_seconds(train_step, warmup, iters)
    print(f"torch {name} train {threads} {BATCH / t:.1f}", flush=True)
    model.eval()
    t = median_seconds(infer_step, warmup, iters * 2)
    print(f"torch {name} infer {threads} {BATCH / t:.1f}", flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="one warm-up and three timed iterations")
    ap.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()
    for threads in args.threads:
        for name, make, iters in (("cnn2d", cnn2d, 10), ("cnn1d", cnn1d, 100)):
            bench(name, make, threads, 1 if args.quick else 3, 3 if args.quick else iters)


if __name__ == "__main__":
    main()
