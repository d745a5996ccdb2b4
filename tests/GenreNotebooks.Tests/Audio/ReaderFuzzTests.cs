using System.Diagnostics;
using GenreNotebooks.Audio;

namespace GenreNotebooks.Tests.Audio;

/// <summary>Random and mutated inputs: the readers may only succeed or throw <see cref="AudioFormatException"/>.</summary>
public class ReaderFuzzTests
{
    private static byte[] ValidWav(Random rng)
    {
        int channels = rng.Next(1, 3);
        (ushort tag, int bits) = rng.Next(6) switch
        {
            0 => ((ushort)1, 8),
            1 => ((ushort)1, 16),
            2 => ((ushort)1, 24),
            3 => ((ushort)1, 32),
            4 => ((ushort)3, 32),
            _ => ((ushort)3, 64),
        };
        var data = new byte[channels * bits / 8 * rng.Next(1, 40)];
        rng.NextBytes(data);
        var fmt = rng.Next(2) == 0 ? WavBytes.Fmt(tag, channels, 22050, bits) : WavBytes.FmtExtensible(tag, channels, 22050, bits);
        return WavBytes.Riff(WavBytes.Chunk("LIST", new byte[rng.Next(0, 5)]), WavBytes.Chunk("fmt ", fmt), WavBytes.Chunk("data", data));
    }

    private static byte[] ValidAu(Random rng)
    {
        uint[] encodings = [1, 2, 3, 4, 5, 6, 7, 27];
        var data = new byte[8 * rng.Next(1, 30)];
        rng.NextBytes(data);
        return WavBytes.Au(encodings[rng.Next(encodings.Length)], 8000, rng.Next(1, 3), data);
    }

    private static byte[] Mutate(byte[] valid, Random rng)
    {
        var b = (byte[])valid.Clone();
        switch (rng.Next(4))
        {
            case 0:
                for (int i = rng.Next(1, 6); i > 0; i--) b[rng.Next(b.Length)] = (byte)rng.Next(256);
                return b;
            case 1:
                return b[..rng.Next(b.Length)];
            case 2:
                // Overwrite a size or header field with an extreme value.
                int at = rng.Next(Math.Max(1, b.Length - 4));
                uint[] extremes = [0, 1, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0xFFFFFFFE];
                BitConverter.GetBytes(extremes[rng.Next(extremes.Length)]).CopyTo(b, at);
                return b;
            default:
                return b.Concat(Enumerable.Range(0, rng.Next(1, 20)).Select(_ => (byte)rng.Next(256))).ToArray();
        }
    }

    [Fact]
    public void Random_and_mutated_bytes_only_ever_raise_AudioFormatException()
    {
        var rng = new Random(20240601);
        var clock = Stopwatch.StartNew();
        int cases = 0, accepted = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(1.5) && cases < 20000)
        {
            cases++;
            byte[] input = rng.Next(5) switch
            {
                0 => Enumerable.Range(0, rng.Next(0, 200)).Select(_ => (byte)rng.Next(256)).ToArray(),
                1 or 2 => Mutate(ValidWav(rng), rng),
                _ => Mutate(ValidAu(rng), rng),
            };
            bool au = input.Length >= 4 && input[0] == '.';
            try
            {
                var a = au ? AuReader.Read(input, "fuzz.au") : WavReader.Read(input, "fuzz.wav");
                Assert.True(a.ChannelCount > 0 && a.Length > 0 && a.SampleRate > 0);
                Assert.All(a.Channels, c => Assert.All(c, v => Assert.True(float.IsFinite(v))));
                accepted++;
            }
            catch (AudioFormatException e)
            {
                Assert.StartsWith("fuzz.", e.Message);
            }
        }
        Assert.True(cases > 500, $"only {cases} cases ran");
        Assert.True(accepted > 0, "no mutated file was accepted: the generator is not producing readable files");
    }

    // 200 seeded mutations of real mp3/ogg files (a fixed count, so the cases do not depend on the machine's load):
    // the in-process decoders may only succeed or throw AudioFormatException, and must finish. The loop runs on a
    // worker thread the test waits for with a deadline far above its normal 1-2 s, so a decoder stuck in a loop
    // fails the test instead of hanging the run.
    [Fact]
    public void Mutated_mp3_and_ogg_bytes_only_ever_raise_AudioFormatException_and_never_hang()
    {
        string[] files = ["lame-cbr-stereo-44k.mp3", "lame-vbr-mono-22k.mp3", "ffmpeg-vbr-stereo-44k.mp3", "lame-cbr-mono-22k-notag.mp3",
            "vorbis-mono-22k.ogg", "vorbis-stereo-44k.ogg"];
        var originals = files.Select(CodecFixtures.Bytes).ToArray();
        int cases = 0, accepted = 0, lastCase = -1;
        string? lastKind = null;
        var unexpected = new List<string>();
        var worker = new Thread(() =>
        {
            var rng = new Random(20240602);
            while (cases < 200)
            {
                lastCase = cases++;
                int which = rng.Next(originals.Length);
                byte[] input = rng.Next(8) == 0
                    ? Enumerable.Range(0, rng.Next(0, 400)).Select(_ => (byte)rng.Next(256)).ToArray()
                    : Mutate(originals[which], rng);
                bool ogg = files[which].EndsWith(".ogg", StringComparison.Ordinal);
                lastKind = ogg ? "ogg" : "mp3";
                try
                {
                    var a = ogg ? OggVorbisReader.Read(input, "fuzz.ogg") : Mp3Reader.Read(input, "fuzz.mp3");
                    if (a.ChannelCount <= 0 || a.Length <= 0 || a.Channels.Any(c => c.Any(v => !float.IsFinite(v))))
                        unexpected.Add($"case {lastCase}: accepted an invalid result {a}");
                    accepted++;
                }
                catch (AudioFormatException e)
                {
                    if (!e.Message.StartsWith("fuzz.", StringComparison.Ordinal)) unexpected.Add($"case {lastCase}: message does not name the file: {e.Message}");
                }
                catch (Exception e)
                {
                    unexpected.Add($"case {lastCase} ({lastKind}): {e.GetType().Name}: {e.Message}");
                }
            }
        }) { IsBackground = true };
        worker.Start();
        bool finished = worker.Join(TimeSpan.FromMinutes(3));
        Assert.True(finished, $"decoding did not finish: stuck in case {lastCase} ({lastKind})");
        Assert.Empty(unexpected);
        Assert.Equal(200, cases);
        Assert.True(accepted > 0, "no mutated file was accepted: the mutations are too destructive to test decoding");
    }
}
