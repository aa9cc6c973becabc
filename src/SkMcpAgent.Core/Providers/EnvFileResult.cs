namespace SkMcpAgent.Core.Providers;

/// <summary>
/// The variables the agent sees: the process environment over the env file's values (the dotenv convention),
/// and the full path of the file read, or null when none was.
/// </summary>
public sealed record EnvFileResult(IReadOnlyDictionary<string, string?> Variables, string? FilePath)
{
    /// <summary>The names whose value came from the process environment (they win over the file).</summary>
    public IReadOnlySet<string> ProcessNames { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Where each variable came from, for messages.</summary>
    public VariableSources Sources => new(FilePath, ProcessNames);
}
