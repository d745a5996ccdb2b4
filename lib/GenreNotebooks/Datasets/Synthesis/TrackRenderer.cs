namespace GenreNotebooks.Datasets.Synthesis;

/// <summary>
/// Renders one track of a <see cref="GenreRecipe"/>: draws the track's choices from the recipe in a fixed order, lays
/// out bars of drums, bass, chords, melody and vocals, then mixes (side-chain, reverb, tone, noise, swells, loudness).
/// </summary>
internal sealed class TrackRenderer
{
    private readonly GenreRecipe _r;
    private readonly SynthRandom _rng;

    // The song's stream: the offset into the song, its sections (which parts play) and its melody. For a generated
    // track (Render) it is the same object as _rng, so the draws are the ones the generator always made; for a
    // song rendered in some style (RenderRemix) it is the song's own stream, shared by every style of the song.
    private SynthRandom _song;
    private bool _remix;
    private float _leadDensity;
    private Instrument? _melodyVoice;
    private readonly int _sr;
    private readonly float[] _scratch;

    // Track-level choices.
    private Groove _groove;
    private DrumPatterns.Pattern _pattern = null!;
    private float _tempo, _swing, _beat;
    private int _key, _beatsPerBar;
    private Progression _prog = null!;
    private BassStyle _bassStyle;
    private BassTone _bassTone;
    private PartChoice _comp;
    private Instrument? _layer, _lead;
    private bool _rap;
    private DrumKit _kit = null!;
    private float _drive, _drumGain, _bassGain, _compGain, _layerGain, _leadGain, _rapGain;
    private readonly List<int> _kicks = new();

    public TrackRenderer(GenreRecipe recipe, SynthRandom rng, int sampleRate)
    {
        _r = recipe;
        _rng = rng;
        _sr = sampleRate;
        _scratch = new float[sampleRate / 15 + 2];
        _song = rng;
        _leadDensity = recipe.LeadDensity;
    }

    /// <summary>When set, the melody notes and the parts of each bar are recorded while rendering (for tests).</summary>
    internal RenderLog? Log { get; set; }

    /// <summary>What a render laid out: melody notes as (bar, beat, MIDI pitch) and per bar the parts that played.</summary>
    internal sealed class RenderLog
    {
        public List<(int Bar, float Beat, int Midi)> Melody { get; } = [];
        public List<string> Bars { get; } = [];
    }

    private DrumSound _kitKind;

    /// <summary>Draws the track-level choices (the same ones <see cref="Render"/> makes) and describes them.</summary>
    public TrackDescription Describe(int trackIndex, int seed)
    {
        Choose();
        return DescriptionOfChoices(trackIndex, seed);
    }

    private TrackDescription DescriptionOfChoices(int trackIndex, int seed)
    {
        string[] names = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"];
        return new TrackDescription
        {
            Genre = _r.Name, TrackIndex = trackIndex, Seed = seed, TempoBpm = _tempo, Key = names[_key],
            BeatsPerBar = _beatsPerBar, Groove = _groove, Kit = _kitKind, Progression = _prog.Name,
            BassStyle = _bassStyle, BassTone = _bassTone, Comping = _comp, Layer = _layer, Lead = _lead, Rap = _rap,
        };
    }

    public float[] Render(int length)
    {
        Choose();
        return RenderChosen(length);
    }

    /// <summary>
    /// Renders <paramref name="song"/> (a renderer of the song's genre, its choices drawn) in this renderer's style:
    /// the song's key, progression, meter, melody and sections; this recipe's groove, drums, bass, chord part, timbres
    /// and mix; the tempo by <see cref="SyntheticSong.StyleTempo"/>.
    /// </summary>
    public float[] RenderRemix(TrackRenderer song, int length)
    {
        ChooseRemix(song);
        return RenderChosen(length);
    }

    /// <summary>The choices of <see cref="RenderRemix"/>, described.</summary>
    public TrackDescription DescribeRemix(TrackRenderer song, int trackIndex, int seed)
    {
        ChooseRemix(song);
        return DescriptionOfChoices(trackIndex, seed) with { SongGenre = song._r.Name };
    }

