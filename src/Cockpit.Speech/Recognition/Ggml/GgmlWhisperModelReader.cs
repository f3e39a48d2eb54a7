using System.Text;

namespace Cockpit.Speech.Recognition.Ggml;

/// <summary>
/// Reads the weights of a legacy ggml Whisper file (docs/formats/ggml-whisper.md) back as float values, so a shipped
/// model can be trained further. The file is validated first; quantised weights are refused (the writer never makes
/// them, and dequantising would hide their loss).
/// </summary>
internal static class GgmlWhisperModelReader
{
    /// <summary>The hyper-parameters and every tensor, by name, in the file's row-major order.</summary>
    /// <param name="path">The model file.</param>
    /// <exception cref="SpeechModelException">The file is invalid or holds quantised weights.</exception>
    public static (WhisperHyperParameters HyperParameters, Dictionary<string, float[]> Tensors) Read(string path)
    {
        var info = GgmlWhisperModelValidator.Validate(path, suppressBlank: false);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var reader = new BinaryReader(stream, Encoding.UTF8);

        // The validator has read the header (magic and 11 hyper-parameters); skip it, the mel filters and the vocabulary.
        stream.Seek(4 + (11 * 4), SeekOrigin.Begin);
        var (mels, bins) = (reader.ReadInt32(), reader.ReadInt32());
        stream.Seek((long)mels * bins * 4, SeekOrigin.Current);
        var tokens = reader.ReadInt32();
        for (var i = 0; i < tokens; i++)
        {
            stream.Seek(reader.ReadUInt32(), SeekOrigin.Current);
        }

        var tensors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        while (stream.Position < stream.Length)
        {
            var (dims, nameLength, type) = (reader.ReadInt32(), reader.ReadInt32(), (GgmlType)reader.ReadInt32());
            var elements = 1L;
            for (var i = 0; i < dims; i++)
            {
                elements *= reader.ReadInt32();
            }

            var name = Encoding.UTF8.GetString(reader.ReadBytes(nameLength));
            var values = new float[elements];
            for (var i = 0L; i < elements; i++)
            {
                values[i] = type switch
                {
                    GgmlType.F32 => reader.ReadSingle(),
                    GgmlType.F16 => (float)reader.ReadHalf(),
                    _ => throw new SpeechModelException(path, $"tensor '{name}' is {type}; only f32 and f16 weights can be read back"),
                };
            }

            tensors[name] = values;
        }

        return (info.HyperParameters, tensors);
    }
}
