namespace SkMcpAgent.Core.Providers;

/// <summary>
/// Where each variable's value came from: the process environment (which wins) or the env file. Messages name
/// the right one, so an exported <c>LLM_PROVIDER</c> is not blamed on a file that does not contain it.
/// </summary>
public sealed class VariableSources(string? envFilePath, IReadOnlySet<string>? processNames)
{
    private readonly IReadOnlySet<string> _processNames = processNames ?? new HashSet<string>(StringComparer.Ordinal);

    public string? EnvFilePath { get; } = envFilePath;

    /// <summary>True when the process environment set <paramref name="name"/> (over the file's value, if any).</summary>
    public bool IsFromProcess(string name) => _processNames.Contains(name);

    /// <summary>Where <paramref name="name"/> was read, for "X in {source}" messages.</summary>
    public string Of(string name) => IsFromProcess(name)
        ? EnvFilePath is null ? "the environment" : $"the process environment (which wins over {EnvFilePath})"
        : ProviderSettingsLoader.DescribeSource(EnvFilePath);
}