    /// <summary>Draws the song's choices (its genre's recipe) so a remix can take them; see <see cref="RenderRemix"/>.</summary>
    internal void ChooseSong() => Choose();

    private void ChooseRemix(TrackRenderer song)
    {
        // The style's own choices first, from the style's stream, as for one of its tracks.
        Choose();
        _remix = true;
        _song = song._rng;
        _key = song._key;
        _prog = song._prog;
        _leadDensity = song._r.LeadDensity;
        _melodyVoice = song._lead;

        // The song's meter: the style's groove if it fits, else one of the style's grooves that fits, else the meter's plain groove.
        int meter = song._beatsPerBar;
        var choice = _r.Grooves.FirstOrDefault(g => g.Groove == _groove);
        if (InMeter(_groove, meter) is not { } pattern)
        {
            var fitting = _r.Grooves.Where(g => InMeter(g.Groove, meter) is not null).ToArray();
            choice = fitting.Length > 0
                ? _rng.PickWeighted(fitting.Select(g => (g, g.Weight)).ToArray())
                : new GrooveChoice(meter == 3 ? Groove.Waltz : meter == 12 ? Groove.Palmas : Groove.Backbeat, 1);
            _groove = choice.Groove;
            pattern = InMeter(_groove, meter) ?? DrumPatterns.For(_groove);
        }
        _pattern = pattern;
        _beatsPerBar = meter;
        float tMin = choice.TempoMin > 0 ? choice.TempoMin : _r.TempoMin, tMax = choice.TempoMax > 0 ? choice.TempoMax : _r.TempoMax;
        _tempo = SyntheticSong.StyleTempo(song._tempo, tMin, tMax);
        _beat = 60f / _tempo * _sr;

        // The melody is the song's: a song with one keeps it (on the style's lead voice, or its most likely one), a song without gets none.
        if (song._lead is null) _lead = null;
        else _lead ??= _r.LeadInstruments.OrderByDescending(w => w.Weight).First().Item;
    }

    /// <summary>The drum pattern of <paramref name="groove"/> if it has <paramref name="meter"/> beats per bar, else null.</summary>
    private static DrumPatterns.Pattern? InMeter(Groove groove, int meter)
    {
        if (groove == Groove.None) return meter == 4 ? DrumPatterns.For(groove) : meter == 3 ? new DrumPatterns.Pattern(12, 4, []) : null;
        var p = DrumPatterns.For(groove);
        return p.Steps / p.StepsPerBeat == meter ? p : null;
    }

    private float[] RenderChosen(int length)
    {
        float bar = _beatsPerBar * _beat;
        int offset = (int)(_song.NextFloat() * 2f * bar);
        int total = length + offset;
        var drums = new float[total];
        var music = new float[total];
        int nBars = (int)MathF.Ceiling(total / bar) + 1;
        int sectionBars = _song.Chance(0.5f) ? 4 : 8;

        bool drumsOn = true, bassOn = true, compOn = true, layerOn = true, leadOn = _lead is not null, rapOn = _rap;
        float[]? motif = null;
        for (int b = 0; b < nBars; b++)
        {
            int barStart = (int)(b * bar);
            bool sectionStart = b % sectionBars == 0;
            if (sectionStart && b > 0)
            {
                // A new section may drop or bring back parts (breakdowns, verses without lead), never all at once.
                drumsOn = _song.Chance(0.88f);
                bassOn = _song.Chance(0.9f) || !drumsOn;
                compOn = _song.Chance(0.9f) || !drumsOn;
                layerOn = _song.Chance(0.7f);
                leadOn = _lead is not null && _song.Chance(0.7f);
                // Whether the style raps is the style's choice; the song's stream draws either way, so its sections stay the same.
                rapOn = _remix ? _song.Chance(0.8f) && _rap : _rap && _rng.Chance(0.8f);
                motif = null;
            }
            var chords = _prog.Bars[b % _prog.Bars.Length];
            Log?.Bars.Add($"{(drumsOn ? "D" : "")}{(bassOn ? "B" : "")}{(compOn ? "C" : "")}{(layerOn ? "L" : "")}{(leadOn ? "M" : "")}");
            if (drumsOn) Drums(drums, barStart, sectionStart && b > 0, (b + 1) % sectionBars == 0);
            if (bassOn) Bass(music, barStart, chords, b);
            if (compOn) Comp(music, barStart, chords);
            if (layerOn && _layer is { } layer) Layer(music, barStart, chords, layer);
            if (leadOn && _lead is { } lead)
            {
                if (motif is null || (b % 2 == 0 && _song.Chance(0.25f))) motif = NewMotif();
                if ((b / 2) % 2 == 0 || _song.Chance(0.5f)) Lead(music, barStart, chords, lead, motif, b % 2, b);
            }
            if (rapOn) Rap(music, barStart);
        }
        return Mix(drums, music, offset, length);
    }

