
using NWaves.FeatureExtractors;
using NWaves.FeatureExtractors.Options;
using NWaves.Filters.Fda;
using NWaves.Windows;

namespace GenreNotebooks.Cli.Bench;

/// <summary>
/// NWaves 0.9.6 set up as close to librosa's defaults as its options allow: 128 Slaney mel filters (area-normalised)
/// over 0-11025 Hz, n_fft 2048, hop 512, Hann window, power spectrum; MFCC: 20 coefficients, 10*log10 with a 1e-10
/// floor, orthonormal DCT-II. What it cannot match: its Hann window is symmetric (librosa's periodic), its frames are
/// not centred (librosa pads n_fft/2 on both sides), and its MFCC has no top_db = 80 clipping.
/// </summary>
internal sealed class NWavesPeer
{
    private const int Rate = 22050, NFft = 2048, Hop = 512;

    private readonly FilterbankExtractor _mel;
    private readonly MfccExtractor _mfcc;

    public NWavesPeer()
    {
        var bank = FilterBanks.MelBankSlaney(128, NFft, Rate, 0, Rate / 2.0, normalizeGain: true);
        _mel = new FilterbankExtractor(new FilterbankOptions
        {
            SamplingRate = Rate, FrameSize = NFft, HopSize = Hop, FftSize = NFft, FilterBank = bank,
            Window = WindowType.Hann, SpectrumType = SpectrumType.Power, NonLinearity = NonLinearityType.None,
        });
        _mfcc = new MfccExtractor(new MfccOptions
        {
            SamplingRate = Rate, FeatureCount = 20, FrameSize = NFft, HopSize = Hop, FftSize = NFft, FilterBank = bank,
            Window = WindowType.Hann, SpectrumType = SpectrumType.Power, NonLinearity = NonLinearityType.ToDecibel,
            LogFloor = 1e-10f, DctType = "2N",
        });
    }

    public List<float[]> Mel(float[] y) => _mel.ComputeFrom(y);

    public List<float[]> Mfcc(float[] y) => _mfcc.ComputeFrom(y);

    /// <summary>
    /// Compares NWaves' frames with ours (rows = bands or coefficients, columns = frames). NWaves' frame k covers
    /// samples [k*hop, k*hop + n_fft), centred where our centred frame k + n_fft/(2 hop) is.
    /// </summary>
    public static (double MaxAbs, double MaxRelativeToPeak, double MedianRelative) Error(FloatMatrix ours, List<float[]> theirs)
    {
        int shift = NFft / (2 * Hop);
        int frames = Math.Min(theirs.Count, ours.Cols - shift);
        double peak = 0, maxAbs = 0;
        var relative = new List<double>(frames * ours.Rows);
        for (int k = 0; k < frames; k++)
            for (int r = 0; r < ours.Rows; r++)
                peak = Math.Max(peak, Math.Abs(ours[r, k + shift]));
        for (int k = 0; k < frames; k++)
            for (int r = 0; r < ours.Rows; r++)
            {
                double a = ours[r, k + shift], d = Math.Abs(theirs[k][r] - a);
                maxAbs = Math.Max(maxAbs, d);
                if (Math.Abs(a) > 1e-3 * peak) relative.Add(d / Math.Abs(a));
            }
        relative.Sort();
        return (maxAbs, peak > 0 ? maxAbs / peak : 0, relative.Count > 0 ? relative[relative.Count / 2] : 0);
    }
}
