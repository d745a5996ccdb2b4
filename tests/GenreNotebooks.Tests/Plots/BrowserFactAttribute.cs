using System.Diagnostics;
using GenreNotebooks.Plots;

namespace GenreNotebooks.Tests.Plots;

/// <summary>
/// A test that needs headless Chromium and a local plotly.js (npm plotly.js-dist-min in the checkout's
/// node_modules). Skipped on a developer machine without them; with CI=true it runs, and fails, when they are missing.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CI") is "true" or "1") return;
        if (Browser.Chromium is null) Skip = "chromium is not installed (apt-get install chromium); runs in CI.";
        else if (Browser.PlotlyScript is null) Skip = "plotly.js is missing (npm install --no-save plotly.js-dist-min in the checkout); runs in CI.";
    }
}

/// <summary>Headless Chromium: renders a page and returns its DOM after scripts ran.</summary>
public static class Browser
{
    public static string? Chromium { get; } = Find("chromium", "chromium-browser", "google-chrome");

    public static string? PlotlyScript { get; } = PlotlyJs.FindLocal(ProjectPaths.FindRoot(AppContext.BaseDirectory));

    private static string? Find(params string[] names)
    {
        var path = Environment.GetEnvironmentVariable("PATH")?.Split(Path.PathSeparator) ?? [];
        return names.SelectMany(n => path.Select(p => Path.Combine(p, n))).FirstOrDefault(File.Exists);
    }

    public static string DumpDom(string htmlPath)
    {
        var chromium = Chromium ?? throw new InvalidOperationException("chromium is not installed (apt-get install chromium).");
        var profile = Directory.CreateTempSubdirectory("genre-chromium").FullName;
        try
        {
            var psi = new ProcessStartInfo(chromium)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                         $"--user-data-dir={profile}", "--virtual-time-budget=5000", "--dump-dom",
                         new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri,
                     })
                psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            var stderr = p.StandardError.ReadToEndAsync();
            var dom = p.StandardOutput.ReadToEndAsync();
            if (!p.WaitForExit(90_000))
            {
                p.Kill(entireProcessTree: true);
                throw new TimeoutException("chromium did not finish within 90 s.");
            }
            if (p.ExitCode != 0) throw new InvalidOperationException($"chromium exited with {p.ExitCode}: {stderr.Result}");
            return dom.Result;
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { }
        }
    }
}
