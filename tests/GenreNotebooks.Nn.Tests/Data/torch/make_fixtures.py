#!/usr/bin/python3
"""Writes the PyTorch reference fixtures (*.json) next to this script. Format: README.md.

Run with Debian's PyTorch (apt-get install python3-torch python3-numpy):
    /usr/bin/python3 make_fixtures.py
Every input is drawn from a fixed seed and stored explicitly, so the C# tests never need PyTorch.
"""
import json
import math
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

OUT = os.path.dirname(os.path.abspath(__file__))
torch.set_num_threads(1)
torch.use_deterministic_algorithms(True)


def f32(x):
    # Shortest decimal that round-trips the float32 value.
    return float(str(np.float32(x)))


def tensor(t):
    t = t.detach().to(torch.float64) if torch.is_tensor(t) else torch.tensor(t, dtype=torch.float64)
    flat = t.reshape(-1).tolist()
    return {"shape": list(t.shape), "data": [f32(v) for v in flat]}


def index_tensor(t):
    return {"shape": list(t.shape), "data": [int(v) for v in t.reshape(-1).tolist()]}


def rand(gen, *shape, scale=1.0):
    return (torch.rand(*shape, generator=gen, dtype=torch.float32) * 2 - 1) * scale


def write(name, cases):
    doc = {"format": "GenreNotebooks torch fixtures v1", "torch_version": torch.__version__, "cases": cases}
    path = os.path.join(OUT, name)
    with open(path, "w") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")
    print(f"{name}: {len(cases)} cases, {os.path.getsize(path)} bytes")


def module_case(name, op, params, module, x, gen, extra=None):
    """Forward + backward of a module with loss = sum(output * grad_output)."""
    x = x.clone().requires_grad_(True)
    y = module(x)
    gy = rand(gen, *y.shape)
    (y * gy).sum().backward()
    t = {"input": tensor(x), "output": tensor(y), "grad_output": tensor(gy), "grad_input": tensor(x.grad)}
    for pname, p in module.named_parameters():
        t[pname] = tensor(p)
        t["grad_" + pname] = tensor(p.grad)
    if extra:
        t.update(extra)
    return {"name": name, "op": op, "params": params, "tensors": t}


def set_params(module, gen, scale=0.5):
    with torch.no_grad():
        for p in module.parameters():
            p.copy_(rand(gen, *p.shape, scale=scale))
    return module


def linear_cases(gen):
    m = set_params(nn.Linear(5, 3), gen)
    return [module_case("linear_5_to_3", "Linear", {"in_features": 5, "out_features": 3, "bias": True},
                        m, rand(gen, 4, 5), gen)]


def conv_cases(gen):
    cases = []
    for stride in (1, 2):
        m = set_params(nn.Conv1d(2, 3, 3, stride=stride, padding=1), gen)
        cases.append(module_case(f"conv1d_k3_pad1_stride{stride}", "Conv1d",
                                 {"in_channels": 2, "out_channels": 3, "kernel_size": [3], "stride": [stride],
                                  "padding": [1]}, m, rand(gen, 2, 2, 11), gen))
    conv1 = cases
    cases = []
    specs = [
        ("conv2d_k5_pad2", dict(kernel_size=5, stride=1, padding=2), [5, 5], [1, 1], [2, 2]),
        ("conv2d_k3_stride2_pad1", dict(kernel_size=3, stride=2, padding=1), [3, 3], [2, 2], [1, 1]),
        ("conv2d_k3_same", dict(kernel_size=3, padding="same"), [3, 3], [1, 1], "same"),
        # Even kernel with "same": PyTorch pads 1 before and 2 after along the height (the extra on the bottom/right).
        ("conv2d_k4x3_same", dict(kernel_size=(4, 3), padding="same"), [4, 3], [1, 1], "same"),
    ]
    for name, kw, ks, st, pad in specs:
        m = set_params(nn.Conv2d(2, 3, **kw), gen)
        cases.append(module_case(name, "Conv2d", {"in_channels": 2, "out_channels": 3, "kernel_size": ks,
                                                  "stride": st, "padding": pad}, m, rand(gen, 2, 2, 9, 8), gen))
    return conv1, cases


