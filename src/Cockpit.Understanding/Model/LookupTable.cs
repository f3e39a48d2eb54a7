using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Cockpit.Understanding.Model;

/// <summary>
/// The re-parameterised MoLE experts: one row of L × N × d expert outputs per token id, fp16 or int8 with a scale per
/// expert output, read through a memory-mapped file so only the rows of tokens actually seen become resident. Format
/// (little-endian), see <c>models/README.md</c>:
/// <code>
/// 0   8  magic "CKLUT001"
/// 8   4  format version (1)
/// 12  4  dtype (1 = float16: [L][N][d] fp16; 2 = int8: [L][N] × (fp32 scale, d int8))
/// 16  4  rows (vocabulary size)
/// 20  4  layers L
/// 24  4  experts N
/// 28  4  dim d
/// 32  4  header bytes (4096); rows start here
/// 36  4  reserved (0)
/// 40 32  SHA-256 of the experts.onnx it was built from
/// 72 32  SHA-256 of the payload (all rows)
/// 104..4096 zero
/// </code>
/// Thread-safe for concurrent gathers. With <c>resident</c> the rows are copied into memory instead, in transparent huge
/// pages where Linux allows (<see cref="UnderstandingOptions.ResidentTable"/>).
/// </summary>
internal sealed unsafe partial class LookupTable : IDisposable
{
    public const int HeaderBytes = 4096;
    private static readonly byte[] Magic = "CKLUT001"u8.ToArray();

    private const nuint HugePageBytes = 2 << 20;
    private const int MadviseHugePage = 14; // MADV_HUGEPAGE
    private const int FadviseDontNeed = 4; // POSIX_FADV_DONTNEED

    private readonly MemoryMappedFile? _file;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly byte* _rows; // row 0

