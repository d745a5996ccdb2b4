using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GenreNotebooks.Training.Tuning;

/// <summary>
/// The study's JSON file: format tag and version, name, direction, sampler and pruner settings, and the trials with
/// parameters written as their values (a reader sees <c>"lr": 0.0015</c>) beside their distributions. Doubles are
/// written in their shortest round-trip form, so a loaded study holds bit for bit the numbers the samplers saw;
/// NaN and infinities, which JSON lacks, are written as the strings "NaN", "Infinity" and "-Infinity".
/// </summary>
internal static class StudyFile
{
    public const string Format = "genre-notebooks-study";
    public const int Version = 1;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    internal sealed record Content(string StudyName, StudyDirection Direction, ISampler? Sampler, string SamplerDescription,
        IPruner? Pruner, string PrunerDescription, List<FrozenTrial> Trials);

    /// <summary>Writes <paramref name="text"/> to a temp file in the target's folder, flushes it to disk, then renames it over the target.</summary>
    public static void WriteAtomically(string path, string text)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(text);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { }
            throw;
        }
    }

    public static string Write(Study study)
    {
        var trials = new JsonArray();
        foreach (var t in study.StoredTrials) trials.Add(WriteTrial(t));
        var root = new JsonObject
        {
            ["format"] = Format,
            ["version"] = Version,
            ["study_name"] = study.StudyName,
            ["direction"] = Study.Word(study.Direction),
            ["sampler"] = WriteSampler(study.Sampler),
            ["pruner"] = WritePruner(study.Pruner),
            ["trials"] = trials,
        };
        return root.ToJsonString(Indented);
    }

    public static Content Read(string json, string source)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject ?? throw new InvalidDataException($"{source}: not a study file (the JSON is not an object).");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not valid JSON ({e.Message}).", e);
        }
        try
        {
            if (Str(root, "format") != Format) throw Bad($"format is not \"{Format}\"");
            int version = Int(root, "version");
            if (version != Version) throw Bad($"version {version} is not supported (this library reads version {Version})");
            var direction = Str(root, "direction") switch
            {
                "minimize" => StudyDirection.Minimize,
                "maximize" => StudyDirection.Maximize,
                var d => throw Bad($"direction \"{d}\" is neither \"minimize\" nor \"maximize\""),
            };
            var samplerNode = Obj(root, "sampler");
            var prunerNode = Obj(root, "pruner");
            var trialsNode = root["trials"] as JsonArray ?? throw Bad("\"trials\" is missing or not a list");
            var trials = new List<FrozenTrial>();
            foreach (var node in trialsNode)
            {
                var trial = ReadTrial(node as JsonObject ?? throw Bad($"trial {trials.Count} is not an object"));
                if (trial.Number != trials.Count) throw Bad($"trial {trials.Count} has number {trial.Number}; numbers must run 0, 1, 2, ...");
                trials.Add(trial);
            }
            return new Content(Str(root, "study_name"), direction, ReadSampler(samplerNode), samplerNode.ToJsonString(),
                ReadPruner(prunerNode), prunerNode.ToJsonString(), trials);
        }
        catch (FormatProblem e)
        {
            throw new InvalidDataException($"{source}: {e.Message}.", e);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or KeyNotFoundException)
        {
            throw new InvalidDataException($"{source}: not a readable study file ({e.Message}).", e);
        }
    }

    private static JsonObject WriteTrial(FrozenTrial t)
    {
        var ps = new JsonObject();
        var ds = new JsonObject();
        foreach (var (name, d) in t.Distributions)
        {
            ps[name] = ValueNode(t.Params[name]);
            ds[name] = WriteDistribution(d);
        }
        var iv = new JsonObject();
        foreach (var (step, x) in t.IntermediateValues) iv[step.ToString(CultureInfo.InvariantCulture)] = Num(x);
        var ua = new JsonObject();
        foreach (var (key, attr) in t.UserAttrs) ua[key] = ValueNode(attr);
        return new JsonObject
        {
            ["number"] = t.Number,
            ["state"] = t.State.ToString().ToLowerInvariant(),
            ["value"] = t.Value is double v ? Num(v) : null,
            ["params"] = ps,
            ["distributions"] = ds,
            ["intermediate_values"] = iv,
            ["user_attrs"] = ua,
            ["datetime_start"] = t.DatetimeStart?.ToString("O", CultureInfo.InvariantCulture),
            ["datetime_complete"] = t.DatetimeComplete?.ToString("O", CultureInfo.InvariantCulture),
            ["duration_seconds"] = t.Duration is TimeSpan span ? span.TotalSeconds : null,
            ["fail_reason"] = t.FailReason,
        };
    }

    private static FrozenTrial ReadTrial(JsonObject o)
    {
        int number = Int(o, "number");
        var stateText = Str(o, "state");
        if (!Enum.TryParse<TrialState>(stateText, ignoreCase: true, out var state) || !Enum.IsDefined(state))
            throw Bad($"trial {number} has state \"{stateText}\"");
        string? reason = o["fail_reason"]?.GetValue<string>();
        if (state == TrialState.Running)
        {
            state = TrialState.Interrupted;
            reason = "The process running this trial stopped before it ended; the trial runs again when the study is resumed.";
        }
        var distributions = new Dictionary<string, BaseDistribution>();
        var internalParams = new Dictionary<string, double>();
        var ds = Obj(o, "distributions");
        var ps = Obj(o, "params");
        foreach (var (name, node) in ds)
        {
            var d = ReadDistribution(node as JsonObject ?? throw Bad($"trial {number}: distribution of '{name}' is not an object"), number, name);
            var external = ReadValue(ps[name] ?? throw Bad($"trial {number}: parameter '{name}' has a distribution but no value"), d);
            double internalValue;
            try { internalValue = d.ToInternalRepr(external); }
            catch (ArgumentException e) { throw Bad($"trial {number}: parameter '{name}': {e.Message}"); }
            if (!d.Contains(internalValue)) throw Bad($"trial {number}: parameter '{name}' = {external} is outside {d}");
            distributions[name] = d;
            internalParams[name] = internalValue;
        }
        foreach (var (name, _) in ps)
            if (!distributions.ContainsKey(name)) throw Bad($"trial {number}: parameter '{name}' has no distribution");
        var intermediate = new Dictionary<int, double>();
        foreach (var (key, node) in Obj(o, "intermediate_values"))
        {
            if (!int.TryParse(key, NumberStyles.Integer, CultureInfo.InvariantCulture, out int step) || step < 0)
                throw Bad($"trial {number}: intermediate step \"{key}\" is not a non-negative integer");
            intermediate[step] = ReadNum(node, $"trial {number}: intermediate value at step {step}");
        }
        var userAttrs = new Dictionary<string, object>();
        if (o["user_attrs"] is JsonObject ua)
            foreach (var (key, node) in ua) userAttrs[key] = ReadAttr(node, number, key);
        double? value = o["value"] is null ? null : ReadNum(o["value"], $"trial {number}: value");
        if (state == TrialState.Complete && value is null) throw Bad($"trial {number} is complete but has no value");
        return new FrozenTrial(number, state, value, internalParams, distributions, intermediate, userAttrs,
            ReadTime(o, "datetime_start", number), ReadTime(o, "datetime_complete", number), reason);
    }

    private static JsonObject WriteDistribution(BaseDistribution d) => d switch
    {
        FloatDistribution f => new JsonObject
        {
            ["type"] = "float", ["low"] = f.Low, ["high"] = f.High, ["log"] = f.Log, ["step"] = f.Step,
        },
        IntDistribution i => new JsonObject
        {
            ["type"] = "int", ["low"] = i.Low, ["high"] = i.High, ["log"] = i.Log, ["step"] = i.Step,
        },
        CategoricalDistribution c => new JsonObject
        {
            ["type"] = "categorical",
            ["choice_type"] = ChoiceTypeName(c.ChoiceType),
            ["choices"] = new JsonArray([.. c.Choices.Select(ValueNode)]),
        },
        _ => throw new InvalidOperationException($"Unknown distribution {d.GetType().Name}."),
    };

    private static BaseDistribution ReadDistribution(JsonObject o, int number, string name)
    {
        try
        {
            switch (Str(o, "type"))
            {
                case "float":
                    return new FloatDistribution(o["low"]!.GetValue<double>(), o["high"]!.GetValue<double>(), o["log"]!.GetValue<bool>(),
                        o["step"]?.GetValue<double>());
                case "int":
                    return new IntDistribution(o["low"]!.GetValue<int>(), o["high"]!.GetValue<int>(), o["log"]!.GetValue<bool>(), o["step"]!.GetValue<int>());
                case "categorical":
                    var type = Str(o, "choice_type");
                    var choices = (o["choices"] as JsonArray ?? throw Bad($"trial {number}: choices of '{name}' are missing"))
                        .Select(n => ReadChoice(n, type)).ToList();
                    return new CategoricalDistribution(choices);
                case var other:
                    throw Bad($"trial {number}: distribution type \"{other}\" of '{name}' is unknown");
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or NullReferenceException)
        {
            throw Bad($"trial {number}: distribution of '{name}' is not readable ({e.Message})");
        }
    }

    private static string ChoiceTypeName(Type t) =>
        t == typeof(string) ? "string" : t == typeof(bool) ? "bool" : t == typeof(int) ? "int" : t == typeof(long) ? "long"
        : t == typeof(float) ? "float" : t == typeof(double) ? "double" : throw new InvalidOperationException($"Unsupported choice type {t.Name}.");

    private static object ReadChoice(JsonNode? n, string type) => type switch
    {
        "string" => n!.GetValue<string>(),
        "bool" => n!.GetValue<bool>(),
        "int" => n!.GetValue<int>(),
        "long" => n!.GetValue<long>(),
        "float" => (float)ReadNum(n, "a float choice"),
        "double" => ReadNum(n, "a double choice"),
        _ => throw Bad($"choice type \"{type}\" is unknown"),
    };

    private static object ReadValue(JsonNode node, BaseDistribution d) => d switch
    {
        FloatDistribution => ReadNum(node, "a float parameter"),
        IntDistribution => node.GetValue<int>(),
        CategoricalDistribution c => ReadChoice(node, ChoiceTypeName(c.ChoiceType)),
        _ => throw new InvalidOperationException(),
    };

    private static object ReadAttr(JsonNode? node, int number, string key)
    {
        if (node is JsonValue v)
        {
            if (v.TryGetValue<bool>(out var b)) return b;
            if (v.TryGetValue<string>(out var s)) return s is "NaN" or "Infinity" or "-Infinity" ? ReadNum(v, key) : s;
            if (v.TryGetValue<double>(out var d)) return d;
        }
        throw Bad($"trial {number}: user attribute '{key}' is not a number, text or flag");
    }

    private static JsonNode? ValueNode(object value) => value switch
    {
        double d => Num(d),
        float f => double.IsFinite(f) ? JsonValue.Create(f) : Num(f),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        bool b => JsonValue.Create(b),
        string s => JsonValue.Create(s),
        _ => throw new InvalidOperationException($"Cannot write {value.GetType().Name} to a study file."),
    };

    private static JsonNode Num(double v) =>
        double.IsNaN(v) ? JsonValue.Create("NaN") : double.IsPositiveInfinity(v) ? JsonValue.Create("Infinity")
        : double.IsNegativeInfinity(v) ? JsonValue.Create("-Infinity") : JsonValue.Create(v);

    private static double ReadNum(JsonNode? node, string what)
    {
        if (node is JsonValue v)
        {
            if (v.TryGetValue<double>(out var d)) return d;
            if (v.TryGetValue<string>(out var s))
                switch (s)
                {
                    case "NaN": return double.NaN;
                    case "Infinity": return double.PositiveInfinity;
                    case "-Infinity": return double.NegativeInfinity;
                }
        }
        throw Bad($"{what} is not a number");
    }

    private static DateTimeOffset? ReadTime(JsonObject o, string key, int number)
    {
        if (o[key] is null) return null;
        var text = o[key]!.GetValue<string>();
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t)
            ? t : throw Bad($"trial {number}: {key} \"{text}\" is not a date and time");
    }

    private static JsonObject WriteSampler(ISampler sampler) => sampler switch
    {
        TpeSampler t => new JsonObject
        {
            ["type"] = "tpe", ["seed"] = t.Seed, ["n_startup_trials"] = t.NStartupTrials, ["n_ei_candidates"] = t.NEiCandidates,
            ["prior_weight"] = t.PriorWeight, ["consider_magic_clip"] = t.ConsiderMagicClip, ["consider_endpoints"] = t.ConsiderEndpoints,
            ["multivariate"] = t.Multivariate,
        },
        RandomSampler r => new JsonObject { ["type"] = "random", ["seed"] = r.Seed },
        _ => new JsonObject { ["type"] = "custom", ["class"] = sampler.GetType().FullName, ["description"] = sampler.ToString() },
    };

    private static ISampler? ReadSampler(JsonObject o)
    {
        switch (Str(o, "type"))
        {
            case "tpe":
                return new TpeSampler(Int(o, "seed"), Int(o, "n_startup_trials"), Int(o, "n_ei_candidates"), o["prior_weight"]!.GetValue<double>(),
                    o["consider_magic_clip"]!.GetValue<bool>(), o["consider_endpoints"]!.GetValue<bool>(), o["multivariate"]!.GetValue<bool>());
            case "random":
                return new RandomSampler(Int(o, "seed"));
            case "custom":
                return null;
            case var other:
                throw Bad($"sampler type \"{other}\" is unknown");
        }
    }

    private static JsonObject WritePruner(IPruner pruner) => pruner switch
    {
        PercentilePruner p => new JsonObject
        {
            ["type"] = p is MedianPruner ? "median" : "percentile", ["percentile"] = p.Percentile, ["n_startup_trials"] = p.NStartupTrials,
            ["n_warmup_steps"] = p.NWarmupSteps, ["interval_steps"] = p.IntervalSteps, ["n_min_trials"] = p.NMinTrials,
        },
        NopPruner => new JsonObject { ["type"] = "nop" },
        _ => new JsonObject { ["type"] = "custom", ["class"] = pruner.GetType().FullName, ["description"] = pruner.ToString() },
    };

    private static IPruner? ReadPruner(JsonObject o)
    {
        switch (Str(o, "type"))
        {
            case "median":
                return new MedianPruner(Int(o, "n_startup_trials"), Int(o, "n_warmup_steps"), Int(o, "interval_steps"), Int(o, "n_min_trials"));
            case "percentile":
                return new PercentilePruner(o["percentile"]!.GetValue<double>(), Int(o, "n_startup_trials"), Int(o, "n_warmup_steps"),
                    Int(o, "interval_steps"), Int(o, "n_min_trials"));
            case "nop":
                return new NopPruner();
            case "custom":
                return null;
            case var other:
                throw Bad($"pruner type \"{other}\" is unknown");
        }
    }

    private static string Str(JsonObject o, string key) =>
        o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw Bad($"\"{key}\" is missing or not a text");

    private static int Int(JsonObject o, string key) =>
        o[key] is JsonValue v && v.TryGetValue<int>(out var i) ? i : throw Bad($"\"{key}\" is missing or not an integer");

    private static JsonObject Obj(JsonObject o, string key) => o[key] as JsonObject ?? throw Bad($"\"{key}\" is missing or not an object");

    private static FormatProblem Bad(string message) => new(message);

    /// <summary>A problem with the file's content; turned into an <see cref="InvalidDataException"/> naming the file.</summary>
    private sealed class FormatProblem(string message) : Exception(message);
}