    private void Choose()
    {
        var g = _rng.PickWeighted(_r.Grooves.Select(c => (c, c.Weight)).ToArray());
        _groove = g.Groove;
        float tMin = g.TempoMin > 0 ? g.TempoMin : _r.TempoMin, tMax = g.TempoMax > 0 ? g.TempoMax : _r.TempoMax;
        _tempo = _rng.Range(tMin, tMax);
        _pattern = DrumPatterns.For(_groove);
        if (_groove == Groove.None && _rng.Chance(_r.TripleMeterChance)) _pattern = new DrumPatterns.Pattern(12, 4, []);
        _beatsPerBar = _pattern.Steps / _pattern.StepsPerBeat;
        _beat = 60f / _tempo * _sr;
        _swing = _rng.Range(_r.SwingMin, _r.SwingMax);
        _key = _rng.Next(0, 12);
        _prog = _rng.PickWeighted(_r.Progressions.Select(p => (p.Item, p.Weight)).ToArray());
        _bassStyle = _rng.PickWeighted(_r.BassStyles.Select(p => (p.Item, p.Weight)).ToArray());
        _bassTone = _rng.PickWeighted(_r.BassTones.Select(p => (p.Item, p.Weight)).ToArray());
        _comp = _rng.PickWeighted(_r.Comping.Select(p => (p, p.Weight)).ToArray());
        _layer = _rng.Chance(_r.LayerChance) ? _rng.PickWeighted(_r.LayerInstruments.Select(p => (p.Item, p.Weight)).ToArray()) : null;
        _lead = _rng.Chance(_r.LeadChance) ? _rng.PickWeighted(_r.LeadInstruments.Select(p => (p.Item, p.Weight)).ToArray()) : null;
        _rap = _rng.Chance(_r.RapChance);
        var kit = _rng.PickWeighted(_r.Kits.Select(p => (p.Item, p.Weight)).ToArray());
        _kitKind = kit;
        _kit = kit switch
        {
            DrumSound.Electronic => new DrumKit
            {
                KickHz = _rng.Range(42, 55), KickDecay = _rng.Range(0.25f, 0.5f), KickSweep = 2.2f, KickClick = 0.2f,
                Clap = _rng.Chance(0.6f), HatDecay = _rng.Range(0.02f, 0.05f), HatBrightness = 0.95f, SnareTone = 3500,
            },
            DrumSound.Brushes => new DrumKit { Brushes = true, KickHz = _rng.Range(50, 65), KickDecay = 0.12f, HatBrightness = 0.6f },
            _ => new DrumKit
            {
                KickHz = _rng.Range(50, 70), KickDecay = _rng.Range(0.1f, 0.2f), SnareHz = _rng.Range(160, 230),
                SnareDecay = _rng.Range(0.08f, 0.16f), HatBrightness = _rng.Range(0.6f, 0.9f), SnareTone = _rng.Range(1800, 3200),
            },
        };
        _drive = _rng.Range(_r.DriveMin, _r.DriveMax);
        float Db(float lo, float hi) => MathF.Pow(10f, _rng.Range(lo, hi) / 20f);
        _drumGain = _r.DrumLevel * Db(-4, 3);
        _bassGain = 0.55f * Db(-4, 3);
        _compGain = 0.22f * Db(-4, 3);
        _layerGain = 0.12f * Db(-5, 2);
        _leadGain = 0.28f * Db(-4, 3);
        _rapGain = 0.5f * Db(-3, 3);
    }

    private static float Hz(float midi) => 440f * MathF.Pow(2f, (midi - 69f) / 12f);

