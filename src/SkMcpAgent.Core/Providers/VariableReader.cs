using System.Globalization;

namespace SkMcpAgent.Core.Providers;

/// <summary>Reads and validates single variables; every error names the variable and the file it was read from.</summary>
internal sealed class VariableReader(IReadOnlyDictionary<string, string?> variables, VariableSources sources)
{
    public string? EnvFilePath => sources.EnvFilePath;

    public VariableSources Sources => sources;

    /// <summary>The env file, or the environment when none was read: where a missing variable should be set.</summary>
    public string Source { get; } = ProviderSettingsLoader.DescribeSource(sources.EnvFilePath);

    /// <summary>Where <paramref name="name"/>'s value came from.</summary>
    public string SourceOf(string name) => sources.Of(name);

    /// <summary>The trimmed value, or null when unset or blank (an empty line in a .env file means "not set").</summary>
    public string? Get(string name) =>
        variables.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public string Required(string name, string provider, string? alternative = null) =>
        Get(name) ?? throw new AgentConfigurationException(
            $"{name} is not set: {provider} needs it{alternative}. Set it in {EnvFilePath ?? "a .env file or the environment"}.{ProviderOrigin()}");

    // The confusing case: LLM_PROVIDER exported in the shell picks a provider the env file has no variables for.
    private string ProviderOrigin() =>
        sources.IsFromProcess(ProviderVariables.Provider) && EnvFilePath is not null && Get(ProviderVariables.Provider) is { } provider
            ? $" ({ProviderVariables.Provider}={provider} comes from the process environment, which wins over {EnvFilePath}.)"
            : string.Empty;

    /// <summary>An API key, or null when unset; it must be sendable in an HTTP header.</summary>
    public string? ApiKey(string name) => Get(name) is { } key ? ValidKey(name, key) : null;

    /// <summary>An API key that must be set; it must be sendable in an HTTP header.</summary>
    public string RequiredApiKey(string name, string provider, string? alternative = null) =>
        ValidKey(name, Required(name, provider, alternative));

    /// <summary>
    /// Keys go into an HTTP header, which takes visible ASCII only: a pasted curly quote, non-breaking space or
    /// accented letter would fail every request later (and be retried, and blamed on the URL). The error names the
    /// variable, the file and the position, never the key or any character of it.
    /// </summary>
    private string ValidKey(string name, string key)
    {
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] is < '!' or > '~')
            {
                throw new AgentConfigurationException(
                    $"{name} in {SourceOf(name)} has a character that cannot be sent in an HTTP header at position {i + 1} of {key.Length} " +
                    "(only visible ASCII is allowed: look for a curly quote, a non-breaking space or an accented letter pasted with it). " +
                    "The key is not shown.");
            }
        }

        return key;
    }

    public Uri RequiredUrl(string name, string provider) => ParseUrl(name, Required(name, provider));

    public Uri? OptionalUrl(string name) => Get(name) is { } value ? ParseUrl(name, value) : null;

    public int? Integer(string name, int min, int max)
    {
        if (Get(name) is not { } text)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Invalid(name, text, $"a whole number from {min} to {max}");
    }

    public double? Number(string name, double min, double max, bool minExclusive = false)
    {
        if (Get(name) is not { } text)
        {
            return null;
        }

        var ok = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value) && (minExclusive ? value > min : value >= min) && value <= max;
        return ok ? value : throw Invalid(name, text, $"a number {(minExclusive ? "above" : "from")} {min.ToString(CultureInfo.InvariantCulture)} {(minExclusive ? "up " : "")}to {max.ToString(CultureInfo.InvariantCulture)}");
    }

    private Uri ParseUrl(string name, string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw Invalid(name, text, "an absolute http:// or https:// URL");

    private AgentConfigurationException Invalid(string name, string text, string expected) =>
        new($"{name} in {SourceOf(name)} must be {expected}, not '{text}'.");
}