def batchnorm_cases(gen):
    cases = []
    for op, cls, shape in (("BatchNorm1d", nn.BatchNorm1d, (6, 4)), ("BatchNorm1d", nn.BatchNorm1d, (4, 3, 5)),
                           ("BatchNorm2d", nn.BatchNorm2d, (3, 2, 4, 5))):
        c = shape[1]
        for train in (True, False):
            m = set_params(cls(c), gen)
            with torch.no_grad():
                m.running_mean.copy_(rand(gen, c, scale=0.3))
                m.running_var.copy_(torch.rand(c, generator=gen) + 0.5)
            rm0, rv0 = m.running_mean.clone(), m.running_var.clone()
            m.train(train)
            x = rand(gen, *shape, scale=2.0) + 0.7
            dims = "x".join(str(s) for s in shape)
            case = module_case(f"{op.lower()}_{dims}_{'train' if train else 'eval'}", op,
                               {"num_features": c, "eps": m.eps, "momentum": m.momentum, "training": train},
                               m, x, gen)
            case["tensors"]["running_mean_before"] = tensor(rm0)
            case["tensors"]["running_var_before"] = tensor(rv0)
            case["tensors"]["running_mean_after"] = tensor(m.running_mean)
            case["tensors"]["running_var_after"] = tensor(m.running_var)
            cases.append(case)
    return cases


def pool_cases(gen):
    cases = [
        module_case("maxpool1d_k2_odd_length", "MaxPool1d", {"kernel_size": 2, "stride": 2},
                    nn.MaxPool1d(2), rand(gen, 2, 3, 9), gen),
        module_case("maxpool2d_k2", "MaxPool2d", {"kernel_size": [2, 2], "stride": [2, 2]},
                    nn.MaxPool2d(2), rand(gen, 2, 2, 7, 6), gen),
    ]
    # Ties: small integers so several windows hold equal maxima; PyTorch routes the gradient to the first
    # maximum in row-major scan order of the window.
    ties2 = torch.randint(0, 3, (1, 2, 6, 6), generator=gen).float()
    cases.append(module_case("maxpool2d_k2_ties", "MaxPool2d", {"kernel_size": [2, 2], "stride": [2, 2]},
                             nn.MaxPool2d(2), ties2, gen))
    ties1 = torch.randint(0, 2, (1, 2, 10), generator=gen).float()
    cases.append(module_case("maxpool1d_k2_ties", "MaxPool1d", {"kernel_size": 2, "stride": 2},
                             nn.MaxPool1d(2), ties1, gen))
    return cases


def loss_cases(gen):
    cases = []
    x = rand(gen, 4, 6, scale=3.0).requires_grad_(True)
    y = F.log_softmax(x, dim=1)
    gy = rand(gen, *y.shape)
    (y * gy).sum().backward()
    cases.append({"name": "log_softmax_dim1", "op": "log_softmax", "params": {"dim": 1},
                  "tensors": {"input": tensor(x), "output": tensor(y), "grad_output": tensor(gy),
                              "grad_input": tensor(x.grad)}})

    logits0 = rand(gen, 5, 4, scale=2.0)
    target = torch.tensor([0, 3, 1, 3, 2])
    weight = torch.tensor([0.5, 1.0, 2.0, 1.5])
    for name, w, ls in (("cross_entropy_mean", None, 0.0), ("cross_entropy_weighted", weight, 0.0),
                        ("cross_entropy_label_smoothing_0.1", None, 0.1),
                        ("cross_entropy_weighted_label_smoothing_0.1", weight, 0.1)):
        x = logits0.clone().requires_grad_(True)
        loss = F.cross_entropy(x, target, weight=w, label_smoothing=ls)
        loss.backward()
        t = {"input": tensor(x), "target": index_tensor(target), "loss": tensor(loss), "grad_input": tensor(x.grad)}
        if w is not None:
            t["weight"] = tensor(w)
        cases.append({"name": name, "op": "cross_entropy",
                      "params": {"reduction": "mean", "label_smoothing": ls, "weighted": w is not None},
                      "tensors": t})

    logp0 = F.log_softmax(rand(gen, 5, 4, scale=2.0), dim=1)
    for name, w in (("nll_loss_mean", None), ("nll_loss_weighted", weight)):
        x = logp0.clone().requires_grad_(True)
        loss = nn.NLLLoss(weight=w)(x, target)
        loss.backward()
        t = {"input": tensor(x), "target": index_tensor(target), "loss": tensor(loss), "grad_input": tensor(x.grad)}
        if w is not None:
            t["weight"] = tensor(w)
        cases.append({"name": name, "op": "NLLLoss", "params": {"reduction": "mean", "weighted": w is not None},
                      "tensors": t})
    return cases


def optim_cases(gen):
    cases = []
    p0 = rand(gen, 6)
    grads = [rand(gen, 6), rand(gen, 6)]
    specs = [
        ("adam_lr1e-3", "Adam", dict(lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0)),
        ("adam_lr1e-3_wd1e-2", "Adam", dict(lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2)),
        ("adamw_lr1e-3_wd1e-2", "AdamW", dict(lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2)),
        ("sgd_momentum0.9_wd5e-4", "SGD", dict(lr=0.1, momentum=0.9, weight_decay=5e-4, nesterov=False)),
        ("sgd_nesterov_momentum0.9_wd5e-4", "SGD", dict(lr=0.1, momentum=0.9, weight_decay=5e-4, nesterov=True)),
    ]
    for name, op, kw in specs:
        p = p0.clone().requires_grad_(True)
        opt = getattr(torch.optim, op)([p], **kw)
        t = {"param": tensor(p0)}
        for step, g in enumerate(grads, start=1):
            p.grad = g.clone()
            opt.step()
            t[f"grad_step{step}"] = tensor(g)
            t[f"param_after_step{step}"] = tensor(p)
        params = {k: (list(v) if isinstance(v, tuple) else v) for k, v in kw.items()}
        cases.append({"name": name, "op": op, "params": params, "tensors": t})
    return cases


