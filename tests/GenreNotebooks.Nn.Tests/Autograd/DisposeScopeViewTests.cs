namespace GenreNotebooks.Nn.Tests.Autograd;

public class DisposeScopeViewTests
{
    // An unusual length, so no other op result of the suite competes for the recycled buffer.
    private const int Length = 4093;

    private static float[] Expected() => Enumerable.Range(0, Length).Select(i => 2f * i).ToArray();

    /// <summary>Rents (and overwrites) buffers of <see cref="Length"/> floats, as the next batch's ops would.</summary>
    private static void ReuseRecycledMemory()
    {
        using var scope = Torch.NewDisposeScope();
        for (int i = 0; i < 4; i++) _ = Tensor.Zeros(Length) - 1f;
    }

    [Fact]
    public void A_view_moved_out_of_its_scope_keeps_its_values_after_the_scope_recycles_memory()
    {
        Tensor kept;
        using (Torch.NewDisposeScope())
        {
            var doubled = Tensor.Arange(Length) * 2f;   // pooled op result owned by the scope
            kept = doubled.View(1, Length).Flatten().MoveToOuterScope();
        }
        ReuseRecycledMemory();
        Assert.Equal(Expected(), kept.ToArray());
    }

    [Fact]
    public void A_view_moved_one_scope_out_lives_until_that_scope_ends()
    {
        Tensor kept;
        using (Torch.NewDisposeScope())
        {
            using (Torch.NewDisposeScope())
                kept = (Tensor.Arange(Length) * 2f).Flatten().MoveToOuterScope();
            ReuseRecycledMemory();
            Assert.Equal(Expected(), kept.ToArray());
        }
        Assert.Throws<ObjectDisposedException>(() => kept.ToArray());
    }

    [Fact]
    public void Detaching_a_scope_result_ties_it_to_the_scope_and_moving_it_out_keeps_the_data()
    {
        Tensor inScope, moved;
        using (Torch.NewDisposeScope())
        {
            var doubled = Tensor.Arange(Length) * 2f;
            inScope = doubled.Detach();
            moved = doubled.Detach().MoveToOuterScope();
        }
        ReuseRecycledMemory();
        Assert.Throws<ObjectDisposedException>(() => inScope.ToArray());
        Assert.Equal(Expected(), moved.ToArray());
    }

    [Fact]
    public void Detaching_a_tensor_outside_any_scope_is_not_captured_by_the_current_scope()
    {
        var leaf = Tensor.Arange(Length) * 2f;
        Tensor detached;
        using (Torch.NewDisposeScope()) detached = leaf.Detach();
        Assert.Equal(Expected(), detached.ToArray());
    }
}