    /// <summary>Sample time of a position in beats within a bar, with swing and human looseness.</summary>
    private int At(int barStart, float beats, bool loose = true)
    {
        float frac = beats - MathF.Floor(beats);
        float shift = 0;
        if (_r.SwingSixteenths)
        {
            if (MathF.Abs(frac - 0.25f) < 0.01f || MathF.Abs(frac - 0.75f) < 0.01f) shift = _swing * 0.25f;
        }
        else if (MathF.Abs(frac - 0.5f) < 0.01f) shift = _swing * 0.5f;
        else if (MathF.Abs(frac - 0.75f) < 0.01f) shift = _swing * 0.25f;
        float jitter = loose && _r.Humanize > 0 ? _rng.Range(-_r.Humanize, _r.Humanize) * _sr : 0;
        return barStart + (int)((beats + shift) * _beat + jitter);
    }

    private void Drums(float[] buf, int barStart, bool crash, bool fill)
    {
        _kicks.Clear();
        int steps = _pattern.Steps;
        float stepBeats = 1f / _pattern.StepsPerBeat;
        foreach (var line in _pattern.Lines)
        {
            char piece = line[0];
            for (int s = 0; s < steps; s++)
            {
                if (fill && s >= steps - 4 && piece != 'K' && piece != 'R' && piece != 'H') continue;
                char c = line[1 + s];
                float vel = c switch
                {
                    'X' => 1f,
                    'x' => 0.8f,
                    'g' => _rng.Chance(0.7f) ? 0.3f : 0f,
                    '?' => _rng.Chance(0.5f) ? 0.7f : 0f,
                    _ => 0f,
                };
                if (vel == 0 && (piece == 'H' || piece == 'S') && c == '.' && _rng.Chance(0.03f)) vel = 0.25f;
                if (vel <= 0) continue;
                vel *= _rng.Range(0.85f, 1f);
                int t = At(barStart, s * stepBeats);
                _kit.Hit(piece, buf, t, vel * _drumGain, _rng, _sr);
                if (piece == 'K') _kicks.Add(t);
                if (piece == 'H' && _groove == Groove.Trap && _rng.Chance(0.12f))
                    _kit.Hit('H', buf, t + (int)(stepBeats * _beat / 2), 0.5f * vel * _drumGain, _rng, _sr);
            }
        }
        if (fill && _pattern.Lines.Length > 0)
        {
            for (int s = steps - 4; s < steps; s++)
                if (_rng.Chance(0.6f)) _kit.Hit(_rng.Chance(0.5f) ? 'S' : 'T', buf, At(barStart, s * stepBeats), _rng.Range(0.5f, 0.9f) * _drumGain, _rng, _sr);
        }
        if (crash && _pattern.Lines.Length > 0 && _groove != Groove.SwingRide && _groove != Groove.Palmas && _rng.Chance(0.6f))
            _kit.Hit('X', buf, barStart, 0.8f * _drumGain, _rng, _sr);
    }

