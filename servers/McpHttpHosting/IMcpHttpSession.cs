namespace McpHttpHosting;

/// <summary>One MCP session served over HTTP, as the session store sees it.</summary>
internal interface IMcpHttpSession : IAsyncDisposable
{
    string Id { get; }

    /// <summary>True while a request (or an open stream) is using the session, so it must not expire.</summary>
    bool IsActive { get; }

    /// <summary>When the last request finished, as a <see cref="TimeProvider"/> timestamp.</summary>
    long LastActivityTimestamp { get; }
}
