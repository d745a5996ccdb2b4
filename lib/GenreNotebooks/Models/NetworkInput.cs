using GenreNotebooks.Nn;
using GenreNotebooks.Nn.Modules;

namespace GenreNotebooks.Models;

/// <summary>Checks, before training, that a network takes inputs of a given shape, so a mismatch fails with a clear message instead of inside the first batch.</summary>
internal static class NetworkInput
{
    public static void Check(Module network, IReadOnlyList<int> shape, int classes, string what)
    {
        bool training = network.Training;
        network.Eval();
        try
        {
            using var noGrad = Torch.NoGrad();
            using var scope = Torch.NewDisposeScope();
            var output = network.Forward(Tensor.Zeros([1, .. shape]));
            if (output.Rank != 2 || output.Shape[1] != classes)
                throw new ArgumentException(
                    $"the network gives outputs of shape {Tensor.ShapeString(output.Shape)} for one input of shape ({string.Join(", ", shape)}); {what} has {classes} classes, so it must give (1, {classes}) logits");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException && !e.Message.StartsWith("the network gives", StringComparison.Ordinal))
        {
            throw new ArgumentException($"the network does not take inputs of shape ({string.Join(", ", shape)}) ({what}): {e.Message}", e);
        }
        finally
        {
            network.Train(training);
        }
    }
}
