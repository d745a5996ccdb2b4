using System.CommandLine;
using System.Globalization;
using GenreNotebooks.Cli.Terminal;
using GenreNotebooks.Features;
using GenreNotebooks.Models;
using GenreNotebooks.Nn;
using GenreNotebooks.Nn.Optim;
using GenreNotebooks.Training;

namespace GenreNotebooks.Cli.Commands;

/// <summary>
/// <c>genre cv --features &lt;csv&gt; --model &lt;name&gt; [--folds 5] [--epochs N] [--seed S] [--drop-correlated 0.8]</c>:
/// k-fold cross-validation of a feature network of the model catalog on a Kaggle-format feature CSV, folds grouped by
/// track and stratified by genre, features standardised on each fold's training rows. Prints one line per fold
/// (<c>fold 1 0.7250</c>) and <c>mean 0.7170</c> as the last line. Training progress goes to standard error: one line
/// per epoch (<c>fold 2/5 epoch 3/50 ...</c>), or a progress bar when standard error is a terminal. Ctrl+C stops at the
/// next mini-batch, prints the folds completed (no mean) and exits with 130. The features paper's experiment
/// is <c>genre cv --features features_30_sec.csv --model features-1d-cnn --drop-correlated 0.8</c>.
/// </summary>
internal static class CvCommand
{
    public static Command Create()
    {
        var features = new Option<string>("--features") { Description = "Feature CSV in Kaggle's features_30_sec.csv / features_3_sec.csv format.", Required = true };
        var model = new Option<string>("--model") { Description = "Catalog model taking a feature vector: dtu-mlp or features-1d-cnn.", Required = true };
        var folds = new Option<int>("--folds") { Description = "Number of folds, at least 2.", DefaultValueFactory = _ => 5 };
        var epochs = new Option<int?>("--epochs") { Description = "Epochs per fold (default: the model's recipe)." };
        var seed = new Option<ulong>("--seed") { Description = "Seed of folds, weights and batches.", DefaultValueFactory = _ => 0UL };
        var drop = new Option<double?>("--drop-correlated") { Description = "Drop one feature of each pair with |Pearson r| >= this (the study used 0.8)." };
        var command = new Command("cv", "Cross-validate a feature network (track-grouped, stratified k folds); prints per-fold accuracy and the mean.");
        foreach (var o in new Option[] { features, model, folds, epochs, seed, drop }) command.Options.Add(o);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var finished = new List<FoldResult>();
            try
            {
                // Off the invoking thread, so System.CommandLine's Ctrl+C handling can still end a run that does not stop.
                var result = await Task.Run(() => Run(parse.GetValue(features)!, parse.GetValue(model)!, parse.GetValue(folds), parse.GetValue(epochs),
                    parse.GetValue(seed), parse.GetValue(drop), stderr, new InlineProgress<FoldResult>(finished.Add), cancellationToken), CancellationToken.None);
                foreach (var f in result.Folds) stdout.WriteLine(FoldLine(f));
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mean {result.MeanAccuracy:F4}"));
                return 0;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                foreach (var f in finished) stdout.WriteLine(FoldLine(f));
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"cancelled after {finished.Count} of {parse.GetValue(folds)} folds; the fold lines printed are the completed ones, no mean"));
                return ExitCodes.Cancelled;
            }
            catch (Exception e) when (e is FileNotFoundException or InvalidDataException or ArgumentException or IOException
                                           or UnauthorizedAccessException or FeatureCsvException)
            {
                stderr.WriteLine($"genre cv: {ErrorText.Of(e)}");
                return 1;
            }
        });
        return command;
    }

    private static string FoldLine(FoldResult f) => string.Create(CultureInfo.InvariantCulture, $"fold {f.Index + 1} {f.Accuracy:F4}");

    internal static CrossValidationResult Run(string csvPath, string modelName, int folds, int? epochs, ulong seed, double? dropCorrelated, TextWriter log,
        IProgress<FoldResult>? foldProgress = null, CancellationToken cancellationToken = default)
    {
        var spec = ModelCatalog.Get(modelName);
        bool flat = spec.TypicalInputShape.Count == 1;
        bool channelled = spec.TypicalInputShape.Count == 2 && spec.TypicalInputShape[0] == 1;
        if (!flat && !channelled)
            throw new ArgumentException($"model '{modelName}' takes inputs of shape ({string.Join(", ", spec.TypicalInputShape)}), not a feature vector; use dtu-mlp or features-1d-cnn");
        if (folds < 2) throw new ArgumentException($"--folds must be at least 2, got {folds}");
        if (epochs is < 1) throw new ArgumentException($"--epochs must be at least 1, got {epochs}");
        var recipe = spec.Recipe with { Epochs = epochs ?? spec.Recipe.Epochs, EarlyStopping = null };
        if (!File.Exists(csvPath)) throw new FileNotFoundException($"feature CSV '{csvPath}' not found", csvPath);

        var table = FeatureTableCsv.Read(csvPath);
        if (dropCorrelated is double threshold)
        {
            if (!(threshold > 0 && threshold <= 1)) throw new ArgumentException($"--drop-correlated must be in (0, 1], got {threshold}");
            var filter = CorrelationFilter.Fit(table, threshold);
            log.WriteLine($"dropped {filter.DroppedColumns.Count} correlated feature(s): {string.Join(", ", filter.DroppedColumns)}");
            table = filter.Apply(table);
        }
        var labels = table.LabelEncoding.Encode(table.Labels);
        var groups = table.TrackIds.Select(t => t.Track).ToArray();
        int classes = table.LabelEncoding.Count;
        if (classes < 2) throw new ArgumentException($"'{csvPath}' holds a single genre; cross-validation needs at least 2");
        var rows = Enumerable.Range(0, table.RowCount).Select(r => table.Row(r)).ToArray();
        int width = table.ColumnCount;
        int[] inputShape = flat ? [width] : [1, width];

        Tensor ToTensor(double[][] standardised)
        {
            var data = new float[standardised.Length * width];
            for (int i = 0; i < standardised.Length; i++)
                for (int j = 0; j < width; j++) data[i * width + j] = (float)standardised[i][j];
            return new Tensor(data, [standardised.Length, .. inputShape]);
        }

        bool live = ConsoleTrainingProgress.IsTerminal(log);
        var progress = new ConsoleTrainingProgress(log, live, width: live ? ConsoleTrainingProgress.TerminalWidth() : 80);
        return CrossValidation.Run(labels, groups, folds, seed, fold =>
        {
            progress.Prefix = string.Create(CultureInfo.InvariantCulture, $"fold {fold.Index + 1}/{folds} ");
            var train = fold.TrainIndices.Select(i => rows[i]).ToArray();
            var scaler = Standardiser.Fit(train, table.Columns);
            var x = ToTensor(scaler.Transform(train));
            var y = fold.TrainIndices.Select(i => labels[i]).ToArray();
            var xVal = ToTensor(scaler.Transform(fold.ValidationIndices.Select(i => rows[i]).ToArray()));
            var network = spec.Build(inputShape, classes, seed + (ulong)fold.Index);
            var trainer = RecipeTraining.CreateTrainer(recipe, network, seed + 1000 + (ulong)fold.Index);
            // No validation data during training: the fold's validation rows are only scored once, at the end.
            var scheduler = recipe.CreateScheduler(trainer.Optimizer);
            if (scheduler is ReduceLROnPlateau)
                throw new ArgumentException($"model '{modelName}': its recipe's ReduceLROnPlateau needs validation data, which cross-validation does not have");
            var history = trainer.Fit(x, y, epochs: recipe.Epochs, scheduler: scheduler, progress: progress, cancellationToken: cancellationToken);
            if (history.Cancelled) throw new OperationCanceledException(cancellationToken);
            return trainer.Predict(xVal);
        }, table.LabelEncoding.Classes, foldProgress, cancellationToken);
    }
}