def scheduler_cases():
    cases = []
    p = torch.zeros(1, requires_grad=True)

    def run(name, op, params, make, epochs=25, metrics=None):
        opt = torch.optim.SGD([p], lr=0.1)
        sched = make(opt)
        lrs = []
        for e in range(epochs):
            lrs.append(opt.param_groups[0]["lr"])
            opt.step()
            if metrics is None:
                sched.step()
            else:
                sched.step(metrics[e])
        t = {"lr": tensor(lrs)}
        if metrics is not None:
            t["metric"] = tensor(metrics)
        cases.append({"name": name, "op": op, "params": dict(params, initial_lr=0.1, epochs=epochs), "tensors": t})

    run("steplr_step10_gamma0.1", "StepLR", {"step_size": 10, "gamma": 0.1},
        lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=10, gamma=0.1))
    run("exponentiallr_gamma0.9", "ExponentialLR", {"gamma": 0.9},
        lambda o: torch.optim.lr_scheduler.ExponentialLR(o, gamma=0.9))
    loss_like = [1.0, 0.9, 0.85, 0.86, 0.87, 0.84, 0.84, 0.83999, 0.8, 0.81, 0.82, 0.83, 0.79, 0.7, 0.71, 0.72,
                 0.72, 0.6, 0.61, 0.62, 0.63, 0.64, 0.5, 0.5, 0.5]
    acc_like = [0.1, 0.2, 0.3, 0.3, 0.29, 0.35, 0.34, 0.33, 0.36, 0.36, 0.360001, 0.4, 0.4, 0.39, 0.5, 0.49, 0.48,
                0.47, 0.55, 0.56, 0.56, 0.56, 0.56, 0.6, 0.59]
    common = {"factor": 0.8, "patience": 1, "threshold": 1e-4, "threshold_mode": "rel", "cooldown": 0, "min_lr": 0.0,
              "eps": 1e-8}
    run("reducelronplateau_min_factor0.8_patience1", "ReduceLROnPlateau", dict(common, mode="min"),
        lambda o: torch.optim.lr_scheduler.ReduceLROnPlateau(o, mode="min", factor=0.8, patience=1),
        metrics=loss_like)
    run("reducelronplateau_max_factor0.8_patience1", "ReduceLROnPlateau", dict(common, mode="max"),
        lambda o: torch.optim.lr_scheduler.ReduceLROnPlateau(o, mode="max", factor=0.8, patience=1),
        metrics=acc_like)
    return cases


def init_cases():
    cases = []
    layers = [("linear_2048_to_10", nn.Linear(2048, 10)), ("linear_57_to_64", nn.Linear(57, 64)),
              ("conv2d_1_to_8_k5", nn.Conv2d(1, 8, 5)), ("conv2d_64_to_128_k5", nn.Conv2d(64, 128, 5)),
              ("conv1d_32_to_64_k3", nn.Conv1d(32, 64, 3))]
    for name, layer in layers:
        fan_in, _ = nn.init._calculate_fan_in_and_fan_out(layer.weight)
        # reset_parameters(): kaiming_uniform_(weight, a=sqrt(5)) and bias ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in)).
        gain = nn.init.calculate_gain("leaky_relu", math.sqrt(5))
        weight_bound = math.sqrt(3.0) * gain / math.sqrt(fan_in)
        bias_bound = 1 / math.sqrt(fan_in)
        assert float(layer.weight.abs().max()) <= weight_bound and float(layer.bias.abs().max()) <= bias_bound
        cases.append({"name": name, "op": type(layer).__name__,
                      "params": {"weight_shape": list(layer.weight.shape), "fan_in": fan_in,
                                 "weight_bound": weight_bound, "bias_bound": bias_bound},
                      "tensors": {}})
    return cases


def main():
    gen = torch.Generator().manual_seed(20240611)
    write("linear.json", linear_cases(gen))
    conv1, conv2 = conv_cases(gen)
    write("conv1d.json", conv1)
    write("conv2d.json", conv2)
    write("batchnorm.json", batchnorm_cases(gen))
    write("pool.json", pool_cases(gen))
    write("losses.json", loss_cases(gen))
    write("optim.json", optim_cases(gen))
    write("schedulers.json", scheduler_cases())
    write("init.json", init_cases())


if __name__ == "__main__":
    main()
