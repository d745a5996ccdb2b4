using System.Globalization;
using System.Text.Json;
using GenreNotebooks.Datasets;
using GenreNotebooks.Models;
using GenreNotebooks.Spectral;

namespace GenreNotebooks.Cli.Export;

/// <summary>
/// What an exported classifier's <c>metadata_props</c> hold, so a caller in any language can prepare the input and
/// read the output without this project: the model file's own metadata (<see cref="MelClassifier.Metadata"/>: the
/// genre labels, the clip, STFT, mel and dB settings, the input pooling and scaling, the training data), then the
/// output kind, the input shape and the preprocessing in words. Every value is a string; <c>genres</c> is a JSON array.
/// </summary>
internal static class MelClassifierOnnxMetadata
{
    /// <summary>The network's input shape without the batch: (1, n_mels / pool, frames / pool).</summary>
    public static int[] InputShape(MelClassifier classifier) =>
        [1, classifier.Settings.Mel.NMels / classifier.Pool, classifier.Settings.Frames / classifier.Pool];

    /// <summary>The key/value pairs, in the order a reader would follow them.</summary>
    public static Dictionary<string, string> For(MelClassifier classifier, bool probabilities)
    {
        var s = classifier.Settings;
        var shape = InputShape(classifier);
        string refText = s.ReferenceMax ? "max" : "1.0";
        string topDb = s.TopDb is { } t ? Num(t) : "none";
        var d = new Dictionary<string, string>(classifier.Metadata, StringComparer.Ordinal)
        {
            ["output"] = probabilities ? "probabilities" : "logits",
            ["input_shape"] = $"[batch, {string.Join(", ", shape)}]",
            ["preprocessing"] =
                $"mono audio at sample_rate, cut into clips of clip_samples every clip_hop_samples (a song shorter than one clip is zero-padded to one clip); " +
                $"per clip: S = librosa.feature.melspectrogram(y=clip, sr={Num(s.SampleRate)}, n_fft={Num(s.Stft.NFft)}, hop_length={Num(s.Stft.HopLength)}, " +
                $"win_length={Num(s.Stft.EffectiveWinLength)}, window='{s.Stft.Window.ToString().ToLowerInvariant()}', center={(s.Stft.Center ? "True" : "False")}, " +
                $"pad_mode='{s.Stft.PadMode.ToString().ToLowerInvariant()}', power=2.0, n_mels={Num(s.Mel.NMels)}, fmin={Num(s.Mel.FMin)}, fmax={Num(s.Mel.EffectiveFMax)}, " +
                $"htk={(s.Mel.Htk ? "True" : "False")}, norm={(s.Mel.Norm == MelNorm.Slaney ? "'slaney'" : "None")}); " +
                $"D = librosa.power_to_db(S, ref={(s.ReferenceMax ? "np.max" : "1.0")}, top_db={(s.TopDb is null ? "None" : topDb)}); " +
                $"average-pool D by input_pool x input_pool (trailing rows/columns dropped); x = (D - input_mean) / input_std; " +
                $"input [clips, 1, {shape[1]}, {shape[2]}] float32; the song's prediction is the mean of its clips' probabilities",
        };
        return d;
    }

    private static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string Num(float v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string Num(int v) => v.ToString(CultureInfo.InvariantCulture);
}