    private void Bass(float[] buf, int barStart, Chord[] chords, int bar)
    {
        int bassKey = 28 + _key; // E1..D#2
        float per = (float)_beatsPerBar / chords.Length;
        var style = _bassStyle;
        if (style == BassStyle.FollowKick && _kicks.Count == 0) style = BassStyle.Roots;
        if (style == BassStyle.None) return;
        if (style == BassStyle.FollowKick)
        {
            for (int i = 0; i < _kicks.Count; i++)
            {
                int t = _kicks[i];
                int next = i + 1 < _kicks.Count ? _kicks[i + 1] : barStart + (int)(_beatsPerBar * _beat);
                var ch = chords[Math.Clamp((int)((t - barStart) / (per * _beat)), 0, chords.Length - 1)];
                BassNote(buf, t, Math.Max(next - t - _sr / 50, _sr / 20), bassKey + ch.Root, 1f);
            }
            return;
        }
        for (int c = 0; c < chords.Length; c++)
        {
            var ch = chords[c];
            float c0 = c * per;
            int root = bassKey + ch.Root;
            int third = root + ch.Intervals[1];
            int fifth = root + 7;
            switch (style)
            {
                case BassStyle.Roots:
                    for (float p = 0; p < per - 0.01f; p += per >= 4 ? 2 : 1) BassNote(buf, At(barStart, c0 + p), Len(per >= 4 ? 1.9f : 0.9f), root, 1f);
                    break;
                case BassStyle.Pulse:
                    for (float p = 0; p < per - 0.01f; p += 0.5f) BassNote(buf, At(barStart, c0 + p), Len(0.4f), root, p % 1 == 0 ? 1f : 0.8f);
                    break;
                case BassStyle.RootFifth:
                    for (float p = 0; p < per - 0.01f; p += 2) BassNote(buf, At(barStart, c0 + p), Len(0.9f), root, 1f);
                    for (float p = 1; p < per - 0.01f; p += 2) BassNote(buf, At(barStart, c0 + p), Len(0.9f), fifth - 12, 0.9f);
                    break;
                case BassStyle.Octaves:
                    for (float p = 0; p < per - 0.01f; p += 0.5f) BassNote(buf, At(barStart, c0 + p), Len(0.35f), p % 1 == 0 ? root : root + 12, 0.9f);
                    break;
                case BassStyle.Boogie:
                    {
                        int[] walk = [0, 4, 7, 9, 10, 9, 7, 4];
                        for (int k = 0; k < (int)(per * 2); k++) BassNote(buf, At(barStart, c0 + k * 0.5f), Len(0.45f), root + walk[k % 8], 0.9f);
                        break;
                    }
                case BassStyle.Walking:
                    {
                        var nextChord = c + 1 < chords.Length ? chords[c + 1] : _prog.Bars[(bar + 1) % _prog.Bars.Length][0];
                        int note = root;
                        for (int k = 0; k < (int)per; k++)
                        {
                            if (k == 0) note = root;
                            else if (k == (int)per - 1) note = bassKey + nextChord.Root + (_rng.Chance(0.5f) ? 1 : -1);
                            else note = root + _rng.Pick(ch.Intervals) + (_rng.Chance(0.3f) ? 12 : 0);
                            BassNote(buf, At(barStart, c0 + k), Len(0.95f), note, k == 0 ? 1f : 0.85f);
                        }
                        break;
                    }
                case BassStyle.OneDrop:
                    (float Pos, int Iv, float Len)[] drop = [(0.5f, 0, 0.7f), (1.5f, 0, 0.4f), (2f, 7, 0.9f), (3.25f, 12, 0.5f)];
                    foreach (var (pos, iv, len) in drop)
                        if (pos < per) BassNote(buf, At(barStart, c0 + pos), Len(len), root + iv - (iv == 12 ? 12 : 0) + (iv == 12 ? ch.Intervals[1] : 0), 0.9f);
                    break;
                case BassStyle.Tumbao:
                    if (per >= 4)
                    {
                        BassNote(buf, At(barStart, c0 + 1.5f), Len(1.4f), root, 1f);
                        BassNote(buf, At(barStart, c0 + 3f), Len(0.9f), fifth, 0.9f);
                    }
                    else BassNote(buf, At(barStart, c0 + per / 2), Len(per / 2), root, 1f);
                    break;
            }
            _ = third;
        }
    }

    private int Len(float beats) => Math.Max(1, (int)(beats * _beat));

    private void BassNote(float[] buf, int t, int len, int midi, float vel) =>
        BassVoices.Render(_bassTone, buf, t, len, Hz(midi), _bassGain * vel * _rng.Range(0.85f, 1f), _rng, _scratch, _sr);

    private int[] Voicing(Chord ch, int center, bool rootless = false)
    {
        var notes = new int[ch.Intervals.Length];
        int count = 0;
        foreach (int iv in ch.Intervals)
        {
            if (rootless && iv == 0 && ch.Intervals.Length > 3) continue;
            int m = center - 6 + ((_key + ch.Root + iv - (center - 6)) % 12 + 12) % 12;
            notes[count++] = m;
        }
        Array.Resize(ref notes, count);
        Array.Sort(notes);
        return notes;
    }

