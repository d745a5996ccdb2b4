namespace GenreNotebooks.Nn;

/// <summary>
/// Weight initialisation in place (<c>torch.nn.init</c>): uniform/normal/constant, Kaiming (He) and Xavier (Glorot),
/// with PyTorch's fan computation (fan_in = in_channels × kernel elements). Layers use PyTorch's defaults
/// (<see cref="KaimingUniform"/> with a = √5); notebooks may re-initialise with these.
/// </summary>
public static class Init
{
    /// <summary>Fills with U(<paramref name="low"/>, <paramref name="high"/>) (<c>init.uniform_</c>).</summary>
    public static Tensor Uniform(Tensor tensor, float low = 0f, float high = 1f, Generator? generator = null)
    {
        var g = generator ?? Torch.DefaultGenerator;
        var s = tensor.AsSpan();
        for (int i = 0; i < s.Length; i++) s[i] = (float)(low + (high - low) * g.NextDouble());
        return tensor;
    }

    /// <summary>Fills with N(<paramref name="mean"/>, <paramref name="std"/>²) (<c>init.normal_</c>).</summary>
    public static Tensor Normal(Tensor tensor, float mean = 0f, float std = 1f, Generator? generator = null)
    {
        var g = generator ?? Torch.DefaultGenerator;
        var s = tensor.AsSpan();
        for (int i = 0; i < s.Length; i++) s[i] = (float)(mean + std * g.NextGaussian());
        return tensor;
    }

    /// <summary>Fills with <paramref name="value"/> (<c>init.constant_</c>).</summary>
    public static Tensor Constant(Tensor tensor, float value)
    {
        tensor.AsSpan().Fill(value);
        return tensor;
    }

    /// <summary>Fills with zeros (<c>init.zeros_</c>).</summary>
    public static Tensor Zeros(Tensor tensor) => Constant(tensor, 0f);

    /// <summary>Fills with ones (<c>init.ones_</c>).</summary>
    public static Tensor Ones(Tensor tensor) => Constant(tensor, 1f);

    /// <summary>
    /// (fan_in, fan_out) of a weight [out, in, k...]: in × receptive field and out × receptive field
    /// (<c>init._calculate_fan_in_and_fan_out</c>).
    /// </summary>
    public static (int FanIn, int FanOut) FanInAndFanOut(Tensor tensor)
    {
        if (tensor.Rank < 2) throw new ArgumentException($"Init: fan in and fan out need at least 2 dimensions, got {Tensor.ShapeString(tensor.Shape)}.");
        int receptive = 1;
        for (int d = 2; d < tensor.Rank; d++) receptive *= tensor.Size(d);
        return (tensor.Size(1) * receptive, tensor.Size(0) * receptive);
    }

    /// <summary>Recommended gain (<c>init.calculate_gain</c>): "linear"/"conv"/"sigmoid" 1, "tanh" 5/3, "relu" √2, "leaky_relu" √(2/(1+a²)).</summary>
    public static float CalculateGain(string nonlinearity, float param = 0.01f) => nonlinearity switch
    {
        "linear" or "conv1d" or "conv2d" or "sigmoid" => 1f,
        "tanh" => 5f / 3f,
        "relu" => MathF.Sqrt(2f),
        "leaky_relu" => MathF.Sqrt(2f / (1f + param * param)),
        _ => throw new ArgumentException($"Init: unsupported nonlinearity '{nonlinearity}'."),
    };

    /// <summary>
    /// He uniform (<c>init.kaiming_uniform_(t, a, mode, nonlinearity)</c>): U(-b, b) with
    /// b = gain × √(3 / fan), gain from <paramref name="nonlinearity"/> and <paramref name="a"/>.
    /// </summary>
    public static Tensor KaimingUniform(Tensor tensor, float a = 0f, string mode = "fan_in", string nonlinearity = "leaky_relu", Generator? generator = null)
    {
        float std = KaimingStd(tensor, a, mode, nonlinearity);
        float bound = MathF.Sqrt(3f) * std;
        return Uniform(tensor, -bound, bound, generator);
    }

    /// <summary>He normal (<c>init.kaiming_normal_</c>): N(0, (gain / √fan)²).</summary>
    public static Tensor KaimingNormal(Tensor tensor, float a = 0f, string mode = "fan_in", string nonlinearity = "leaky_relu", Generator? generator = null) =>
        Normal(tensor, 0f, KaimingStd(tensor, a, mode, nonlinearity), generator);

    /// <summary>Glorot uniform (<c>init.xavier_uniform_</c>): U(-b, b), b = gain × √(6 / (fan_in + fan_out)); Keras' default.</summary>
    public static Tensor XavierUniform(Tensor tensor, float gain = 1f, Generator? generator = null)
    {
        var (fanIn, fanOut) = FanInAndFanOut(tensor);
        float bound = gain * MathF.Sqrt(6f / (fanIn + fanOut));
        return Uniform(tensor, -bound, bound, generator);
    }

    /// <summary>Glorot normal (<c>init.xavier_normal_</c>): N(0, gain² × 2 / (fan_in + fan_out)).</summary>
    public static Tensor XavierNormal(Tensor tensor, float gain = 1f, Generator? generator = null)
    {
        var (fanIn, fanOut) = FanInAndFanOut(tensor);
        return Normal(tensor, 0f, gain * MathF.Sqrt(2f / (fanIn + fanOut)), generator);
    }

    private static float KaimingStd(Tensor tensor, float a, string mode, string nonlinearity)
    {
        var (fanIn, fanOut) = FanInAndFanOut(tensor);
        int fan = mode switch
        {
            "fan_in" => fanIn,
            "fan_out" => fanOut,
            _ => throw new ArgumentException($"Init: mode '{mode}' not supported, use 'fan_in' or 'fan_out'."),
        };
        if (fan == 0) throw new ArgumentException($"Init: cannot initialise an empty tensor {Tensor.ShapeString(tensor.Shape)}.");
        return CalculateGain(nonlinearity, a) / MathF.Sqrt(fan);
    }
}
