using ModelContextProtocol.Authentication;
using SkMcpAgent.Core.Configuration;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Mcp.Auth;

namespace SkMcpAgent.Core.Mcp;

public sealed partial class McpServerConnection
{
    // How long a user may take to sign in in the browser: the start-up deadline is pushed out to this when the
    // authorization page opens (30 s suits a server starting, not a person typing a password).
    private static readonly TimeSpan s_signInTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Where this remote server's OAuth tokens are kept; null for a stdio server or when OAuth is off.</summary>
    public TokenFileCache? Tokens => UsesOAuth
        ? new TokenFileCache(_options.TokenFolder, Name, Config.Url!)
        : null;

    /// <summary>
    /// A remote server gets OAuth unless its entry turns it off or sends its own Authorization header (a static
    /// token from mcp.json keeps working as it did).
    /// </summary>
    private bool UsesOAuth =>
        Config.Transport != McpTransportKind.Stdio
        && Config.OAuth is not { Enabled: false }
        && !McpTransports.SentHeaders(Config.Headers).ContainsKey("Authorization");

    /// <summary>Forgets the server's tokens and reconnects, so that the next connection authorizes afresh.</summary>
    public async Task LoginAsync(CancellationToken cancellationToken)
    {
        Tokens?.Delete();
        await ReconnectAsync(cancellationToken);
    }

    /// <summary>Forgets the server's tokens; true when there were some. The current session ends with them.</summary>
    public async Task<bool> LogoutAsync(CancellationToken cancellationToken)
    {
        var forgotten = Tokens?.Delete() ?? false;
        await _connectGate.WaitAsync(cancellationToken);
        try
        {
            await DropClientAsync();
        }
        finally
        {
            _connectGate.Release();
        }

        return forgotten;
    }

    private ClientOAuthOptions? CreateOAuthOptions()
    {
        if (!UsesOAuth)
        {
            return null;
        }

        var settings = Config.OAuth;
        var authorization = new LoopbackAuthorization(Name, Notify, static () => Environment.GetEnvironmentVariable("BROWSER"), ExtendStartupForSignIn);
        return new ClientOAuthOptions
        {
            RedirectUri = LoopbackAuthorization.CreateRedirectUri(),
            ClientId = settings?.ClientId,
            ClientSecret = settings?.ClientSecret,
            ClientMetadataDocumentUri = settings?.ClientMetadataUrl is { } url ? new Uri(url) : null,
            Scopes = settings?.Scopes,
            AuthorizationCallbackHandler = authorization.AuthorizeAsync,
            DynamicClientRegistration = new DynamicClientRegistrationOptions { ClientName = "SkMcpAgent" },
            TokenCache = Tokens,
        };
    }

    private void ExtendStartupForSignIn()
    {
        try
        {
            _startup?.CancelAfter(s_signInTimeout);
        }
        catch (ObjectDisposedException)
        {
            // The start-up already ended.
        }
    }

    /// <summary>A line the user sees even in single-shot mode: the server is asking for something (input, a login, the model).</summary>
    private void Notify(string message) => _events.Publish(new ServerNotice(Name, message));
}
