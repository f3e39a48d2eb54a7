namespace Cockpit.Speech.Recognition.Ggml;

/// <summary>The ggml tensor types a Whisper model file may use (ids as in ggml's <c>ggml_type</c>).</summary>
internal enum GgmlType
{
    F32 = 0,
    F16 = 1,
    Q4_0 = 2,
    Q4_1 = 3,
    Q5_0 = 6,
    Q5_1 = 7,
    Q8_0 = 8,
}
