using GenreNotebooks.Models;
using GenreNotebooks.Nn;
using Xunit.Abstractions;

namespace GenreNotebooks.Tests.Models;

public class ModelCatalogTests(ITestOutputHelper output)
{
    public static TheoryData<string> AllNames()
    {
        var data = new TheoryData<string>();
        foreach (var n in ModelCatalog.Names) data.Add(n);
        return data;
    }

    // A second input size per model family: a shorter clip or fewer features.
    private static int[] OtherShape(IReadOnlyList<int> typical) => typical.Count switch
    {
        3 => [typical[0], 48, 80],
        2 => [typical[0], typical[1] == 57 ? 51 : 256],
        _ => [40],
    };

    private static int[] ForwardShape(string name, int[] inputShape, int classes)
    {
        var model = ModelCatalog.Build(name, inputShape, classes, seed: 1);
        model.Eval();
        using var noGrad = Torch.NoGrad();
        using var x = Tensor.Randn([2, .. inputShape], new Generator(2));
        using var y = model.Forward(x);
        Assert.All(y.ToArray(), v => Assert.True(float.IsFinite(v)));
        return y.Shape.ToArray();
    }

    [Theory]
    [MemberData(nameof(AllNames))]
    public void Every_model_builds_and_maps_its_typical_input_to_class_logits(string name)
    {
        // The summary runs one sample through the network (batch 1, eval mode): one forward pass at full size.
        var spec = ModelCatalog.Get(name);
        var summary = spec.Build(9).Summary(spec.TypicalInputShape.ToArray());
        output.WriteLine($"{name} ({string.Join("x", spec.TypicalInputShape)}): {summary.TotalParameters:N0} parameters, {summary.TrainableParameters:N0} trainable");
        output.WriteLine(summary.ToString());
        Assert.Equal([-1, 9], summary.Rows[^1].OutputShape);   // -1: the batch dimension, as Keras' None
        Assert.True(summary.TrainableParameters > 0);
    }

    [Theory]
    [MemberData(nameof(AllNames))]
    public void Every_model_adapts_to_another_input_size(string name)
    {
        var other = OtherShape(ModelCatalog.Get(name).TypicalInputShape);
        Assert.Equal([2, 10], ForwardShape(name, other, 10));
    }

    [Fact]
    public void Same_seed_gives_the_same_weights_and_another_seed_different_ones()
    {
        var a = ModelCatalog.Build("features-1d-cnn", [1, 57], 10, seed: 5).StateDict();
        var b = ModelCatalog.Build("features-1d-cnn", [1, 57], 10, seed: 5).StateDict();
        var c = ModelCatalog.Build("features-1d-cnn", [1, 57], 10, seed: 6).StateDict();
        foreach (var key in a.Keys) Assert.Equal(a[key].ToArray(), b[key].ToArray());
        Assert.NotEqual(a["0.weight"].ToArray(), c["0.weight"].ToArray());
    }

    [Fact]
    public void BU_final_with_valid_padding_on_the_papers_input_has_the_papers_445886_parameters()
    {
        // Fig. 16: input 515x389 RGB, 14 classes; 445,886 total, 445,390 trainable, 496 non-trainable (BN statistics).
        var options = new BuConvNetOptions { Filters = [8, 16, 32, 64, 128], KernelSize = 5, BatchNorm = true, Dropout = 0.2f, Padding = "valid" };
        var summary = BuConvNet.Create(options, [3, 515, 389], 14).Summary(3, 515, 389);
        Assert.Equal(445_886, summary.TotalParameters);
        Assert.Equal(445_390, summary.TrainableParameters);
        Assert.Equal(496, summary.NonTrainableParameters);
    }

    [Fact]
    public void DTU_mlp_on_40_features_and_10_genres_has_the_papers_parameter_count()
    {
        // Figure 5: 41984 + 524800 + 131328 + 32896 + 8256 + 2080 + 330.
        Assert.Equal(741_674, ModelCatalog.Build("dtu-mlp", [40], 10).ParameterCount());
    }

    [Fact]
    public void Gottingen_first_convolution_has_the_papers_2928_parameters()
    {
        var summary = ModelCatalog.Build("gottingen-1d-cnn", [12, 512], 8).Summary(12, 512);
        Assert.Equal(2928, summary.Rows.First(r => r.Parameters > 0).Parameters);
        // Text kernels 5, 2, 2 ('valid'): 512 -> 508 -> 254 -> 253 -> 126 -> 125 -> 62; flatten 62 x 64.
        Assert.Equal(2928 + (48 * 2 * 64 + 64) + (64 * 2 * 64 + 64) + (62 * 64 * 64 + 64) + (64 * 8 + 8), summary.TotalParameters);
    }

    [Fact]
    public void Recipes_carry_the_papers_settings()
    {
        var bu = ModelCatalog.Get("bu-baseline").Recipe;
        Assert.Equal(OptimizerKind.Adam, bu.Optimizer);
        Assert.Equal(0.001, bu.LearningRate);
        var probe = bu.CreateOptimizer(ModelCatalog.Build("dtu-mlp", [4], 2).Parameters());
        var plateau = Assert.IsType<GenreNotebooks.Nn.Optim.ReduceLROnPlateau>(bu.CreateScheduler(probe));
        Assert.Equal((0.8f, 0, "abs"), (plateau.Factor, plateau.Patience, plateau.ThresholdMode));   // Keras patience 1
        var fin = ModelCatalog.Get("bu-final").Recipe;
        Assert.Equal(0.0015, fin.LearningRate);
        Assert.NotNull(fin.CreateEarlyStopping());
        var uct = ModelCatalog.Get("uct-final").Recipe;
        Assert.Equal((OptimizerKind.Sgd, 0.0007, 0.9, 0.002), (uct.Optimizer, uct.LearningRate, uct.Momentum, uct.WeightDecay));
        var step = Assert.IsType<GenreNotebooks.Nn.Optim.StepLR>(uct.CreateScheduler(probe));
        Assert.Equal((10, 0.1f), (step.StepSize, step.Gamma));
        var got = ModelCatalog.Get("gottingen-1d-cnn").Recipe.CreateEarlyStopping()!;
        Assert.Equal((8, 0.01), (got.Patience, got.MinDelta));
        Assert.Equal(32, ModelCatalog.Get("dtu-mlp").Recipe.BatchSize);
        Assert.Equal(0.5f, Assert.IsType<GenreNotebooks.Nn.Optim.StepLR>(ModelCatalog.Get("features-1d-cnn").Recipe.CreateScheduler(probe)).Gamma);
        Assert.NotSame(fin.CreateEarlyStopping(), fin.CreateEarlyStopping());   // fresh state per run
        output.WriteLine(fin.ToString());
    }

    [Fact]
    public void Unknown_names_and_unfit_inputs_are_refused_with_a_clear_message()
    {
        var e = Assert.Throws<ArgumentException>(() => ModelCatalog.Get("resnet"));
        Assert.Contains("bu-final", e.Message);
        var small = Assert.Throws<ArgumentException>(() => ModelCatalog.Build("bu-baseline", [1, 16, 16], 9));
        Assert.Contains("too small", small.Message);
        Assert.Throws<ArgumentException>(() => ModelCatalog.Build("dtu-mlp", [1, 57], 9));
        Assert.Throws<ArgumentOutOfRangeException>(() => ModelCatalog.Build("dtu-mlp", [57], 1));
        Assert.Throws<ArgumentException>(() => BuConvNet.Create(new BuConvNetOptions { Padding = "full" }, [1, 128, 130], 9));
    }
}
