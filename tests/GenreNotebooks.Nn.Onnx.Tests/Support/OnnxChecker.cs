using System.Diagnostics;

namespace GenreNotebooks.Nn.Onnx.Tests.Support;

/// <summary>ONNX's own validator, <c>onnx.checker.check_model(full_check=True)</c>, from Debian's python3-onnx (1.12) under /usr/bin/python3.</summary>
internal static class OnnxChecker
{
    private const string Python = "/usr/bin/python3";

    private const string Script =
        "import sys, onnx\n" +
        "for path in sys.argv[1:]:\n" +
        "    onnx.checker.check_model(onnx.load(path), full_check=True)\n" +
        "    print('ok', path)\n";

    /// <summary>True when python3 imports onnx.checker.</summary>
    public static bool IsAvailable { get; } = Probe();

    /// <summary>Checks every file in one python run; returns its exit code and output.</summary>
    public static (int ExitCode, string Output) Check(IEnumerable<string> paths)
    {
        var psi = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(Script);
        foreach (var p in paths) psi.ArgumentList.Add(p);
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("onnx.checker did not finish within 120 s.");
        }
        return (process.ExitCode, stdout + stderr.Result);
    }

    private static bool Probe()
    {
        if (!File.Exists(Python)) return false;
        try
        {
            var psi = new ProcessStartInfo(Python, ["-c", "import onnx.checker"]) { RedirectStandardError = true, UseShellExecute = false };
            using var p = Process.Start(psi)!;
            p.StandardError.ReadToEnd();
            return p.WaitForExit(60_000) && p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}

/// <summary>
/// A test that needs ONNX's checker (apt-get install python3-onnx, as environment/setup.sh does). Skipped on a
/// developer machine without it; with CI=true it runs, and fails, when it is missing.
/// </summary>
public sealed class OnnxCheckerFactAttribute : FactAttribute
{
    public OnnxCheckerFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CI") is "true" or "1") return;
        if (!OnnxChecker.IsAvailable) Skip = "python3-onnx is not installed (apt-get install python3-onnx); runs in CI.";
    }
}
