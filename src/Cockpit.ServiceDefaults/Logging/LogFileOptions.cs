using System.ComponentModel.DataAnnotations;

namespace Cockpit.ServiceDefaults.Logging;

/// <summary>
/// Rolling log files of a Cockpit service (compact JSON, one event a line), bound from the <see cref="SectionName"/>
/// configuration section:
/// <code>
/// "Logging": {
///   "File": { "Directory": "/var/log/cockpit", "FileSizeLimitBytes": 10485760, "RetainedFileCount": 14 }
/// }
/// </code>
/// A service writes <c>{Directory}/{name}-{yyyyMMdd}.jsonl</c>, a new file each day and whenever one reaches the size
/// limit, and deletes the oldest beyond the retained count, so its logs never take more than about
/// <see cref="FileSizeLimitBytes"/> × <see cref="RetainedFileCount"/> (140 MB by default).
/// </summary>
public sealed class LogFileOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Logging:File";

    /// <summary>Where the files go. The default value is none: the service's own default, or no files.</summary>
    public string? Directory { get; set; }

    /// <summary>The size at which a file is closed and the next begun, in bytes. The default value is 10 MiB; 64 KiB to 1 GiB.</summary>
    [Range(64 * 1024, 1024L * 1024 * 1024)]
    public long FileSizeLimitBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How many files are kept, the current one included. The default value is 14; 1 to 1000.</summary>
    [Range(1, 1000)]
    public int RetainedFileCount { get; set; } = 14;
}
