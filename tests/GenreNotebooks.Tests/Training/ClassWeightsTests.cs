using GenreNotebooks.Training;

namespace GenreNotebooks.Tests.Training;

public class ClassWeightsTests
{
    [Fact]
    public void Balanced_weights_match_sklearn_formula()
    {
        var w = ClassWeights.Balanced([0, 0, 0, 1], 3);
        Assert.Equal(4.0 / (3 * 3), w[0], 6);
        Assert.Equal(4.0 / (3 * 1), w[1], 6);
        Assert.Equal(0f, w[2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => ClassWeights.Balanced([0, 3], 3));
        Assert.Throws<ArgumentException>(() => ClassWeights.Balanced([], 3));
    }
}
