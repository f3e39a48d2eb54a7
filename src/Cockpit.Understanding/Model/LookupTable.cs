using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Cockpit.Understanding.Model;

/// <summary>
/// The re-parameterised MoLE experts: one fp16 row of L × N × d expert outputs per token id, read through a
/// memory-mapped file so only the rows of tokens actually seen become resident. Format (little-endian), see
/// <c>models/README.md</c>:
/// <code>
/// 0   8  magic "CKLUT001"
/// 8   4  format version (1)
/// 12  4  dtype (1 = float16)
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
/// Thread-safe for concurrent gathers.
/// </summary>
internal sealed unsafe class LookupTable : IDisposable
{
    public const int HeaderBytes = 4096;
    private static readonly byte[] Magic = "CKLUT001"u8.ToArray();

    private readonly MemoryMappedFile file;
    private readonly MemoryMappedViewAccessor view;
    private readonly byte* basePointer;

    private LookupTable(string path, ModelShape shape)
    {
        Path = path;
        Shape = shape;
        file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        view = file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        byte* p = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref p);
        basePointer = p + view.PointerOffset;
    }

    public string Path { get; }

    public ModelShape Shape { get; }

    /// <summary>The cache file name for a given experts graph hash.</summary>
    public static string FileNameFor(string expertsSha256) => $"lut-{expertsSha256[..16]}.bin";

    /// <summary>Opens the table, building it first from <c>experts.onnx</c> when it is missing or stale.</summary>
    public static LookupTable OpenOrBuild(string cachePath, string expertsOnnx, string expertsSha256, ModelShape shape, int threads)
    {
        if (!IsValid(cachePath, expertsSha256, shape))
        {
            Build(cachePath, expertsOnnx, expertsSha256, shape, threads);
        }

        return new LookupTable(cachePath, shape);
    }

    /// <summary>Runs the experts graph over every token id and writes the table (atomically, via a temporary file).</summary>
    public static void Build(string path, string expertsOnnx, string expertsSha256, ModelShape shape, int threads)
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
                var bytes = results[0].GetTensorDataAsSpan<Float16>();
                var raw = System.Runtime.InteropServices.MemoryMarshal.AsBytes(bytes);
                payloadHash.AppendData(raw);
                output.Write(raw);
            }

            var header = new byte[HeaderBytes];
            WriteHeader(header, shape, Convert.FromHexString(expertsSha256), payloadHash.GetHashAndReset());
            output.Position = 0;
            output.Write(header);
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>
    /// Copies layer <paramref name="layer"/>'s part of the rows of <paramref name="ids"/> into <paramref name="destination"/>
    /// ([ids.Length, N, d] fp16); an id outside the vocabulary reads row 0 (padding).
    /// </summary>
    public void Gather(ReadOnlySpan<long> ids, int layer, Span<Float16> destination)
    {
        var values = Shape.Experts * Shape.Dim;
        var layerOffset = (long)layer * values * sizeof(ushort);
        for (var i = 0; i < ids.Length; i++)
        {
            var id = (ulong)ids[i] < (ulong)Shape.Vocab ? ids[i] : 0;
            new ReadOnlySpan<Float16>(basePointer + HeaderBytes + (id * Shape.RowBytes) + layerOffset, values).CopyTo(destination.Slice(i * values, values));
        }
    }

    /// <summary>
    /// The whole table as one fp16 tensor [V, L·N·d] over the mapped file, for the fused kernel: nothing is copied and
    /// only the pages of rows it reads become resident. Valid while this table is open.
    /// </summary>
    public OrtValue CreateTensor() =>
        OrtValue.CreateTensorValueWithData(OrtMemoryInfo.DefaultInstance, TensorElementType.Float16, [Shape.Vocab, Shape.RowBytes / sizeof(ushort)], (IntPtr)(basePointer + HeaderBytes), (long)Shape.Vocab * Shape.RowBytes);

    public void Dispose()
    {
        view.SafeMemoryMappedViewHandle.ReleasePointer();
        view.Dispose();
        file.Dispose();
    }

    private static bool IsValid(string path, string expertsSha256, ModelShape shape)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        var header = new byte[HeaderBytes];
        using var stream = File.OpenRead(path);
        if (stream.Length != HeaderBytes + ((long)shape.Vocab * shape.RowBytes) || stream.Read(header) != HeaderBytes)
        {
            return false;
        }

        var expected = new byte[HeaderBytes];
        WriteHeader(expected, shape, Convert.FromHexString(expertsSha256), header.AsSpan(72, 32));
        return header.AsSpan().SequenceEqual(expected);
    }

    private static void WriteHeader(Span<byte> header, ModelShape shape, ReadOnlySpan<byte> sourceHash, ReadOnlySpan<byte> payloadHash)
    {
        header.Clear();
        Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], (uint)shape.Vocab);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], (uint)shape.Layers);
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], (uint)shape.Experts);
        BinaryPrimitives.WriteUInt32LittleEndian(header[28..], (uint)shape.Dim);
        BinaryPrimitives.WriteUInt32LittleEndian(header[32..], HeaderBytes);
        sourceHash.CopyTo(header[40..]);
        payloadHash.CopyTo(header[72..]);
    }
}