    private void Chord(float[] buf, int t, int len, int[] notes, Instrument inst, float gain, float spreadSeconds = 0, bool reverse = false)
    {
        if (inst == Instrument.DistortedGuitar)
        {
            // A power chord: the distortion voice adds the fifth and octave itself.
            TonalVoices.Render(inst, buf, t, len, Hz(notes[0] - 12), gain * 1.6f, _drive, _rng, _scratch, _sr);
            return;
        }
        float each = gain / MathF.Sqrt(notes.Length);
        for (int i = 0; i < notes.Length; i++)
        {
            int k = reverse ? notes.Length - 1 - i : i;
            int dt = (int)(spreadSeconds * i * _sr);
            TonalVoices.Render(inst, buf, t + dt, len - dt, Hz(notes[k]), each, _drive, _rng, _scratch, _sr);
        }
    }

    private void Comp(float[] buf, int barStart, Chord[] chords)
    {
        float per = (float)_beatsPerBar / chords.Length;
        var inst = _comp.Instrument;
        int center = 58 + (_key % 6);
        for (int c = 0; c < chords.Length; c++)
        {
            float c0 = c * per;
            var notes = Voicing(chords[c], center, _comp.Style == CompStyle.JazzComp);
            float g = _compGain * _rng.Range(0.85f, 1f);
            switch (_comp.Style)
            {
                case CompStyle.None: break;
                case CompStyle.Sustained:
                    Chord(buf, At(barStart, c0), Len(per * 0.97f), notes, inst, g);
                    break;
                case CompStyle.Skank:
                    for (float p = inst == Instrument.Organ ? 0.5f : 1f; p < per - 0.01f; p += inst == Instrument.Organ ? 1f : 2f)
                        Chord(buf, At(barStart, c0 + p), Len(0.22f), notes, inst, g);
                    break;
                case CompStyle.Strum:
                    {
                        float[] pos = [0, 1, 1.5f, 2.5f, 3, 3.5f];
                        foreach (float p in pos)
                        {
                            if (p >= per - 0.01f) continue;
                            bool up = p % 1 != 0;
                            Chord(buf, At(barStart, c0 + p), Len(up ? 0.45f : 0.9f), notes, inst, g * (up ? 0.7f : 1f), 0.012f, up);
                        }
                        break;
                    }
                case CompStyle.PowerChug:
                    {
                        bool sixteenths = _groove == Groove.DoubleKick || _rng.Chance(0.3f);
                        float step = sixteenths ? 0.25f : 0.5f;
                        for (float p = 0; p < per - 0.01f; p += step)
                        {
                            bool accent = p % 1 == 0;
                            Chord(buf, At(barStart, c0 + p), Len(accent ? step * 0.9f : step * 0.5f), notes, inst, g * (accent ? 1f : 0.7f));
                        }
                        break;
                    }
                case CompStyle.Arpeggio:
                    {
                        float step = _tempo < 100 ? 0.25f : 0.5f;
                        int k = 0;
                        for (float p = 0; p < per - 0.01f; p += step, k++)
                        {
                            int idx = k % (2 * notes.Length);
                            int n = idx < notes.Length ? notes[idx] : notes[2 * notes.Length - 1 - idx] + 12;
                            TonalVoices.Render(inst, buf, At(barStart, c0 + p), Len(step * 2f), Hz(n), g * 0.8f, _drive, _rng, _scratch, _sr);
                        }
                        break;
                    }
                case CompStyle.Stabs:
                    {
                        float[] pos = _rng.Chance(0.5f) ? [0.5f, 1.5f, 2.5f, 3.5f] : [0.75f, 1.5f, 2.75f, 3.5f];
                        foreach (float p in pos) if (p < per) Chord(buf, At(barStart, c0 + p), Len(0.2f), notes, inst, g);
                        break;
                    }
                case CompStyle.Montuno:
                    {
                        float[] pos = [0, 1, 1.5f, 2.5f, 3, 3.5f];
                        int i = 0;
                        foreach (float p in pos)
                        {
                            if (p >= per) continue;
                            if (i++ % 2 == 0) TonalVoices.Render(inst, buf, At(barStart, c0 + p), Len(0.4f), Hz(notes[0] + 12), g * 0.8f, _drive, _rng, _scratch, _sr);
                            else Chord(buf, At(barStart, c0 + p), Len(0.4f), notes, inst, g);
                        }
                        break;
                    }
                case CompStyle.JazzComp:
                    {
                        float[] options = [0, 0.5f, 1.5f, 2f, 2.5f, 3.5f];
                        foreach (float p in options)
                            if (p < per && _rng.Chance(0.35f)) Chord(buf, At(barStart, c0 + p), Len(_rng.Range(0.3f, 1f)), notes, inst, g);
                        break;
                    }
                case CompStyle.Rasgueado:
                    {
                        var accents = _groove == Groove.Palmas ? new float[] { 2, 5, 7, 9, 11 } : new float[] { 0, 1, 2, 3 };
                        foreach (float p in accents)
                        {
                            if (p < c0 || p >= c0 + per) continue;
                            int strokes = _rng.Chance(0.4f) ? 4 : 1;
                            for (int s = 0; s < strokes; s++)
                                Chord(buf, At(barStart, p) + s * _sr / 45, Len(0.8f), notes, inst, g * (s == strokes - 1 ? 1f : 0.6f), 0.006f, s % 2 == 1);
                        }
                        break;
                    }
            }
        }
    }

