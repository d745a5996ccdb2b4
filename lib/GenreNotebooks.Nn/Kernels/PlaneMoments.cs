namespace GenreNotebooks.Nn.Kernels;

/// <summary>
/// Per-(sample, channel) plane sums and squared deviations from the plane means (<see cref="BatchNormKernels.PlaneMoments"/>)
/// of a convolution's output, filled by the convolution while each output block is still in cache so that a following
/// training-mode BatchNorm2d needs no pass over the activations for its statistics.
/// </summary>
internal sealed class PlaneMoments
{
    /// <summary>Σ x per plane, index sample·C + channel.</summary>
    public double[] Sum { get; private set; } = [];

    /// <summary>Σ (x - plane mean)² per plane, index sample·C + channel.</summary>
    public double[] M2 { get; private set; } = [];

    /// <summary>Values per plane (H·W of the output).</summary>
    public int PlaneLength { get; private set; }

    /// <summary>Sizes the arrays for <paramref name="planes"/> planes of <paramref name="planeLength"/> values.</summary>
    public void Reset(int planes, int planeLength)
    {
        if (Sum.Length != planes) { Sum = new double[planes]; M2 = new double[planes]; }
        PlaneLength = planeLength;
    }

    /// <summary>Records planes <c>[first, first + count)</c> of <paramref name="data"/> (contiguous planes from the start).</summary>
    public void Record(int first, int count, ReadOnlySpan<float> data)
    {
        for (int p = 0; p < count; p++)
            (Sum[first + p], M2[first + p]) = BatchNormKernels.PlaneMoments(data.Slice(p * PlaneLength, PlaneLength));
    }
}
