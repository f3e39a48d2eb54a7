namespace Cockpit.Can.Dbc;

/// <summary>A parsed DBC file: nodes, messages with their signals, value tables and attributes.</summary>
public sealed class DbcDatabase
{
    private readonly Dictionary<uint, DbcMessage> _byFileId = [];
    private readonly Dictionary<string, DbcMessage> _byName = new(StringComparer.Ordinal);

    internal DbcDatabase(string fileName) => FileName = fileName;

    /// <summary>The file name given to the parser, used in messages.</summary>
    public string FileName { get; }

    /// <summary>The <c>VERSION</c> string; empty when absent.</summary>
    public string Version { get; internal set; } = string.Empty;

    /// <summary>The nodes from <c>BU_</c>.</summary>
    public IReadOnlyList<DbcNode> Nodes => NodeList;

    /// <summary>The messages, in file order.</summary>
    public IReadOnlyList<DbcMessage> Messages => MessageList;

    /// <summary>Named value tables from <c>VAL_TABLE_</c> (table → raw value → name).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<long, string>> ValueTables => ValueTableMap;

    /// <summary>Attribute definitions by name.</summary>
    public IReadOnlyDictionary<string, DbcAttributeDefinition> AttributeDefinitions => AttributeDefinitionMap;

    /// <summary>Database-level attribute values (<c>BA_</c> without object, defaults filled in).</summary>
    public IReadOnlyDictionary<string, object> Attributes => AttributeValues;

    /// <summary>The database comment (<c>CM_ "…";</c>), or <see langword="null"/>.</summary>
    public string? Comment { get; internal set; }

    /// <summary>
    /// Things the parser tolerated, each with file and line, e.g. a <c>VAL_</c> for a message the file does not
    /// define. Real files contain such leftovers; they do not stop a file from loading.
    /// </summary>
    public IReadOnlyList<string> Warnings => WarningList;

    internal List<DbcNode> NodeList { get; } = [];

    internal List<DbcMessage> MessageList { get; } = [];

    internal Dictionary<string, IReadOnlyDictionary<long, string>> ValueTableMap { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, DbcAttributeDefinition> AttributeDefinitionMap { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, object> AttributeValues { get; } = new(StringComparer.Ordinal);

    internal List<string> WarningList { get; } = [];

    /// <summary>Finds a message by identifier.</summary>
    /// <param name="id">The identifier without flag bits.</param>
    /// <param name="isExtended">Whether it is a 29-bit identifier.</param>
    /// <param name="message">The message, when found.</param>
    /// <returns><see langword="true"/> when the database defines the message.</returns>
    public bool TryGetMessage(uint id, bool isExtended, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DbcMessage? message) =>
        _byFileId.TryGetValue(isExtended ? id | 0x8000_0000 : id, out message);

    /// <summary>Finds a message by name.</summary>
    /// <param name="name">The message name (<see cref="DbcMessage.Name"/>: the long name when the file gives one).</param>
    /// <returns>The message.</returns>
    /// <exception cref="KeyNotFoundException">The database has no such message.</exception>
    public DbcMessage GetMessage(string name) =>
        _byName.TryGetValue(name, out var message)
            ? message
            : throw new KeyNotFoundException($"{FileName} has no message '{name}'.");

    internal bool TryGetByFileId(uint fileId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DbcMessage? message) =>
        _byFileId.TryGetValue(fileId, out message);

    internal bool TryAddMessage(DbcMessage message)
    {
        if (!_byFileId.TryAdd(message.FileId, message))
        {
            return false;
        }

        _byName.TryAdd(message.Name, message);
        MessageList.Add(message);
        return true;
    }

    // Long names (SystemMessageLongSymbol) are known only after the whole file is read.
    internal void IndexNames()
    {
        _byName.Clear();
        foreach (var message in MessageList)
        {
            _byName.TryAdd(message.Name, message);
        }
    }
}
