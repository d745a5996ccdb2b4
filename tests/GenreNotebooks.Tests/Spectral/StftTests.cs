using GenreNotebooks.Spectral;

namespace GenreNotebooks.Tests.Spectral;

public class StftTests
{
    private static float[] Noise(int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();
    }

    [Fact]
    public void Frame_count_and_shape_follow_librosa()
    {
        Assert.Equal(130, Stft.FrameCount(66150, new StftOptions()));          // 1 + 66150 / 512
        Assert.Equal(1292, Stft.FrameCount(661500, new StftOptions()));
        Assert.Equal(1 + (66150 - 2048) / 512, Stft.FrameCount(66150, new StftOptions { Center = false }));
        var s = Stft.Compute(Noise(5000, 1), new StftOptions { NFft = 512, HopLength = 128 });
        Assert.Equal(257, s.Bins);
        Assert.Equal(1 + 5000 / 128, s.Frames);
    }

    [Fact]
    public void Each_frame_is_the_FFT_of_the_windowed_padded_signal()
    {
        var y = Noise(3000, 2);
        var o = new StftOptions { NFft = 256, HopLength = 100, Window = WindowKind.Hamming, PadMode = PadMode.Reflect };
        var s = Stft.Compute(y, o);
        var w = Windows.Hamming(256);
        // numpy reflect padding by 128 on both sides, written out by hand.
        var padded = new float[y.Length + 256];
        for (int i = 0; i < padded.Length; i++)
        {
            int j = i - 128;
            if (j < 0) j = -j;
            if (j >= y.Length) j = 2 * (y.Length - 1) - j;
            padded[i] = y[j];
        }
        foreach (int t in new[] { 0, 1, 15, s.Frames - 1 })
        {
            var frame = new double[256];
            for (int i = 0; i < 256; i++) frame[i] = (double)w[i] * padded[t * 100 + i];
            var re = new double[129];
            var im = new double[129];
            RealFft.Forward(frame, re, im);
            for (int k = 0; k < 129; k++)
            {
                Assert.Equal(re[k], s.Real[k, t], 1e-4);
                Assert.Equal(im[k], s.Imag[k, t], 1e-4);
            }
        }
    }

    [Theory]
    [InlineData(PadMode.Constant, true)]
    [InlineData(PadMode.Reflect, true)]
    [InlineData(PadMode.Edge, true)]
    [InlineData(PadMode.Constant, false)]
    public void Inverse_reconstructs_the_signal(PadMode pad, bool center)
    {
        var y = Noise(8000, 3);
        var o = new StftOptions { NFft = 1024, HopLength = 256, PadMode = pad, Center = center };
        var s = Stft.Compute(y, o);
        var back = Stft.Inverse(s, o, length: y.Length);
        Assert.Equal(y.Length, back.Length);
        // Without centring the first and last n_fft - hop samples are not fully covered by windows.
        int from = center ? 0 : 1024, to = center ? y.Length : s.Frames * 256;
        for (int i = from; i < to; i++) Assert.True(Math.Abs(back[i] - y[i]) < 1e-5, $"sample {i}: {back[i]} vs {y[i]}");
    }

    [Fact]
    public void Inverse_without_length_has_hop_times_frames_minus_one_samples()
    {
        var s = Stft.Compute(Noise(4096, 4));
        Assert.Equal(512 * (s.Frames - 1), Stft.Inverse(s).Length);
    }

    [Fact]
    public void Short_window_is_zero_padded_to_n_fft()
    {
        var o = new StftOptions { NFft = 64, HopLength = 16, WinLength = 32, Window = WindowKind.Rectangular, Center = false };
        var y = new float[64];
        y[10] = 1f;   // outside the centred 32-sample window of frame 0 (samples 16..47)
        y[20] = 2f;   // inside
        var s = Stft.Compute(y, o);
        Assert.Equal(2f, s.Real[0, 0], 5);
    }

    [Fact]
    public void Magnitude_and_power_agree_with_the_complex_values()
    {
        var y = Noise(4000, 5);
        var s = Stft.Compute(y);
        var mag = s.Magnitude();
        var pow = s.Power();
        var mag2 = Spectrogram.Magnitude(y, power: 2f);
        for (int i = 0; i < mag.Data.Length; i += 97)
        {
            double re = s.Real.Data[i], im = s.Imag.Data[i];
            Assert.Equal(Math.Sqrt(re * re + im * im), mag.Data[i], 1e-4);
            Assert.Equal(pow.Data[i], mag2.Data[i], Math.Max(1e-5, pow.Data[i] * 1e-5));
        }
    }

    [Fact]
    public void Bad_settings_and_inputs_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new StftOptions { NFft = 1 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new StftOptions { HopLength = 0 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new StftOptions { WinLength = 4096 }.Validate());
        Assert.Throws<ArgumentException>(() => Stft.Compute(ReadOnlySpan<float>.Empty));
        Assert.Throws<ArgumentException>(() => Stft.Compute(new float[100], new StftOptions { Center = false }));
        var s = Stft.Compute(new float[4096]);
        Assert.Throws<ArgumentException>(() => Stft.Inverse(s, new StftOptions { NFft = 1024 }));
    }
}
