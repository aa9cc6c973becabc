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

    /// <summary>
    /// Roots declared to every server (<c>file://</c> folder URIs, from <c>--root</c>), before the server's own from
    /// mcp.json. With none here and none in its entry, a server is offered no roots capability at all.
    /// </summary>
    public IReadOnlyList<string> Roots { get; set; } = [];

    /// <summary>Where remote servers' OAuth tokens are cached (one owner-only file per server).</summary>
    public string TokenFolder { get; set; } = Auth.TokenFileCache.DefaultFolder;

    /// <summary>
    /// Answers servers' <c>elicitation/create</c> requests (the REPL's form); null declines them, unless the
    /// approval policy is auto and every field has a default (then the defaults are sent).
    /// </summary>
    public IElicitationPrompt? ElicitationPrompt { get; set; }

    /// <summary>The most tokens a sampling request may ask the model for (LLM_MAX_OUTPUT_TOKENS); null: as asked.</summary>
    public int? MaxSamplingTokens { get; set; }

    /// <summary>
    /// True when the process ends as soon as the hub is disposed (the executable's exit): the pass over <c>/proc</c>
    /// that stops what servers left running is then made by <see cref="ServerWatchdog"/> once the process is gone,
    /// not on the way out, for every server whose stop the SDK saw through. The answer-to-exit time is the user's wait.
    /// </summary>
    public bool ProcessEndsOnDispose { get; set; }

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

    /// <summary>The most a server that exited by itself is waited for until its stderr ends (tests shorten it).</summary>
    internal TimeSpan StderrDrainLimit
    {
        get;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            field = value;
        }
    } = McpTransports.StderrDrainLimit;
}
