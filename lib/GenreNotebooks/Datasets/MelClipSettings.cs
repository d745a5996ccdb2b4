using GenreNotebooks.Spectral;

namespace GenreNotebooks.Datasets;

/// <summary>
/// How clip mel spectrograms are computed: clip cutting, STFT and mel options (librosa defaults: n_fft 2048, hop 512,
/// 128 Slaney mels), and the dB conversion (<c>power_to_db</c>, ref 1 or the clip's maximum, top_db 80). A 3-s clip
/// (66150 samples) gives a 128 x 130 matrix, a 9-s clip (198450 samples) 128 x 388. Taught in notebooks/02-building-the-datasets.
/// </summary>
public sealed record MelClipSettings
{
    /// <summary>The notebooks' default: 3-s clips, 128 mels, dB relative to 1.0, top_db 80.</summary>
    public static MelClipSettings Default { get; } = new();

    /// <summary>9-s clips (<see cref="ClipOptions.NineSeconds"/>, 198450 samples), otherwise <see cref="Default"/>: 128 x 388 log-mels, the BU paper's 9-s set.</summary>
    public static MelClipSettings NineSeconds { get; } = new() { Clips = ClipOptions.NineSeconds };

    /// <summary>Sample rate the tracks are loaded at.</summary>
    public int SampleRate { get; init; } = 22050;

    /// <summary>How tracks are cut into clips.</summary>
    public ClipOptions Clips { get; init; } = ClipOptions.ThreeSeconds;

    /// <summary>STFT options.</summary>
    public StftOptions Stft { get; init; } = new();

    /// <summary>Mel filterbank options (128 mels by default).</summary>
    public MelOptions Mel { get; init; } = new();

    /// <summary>When true, dB relative to each clip's maximum (librosa <c>ref=np.max</c>, the BU paper); else relative to 1.0.</summary>
    public bool ReferenceMax { get; init; }

    /// <summary>Dynamic range floor in dB below the peak (librosa <c>top_db</c>); null for none.</summary>
    public float? TopDb { get; init; } = 80f;

    /// <summary>Frames of one clip: <c>1 + clip length / hop</c> when centred (130 for 3-s clips).</summary>
    public int Frames => Spectral.Stft.FrameCount(Clips.LengthSamples, Stft);

    /// <summary>A stable text of every setting, hashed into the cache folder name.</summary>
    public string Key() =>
        $"v1;sr={SampleRate};clip={Clips.LengthSamples};hop={Clips.HopSamples};tail={Clips.Tail};max={Clips.MaxClipsPerTrack};" +
        $"nfft={Stft.NFft};stfthop={Stft.HopLength};win={Stft.EffectiveWinLength};window={Stft.Window};center={Stft.Center};pad={Stft.PadMode};" +
        $"mels={Mel.NMels};fmin={Mel.FMin};fmax={Mel.FMax};htk={Mel.Htk};norm={Mel.Norm};refmax={ReferenceMax};topdb={TopDb}";
}
