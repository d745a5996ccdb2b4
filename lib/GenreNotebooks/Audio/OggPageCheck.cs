namespace GenreNotebooks.Audio;

/// <summary>
/// Walks the pages of an Ogg file (RFC 3533) before decoding, because NVorbis silently skips what it cannot read:
/// every page must start where the previous one ended, fit in the file and pass its CRC-32, and the first logical
/// stream must end with an end-of-stream page. So a cut-off download, a damaged page or bytes that are not Ogg are
/// reported (with the byte offset) instead of decoding to a shorter or gapped signal.
/// </summary>
internal static class OggPageCheck
{
    private static readonly uint[] CrcTable = BuildTable();

    /// <summary>Checks <paramref name="bytes"/>; throws <see cref="AudioFormatException"/> naming <paramref name="name"/> on the first problem.</summary>
    public static void Validate(byte[] bytes, string name)
    {
        int pos = 0;
        uint firstSerial = 0;
        bool sawEnd = false;
        int pages = 0;
        while (pos < bytes.Length)
        {
            if (bytes.Length - pos < 27)
                throw new AudioFormatException(name, $"truncated: the file ends inside the Ogg page header at byte {pos}");
            if (!bytes.AsSpan(pos, 4).SequenceEqual("OggS"u8))
                throw new AudioFormatException(name, $"corrupt: no Ogg page at byte {pos} where the previous page ends");
            int segments = bytes[pos + 26];
            if (bytes.Length - pos < 27 + segments)
                throw new AudioFormatException(name, $"truncated: the file ends inside the Ogg page header at byte {pos}");
            int body = 0;
            for (int i = 0; i < segments; i++) body += bytes[pos + 27 + i];
            int length = 27 + segments + body;
            if (length > bytes.Length - pos)
                throw new AudioFormatException(name, $"truncated: the Ogg page at byte {pos} needs {length} bytes but the file ends after {bytes.Length - pos}");
            uint stored = BitConverter.ToUInt32(bytes, pos + 22);
            if (Crc(bytes.AsSpan(pos, length)) != stored)
                throw new AudioFormatException(name, $"corrupt: the Ogg page at byte {pos} fails its CRC check");
            uint serial = BitConverter.ToUInt32(bytes, pos + 14);
            if (pages == 0) firstSerial = serial;
            if (serial == firstSerial && (bytes[pos + 5] & 4) != 0) sawEnd = true;
            pages++;
            pos += length;
        }
        if (!sawEnd) throw new AudioFormatException(name, "truncated: its Vorbis stream has no end-of-stream page");
    }

    // CRC-32 with polynomial 0x04C11DB7, no reflection, initial value 0, computed with the CRC field taken as zero.
    private static uint Crc(ReadOnlySpan<byte> page)
    {
        uint crc = 0;
        for (int i = 0; i < page.Length; i++)
        {
            byte b = i is >= 22 and < 26 ? (byte)0 : page[i];
            crc = (crc << 8) ^ CrcTable[(crc >> 24) ^ b];
        }
        return crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            uint r = i << 24;
            for (int k = 0; k < 8; k++) r = (r & 0x80000000u) != 0 ? (r << 1) ^ 0x04C11DB7u : r << 1;
            table[i] = r;
        }
        return table;
    }
}