    private void Layer(float[] buf, int barStart, Chord[] chords, Instrument inst)
    {
        float per = (float)_beatsPerBar / chords.Length;
        for (int c = 0; c < chords.Length; c++)
            Chord(buf, At(barStart, c * per, false), Len(per), Voicing(chords[c], 62 + (_key % 5)), inst, _layerGain);
    }

    /// <summary>A two-bar melody as (position in beats, length in beats, scale step) triples.</summary>
    private float[] NewMotif()
    {
        var m = new List<float>();
        int degree = _song.Next(0, 5);
        float step = _beatsPerBar >= 12 && _pattern.StepsPerBeat == 1 ? 1f : 0.5f;
        float span = 2 * _beatsPerBar;
        float lastStart = -1;
        for (float p = 0; p < span - 0.01f; p += step)
        {
            if (!_song.Chance(_leadDensity * (p % 1 == 0 ? 1.2f : 0.8f))) continue;
            if (lastStart >= 0) m[^2] = p - lastStart;
            float r = _song.NextFloat();
            degree += r < 0.3f ? 1 : r < 0.6f ? -1 : r < 0.75f ? 2 : r < 0.9f ? -2 : _song.Next(-4, 5);
            degree = Math.Clamp(degree, -2, 9);
            m.Add(p);
            m.Add(step);
            m.Add(degree);
            lastStart = p;
        }
        if (lastStart >= 0) m[^2] = MathF.Min(2f, span - lastStart);
        return m.ToArray();
    }

    private void Lead(float[] buf, int barStart, Chord[] chords, Instrument inst, float[] motif, int half, int bar)
    {
        var scale = _prog.Scale;
        // A remix keeps the song's melody pitches: the register is the song's melody voice's, not the style's.
        var register = _melodyVoice ?? inst;
        int baseMidi = (register is Instrument.Reed or Instrument.Brass or Instrument.DistortedGuitar ? 55 : 62) + _key % 7;
        float per = (float)_beatsPerBar / chords.Length;
        for (int i = 0; i < motif.Length; i += 3)
        {
            float pos = motif[i] - half * _beatsPerBar;
            if (pos < 0 || pos >= _beatsPerBar) continue;
            int degree = (int)motif[i + 2] + (_song.Chance(0.1f) ? _song.Next(-1, 2) : 0);
            int oct = (int)MathF.Floor(degree / (float)scale.Length);
            int midi = baseMidi - (_key % 7) + _key + scale[degree - oct * scale.Length] + 12 * oct;
            if (pos % 1 == 0)
            {
                // Strong beats lean on the current chord: move to the nearest chord tone.
                var ch = chords[Math.Min((int)(pos / per), chords.Length - 1)];
                int best = midi, bestDist = 99;
                foreach (int iv in ch.Intervals)
                {
                    int pc = (_key + ch.Root + iv) % 12;
                    for (int d = -2; d <= 2; d++)
                        if (((midi + d) % 12 + 12) % 12 == pc && Math.Abs(d) < bestDist) { best = midi + d; bestDist = Math.Abs(d); }
                }
                midi = best;
            }
            Log?.Melody.Add((bar, pos, midi));
            float len = motif[i + 1] * (inst is Instrument.CleanGuitar or Instrument.NylonGuitar or Instrument.Piano ? 1f : 0.92f);
            float drive = inst == Instrument.DistortedGuitar ? MathF.Max(_drive, 3f) : _drive;
            TonalVoices.Render(inst, buf, At(barStart, pos), Len(len), Hz(midi), _leadGain * _rng.Range(0.8f, 1f), drive, _rng, _scratch, _sr);
        }
    }

