using System.Text.Json.Nodes;
using GenreNotebooks.Datasets.Synthesis;
using GenreNotebooks.Models;
using GenreNotebooks.Notebooks.Document;
using GenreNotebooks.Notebooks.Execution;

using static GenreNotebooks.Notebooks.Tests.NotebookOutputs;

namespace GenreNotebooks.Notebooks.Tests;

/// <summary>
/// Notebook 09's final network is the catalogue's <c>bu-final</c>; its stand-in folder's planted problems are reported
/// item by item and the merge gives BU's 11 genres; its 3-s and 9-s clips of the 14-genre set have the stated shapes
/// and the same track split. The real notebook runs in the quick profile with one cell appended.
/// </summary>
public class Notebook09Tests
{
    private const string Nb09 = "09-new-genres.ipynb";

    [Fact]
    public async Task Notebook_09_trains_bu_final_on_BUs_sets_with_one_track_split_for_3_and_9_s_clips()
    {
        var doc = NotebookDocument.Load(Path.Combine(ProjectPaths.FindRoot(AppContext.BaseDirectory), "notebooks", Nb09));
        doc.Cells.Add(NotebookCell.Code("""
            string Signature(GenreNotebooks.Nn.Modules.Module m) => string.Join(";", m.StateDict().Select(kv => kv.Key + ":" + string.Join("x", kv.Value.Shape)));
            string Ids(IEnumerable<Clip> clips) => string.Join(",", clips.Select(c => c.TrackId).Distinct().Order(StringComparer.Ordinal));
            Console.WriteLine("bu-final=" + Signature(FinalNet([1, 128, 130], 14)));
            Console.WriteLine("excluded=" + string.Join(",", mine.Report.Excluded.Select(i => i.Kind).Distinct().Order()));
            Console.WriteLine("mine=" + string.Join(",", mine.Genres));
            Console.WriteLine("eleven=" + string.Join(",", eleven.Genres));
            Console.WriteLine("shape3=" + mels14x3.Rows + "x" + mels14x3.Cols);
            Console.WriteLine("shape9=" + mels14x9.Rows + "x" + mels14x9.Cols);
            Console.WriteLine("genres14=" + string.Join(",", mels14x9.Genres));
            Console.WriteLine("input9=" + string.Join("x", run14x9.Model.Parameters().First().Shape));
            Console.WriteLine("sametest=" + (Ids(clips14x3.Test) == Ids(clips14x9.Test) && Ids(clips14x9.Test) == string.Join(",", split14.Test.Select(t => t.Id))));
            Console.WriteLine("sametrain=" + (Ids(clips14x3.Train) == Ids(clips14x9.Train) && Ids(clips14x9.Train) == string.Join(",", split14.Train.Select(t => t.Id))));
            Console.WriteLine("clips=" + mels14x3.Count + "/" + mels14x9.Count);
            """));
        var result = await NotebookRunner.RunAsync(doc, new NotebookRunOptions { Profile = "quick", CellTimeout = TimeSpan.FromMinutes(5) });
        Assert.True(result.Succeeded, string.Join("\n", result.Failures.Select(f => f.Describe())));
        var printed = Output(result.Document.Cells[^1]).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);

        Assert.Equal(Signature(ModelCatalog.Build("bu-final", [1, 128, 130], 14)), printed["bu-final"]);
        // The planted problems, each reported; polka (two songs) is left out, Hip-Hop kept for the merge to refuse.
        Assert.Equal("TooFewTracks,Unreadable,Duplicate,TooShort", printed["excluded"]);
        Assert.Equal("hiphop,rap,brazilian_funk", printed["mine"]);
        Assert.Equal(string.Join(",", GenreSets.Bu11.Genres), printed["eleven"]);
        Assert.Equal("128x130", printed["shape3"]);
        Assert.Equal("128x388", printed["shape9"]);
        Assert.Equal(string.Join(",", GenreSets.Bu14.Genres), printed["genres14"]);
        Assert.Equal("True", printed["sametest"]);
        Assert.Equal("True", printed["sametrain"]);
        Assert.Equal("420/126", printed["clips"]);   // 42 tracks of 30 s: ten 3-s clips or three 9-s clips each
        Assert.Equal("8x1x5x5", printed["input9"]);

        string all = string.Concat(result.Document.Cells.Select(Output));
        Assert.Contains("Merge refused: genre(s) in both data sets: 'hiphop'", all);
        Assert.DoesNotContain("(Parameter", all);
        Assert.Contains("same layout as the library's bu-final: True", all);
        Assert.DoesNotContain("same layout as the library's bu-final: False", all);
    }
}
