using GenreNotebooks.Training.Tuning;

namespace GenreNotebooks.Tests.Training.Tuning;

public sealed class StudyTablesTests
{
    private static readonly double[] Values = [3, 1, 9, 2, 1, 5];

    // Trial 2 is pruned, trial 5 fails; trials 1 and 4 tie.
    private static Study Finished(StudyDirection direction = StudyDirection.Minimize)
    {
        var study = Study.Create(direction: direction, sampler: new RandomSampler(4), pruner: new NopPruner(), timeProvider: new ManualClockProvider());
        study.Optimize(t =>
        {
            t.SuggestFloat("lr", 1e-4, 1e-2, log: true);
            t.SuggestCategorical("opt", ["adam", "sgd"]);
            t.SetUserAttr("val_accuracy", 0.1 * t.Number);
            t.Report(Values[t.Number], 0);
            if (t.Number == 2) throw new TrialPrunedException();
            if (t.Number == 5) throw new InvalidOperationException("diverged");
            return Values[t.Number];
        }, nTrials: 6);
        return study;
    }

    [Fact]
    public void The_trials_table_becomes_a_project_table_with_the_same_columns_readable_times_and_html()
    {
        var study = Finished();
        var frame = study.TrialsDataFrame();
        var table = frame.ToTable();
        Assert.Equal(frame.Columns, table.Columns);
        Assert.Equal(6, table.RowCount);
        Assert.Equal("2026-01-02 03:04:05", table.Text(0, "datetime_start"));
        Assert.Equal("1.0 s", table.Text(0, "duration"));   // the clock moves 1 s per reading: start, end
        Assert.Equal("PRUNED", table.Text(2, "state"));
        Assert.Equal("", table.Text(5, "value"));           // a failed trial has no value
        Assert.Equal(((double)study.Trials[0].Params["lr"]).ToString("G6", System.Globalization.CultureInfo.InvariantCulture), table.Text(0, "params_lr"));
        // It displays like every other table: HTML in a notebook, aligned text on a console.
        Assert.StartsWith("<div class=\"genre-table\"><table>", frame.ToHtml());
        Assert.Equal(table.ToString(), frame.ToString());
        var writer = new StringWriter();
        frame.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        Assert.Equal(frame.ToHtml(), writer.ToString());
    }

    [Fact]
    public void The_best_trials_table_ranks_complete_trials_in_the_studys_direction_and_counts_every_state()
    {
        var min = Finished().BestTrialsTable(3);
        Assert.Equal(["rank", "trial", "value", "lr", "opt", "val_accuracy", "steps", "duration"], min.Columns);
        Assert.Equal(3, min.RowCount);
        Assert.Equal([1, 4, 3], Enumerable.Range(0, 3).Select(r => (int)min[r, "trial"]!));   // ties: the earlier trial first
        Assert.Equal([1, 2, 3], Enumerable.Range(0, 3).Select(r => (int)min[r, "rank"]!));
        Assert.Equal("0.4", min.Text(1, "val_accuracy"));
        Assert.Equal(1, min[0, "steps"]);
        Assert.Contains("Best 3 of 4 complete trials", min.Title);
        Assert.Contains("6 trials (4 complete, 1 pruned, 1 fail)", Assert.Single(min.Notes));

        var max = Finished(StudyDirection.Maximize).BestTrialsTable();
        Assert.Equal(4, max.RowCount);   // only the complete ones, however many are asked for
        Assert.Equal([0, 3, 1, 4], Enumerable.Range(0, 4).Select(r => (int)max[r, "trial"]!));   // 9 was pruned, so 3 is the best

        Assert.Throws<ArgumentOutOfRangeException>(() => Finished().BestTrialsTable(0));
        var empty = Study.Create(sampler: new RandomSampler(0)).BestTrialsTable();
        Assert.Equal(0, empty.RowCount);
        Assert.Contains("no trials yet", Assert.Single(empty.Notes));
    }

    [Fact]
    public void Pruners_print_their_settings()
    {
        Assert.Equal("MedianPruner(nStartupTrials=5, nWarmupSteps=3, intervalSteps=1, nMinTrials=1)", new MedianPruner(nWarmupSteps: 3).ToString());
        Assert.Equal("PercentilePruner(percentile=25, nStartupTrials=2, nWarmupSteps=0, intervalSteps=4, nMinTrials=1)",
            new PercentilePruner(25, nStartupTrials: 2, intervalSteps: 4).ToString());
        Assert.Equal("NopPruner()", new NopPruner().ToString());
    }

    /// <summary>A clock at 2026-01-02 03:04:05 UTC that moves one second each time it is read.</summary>
    private sealed class ManualClockProvider : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow()
        {
            var now = _now;
            _now = _now.AddSeconds(1);
            return now;
        }
    }
}
