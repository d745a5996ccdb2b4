using GenreNotebooks.Spectral;

namespace GenreNotebooks.Tests.Spectral;

public class MelAndDbTests
{
    [Theory]
    [InlineData(0.0, false)]
    [InlineData(440.0, false)]
    [InlineData(1000.0, false)]
    [InlineData(8000.0, false)]
    [InlineData(440.0, true)]
    [InlineData(11025.0, true)]
    public void Mel_scale_round_trips(double hz, bool htk) =>
        Assert.Equal(hz, MelFilterbank.MelToHz(MelFilterbank.HzToMel(hz, htk), htk), 1e-9);

    [Fact]
    public void Mel_scale_has_librosa_anchor_values()
    {
        Assert.Equal(15.0, MelFilterbank.HzToMel(1000), 1e-12);           // Slaney: linear part ends at 1 kHz = 15 mel
        Assert.Equal(6.6, MelFilterbank.HzToMel(440), 1e-12);             // 440 / (200/3)
        Assert.Equal(1000.0, MelFilterbank.HzToMel(1000, htk: true), 1e-1); // HTK's 1000 Hz is ~1000 mel
        Assert.Equal(new[] { 0.0, 10.7666015625, 11025.0 }, MelFilterbank.FftFrequencies(22050, 2048).Where((_, k) => k is 0 or 1 or 1024));
    }

    [Fact]
    public void Htk_and_unnormalised_filters_peak_at_one()
    {
        var fb = MelFilterbank.Create(new MelOptions { NMels = 40, Htk = true, Norm = MelNorm.None, NFft = 4096 });
        Assert.Equal(40, fb.Rows);
        Assert.Equal(2049, fb.Cols);
        for (int m = 5; m < 40; m++) Assert.InRange(fb.Row(m).ToArray().Max(), 0.9f, 1.0f);
    }

    [Fact]
    public void FromPower_equals_the_direct_mel_spectrogram()
    {
        var rng = new Random(7);
        var y = Enumerable.Range(0, 10000).Select(_ => (float)(rng.NextDouble() - 0.5)).ToArray();
        var direct = MelSpectrogram.Compute(y, 16000, new MelOptions { NMels = 64 }, new StftOptions { NFft = 1024, HopLength = 256 });
        var power = Spectrogram.Magnitude(y, new StftOptions { NFft = 1024, HopLength = 256 }, power: 2f);
        var viaPower = MelSpectrogram.FromPower(power, new MelOptions { NMels = 64, SampleRate = 16000, NFft = 1024 });
        for (int i = 0; i < direct.Data.Length; i++)
            Assert.Equal(direct.Data[i], viaPower.Data[i], Math.Max(1e-6, direct.Data[i] * 1e-5));
        Assert.Throws<ArgumentException>(() => MelSpectrogram.FromPower(power, new MelOptions()));
    }

    [Fact]
    public void Power_to_db_follows_librosa_semantics()
    {
        var s = new FloatMatrix(1, 4, [1f, 100f, 1e-3f, 0f]);
        var db = Decibels.PowerToDb(s, topDb: null);
        Assert.Equal(new[] { 0f, 20f, -30f, -100f }, db.Data.Select(v => MathF.Round(v, 4)));
        var clipped = Decibels.PowerToDb(s, reference: 10f, topDb: 40f);
        Assert.Equal(new[] { -10f, 10f, -30f, -30f }, clipped.Data.Select(v => MathF.Round(v, 4)));
        var refMax = Decibels.PowerToDbRefMax(s);
        Assert.Equal(0f, refMax.Data.Max());
        Assert.Equal(-80f, refMax.Data.Min(), 4);
        var amp = Decibels.AmplitudeToDb(new FloatMatrix(1, 2, [10f, -0.1f]), topDb: null);
        Assert.Equal(new[] { 20f, -20f }, amp.Data.Select(v => MathF.Round(v, 4)));
        var back = Decibels.DbToPower(Decibels.PowerToDb(new FloatMatrix(1, 2, [3f, 0.25f]), topDb: null));
        Assert.Equal(3f, back.Data[0], 4);
        Assert.Equal(0.25f, back.Data[1], 5);
        Assert.Throws<ArgumentOutOfRangeException>(() => Decibels.PowerToDb(s, amin: 0f));
        Assert.Throws<ArgumentOutOfRangeException>(() => Decibels.PowerToDb(s, topDb: -1f));
    }

    [Fact]
    public void Dct_type_3_ortho_inverts_type_2_ortho()
    {
        var rng = new Random(3);
        var x = new FloatMatrix(16, 5, Enumerable.Range(0, 80).Select(_ => (float)rng.NextDouble()).ToArray());
        var back = Dct.AlongRows(Dct.AlongRows(x, 16, 2), 16, 3);
        for (int i = 0; i < x.Data.Length; i++) Assert.Equal(x.Data[i], back.Data[i], 5);
        // The DC coefficient of ortho DCT-II is sum / sqrt(N).
        var dc = Dct.AlongRows(x, 1, 2);
        Assert.Equal(x.Column(0).Sum() / 4f, dc[0, 0], 5);
    }

    [Fact]
    public void Mfcc_lifter_scales_coefficients_as_librosa()
    {
        var rng = new Random(4);
        var logMel = new FloatMatrix(128, 3, Enumerable.Range(0, 384).Select(_ => (float)(rng.NextDouble() * -80)).ToArray());
        var plain = Mfcc.FromLogMel(logMel);
        var liftered = Mfcc.FromLogMel(logMel, new MfccOptions { Lifter = 22 });
        for (int k = 0; k < 20; k++)
        {
            double scale = 1 + 11 * Math.Sin(Math.PI * (k + 1) / 22);
            Assert.Equal(plain[k, 1] * scale, liftered[k, 1], Math.Abs(plain[k, 1] * scale) * 1e-5 + 1e-4);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => Mfcc.FromLogMel(logMel, new MfccOptions { NMfcc = 200 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MfccOptions { DctType = 1 }.Validate());
    }

    [Fact]
    public void Windows_match_their_formulas()
    {
        Assert.Equal(1f, Windows.Hann(4)[2], 6);                        // periodic: peak at N/2
        Assert.Equal(0f, Windows.Hann(5, periodic: false)[4], 6);       // symmetric: ends at 0
        Assert.Equal(0.08f, Windows.Hamming(9, periodic: false)[0], 6);
        Assert.Equal(0f, Windows.Blackman(8)[0], 6);
        Assert.Equal(1f, Windows.Blackman(8)[4], 6);
        Assert.All(Windows.Rectangular(7), v => Assert.Equal(1f, v));
        Assert.Equal([1f], Windows.Get(WindowKind.Hann, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Windows.Hann(0));
    }
}
