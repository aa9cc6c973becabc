using Microsoft.Extensions.AI;

namespace SkMcpAgent.Core.Conversations;

/// <summary>
/// The conversation history on disk: one file per conversation (<c>&lt;id&gt;.json</c>, the <see cref="ConversationFile"/>
/// format) in one folder readable by the owner only (0700, files 0600: conversations hold tool results). Listing reads
/// only each file's header and skips, with a reason, any file that is not a conversation of this agent.
/// </summary>
/// <remarks>
/// Bounded: <see cref="Prune"/> keeps the newest <see cref="KeepPerFolder"/> conversations of each working folder and
/// deletes those not continued for <see cref="MaxAge"/>.
/// </remarks>
public sealed class ConversationStore
{
    public const int DefaultKeepPerFolder = 50;

    /// <summary>Temporary files older than this are leftovers of a crash mid-write.</summary>
    private static readonly TimeSpan s_staleTemporary = TimeSpan.FromDays(1);

    private int _keepPerFolder = DefaultKeepPerFolder;
    private TimeSpan _maxAge = DefaultMaxAge;
    private bool _folderReady;

    public ConversationStore(string folder, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = Path.GetFullPath(folder);
        Time = time ?? TimeProvider.System;
    }

    public static TimeSpan DefaultMaxAge { get; } = TimeSpan.FromDays(90);

    /// <summary>
    /// The default folder: <c>skmcpagent/conversations</c> under the user's data folder (<c>$XDG_DATA_HOME</c>, else
    /// <c>~/.local/share</c>; macOS and Windows: their local application data folder).
    /// </summary>
    public static string DefaultFolder =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "skmcpagent", "conversations");

    public string Folder { get; }

    public TimeProvider Time { get; }

    /// <summary>How many conversations of one working folder are kept (the newest).</summary>
    public int KeepPerFolder
    {
        get => _keepPerFolder;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _keepPerFolder = value;
        }
    }

    /// <summary>Conversations not continued for this long are deleted.</summary>
    public TimeSpan MaxAge
    {
        get => _maxAge;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            _maxAge = value;
        }
    }

    /// <summary>Working folders compare as the file system does: exactly on Linux, ignoring case elsewhere.</summary>
    public static StringComparer FolderComparer => OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

    /// <summary>A working folder as the history records it: absolute, without a trailing separator.</summary>
    public static string NormaliseFolder(string folder) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));

    /// <summary>Where the conversation with <paramref name="id"/> is saved.</summary>
    public string PathFor(string id)
    {
        if (!Guid.TryParseExact(id, "D", out _))
        {
            throw new ArgumentException($"'{id}' is not a conversation id.", nameof(id));
        }

        return Path.Combine(Folder, id.ToLowerInvariant() + ".json");
    }

    /// <summary>The conversations, newest first; only those of <paramref name="workingFolder"/> when it is given.</summary>
    public ConversationListing List(string? workingFolder = null)
    {
        if (!Directory.Exists(Folder))
        {
            return new ConversationListing([], []);
        }

        var folder = workingFolder is null ? null : NormaliseFolder(workingFolder);
        List<ConversationInfo> conversations = [];
        List<string> skipped = [];
        foreach (var file in Directory.EnumerateFiles(Folder, "*.json"))
        {
            try
            {
                var info = ConversationFile.ReadInfo(file);
                if (folder is null || FolderComparer.Equals(info.Folder, folder))
                {
                    conversations.Add(info);
                }
            }
            catch (Agents.ConversationFileException ex)
            {
                skipped.Add($"{Path.GetFileName(file)} {ex.Message}");
            }
        }

        conversations.Sort(static (a, b) => b.UpdatedAt != a.UpdatedAt ? b.UpdatedAt.CompareTo(a.UpdatedAt) : string.CompareOrdinal(a.Id, b.Id));
        skipped.Sort(StringComparer.Ordinal);
        return new ConversationListing(conversations, skipped);
    }

    /// <summary>The conversation of <paramref name="workingFolder"/> continued last; null when it has none.</summary>
    public ConversationInfo? Latest(string workingFolder) => List(workingFolder).Conversations is [var latest, ..] ? latest : null;

    /// <summary>
    /// The conversation whose id is <paramref name="idOrPrefix"/> or starts with it (any case), in any working folder;
    /// a prefix must name one conversation only.
    /// </summary>
    public ConversationMatch Find(string idOrPrefix)
    {
        ArgumentNullException.ThrowIfNull(idOrPrefix);
        var prefix = idOrPrefix.Trim();
        if (prefix.Length == 0)
        {
            return ConversationMatch.NotFound("No conversation id given.");
        }

        var matches = List().Conversations.Where(c => c.Id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count switch
        {
            1 => ConversationMatch.Found(matches[0]),
            0 when !prefix.All(static c => char.IsAsciiHexDigit(c) || c == '-') =>
                ConversationMatch.NotFound($"'{prefix}' is not a conversation id (ids are hexadecimal, e.g. 3f2a9c1e); --resume alone lists them."),
            0 => ConversationMatch.NotFound($"No saved conversation has an id starting with '{prefix}'."),
            _ => ConversationMatch.NotFound(
                $"'{prefix}' matches {matches.Count} conversations ({string.Join(", ", matches.Take(5).Select(static c => c.Id))}{(matches.Count > 5 ? ", …" : string.Empty)}); give more of the id."),
        };
    }

    /// <summary>Writes a conversation (atomically, owner-only) under its id, creating the folder owner-only.</summary>
    public Task SaveAsync(ConversationInfo info, IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(info);
        EnsureFolder();
        return ConversationFile.WriteAsync(PathFor(info.Id), info, messages, cancellationToken);
    }

    /// <summary>
    /// Deletes the conversations beyond the newest <see cref="KeepPerFolder"/> of each working folder and those not
    /// continued for <see cref="MaxAge"/>, and temporary files a crash left behind. Files that are not conversations
    /// are left alone. Returns how many conversations were deleted.
    /// </summary>
    public int Prune()
    {
        if (!Directory.Exists(Folder))
        {
            return 0;
        }

        var oldest = Time.GetUtcNow() - MaxAge;
        var doomed = List().Conversations
            .GroupBy(static c => c.Folder, FolderComparer)
            .SelectMany(group => group.Where((c, index) => index >= KeepPerFolder || c.UpdatedAt < oldest))
            .ToList();
        foreach (var conversation in doomed)
        {
            File.Delete(conversation.FilePath);
        }

        foreach (var temporary in Directory.EnumerateFiles(Folder, ".*.tmp"))
        {
            if (File.GetLastWriteTimeUtc(temporary) < Time.GetUtcNow().UtcDateTime - s_staleTemporary)
            {
                File.Delete(temporary);
            }
        }

        return doomed.Count;
    }

    private void EnsureFolder()
    {
        if (_folderReady)
        {
            return;
        }

        PrivateFile.CreateFolder(Folder);
        _folderReady = true;
    }
}
