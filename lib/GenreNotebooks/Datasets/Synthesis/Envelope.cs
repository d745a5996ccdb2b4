namespace GenreNotebooks.Datasets.Synthesis;

/// <summary>
/// Attack (linear) / exponential decay / exponential release after note-off, advanced one sample per call.
/// Multiplications only, so an envelope costs no transcendental calls per sample.
/// </summary>
internal struct Envelope
{
    private readonly float _attackStep;
    private readonly float _decayMul;
    private readonly float _releaseMul;
    private readonly int _noteOff;
    private float _attack;
    private float _decay;
    private float _release;
    private int _n;

    public Envelope(int sampleRate, float attackSeconds, float decaySeconds, float releaseSeconds, int noteOffSample)
    {
        int attackSamples = Math.Max(1, (int)(attackSeconds * sampleRate));
        _attackStep = 1f / attackSamples;
        _decayMul = decaySeconds <= 0 ? 1f : MathF.Exp(-1f / (decaySeconds * sampleRate));
        _releaseMul = MathF.Exp(-1f / (MathF.Max(releaseSeconds, 0.002f) * sampleRate));
        _noteOff = noteOffSample;
        _attack = 0;
        _decay = 1;
        _release = 1;
        _n = 0;
    }

    /// <summary>Samples after note-off until the release has fallen by 60 dB.</summary>
    public static int ReleaseSamples(int sampleRate, float releaseSeconds) => (int)(6.9f * MathF.Max(releaseSeconds, 0.002f) * sampleRate);

    public float Next()
    {
        if (_attack < 1f) _attack = MathF.Min(1f, _attack + _attackStep);
        _decay *= _decayMul;
        if (_n++ >= _noteOff) _release *= _releaseMul;
        return _attack * _decay * _release;
    }
}
