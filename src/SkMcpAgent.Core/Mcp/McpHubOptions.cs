using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Approval;

namespace SkMcpAgent.Core.Mcp;

/// <summary>What the hub offers servers (sampling, roots) and how it starts them.</summary>
public sealed class McpHubOptions
{
    /// <summary>
    /// Answers servers' <c>sampling/createMessage</c> requests. May be set after the hub started (the model client
    /// is often built later); while it is null, sampling requests are refused with a clear error.
    /// </summary>
    public IChatClient? SamplingClient { get; set; }

    /// <summary>Approves sampling requests as <c>sampling:&lt;server&gt;</c>; null approves them all.</summary>
    public ApprovalPolicy? Approval { get; set; }

    /// <summary>The folder advertised to servers as the client's root (a <c>file://</c> URI).</summary>
    public string RootDirectory
    {
        get;
        set
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value);
            field = Path.GetFullPath(value);
        }
    } = Directory.GetCurrentDirectory();

    /// <summary>Start-up timeout for servers whose entry has no <c>timeout</c>.</summary>
    public TimeSpan DefaultStartupTimeout
    {
        get;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            field = value;
        }
    } = TimeSpan.FromSeconds(30);

    /// <summary>How many times in a row a crashed server is restarted on its next use before the call fails.</summary>
    public int MaxRestarts
    {
        get;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            field = value;
        }
    } = 3;
}
