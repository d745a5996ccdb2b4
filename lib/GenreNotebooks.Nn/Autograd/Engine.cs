using GenreNotebooks.Nn.Kernels;

namespace GenreNotebooks.Nn.Autograd;

/// <summary>Reverse-mode differentiation over the recorded graph (PyTorch's <c>torch.autograd.backward</c>).</summary>
internal static class Engine
{
    public static void Backward(Tensor root, ReadOnlySpan<float> seed)
    {
        var order = TopologicalOrder(root);
        seed.CopyTo(root.GradArray());
        if (root.GradFn is null) return;
        for (int i = order.Count - 1; i >= 0; i--)
        {
            var t = order[i];
            var g = t.GradBuffer;
            if (t.GradFn is null || g is null) continue;
            using (Profiler.Enabled ? Profiler.Scope(t.GradFn.Name) : default)
                t.GradFn.Backward(g);
            t.GradBuffer = null;
            BufferPool.Return(g);
        }
    }

    private static List<Tensor> TopologicalOrder(Tensor root)
    {
        var order = new List<Tensor>();
        var visited = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(Tensor Node, int Next)>();
        stack.Push((root, 0));
        visited.Add(root);
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            var inputs = node.GradFn?.Inputs ?? [];
            if (next < inputs.Length)
            {
                stack.Push((node, next + 1));
                var child = inputs[next];
                if (child.RequiresGrad && visited.Add(child)) stack.Push((child, 0));
            }
            else order.Add(node);
        }
        return order;
    }
}
