using GenreNotebooks.Spectral;

namespace GenreNotebooks.Segments;

/// <summary>
/// The one STFT pass the segment analysis needs: every frame is transformed once (librosa's default centred, Hann,
/// zero-padded STFT) and gives both its power spectrum (kept, for the tuning estimate and the chroma) and its mel
/// projection (for the log-mel behind the onset envelope and the MFCCs), so nothing is transformed twice.
/// </summary>
internal static class SegmentSpectra
{
    /// <summary>Power spectrogram (1 + n_fft/2, frames) and mel power spectrogram (n_mels, frames) of <paramref name="y"/>.</summary>
    public static (FloatMatrix Power, FloatMatrix MelPower) Compute(ReadOnlySpan<float> y, int sampleRate, SegmentOptions options)
    {
        var stft = new StftOptions { NFft = options.NFft, HopLength = options.HopLength };
        var bank = MelFilterbank.CreateSparse(new MelOptions { SampleRate = sampleRate, NFft = options.NFft, NMels = options.NMels });
        var computer = new StftFrameComputer(stft);
        int frames = Stft.FrameCount(y.Length, stft);
        int bins = stft.Bins, bands = bank.Bands;
        var power = new FloatMatrix(bins, frames);
        var mel = new FloatMatrix(bands, frames);
        var p = power.Data;
        var m = mel.Data;
        var spectrum = new double[bins];
        var projected = new double[bands];
        // Frames are gathered in blocks and stored bin-major per block, so each row of the (bins, frames) output
        // receives a short contiguous run instead of one scattered store per frame.
        const int block = 16;
        var blockPower = new float[block * bins];
        for (int t0 = 0; t0 < frames; t0 += block)
        {
            int count = Math.Min(block, frames - t0);
            for (int b = 0; b < count; b++)
            {
                int t = t0 + b;
                computer.Compute(y, t);
                var re = computer.Real;
                var im = computer.Imag;
                for (int k = 0; k < bins; k++)
                {
                    double s = re[k] * re[k] + im[k] * im[k];
                    spectrum[k] = s;
                    blockPower[k * block + b] = (float)s;
                }
                bank.Project(spectrum, projected);
                for (int j = 0, idx = t; j < bands; j++, idx += frames) m[idx] = (float)projected[j];
            }
            for (int k = 0; k < bins; k++)
                blockPower.AsSpan(k * block, count).CopyTo(p.AsSpan(k * frames + t0, count));
        }
        return (power, mel);
    }

    /// <summary>
    /// RMS of consecutive blocks of <paramref name="hopLength"/> samples: block k covers samples
    /// <c>[k * hop, (k + 1) * hop)</c>; the last, partial block (if any) is the RMS of the samples it has.
    /// The full blocks are <c>librosa.feature.rms(y=y, frame_length=hop, hop_length=hop, center=False)</c>.
    /// </summary>
    public static float[] BlockRms(ReadOnlySpan<float> y, int hopLength)
    {
        int blocks = (y.Length + hopLength - 1) / hopLength;
        var rms = new float[blocks];
        for (int k = 0; k < blocks; k++)
        {
            var s = y.Slice(k * hopLength, Math.Min(hopLength, y.Length - k * hopLength));
            double sum = 0;
            foreach (float v in s) sum += (double)v * v;
            rms[k] = (float)Math.Sqrt(sum / s.Length);
        }
        return rms;
    }
}
