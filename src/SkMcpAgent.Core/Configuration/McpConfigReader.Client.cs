using System.Text.Json;

namespace SkMcpAgent.Core.Configuration;

/// <summary>The client-side keys: <c>"roots"</c> (top level and per server) and <c>"oauth"</c> (per remote server).</summary>
internal sealed partial class McpConfigReader
{
    /// <summary>The top-level <c>"roots"</c>, for every server without its own; null when absent.</summary>
    private List<string>? ReadSharedRoots(JsonElement root) =>
        ReadRoots(new EntryContext("(all servers)", string.Empty, root));

    private McpServerConfig WithClientSettings(McpServerConfig config, JsonElement entry, string path, IReadOnlyList<string>? sharedRoots)
    {
        var context = new EntryContext(config.Name, path, entry, config.Disabled);
        return config with { Roots = ReadRoots(context) ?? sharedRoots, OAuth = ReadOAuth(context) };
    }

    /// <summary>Folders as paths (relative to the config file) or <c>file://</c> URIs, made into folder URIs.</summary>
    private List<string>? ReadRoots(EntryContext context)
    {
        var values = GetStringArray(context, "roots", expand: true);
        if (values is null)
        {
            return null;
        }

        var roots = new List<string>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            roots.Add(RootUris.FromPathOrUri(values[i], _baseDirectory)
                ?? throw Fail($"{context.Path}/roots/{i}", $"server '{context.Name}': root '{values[i]}' must be a folder path or a file:// URI."));
        }

        return roots;
    }

    private McpOAuthSettings? ReadOAuth(EntryContext context)
    {
        if (!context.Entry.TryGetProperty("oauth", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var path = context.Path + "/oauth";
        if (value.ValueKind == JsonValueKind.False)
        {
            return new McpOAuthSettings { Enabled = false };
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Fail(path, $"server '{context.Name}': \"oauth\" must be an object (clientId, clientSecret, clientMetadataUrl, scopes) or false.");
        }

        var oauth = context with { Path = path, Entry = value };
        var metadataUrl = GetString(oauth, "clientMetadataUrl", expand: true);
        if (metadataUrl is not null && !(Uri.TryCreate(metadataUrl, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.AbsolutePath.Length > 1))
        {
            throw Fail(path + "/clientMetadataUrl", $"server '{context.Name}': \"clientMetadataUrl\" must be an https:// URL with a path, not '{metadataUrl}'.");
        }

        return new McpOAuthSettings
        {
            ClientId = GetString(oauth, "clientId", expand: true),
            ClientSecret = GetString(oauth, "clientSecret", expand: true),
            ClientMetadataUrl = metadataUrl,
            Scopes = GetStringArray(oauth, "scopes", expand: true),
        };
    }
}
