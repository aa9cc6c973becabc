using Microsoft.AspNetCore.Http;

namespace McpHttpHosting;

/// <summary>What the <c>MCP-Protocol-Version</c> request header says about the request.</summary>
internal static class McpProtocolHeader
{
    public const string Name = "MCP-Protocol-Version";

    /// <summary>The first revision with no sessions and no initialize handshake over HTTP (SEP-2567, SEP-2575).</summary>
    private const string FirstSessionless = "2026-07-28";

    /// <summary>The revision that added JSON-RPC batches; 2025-06-18 removed them again.</summary>
    private const string BatchingRevision = "2025-03-26";

    public static bool IsSessionless(HttpRequest request) =>
        string.CompareOrdinal(request.Headers[Name].ToString(), FirstSessionless) >= 0;

    /// <summary>
    /// True for 2025-03-26 sessions: their clients send no header or that revision (the spec says a server that gets no
    /// header assumes 2025-03-26; clients of later revisions must send it).
    /// </summary>
    public static bool AllowsBatches(HttpRequest request)
    {
        var version = request.Headers[Name].ToString();
        return version.Length == 0 || version == BatchingRevision;
    }
}
