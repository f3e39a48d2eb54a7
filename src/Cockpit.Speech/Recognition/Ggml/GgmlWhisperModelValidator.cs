using System.Text;

namespace Cockpit.Speech.Recognition.Ggml;

/// <summary>
/// Checks a Whisper model in the legacy ggml layout (docs/formats/ggml-whisper.md) before whisper.cpp sees it: some
/// bad files do not make whisper.cpp return an error but abort the whole process from native code. Reads the header,
/// mel filters and vocabulary, and every tensor header (skipping the data), following the format page's order.
/// </summary>
internal static class GgmlWhisperModelValidator
{
    /// <summary>"ggml" read as a little-endian uint32.</summary>
    public const uint Magic = 0x67676d6c;

    /// <summary>Frequency bins of whisper.cpp's 400-sample FFT, the second dimension of the mel filters.</summary>
    public const int FftBins = 201;

    private const int MaxTokenBytes = 1024;

    /// <summary>Validates the file at <paramref name="path"/>.</summary>
    /// <param name="path">The model file.</param>
    /// <param name="suppressBlank">Whether recognition will suppress blanks, which needs a <c>" "</c> token.</param>
    /// <exception cref="SpeechModelException">The file is missing, unreadable or would not run.</exception>
    public static GgmlWhisperModelInfo Validate(string path, bool suppressBlank)
    {
        if (!File.Exists(path))
        {
            throw new SpeechModelException(path, "model file not found");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            return Read(path, stream, reader, suppressBlank);
        }
        catch (EndOfStreamException error)
        {
            throw new SpeechModelException(path, "file truncated", error);
        }
        catch (IOException error)
        {
            throw new SpeechModelException(path, $"cannot read: {error.Message}", error);
        }
        catch (UnauthorizedAccessException error)
        {
            throw new SpeechModelException(path, $"cannot read: {error.Message}", error);
        }
    }

    private static GgmlWhisperModelInfo Read(string path, FileStream stream, BinaryReader reader, bool suppressBlank)
    {
        // Header: magic and hyper-parameters.
        if (stream.Length < 4 + (11 * 4))
        {
            throw Fail(path, $"file truncated: {stream.Length} bytes, the header alone needs 48");
        }

        var magic = reader.ReadUInt32();
        if (magic != Magic)
        {
            throw Fail(path, $"bad magic 0x{magic:x8}, expected 0x{Magic:x8} (ggml); GGUF and other layouts are not whisper.cpp model files");
        }

        var h = ReadHyperParameters(reader);
        CheckHyperParameters(path, h);
        var weightType = GgmlTypes.WeightType(h.BaseFType) ?? throw Fail(path, h.BaseFType == 0
            ? "ftype 0 (all f32) is refused: whisper.cpp then makes the conv kernels f32 and aborts the process at the first call; convert with f16 weights"
            : $"unsupported ftype {h.BaseFType}");

        // Mel filters.
        var nMel = reader.ReadInt32();
        var nFft = reader.ReadInt32();
        if (nMel != h.NMels || nFft != FftBins)
        {
            throw Fail(path, $"mel filters are {nMel} x {nFft}, expected {h.NMels} x {FftBins}");
        }

        Skip(path, stream, (long)nMel * nFft * 4, "mel filters");

        // Vocabulary.
        var nVocab = reader.ReadInt32();
        if (nVocab < 1 || nVocab > h.NVocab)
        {
            throw Fail(path, $"vocabulary holds {nVocab} tokens, expected 1 to n_vocab = {h.NVocab}");
        }

        var hasBlank = false;
        for (var i = 0; i < nVocab; i++)
        {
            var length = reader.ReadUInt32();
            if (length is 0 or > MaxTokenBytes)
            {
                throw Fail(path, $"vocabulary token {i} has an impossible length of {length} bytes");
            }

            if (length == 1)
            {
                hasBlank |= reader.ReadByte() == (byte)' ';
            }
            else
            {
                Skip(path, stream, length, $"vocabulary token {i}");
            }
        }

        if (suppressBlank && !hasBlank)
        {
            throw Fail(path, "the vocabulary has no \" \" token, which whisper.cpp's blank suppression needs (it would abort the process); add one or set SuppressBlank to false");
        }

        // Tensors, until the end of the file.
        var expected = WhisperTensorLayout.Expected(h, weightType).ToDictionary(spec => spec.Name, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (stream.Position < stream.Length)
        {
            var tensor = ReadTensorHeader(path, stream, reader);
            if (!expected.TryGetValue(tensor.Name, out var spec))
            {
                throw Fail(path, $"unknown tensor '{tensor.Name}'");
            }

            if (!seen.Add(tensor.Name))
            {
                throw Fail(path, $"tensor '{tensor.Name}' appears twice");
            }

            if (!spec.Dims.SequenceEqual(tensor.Dims))
            {
                throw Fail(path, $"tensor '{tensor.Name}' has shape {tensor.Shape}, expected {spec.Shape}");
            }

            if (tensor.Type != spec.Type)
            {
                var why = tensor.Name.Contains(".conv", StringComparison.Ordinal) ? " (whisper.cpp's conv needs f16 kernels)" : string.Empty;
                throw Fail(path, $"tensor '{tensor.Name}' is {tensor.Type}, expected {spec.Type}{why}");
            }

            if (tensor.Dims[0] % GgmlTypes.BlockSize(tensor.Type) != 0)
            {
                throw Fail(path, $"tensor '{tensor.Name}' row of {tensor.Dims[0]} is not a whole number of {tensor.Type} blocks");
            }

            Skip(path, stream, tensor.DataBytes, $"tensor '{tensor.Name}'");
        }

        var missing = expected.Keys.FirstOrDefault(name => !seen.Contains(name));
        if (missing is not null)
        {
            throw Fail(path, $"tensor '{missing}' is missing ({expected.Count - seen.Count} of {expected.Count} missing)");
        }

        return new GgmlWhisperModelInfo(path, h, nVocab, hasBlank, seen.Count, stream.Length);
    }

    private static WhisperHyperParameters ReadHyperParameters(BinaryReader reader)
    {
        Span<int> v = stackalloc int[11];
        for (var i = 0; i < v.Length; i++)
        {
            v[i] = reader.ReadInt32();
        }

        return new WhisperHyperParameters(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]);
    }

