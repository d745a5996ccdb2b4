using GenreNotebooks.Plots;

namespace GenreNotebooks.Tests.Plots;

/// <summary>
/// LiveDisplay repairs only the .NET Interactive kernel's display handles (that repair is proven on the kernel's own
/// events in tests/GenreNotebooks.Kernel.Tests); everything else, such as the project runner's handles, passes through.
/// </summary>
public class LiveDisplayTests
{
    private sealed class RunnerLikeHandle
    {
        public List<object> Updates { get; } = [];
        public void Update(object value) => Updates.Add(value);
    }

    [Fact]
    public void Handles_that_are_not_the_kernels_come_back_unchanged_and_still_update()
    {
        var handle = new RunnerLikeHandle();
        Assert.Same(handle, LiveDisplay.InPlace(handle));
        Action<object> update = handle.Update;
        var repaired = LiveDisplay.InPlace(update);
        Assert.Same(update, repaired);
        repaired("epoch 1");
        Assert.Equal(["epoch 1"], handle.Updates);
        Action<object> lambda = v => handle.Updates.Add(v);
        Assert.Same(lambda, LiveDisplay.InPlace(lambda));
    }
}
