namespace SkMcpAgent.Core.Providers;

/// <summary>
/// The variables the agent sees: the process environment over the env file's values (the dotenv convention),
/// and the full path of the file read, or null when none was.
/// </summary>
public sealed record EnvFileResult(IReadOnlyDictionary<string, string?> Variables, string? FilePath);
