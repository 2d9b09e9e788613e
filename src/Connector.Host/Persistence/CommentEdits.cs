namespace Connector.Host.Persistence;

/// <summary>
/// Applied migrations are never edited, with one exception: a comment may be corrected. Each such edit is listed
/// here with the checksum the file had before it; a database that recorded that checksum is moved on to today's,
/// and any other difference still stops the start.
/// </summary>
internal static class CommentEdits
{
    /// <summary>Version → checksums of earlier texts that differ from today's in comments only.</summary>
    public static readonly IReadOnlyDictionary<int, string[]> EarlierChecksums = new Dictionary<int, string[]>
    {
        // Comments that pointed at a document outside the repository, and one that 0013 made untrue.
        [3] = ["01b8d36e0935aa696e65b1cecb781b3efd4ba45e6491cb02abbbb3652653cfe9"],
        [4] = ["f33b6c152d817c5690edd4ecb74a7194ab1938fe85a794161a84f655c4b375dc"],
        [10] = ["c646b980ef8d0fa509367b55f44615aff832d1796b567e76cf7996f7eca9e335"],
    };

    public static bool Allows(int version, string recordedChecksum) =>
        EarlierChecksums.TryGetValue(version, out var earlier) && earlier.Contains(recordedChecksum, StringComparer.Ordinal);
}
