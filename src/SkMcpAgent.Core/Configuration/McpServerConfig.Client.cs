namespace SkMcpAgent.Core.Configuration;

/// <summary>What the agent, as an MCP client, offers this server: roots, and OAuth for a remote one.</summary>
public sealed partial record McpServerConfig
{
    /// <summary>
    /// The roots declared to this server (<c>file://</c> URIs of folders): the entry's <c>"roots"</c>, else the list's
    /// top-level <c>"roots"</c>; null when neither is set (then no roots capability is declared at all).
    /// </summary>
    public IReadOnlyList<string>? Roots { get; init; }

    /// <summary>OAuth client settings from the entry's <c>"oauth"</c> object; null uses dynamic registration.</summary>
    public McpOAuthSettings? OAuth { get; init; }
}

/// <summary>How the agent presents itself to a remote server's authorization server.</summary>
public sealed record McpOAuthSettings
{
    /// <summary>false turns authorization off for the server (a 401 is then reported as it is).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>A client registered beforehand; without one the agent registers itself (or uses the metadata document).</summary>
    public string? ClientId { get; init; }

    public string? ClientSecret { get; init; }

    /// <summary>An https URL of a client ID metadata document, used as the client ID where the server supports it.</summary>
    public string? ClientMetadataUrl { get; init; }

    /// <summary>Scopes to ask for when the server's metadata names none.</summary>
    public IReadOnlyList<string>? Scopes { get; init; }
}
