namespace GenreNotebooks.Nn.Autograd;

/// <summary>
/// The settings of a recorded op that its inputs do not show (strides, paddings, axes, constants), kept on its
/// <see cref="GradNode"/> so a traced forward pass can be rebuilt as another engine's graph (ONNX export).
/// </summary>
internal abstract record OpAttributes;

/// <summary>Convolution: strides and explicit paddings (a 1-D convolution has height stride 1 and no top/bottom padding).</summary>
internal sealed record ConvAttributes(int StrideH, int StrideW, int PadTop, int PadBottom, int PadLeft, int PadRight) : OpAttributes;

/// <summary>Max pooling without padding, floor mode (a 1-D pool has height 1).</summary>
internal sealed record PoolAttributes(int KernelH, int KernelW, int StrideH, int StrideW) : OpAttributes;

/// <summary>(Log-)softmax along <paramref name="Dim"/> (already normalised to 0..rank-1).</summary>
internal sealed record SoftmaxAttributes(int Dim) : OpAttributes;

/// <summary>Sum over every element (<paramref name="Dim"/> null) or along one normalised dimension.</summary>
internal sealed record SumAttributes(int? Dim, bool KeepDim) : OpAttributes;

/// <summary><c>x * Scale + Shift</c>, the tensor-and-constant arithmetic operators.</summary>
internal sealed record ScalarAffineAttributes(float Scale, float Shift) : OpAttributes;

/// <summary><c>x ^ Exponent</c>.</summary>
internal sealed record PowAttributes(float Exponent) : OpAttributes;

/// <summary>
/// Batch normalisation (optionally fused with ReLU, or with ReLU and 2x2/2 max pooling): the statistics it used
/// (running ones in eval, the batch's in training) and eps; weight and bias are among the node's inputs as well.
/// </summary>
internal sealed record BatchNormAttributes(Tensor? RunningMean, Tensor? RunningVar, Tensor? Weight, Tensor? Bias, bool Training, float Eps) : OpAttributes;
