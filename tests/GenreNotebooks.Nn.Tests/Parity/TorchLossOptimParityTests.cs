using GenreNotebooks.Nn.Modules;
using GenreNotebooks.Nn.Optim;
using GenreNotebooks.Nn.Tests.Support;

namespace GenreNotebooks.Nn.Tests.Parity;

public class TorchLossOptimParityTests
{
    public static IEnumerable<object[]> LossCases => TorchFixtures.Names("losses.json");
    public static IEnumerable<object[]> OptimCases => TorchFixtures.Names("optim.json");
    public static IEnumerable<object[]> SchedulerCases => TorchFixtures.Names("schedulers.json");
    public static IEnumerable<object[]> InitCases => TorchFixtures.Names("init.json");

    [Theory]
    [MemberData(nameof(LossCases))]
    public void Losses_and_log_softmax_match_pytorch(string name)
    {
        var c = TorchFixtures.Case("losses.json", name);
        var x = c["input"].ToTensor().RequiresGrad_();
        if (c.Op == "log_softmax")
        {
            var y = Functional.LogSoftmax(x, c.Params["dim"].GetInt32());
            Close.All(c["output"].Data, y.AsSpan(), 1e-5, 1e-5, "output");
            y.Backward(c["grad_output"].ToTensor());
        }
        else
        {
            var weight = c.Params["weighted"].GetBoolean() ? c["weight"].ToTensor() : null;
            int[] target = c["target"].AsInts();
            var loss = c.Op == "cross_entropy"
                ? new CrossEntropyLoss(weight, (float)c.Params["label_smoothing"].GetDouble()).Forward(x, target)
                : new NLLLoss(weight).Forward(x, target);
            Close.All(c["loss"].Data, loss.AsSpan(), 1e-5, 1e-6, "loss");
            loss.Backward();
        }
        Close.All(c["grad_input"].Data, x.Grad!.AsSpan(), 1e-5, 1e-6, "grad_input");
    }

    [Theory]
    [MemberData(nameof(OptimCases))]
    public void Optimizer_steps_match_pytorch(string name)
    {
        var c = TorchFixtures.Case("optim.json", name);
        var p = c["param"].ToTensor().RequiresGrad_();
        float lr = (float)c.Params["lr"].GetDouble(), wd = (float)c.Params["weight_decay"].GetDouble();
        Optimizer opt = c.Op switch
        {
            "Adam" => new Adam([p], lr, eps: (float)c.Params["eps"].GetDouble(), weightDecay: wd),
            "AdamW" => new AdamW([p], lr, eps: (float)c.Params["eps"].GetDouble(), weightDecay: wd),
            _ => new SGD([p], lr, (float)c.Params["momentum"].GetDouble(), wd, c.Params["nesterov"].GetBoolean()),
        };
        p.Grad = c["grad_step1"].ToTensor();
        opt.Step();
        Close.All(c["param_after_step1"].Data, p.AsSpan(), 1e-5, 1e-7, "step 1");
        p.Grad = c["grad_step2"].ToTensor();
        opt.Step();
        Close.All(c["param_after_step2"].Data, p.AsSpan(), 1e-4, 1e-7, "step 2");
    }

    [Theory]
    [MemberData(nameof(SchedulerCases))]
    public void Scheduler_learning_rates_match_pytorch(string name)
    {
        var c = TorchFixtures.Case("schedulers.json", name);
        var opt = new SGD([Tensor.Zeros(1).RequiresGrad_()], (float)c.Params["initial_lr"].GetDouble());
        int epochs = c.Params["epochs"].GetInt32();
        var lrs = new float[epochs];
        Action<int> step = c.Op switch
        {
            "StepLR" => new StepLR(opt, c.Params["step_size"].GetInt32(), (float)c.Params["gamma"].GetDouble()) is var s ? _ => s.Step() : null!,
            "ExponentialLR" => new ExponentialLR(opt, (float)c.Params["gamma"].GetDouble()) is var s2 ? _ => s2.Step() : null!,
            _ => new ReduceLROnPlateau(opt, c.Params["mode"].GetString()!, (float)c.Params["factor"].GetDouble(), c.Params["patience"].GetInt32(),
                    (float)c.Params["threshold"].GetDouble(), c.Params["threshold_mode"].GetString()!, c.Params["cooldown"].GetInt32(),
                    (float)c.Params["min_lr"].GetDouble(), (float)c.Params["eps"].GetDouble()) is var r
                ? e => r.Step(c["metric"].Data[e]) : null!,
        };
        for (int e = 0; e < epochs; e++)
        {
            lrs[e] = opt.LearningRate;
            step(e);
        }
        // Learning rates are float32 here (PyTorch keeps Python doubles): agreement to float precision.
        Close.All(c["lr"].Data, lrs, 1e-6, 0, "lr");
    }

    [Theory]
    [MemberData(nameof(InitCases))]
    public void Default_init_bounds_match_pytorch(string name)
    {
        var c = TorchFixtures.Case("init.json", name);
        var shape = c.Params["weight_shape"].EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var g = new Generator(5);
        Module layer = c.Op switch
        {
            "Linear" => new Linear(shape[1], shape[0], generator: g),
            "Conv2d" => new Conv2d(shape[1], shape[0], shape[2], generator: g),
            _ => new Conv1d(shape[1], shape[0], shape[2], generator: g),
        };
        var w = layer.NamedParameters().Single(p => p.Key == "weight").Value;
        var b = layer.NamedParameters().Single(p => p.Key == "bias").Value;
        Assert.Equal(shape, w.Shape);
        Assert.Equal(c.Params["fan_in"].GetInt32(), Init.FanInAndFanOut(w).FanIn);
        double wb = c.Params["weight_bound"].GetDouble(), bb = c.Params["bias_bound"].GetDouble();
        Assert.All(w.ToArray(), v => Assert.InRange(Math.Abs(v), 0, wb * (1 + 1e-6)));
        Assert.All(b.ToArray(), v => Assert.InRange(Math.Abs(v), 0, bb * (1 + 1e-6)));
        // The draws fill the interval: the largest magnitude is close to the bound for big tensors.
        if (w.Numel > 1000) Assert.InRange(w.ToArray().Max(Math.Abs), wb * 0.99, wb * (1 + 1e-6));
    }
}