    private LookupTable(string path, ModelShape shape, LookupTablePrecision precision, bool resident)
    {
        Path = path;
        Shape = shape;
        Precision = precision;
        RowBytes = RowBytesFor(shape, precision);
        IsResident = resident;
        if (resident)
        {
            _rows = LoadResident(path, (long)shape.Vocab * RowBytes);
            return;
        }

        _file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        _view = _file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        byte* p = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref p);
        _rows = p + _view.PointerOffset + HeaderBytes;
    }

    public string Path { get; }

    public ModelShape Shape { get; }

    public LookupTablePrecision Precision { get; }

    /// <summary>Bytes of one token's row.</summary>
    public int RowBytes { get; }

    /// <summary>Whether the rows were copied into memory rather than mapped.</summary>
    public bool IsResident { get; }

    /// <summary>The cache file name for a given experts graph hash and precision.</summary>
    public static string FileNameFor(string expertsSha256, LookupTablePrecision precision = LookupTablePrecision.Float16) =>
        precision == LookupTablePrecision.Float16 ? $"lut-{expertsSha256[..16]}.bin" : $"lut-{expertsSha256[..16]}-int8.bin";

    /// <summary>Bytes of one token's row: L·N·d·2 in fp16, L·N·(4 + d) in int8.</summary>
    public static int RowBytesFor(ModelShape shape, LookupTablePrecision precision) =>
        precision == LookupTablePrecision.Float16 ? shape.Layers * shape.Experts * shape.Dim * 2 : shape.Layers * shape.Experts * (sizeof(float) + shape.Dim);

    /// <summary>Opens the table, building it first from <c>experts.onnx</c> when it is missing or stale.</summary>
    public static LookupTable OpenOrBuild(string cachePath, string expertsOnnx, string expertsSha256, ModelShape shape, int threads, LookupTablePrecision precision = LookupTablePrecision.Float16, bool resident = false)
    {
        if (!IsValid(cachePath, expertsSha256, shape, precision))
        {
            Build(cachePath, expertsOnnx, expertsSha256, shape, threads, precision);
        }

        return new LookupTable(cachePath, shape, precision, resident);
    }

    /// <summary>Runs the experts graph over every token id and writes the table (atomically, via a temporary file).</summary>
    public static void Build(string path, string expertsOnnx, string expertsSha256, ModelShape shape, int threads, LookupTablePrecision precision = LookupTablePrecision.Float16)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        // Unique per build, not per process: two understanders opening the same cache at once each build their own
        // copy and the last rename wins (the first one's mapping stays valid).
        var temp = $"{path}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";
        using (var options = new SessionOptions { IntraOpNumThreads = Math.Max(1, threads), GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL })
        using (var session = new InferenceSession(expertsOnnx, options))
        using (var output = new FileStream(temp, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 20))
        using (var payloadHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            output.Write(new byte[HeaderBytes]);
            const int Chunk = 256;
            for (var start = 0; start < shape.Vocab; start += Chunk)
            {
                var count = Math.Min(Chunk, shape.Vocab - start);
                var ids = new long[count];
                for (var i = 0; i < count; i++)
                {
                    ids[i] = start + i;
                }

                using var input = OrtValue.CreateTensorValueFromMemory(ids, [count]);
                using var results = session.Run(new RunOptions(), ["token_ids"], [input], ["rows"]);
                var rows = results[0].GetTensorDataAsSpan<Float16>();
                var raw = precision == LookupTablePrecision.Float16 ? MemoryMarshal.AsBytes(rows) : Quantize(rows, shape.Dim);
                payloadHash.AppendData(raw);
                output.Write(raw);
            }

            var header = new byte[HeaderBytes];
            WriteHeader(header, shape, precision, Convert.FromHexString(expertsSha256), payloadHash.GetHashAndReset());
            output.Position = 0;
            output.Write(header);
            // On storage before the rename, so a power cut cannot leave a table that is named but not written. Then out
            // of the page cache: freshly written, it sits in large folios, and mapping it would make every row read
            // fault in a whole folio (measured by `measure`: 212 instead of 267 MiB RSS after 400 utterances, in this
            // process and in every later one while the folios stay cached).
            output.Flush(flushToDisk: true);
            if (OperatingSystem.IsLinux())
            {
                _ = PosixFadvise((int)output.SafeFileHandle.DangerousGetHandle(), 0, 0, FadviseDontNeed);
            }
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>
    /// Copies layer <paramref name="layer"/>'s part of the rows of <paramref name="ids"/> into <paramref name="destination"/>
    /// ([ids.Length, N, d] fp16, int8 rows widened); an id outside the vocabulary reads row 0 (padding).
    /// </summary>
    public void Gather(ReadOnlySpan<long> ids, int layer, Span<Float16> destination)
    {
        var values = Shape.Experts * Shape.Dim;
        var layerBytes = RowBytes / Shape.Layers;
        for (var i = 0; i < ids.Length; i++)
        {
            var id = (ulong)ids[i] < (ulong)Shape.Vocab ? ids[i] : 0;
            var section = _rows + (id * RowBytes) + ((long)layer * layerBytes);
            var target = destination.Slice(i * values, values);
            if (Precision == LookupTablePrecision.Float16)
            {
                new ReadOnlySpan<Float16>(section, values).CopyTo(target);
                continue;
            }

            for (var j = 0; j < Shape.Experts; j++, section += sizeof(float) + Shape.Dim)
            {
                var scale = BinaryPrimitives.ReadSingleLittleEndian(new ReadOnlySpan<byte>(section, sizeof(float)));
                var quantized = new ReadOnlySpan<sbyte>(section + sizeof(float), Shape.Dim);
                for (var k = 0; k < Shape.Dim; k++)
                {
                    target[(j * Shape.Dim) + k] = (Float16)(float)(quantized[k] * scale);
                }
            }
        }
    }

    /// <summary>
    /// The whole table as one tensor over its rows (mapped, or resident) for the fused kernel — fp16 values [V, L·N·d],
    /// or an int8 table's bytes [V, L·N·(4 + d)]. Nothing is copied; mapped, only the pages of rows the kernel reads
    /// become resident. Valid while this table is open.
    /// </summary>
    public OrtValue CreateTensor() => Precision == LookupTablePrecision.Float16
        ? OrtValue.CreateTensorValueWithData(OrtMemoryInfo.DefaultInstance, TensorElementType.Float16, [Shape.Vocab, RowBytes / sizeof(ushort)], (IntPtr)_rows, (long)Shape.Vocab * RowBytes)
        : OrtValue.CreateTensorValueWithData(OrtMemoryInfo.DefaultInstance, TensorElementType.UInt8, [Shape.Vocab, RowBytes], (IntPtr)_rows, (long)Shape.Vocab * RowBytes);

    public void Dispose()
    {
        if (IsResident)
        {
            NativeMemory.AlignedFree(_rows);
            return;
        }

        _view!.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file!.Dispose();
    }

    /// <summary>
    /// Reads the rows into memory aligned to 2 MiB and advised for transparent huge pages before it is touched, so that a
    /// row read costs no page walk: with 4 KiB pages, each token's row in a table of this size is a TLB miss.
    /// </summary>
    private static byte* LoadResident(string path, long bytes)
    {
        var size = (nuint)(((bytes + (long)HugePageBytes - 1) / (long)HugePageBytes) * (long)HugePageBytes);
        var buffer = (byte*)NativeMemory.AlignedAlloc(size, HugePageBytes);
        if (OperatingSystem.IsLinux())
        {
            _ = Madvise((nint)buffer, size, MadviseHugePage); // refused (THP off): plain pages, still resident
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        stream.Position = HeaderBytes;
        for (long done = 0; done < bytes;)
        {
            var read = stream.Read(new Span<byte>(buffer + done, (int)Math.Min(bytes - done, 1 << 30)));
            if (read == 0)
            {
                NativeMemory.AlignedFree(buffer);
                throw new InvalidDataException($"Lookup table {path} ended after {done} of {bytes} row bytes.");
            }

            done += read;
        }

        return buffer;
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(nint address, nuint length, int advice);

    [LibraryImport("libc", EntryPoint = "posix_fadvise")]
    private static partial int PosixFadvise(int fd, long offset, long length, int advice);

    /// <summary>Each expert output of <paramref name="dim"/> values as its fp32 scale (max |x| / 127) and the values rounded to int8.</summary>
    private static byte[] Quantize(ReadOnlySpan<Float16> rows, int dim)
    {
        var outputs = rows.Length / dim;
        var raw = new byte[outputs * (sizeof(float) + dim)];
        for (var o = 0; o < outputs; o++)
        {
            var values = rows.Slice(o * dim, dim);
            var max = 0f;
            foreach (var v in values)
            {
                max = Math.Max(max, Math.Abs(v.ToFloat()));
            }

            var scale = max / 127f;
            var target = raw.AsSpan(o * (sizeof(float) + dim));
            BinaryPrimitives.WriteSingleLittleEndian(target, scale);
            for (var k = 0; k < dim; k++)
            {
                target[sizeof(float) + k] = (byte)(sbyte)(scale > 0 ? Math.Clamp(MathF.Round(values[k].ToFloat() / scale), -127, 127) : 0);
            }
        }

        return raw;
    }

    private static bool IsValid(string path, string expertsSha256, ModelShape shape, LookupTablePrecision precision)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        var header = new byte[HeaderBytes];
        using var stream = File.OpenRead(path);
        if (stream.Length != HeaderBytes + ((long)shape.Vocab * RowBytesFor(shape, precision)) || stream.Read(header) != HeaderBytes)
        {
            return false;
        }

        var expected = new byte[HeaderBytes];
        WriteHeader(expected, shape, precision, Convert.FromHexString(expertsSha256), header.AsSpan(72, 32));
        return header.AsSpan().SequenceEqual(expected);
    }

    private static void WriteHeader(Span<byte> header, ModelShape shape, LookupTablePrecision precision, ReadOnlySpan<byte> sourceHash, ReadOnlySpan<byte> payloadHash)
    {
        header.Clear();
        Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], (uint)precision);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], (uint)shape.Vocab);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], (uint)shape.Layers);
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], (uint)shape.Experts);
        BinaryPrimitives.WriteUInt32LittleEndian(header[28..], (uint)shape.Dim);
        BinaryPrimitives.WriteUInt32LittleEndian(header[32..], HeaderBytes);
        sourceHash.CopyTo(header[40..]);
        payloadHash.CopyTo(header[72..]);
    }
}
