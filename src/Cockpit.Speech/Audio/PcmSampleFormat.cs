namespace Cockpit.Speech.Audio;

/// <summary>How one sample is stored in PCM bytes (little-endian, as in WAV).</summary>
public enum PcmSampleFormat
{
    /// <summary>8-bit unsigned integer, 128 = silence.</summary>
    UInt8,

    /// <summary>16-bit signed integer.</summary>
    Int16,

    /// <summary>24-bit signed integer, packed in 3 bytes.</summary>
    Int24,

    /// <summary>32-bit signed integer.</summary>
    Int32,

    /// <summary>32-bit IEEE float.</summary>
    Float32,

    /// <summary>64-bit IEEE float.</summary>
    Float64,
}