    private static void CheckHyperParameters(string path, WhisperHyperParameters h)
    {
        if (h.NVocab < WhisperHyperParameters.EnglishVocabulary || h.NVocab > 100_000)
        {
            throw Fail(path, $"n_vocab {h.NVocab} is outside 51864 to 100000: whisper.cpp's special tokens (end of text 50256/50257, …) would fall outside the embedding");
        }

        Check(path, "n_audio_ctx", h.NAudioCtx, 1, 1500);
        Check(path, "n_audio_state", h.NAudioState, 1, 8192);
        Check(path, "n_audio_head", h.NAudioHead, 1, 128);
        Check(path, "n_audio_layer", h.NAudioLayer, 1, 128);
        Check(path, "n_text_ctx", h.NTextCtx, 8, 4096);
        Check(path, "n_text_state", h.NTextState, 1, 8192);
        Check(path, "n_text_head", h.NTextHead, 1, 128);
        Check(path, "n_text_layer", h.NTextLayer, 1, 128);
        if (h.NMels is not (80 or 128))
        {
            throw Fail(path, $"n_mels {h.NMels} is neither 80 nor 128");
        }

        if (h.NAudioState % h.NAudioHead != 0 || h.NTextState % h.NTextHead != 0)
        {
            throw Fail(path, $"state sizes {h.NAudioState}/{h.NTextState} are not multiples of the head counts {h.NAudioHead}/{h.NTextHead}");
        }

        if (h.NAudioState != h.NTextState)
        {
            throw Fail(path, $"n_audio_state {h.NAudioState} differs from n_text_state {h.NTextState}; whisper.cpp's cross-attention needs them equal");
        }
    }

    private static GgmlTensorSpec ReadTensorHeader(string path, Stream stream, BinaryReader reader)
    {
        if (stream.Length - stream.Position < 12)
        {
            throw Fail(path, $"file truncated inside a tensor header at byte {stream.Position}");
        }

        var dims = reader.ReadInt32();
        var nameLength = reader.ReadInt32();
        var type = reader.ReadInt32();
        if (dims is < 1 or > 4 || nameLength is < 1 or > 256)
        {
            throw Fail(path, $"corrupt tensor header at byte {stream.Position - 12}: {dims} dims, name of {nameLength} bytes");
        }

        var ne = new long[dims];
        for (var i = 0; i < dims; i++)
        {
            ne[i] = reader.ReadInt32();
            if (ne[i] < 1)
            {
                throw Fail(path, $"corrupt tensor header at byte {stream.Position}: dimension {ne[i]}");
            }
        }

        var name = Encoding.UTF8.GetString(reader.ReadBytes(nameLength));
        if (name.Length == 0 || name.Length > nameLength)
        {
            throw Fail(path, "file truncated inside a tensor name");
        }

        if (!GgmlTypes.IsKnown(type))
        {
            throw Fail(path, $"tensor '{name}' has unsupported ggml type {type}");
        }

        return new GgmlTensorSpec(name, ne, (GgmlType)type);
    }

    private static void Skip(string path, Stream stream, long bytes, string what)
    {
        if (stream.Length - stream.Position < bytes)
        {
            throw Fail(path, $"file truncated in {what}: {bytes} bytes needed, {stream.Length - stream.Position} left");
        }

        stream.Seek(bytes, SeekOrigin.Current);
    }

    private static void Check(string path, string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            throw Fail(path, $"{name} {value} is outside {min} to {max}");
        }
    }

    private static SpeechModelException Fail(string path, string reason) => new(path, reason);
}
