using System.Text;
using GenreNotebooks.Nn.Modules;

namespace GenreNotebooks.Nn.Tests.Files;

public class PyTorchStateDictTests
{
    /// <summary>
    /// The file PyTorch writes for <c>save_file(nn.Sequential(nn.Linear(2, 2), nn.BatchNorm1d(2)).state_dict(), p)</c>:
    /// float32 parameters and running statistics plus BatchNorm's int64 <c>num_batches_tracked</c>.
    /// </summary>
    private static string WritePyTorchLikeFile(float[] values)
    {
        string[] names = ["0.bias", "0.weight", "1.bias", "1.running_mean", "1.running_var", "1.weight"];
        int[][] shapes = [[2], [2, 2], [2], [2], [2], [2]];
        var json = new StringBuilder("{\"__metadata__\": {\"format\": \"pt\"}");
        long offset = 0;
        for (int i = 0; i < names.Length; i++)
        {
            long bytes = shapes[i].Aggregate(1, (a, b) => a * b) * 4;
            json.Append($", \"{names[i]}\": {{\"dtype\": \"F32\", \"shape\": [{string.Join(", ", shapes[i])}], \"data_offsets\": [{offset}, {offset + bytes}]}}");
            offset += bytes;
        }
        var data = SafetensorsTests.Floats(values).ToList();
        json.Append($", \"1.num_batches_tracked\": {{\"dtype\": \"I64\", \"shape\": [], \"data_offsets\": [{offset}, {offset + 8}]}}");
        data.AddRange(BitConverter.GetBytes(17L));
        json.Append('}');
        return SafetensorsTests.WriteRaw(json.ToString(), [.. data]);
    }

    [Fact]
    public void Load_accepts_a_pytorch_file_with_batchnorm_num_batches_tracked()
    {
        float[] values = [0.5f, -0.5f, 1f, 2f, 3f, 4f, 0.1f, 0.2f, 10f, 20f, 4f, 9f, 1.5f, 2.5f];
        string path = WritePyTorchLikeFile(values);
        try
        {
            var model = new Sequential(new Linear(2, 2), new BatchNorm1d(2));
            model.Load(path);
            var state = model.StateDict();
            Assert.Equal([0.5f, -0.5f], state["0.bias"].ToArray());
            Assert.Equal([1f, 2f, 3f, 4f], state["0.weight"].ToArray());
            Assert.Equal([10f, 20f], state["1.running_mean"].ToArray());
            Assert.Equal([4f, 9f], state["1.running_var"].ToArray());
            Assert.Equal([1.5f, 2.5f], state["1.weight"].ToArray());
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Other_int64_tensors_are_still_rejected_with_file_and_name()
    {
        string json = """{"0.weight": {"dtype": "I64", "shape": [1], "data_offsets": [0, 8]}}""";
        string path = SafetensorsTests.WriteRaw(json, new byte[8]);
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => new Sequential(new Linear(1, 1)).Load(path));
            Assert.Contains(path, e.Message);
            Assert.Contains("'0.weight' has dtype I64", e.Message);
        }
        finally { File.Delete(path); }
    }
}

public class ModuleLayoutTests
{
    [Fact]
    public void Same_layout_means_same_names_order_and_shapes_whatever_the_values()
    {
        var a = new GenreNotebooks.Nn.Modules.Sequential(new GenreNotebooks.Nn.Modules.Linear(4, 3, generator: new GenreNotebooks.Nn.Generator(1)), new GenreNotebooks.Nn.Modules.ReLU(), new GenreNotebooks.Nn.Modules.BatchNorm1d(3));
        var b = new GenreNotebooks.Nn.Modules.Sequential(new GenreNotebooks.Nn.Modules.Linear(4, 3, generator: new GenreNotebooks.Nn.Generator(2)), new GenreNotebooks.Nn.Modules.ReLU(), new GenreNotebooks.Nn.Modules.BatchNorm1d(3));
        Assert.True(a.HasSameLayout(b));
        var wider = new GenreNotebooks.Nn.Modules.Sequential(new GenreNotebooks.Nn.Modules.Linear(4, 5), new GenreNotebooks.Nn.Modules.ReLU(), new GenreNotebooks.Nn.Modules.BatchNorm1d(5));
        Assert.False(a.HasSameLayout(wider));
        var shifted = new GenreNotebooks.Nn.Modules.Sequential(new GenreNotebooks.Nn.Modules.ReLU(), new GenreNotebooks.Nn.Modules.Linear(4, 3), new GenreNotebooks.Nn.Modules.BatchNorm1d(3));
        Assert.False(a.HasSameLayout(shifted));   // same shapes, other names (1.weight instead of 0.weight)
        Assert.False(a.HasSameLayout(new GenreNotebooks.Nn.Modules.Sequential(new GenreNotebooks.Nn.Modules.Linear(4, 3))));
    }
}
