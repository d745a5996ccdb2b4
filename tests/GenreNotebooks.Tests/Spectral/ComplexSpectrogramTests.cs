using GenreNotebooks.Spectral;

namespace GenreNotebooks.Tests.Spectral;

public class ComplexSpectrogramTests
{
    [Fact]
    public void Magnitude_and_power_are_elementwise_abs_and_abs_squared_computed_in_float64()
    {
        var s = new ComplexSpectrogram(new FloatMatrix(2, 2, [3, 0, -1, 1e-20f]), new FloatMatrix(2, 2, [4, -2, 0, 1e-20f]));
        Assert.Equal((2, 2), (s.Bins, s.Frames));
        Assert.Equal([5f, 2f, 1f, (float)Math.Sqrt(2e-40)], s.Magnitude().Data);
        Assert.Equal([25f, 4f, 1f, (float)2e-40], s.Power().Data);   // squared in float64: 1e-20 * 1e-20 is not lost
    }

    [Fact]
    public void Columns_of_an_stft_are_the_spectra_of_its_frames()
    {
        // A cosine at bin 8 of a 64-point frame: the magnitude of every interior frame peaks at bin 8.
        var y = Enumerable.Range(0, 640).Select(i => (float)Math.Cos(2 * Math.PI * 8 * i / 64)).ToArray();
        var s = Stft.Compute(y, new StftOptions { NFft = 64, HopLength = 16 });
        Assert.Equal(33, s.Bins);
        Assert.Equal(1 + 640 / 16, s.Frames);
        var column = s.Magnitude().Column(20);
        Assert.Equal(8, Array.IndexOf(column, column.Max()));
    }

    [Fact]
    public void Parts_of_different_shapes_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new ComplexSpectrogram(new FloatMatrix(2, 3), new FloatMatrix(3, 2)));
        Assert.Contains("(2, 3)", e.Message);
        Assert.Contains("(3, 2)", e.Message);
    }
}
