using System.Globalization;
using System.Text;

namespace GenreNotebooks.Nn.Modules;

/// <summary>
/// Keras <c>model.summary()</c> for our modules: every leaf layer with its output shape and parameter count, then
/// total, trainable and non-trainable counts (non-trainable = frozen parameters plus buffers such as BatchNorm running
/// statistics, as Keras counts them). Computed by running a batch of one zero input in eval mode without grad.
/// </summary>
public sealed class ModelSummary
{
    private ModelSummary(IReadOnlyList<SummaryRow> rows, long trainable, long nonTrainable)
    {
        Rows = rows;
        TrainableParameters = trainable;
        NonTrainableParameters = nonTrainable;
    }

    /// <summary>One row per leaf layer in execution order.</summary>
    public IReadOnlyList<SummaryRow> Rows { get; }

    /// <summary>Parameter values that require grad.</summary>
    public long TrainableParameters { get; }

    /// <summary>Frozen parameter values plus buffer values.</summary>
    public long NonTrainableParameters { get; }

    /// <summary>Trainable plus non-trainable.</summary>
    public long TotalParameters => TrainableParameters + NonTrainableParameters;

    /// <summary>Builds the summary for <paramref name="model"/> and an input shape without the batch dimension (e.g. 1, 128, 130).</summary>
    public static ModelSummary Create(Module model, params int[] inputShape)
    {
        ArgumentNullException.ThrowIfNull(model);
        var rows = new List<SummaryRow>();
        bool wasTraining = model.Training;
        model.Eval();
        try
        {
            using var noGrad = Torch.NoGrad();
            using var scope = Torch.NewDisposeScope();
            var x = Tensor.Zeros([1, .. inputShape]);
            Walk(model, "", x, rows);
        }
        finally
        {
            model.Train(wasTraining);
        }
        long trainable = model.Parameters().Where(p => p.RequiresGrad).Sum(p => (long)p.Numel);
        long frozen = model.Parameters().Where(p => !p.RequiresGrad).Sum(p => (long)p.Numel) + model.Buffers().Sum(b => (long)b.Numel);
        return new ModelSummary(rows, trainable, frozen);
    }

    private static Tensor Walk(Module m, string name, Tensor x, List<SummaryRow> rows)
    {
        if (m is Sequential seq)
        {
            for (int i = 0; i < seq.Count; i++)
                x = Walk(seq[i], name.Length == 0 ? i.ToString(CultureInfo.InvariantCulture) : $"{name}.{i}", x, rows);
            return x;
        }
        var y = m.Forward(x);
        var shape = y.Shape.ToArray();
        if (shape.Length > 0) shape[0] = -1;
        long own = m.Parameters().Sum(p => (long)p.Numel);
        rows.Add(new SummaryRow($"{(name.Length == 0 ? "model" : name)} ({m.GetType().Name})", shape, own));
        return y;
    }

    /// <summary>The Keras-style table.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        string line = new('-', 72);
        sb.AppendLine(line);
        sb.AppendLine($"{"Layer (type)",-30} {"Output Shape",-26} {"Param #",14}");
        sb.AppendLine(new string('=', 72));
        foreach (var r in Rows)
            sb.AppendLine($"{r.Layer,-30} {Tensor.ShapeString(r.OutputShape),-26} {r.Parameters.ToString("N0", CultureInfo.InvariantCulture),14}");
        sb.AppendLine(new string('=', 72));
        sb.AppendLine($"Total params: {TotalParameters.ToString("N0", CultureInfo.InvariantCulture)}");
        sb.AppendLine($"Trainable params: {TrainableParameters.ToString("N0", CultureInfo.InvariantCulture)}");
        sb.AppendLine($"Non-trainable params: {NonTrainableParameters.ToString("N0", CultureInfo.InvariantCulture)}");
        sb.Append(line);
        return sb.ToString();
    }
}
