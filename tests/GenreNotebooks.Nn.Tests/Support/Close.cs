namespace GenreNotebooks.Nn.Tests.Support;

public static class Close
{
    /// <summary>|a - e| &lt;= atol + rtol·|e| elementwise; the message names the first failing index.</summary>
    public static void All(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, double rtol, double atol, string what)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: length {actual.Length}, expected {expected.Length}");
        for (int i = 0; i < expected.Length; i++)
        {
            double e = expected[i], a = actual[i];
            Assert.True(Math.Abs(a - e) <= atol + rtol * Math.Abs(e), $"{what}[{i}]: got {a:G9}, expected {e:G9}");
        }
    }
}
