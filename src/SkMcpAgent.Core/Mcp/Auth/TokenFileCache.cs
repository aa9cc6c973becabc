using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ModelContextProtocol.Authentication;

namespace SkMcpAgent.Core.Mcp.Auth;

/// <summary>
/// One remote server's OAuth tokens in a file of their own under the user's data folder, readable by the owner
/// only (0600, in a 0700 folder), so that later runs (<c>tools</c>, <c>call</c>, single-shot) need no browser.
/// </summary>
public sealed class TokenFileCache : ITokenCache
{
    public TokenFileCache(string tokenFolder, string serverName, string serverUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tokenFolder);
        Folder = tokenFolder;
        FilePath = Path.Combine(tokenFolder, FileName(serverName, serverUrl));
    }

    /// <summary>The default folder: <c>$XDG_DATA_HOME/SkMcpAgent/tokens</c> (~/.local/share on Linux).</summary>
    public static string DefaultFolder =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "SkMcpAgent", "tokens");

    public string Folder { get; }

    public string FilePath { get; }

    public bool Exists => File.Exists(FilePath);

    public async ValueTask<TokenContainer?> GetTokensAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(FilePath))
        {
            return null;
        }

        try
        {
            await using var stream = File.OpenRead(FilePath);
            return await JsonSerializer.DeserializeAsync(stream, TokenCacheJsonContext.Default.TokenContainer, cancellationToken);
        }
        catch (JsonException)
        {
            // A damaged file is as good as none: the user authorizes again and it is rewritten.
            return null;
        }
    }

    public async ValueTask StoreTokensAsync(TokenContainer tokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        PrivateFile.CreateFolder(Folder);

        await PrivateFile.WriteAtomicallyAsync(
            FilePath,
            (stream, token) => JsonSerializer.SerializeAsync(stream, tokens, TokenCacheJsonContext.Default.TokenContainer, token),
            cancellationToken);
    }

    /// <summary>Forgets the server's tokens; true when there were some.</summary>
    public bool Delete()
    {
        var existed = File.Exists(FilePath);
        File.Delete(FilePath);
        return existed;
    }

    /// <summary>The server's name for people reading the folder, and a hash of its URL so that a new URL starts afresh.</summary>
    private static string FileName(string serverName, string serverUrl)
    {
        var safeName = new string([.. serverName.Select(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(serverUrl)))[..12];
        return $"{safeName}-{hash}.json";
    }
}

[JsonSerializable(typeof(TokenContainer))]
[JsonSourceGenerationOptions(WriteIndented = true)]
internal sealed partial class TokenCacheJsonContext : JsonSerializerContext;
