using ModelContextProtocol;
using ModelContextProtocol.Protocol;

// Roots are deprecated only from protocol 2026-07-28 on; the agent negotiates 2025-11-25 or older.
#pragma warning disable MCP9005

namespace SkMcpAgent.Core.Mcp;

public sealed partial class McpServerConnection
{
    // Whether the live session was opened with the roots capability (then a change is announced, else it reconnects).
    private volatile bool _rootsDeclared;

    /// <summary>The roots this server is offered: those for every server (<c>--root</c>, <c>/roots add</c>), then its own from mcp.json.</summary>
    public IReadOnlyList<string> DeclaredRoots() =>
        [.. _options.Roots.Concat(Config.Roots ?? []).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The roots changed: a session that declared roots gets <c>notifications/roots/list_changed</c>; one that did not
    /// is reconnected, since the capability is only declared at start-up. A server not connected sees them next time.
    /// </summary>
    internal async Task RootsChangedAsync(CancellationToken cancellationToken)
    {
        if (_client is not { } client)
        {
            return;
        }

        if (_rootsDeclared)
        {
            await client.SendNotificationAsync(NotificationMethods.RootsListChangedNotification, cancellationToken: cancellationToken);
        }
        else if (DeclaredRoots().Count > 0)
        {
            await ReconnectAsync(cancellationToken);
        }
    }
}
