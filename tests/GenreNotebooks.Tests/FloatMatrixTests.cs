namespace GenreNotebooks.Tests;

public class FloatMatrixTests
{
    // 2 x 3, row-major: [[1, 2, 3], [4, 5, 6]]
    private static FloatMatrix Sample() => new(2, 3, [1, 2, 3, 4, 5, 6]);

    [Fact]
    public void Data_is_row_major_and_rows_columns_and_cells_read_it_so()
    {
        var m = Sample();
        Assert.Equal(3f, m[0, 2]);
        Assert.Equal(4f, m[1, 0]);
        Assert.Equal([4f, 5f, 6f], m.Row(1).ToArray());
        Assert.Equal([2f, 5f], m.Column(1));
        m.Row(0)[1] = 9;                       // a row is a view of the data
        Assert.Equal(9f, m.Data[1]);
        Assert.Equal("FloatMatrix(2, 3)", m.ToString());
    }

    [Fact]
    public void Transpose_clone_from_rows_and_2d_array_keep_the_values()
    {
        var m = Sample();
        var t = m.Transpose();
        Assert.Equal((3, 2), (t.Rows, t.Cols));
        Assert.Equal([1f, 4f, 2f, 5f, 3f, 6f], t.Data);
        var c = m.Clone();
        c[0, 0] = -1;
        Assert.Equal(1f, m[0, 0]);
        Assert.Equal(m.Data, FloatMatrix.FromRows([[1, 2, 3], [4, 5, 6]]).Data);
        Assert.Equal(6f, m.ToArray2D()[1, 2]);
        Assert.Equal((0, 0), (FloatMatrix.FromRows([]).Rows, FloatMatrix.FromRows([]).Cols));
    }

    [Fact]
    public void Wrong_shapes_and_indices_are_refused_with_the_shape_in_the_message()
    {
        Assert.Contains("shape (2, 2) needs 4", Assert.Throws<ArgumentException>(() => new FloatMatrix(2, 2, new float[3])).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new FloatMatrix(-1, 2));
        Assert.Contains("row 1 has 1 values", Assert.Throws<ArgumentException>(() => FloatMatrix.FromRows([[1, 2], [3]])).Message);
        var m = Sample();
        Assert.Contains("outside shape (2, 3)", Assert.Throws<IndexOutOfRangeException>(() => m[2, 0]).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => m.Row(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => m.Column(-1));
    }
}
