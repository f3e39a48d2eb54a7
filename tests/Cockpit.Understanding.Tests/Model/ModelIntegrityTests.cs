using Cockpit.Understanding.Model;

namespace Cockpit.Understanding.Tests.Model;

/// <summary>
/// Opening a model checks every file against manifest.json first, so a damaged copy on a head unit is refused at start
/// with the file and both values named, before ONNX Runtime or the lookup-table build read it.
/// </summary>
public sealed class ModelIntegrityTests : IDisposable
{
    private readonly string _copy = Directory.CreateTempSubdirectory("cockpit-model-").FullName;

    public ModelIntegrityTests()
    {
        foreach (var file in Directory.GetFiles(RepoPaths.ShippedModel))
        {
            File.Copy(file, Path.Combine(_copy, Path.GetFileName(file)));
        }
    }

    [Theory]
    [InlineData("encoder.onnx")]
    [InlineData("experts.onnx")]
    [InlineData("vocab.txt")]
    public void Open_FileWithOneByteChanged_RefusedNamingFileAndBothHashes(string name)
    {
        var path = Path.Combine(_copy, name);
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x5a;
        File.WriteAllBytes(path, bytes);
        var expected = ModelManifest.Load(RepoPaths.ShippedModel).Files[name].Sha256;
        var actual = ModelManifest.HashFile(path);

        var error = Assert.Throws<InvalidDataException>(() => Open());

        Assert.Equal($"Model file {path} has SHA-256 {actual}, the manifest says {expected}.", error.Message);
        Assert.NotEqual(expected, actual);
    }

    [Fact]
    public void Open_TruncatedFile_RefusedOnItsSize()
    {
        var path = Path.Combine(_copy, "encoder.onnx");
        var expected = new FileInfo(path).Length;
        using (var stream = new FileStream(path, FileMode.Open))
        {
            stream.SetLength(expected / 2);
        }

        var error = Assert.Throws<InvalidDataException>(() => Open());

        Assert.Equal($"Model file {path} has {expected / 2} bytes, the manifest says {expected}.", error.Message);
    }

    [Fact]
    public void Open_MissingFile_RefusedNamingIt()
    {
        var path = Path.Combine(_copy, "experts.onnx");
        File.Delete(path);

        var error = Assert.Throws<InvalidDataException>(() => Open());

        Assert.Equal($"Model file {path} is missing.", error.Message);
    }

    public void Dispose() => Directory.Delete(_copy, recursive: true);

    private UtteranceUnderstander Open() => UtteranceUnderstander.Open(new UnderstandingOptions
    {
        ModelDirectory = _copy,
        CacheDirectory = Path.Combine(_copy, "cache"),
    });
}
