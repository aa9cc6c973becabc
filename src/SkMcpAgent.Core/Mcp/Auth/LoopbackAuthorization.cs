using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Web;
using ModelContextProtocol;
using ModelContextProtocol.Authentication;

namespace SkMcpAgent.Core.Mcp.Auth;

/// <summary>
/// The terminal's authorization step: opens the authorization URL in a browser and takes the redirect on a
/// loopback listener (RFC 8252), returning the code to the SDK, which does the rest of the OAuth flow.
/// </summary>
internal sealed class LoopbackAuthorization(string serverName, Action<string> notify, Func<string?> browserVariable, Action waitingForUser)
{
    private const string CallbackPath = "/callback";

    /// <summary>A redirect URI on a port free now; loopback redirects may use any port (RFC 8252 §7.3).</summary>
    public static Uri CreateRedirectUri()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}{CallbackPath}"));
    }

    public async Task<AuthorizationResult?> AuthorizeAsync(AuthorizationCallbackContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var listener = new HttpListener();
        listener.Prefixes.Add(context.RedirectUri.GetLeftPart(UriPartial.Authority) + "/");
        listener.Start();
        await using var stop = cancellationToken.Register(listener.Stop);
        waitingForUser();

        if (BrowserOpener.TryOpen(context.AuthorizationUri, browserVariable()))
        {
            notify($"authorization needed: opened the browser (if it did not open, visit {context.AuthorizationUri.AbsoluteUri})");
        }
        else
        {
            notify($"authorization needed: open {context.AuthorizationUri.AbsoluteUri} in a browser");
        }

        while (true)
        {
            HttpListenerContext request;
            try
            {
                request = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException && cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException("Authorization was not completed in time.", ex, cancellationToken);
            }

            // Browsers ask for more than the redirect (a favicon); only the redirect path ends the wait.
            if (!string.Equals(request.Request.Url?.AbsolutePath, context.RedirectUri.AbsolutePath, StringComparison.Ordinal))
            {
                Respond(request.Response, HttpStatusCode.NotFound, "Not found.");
                continue;
            }

            var query = HttpUtility.ParseQueryString(request.Request.Url?.Query ?? string.Empty);
            if (query["error"] is { } error)
            {
                Respond(request.Response, HttpStatusCode.OK, "Authorization was refused. You can close this tab.");
                var description = query["error_description"];
                throw new McpException($"The authorization server for '{serverName}' refused: {error}{(description is null ? string.Empty : " (" + description + ")")}.");
            }

            Respond(request.Response, HttpStatusCode.OK, $"SkMcpAgent is now authorized for '{serverName}'. You can close this tab.");
            return new AuthorizationResult { Code = query["code"], State = query["state"], Iss = query["iss"] };
        }
    }

    private static void Respond(HttpListenerResponse response, HttpStatusCode status, string text)
    {
        var body = Encoding.UTF8.GetBytes(text);
        response.StatusCode = (int)status;
        response.ContentType = "text/plain; charset=utf-8";
        response.ContentLength64 = body.Length;
        response.OutputStream.Write(body);
        response.Close();
    }
}