    private void Rap(float[] buf, int barStart)
    {
        float pitch = _rng.Range(95f, 170f);
        float step = _pattern.StepsPerBeat == 1 ? 0.5f : 0.25f;
        for (float p = 0; p < _beatsPerBar - 0.01f; p += step)
        {
            if (p >= _beatsPerBar - 0.5f && _rng.Chance(0.7f)) continue; // breath at the end of the bar
            if (!_rng.Chance(p % 0.5f == 0 ? 0.75f : 0.45f)) continue;
            int len = Len(step * _rng.Range(0.6f, 1.6f));
            VocalVoices.Syllable(buf, At(barStart, p), len, pitch * _rng.Range(0.9f, 1.12f), _rapGain * _rng.Range(0.7f, 1f), _rng, _sr);
        }
    }

    private float[] Mix(float[] drums, float[] music, int offset, int length)
    {
        int total = music.Length;
        float side = _rng.Range(0, _r.SidechainMax);
        if (side > 0.01f)
        {
            // Duck the music after every kick (the kick positions of the whole track are re-detected from the drum bus).
            float env = 0, release = MathF.Exp(-1f / (0.18f * _beat));
            float follower = 0, att = Wavetable.OnePole(40, _sr);
            for (int i = 0; i < total; i++)
            {
                follower += att * (MathF.Abs(drums[i]) - follower);
                env = MathF.Max(env * release, MathF.Min(1f, follower * 4f));
                music[i] *= 1f - side * env;
            }
        }

        float reverb = _rng.Range(_r.ReverbMin, _r.ReverbMax);
        var send = new float[total];
        for (int i = 0; i < total; i++) send[i] = music[i] + 0.3f * drums[i];
        SchroederReverb.Process(send, _sr, _rng.Range(0.3f, 0.9f), _rng.Range(0.2f, 0.6f));

        float cutoff = _rng.Range(_r.BrightnessMin, _r.BrightnessMax);
        float lpA = Wavetable.OnePole(cutoff, _sr), hpA = Wavetable.OnePole(35f, _sr);
        float noise = _rng.Range(0, _r.NoiseMax);
        float crackle = noise > 0.002f && _rng.Chance(0.5f) ? 0.0004f : 0f;
        float swellDepth = _rng.Range(0.3f, 1f) * _r.Dynamics;
        float swellHz = _rng.Range(0.03f, 0.12f), swellPh = _rng.NextFloat();
        var y = new float[length];
        float l1 = 0, l2 = 0, dc = 0;
        double sumSq = 0;
        for (int i = 0; i < total; i++)
        {
            float x = music[i] + drums[i] + reverb * 2.5f * send[i];
            l1 += lpA * (x - l1);
            l2 += lpA * (l1 - l2);
            dc += hpA * (l2 - dc);
            if (i < offset) continue;
            float s = l2 - dc;
            float swell = 1f + swellDepth * Wavetable.Sin(Wavetable.Wrap(swellPh + swellHz * i / _sr));
            s *= swell;
            s += noise * _rng.NextSigned();
            if (crackle > 0 && _rng.NextFloat() < crackle) s += noise * 20f * _rng.NextSigned();
            y[i - offset] = s;
            sumSq += s * s;
        }
        float rms = (float)Math.Sqrt(sumSq / Math.Max(1, length));
        float target = MathF.Pow(10f, _rng.Range(_r.LoudnessMin, _r.LoudnessMax) / 20f);
        float gain = rms > 1e-9f ? target / rms : 0f;
        for (int i = 0; i < length; i++) y[i] = 0.98f * Wavetable.SoftClip(y[i] * gain / 0.98f);
        return y;
    }
}
