namespace GenreNotebooks.Datasets.Synthesis;

/// <summary>
/// Bass timbres of the synthetic generator.
/// </summary>
public enum BassTone
{
    /// <summary>Electric finger bass: sine plus a low-passed saw, plucked envelope.</summary>
    Finger,
    /// <summary>Picked electric bass: brighter attack (rock, metal).</summary>
    Picked,
    /// <summary>Acoustic upright bass: Karplus-Strong, dark and short.</summary>
    Upright,
    /// <summary>Analogue synth bass: saw with a decaying filter.</summary>
    Synth,
    /// <summary>Roland-808-style sub bass: long sine with a pitch drop and saturation.</summary>
    Sub808,
}
