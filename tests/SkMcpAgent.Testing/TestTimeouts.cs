namespace SkMcpAgent.Testing;

/// <summary>The one default timeout tests wait with. Generous: it only bounds a hang, it never paces a test.</summary>
public static class TestTimeouts
{
    public static TimeSpan Default { get; } = TimeSpan.FromSeconds(30);

    /// <summary>A token that cancels after <see cref="Default"/>.</summary>
    public static CancellationToken DefaultToken() => new CancellationTokenSource(Default).Token;
}
