using System.Collections.Concurrent;

namespace SkMcpAgent.Core.Approval;

/// <summary>
/// Decides whether a call may run: the mode, an allow list of function names (exact names, or a trailing
/// <c>*</c> as a prefix match such as <c>disk_*</c>), and the functions the user allowed "always" this session.
/// Thread-safe: parallel calls ask at once.
/// </summary>
public sealed class ApprovalPolicy : IDisposable
{
    private readonly ConcurrentDictionary<string, bool> _allowedThisSession = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _promptGate = new(1, 1);
    private readonly List<string> _allowList;

    public ApprovalPolicy(ApprovalMode mode = ApprovalMode.Auto, IApprovalPrompt? prompt = null, IEnumerable<string>? allowList = null)
    {
        Mode = mode;
        Prompt = prompt;
        _allowList = allowList?.Where(static name => !string.IsNullOrWhiteSpace(name)).ToList() ?? [];
    }

    /// <summary>The current mode; the console's <c>/approve</c> changes it mid-session.</summary>
    public ApprovalMode Mode { get; set; }

    /// <summary>Who is asked in <see cref="ApprovalMode.Ask"/>; with none, Ask behaves as Deny.</summary>
    public IApprovalPrompt? Prompt { get; set; }

    public IReadOnlyList<string> AllowList => _allowList;

    /// <summary>True when the call may run. Prompts are asked one at a time so parallel calls don't interleave.</summary>
    public async ValueTask<bool> IsApprovedAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        if (Mode == ApprovalMode.Auto || IsAllowListed(request.FunctionName) || _allowedThisSession.ContainsKey(request.FunctionName))
        {
            return true;
        }

        if (Mode == ApprovalMode.Deny || Prompt is null)
        {
            return false;
        }

        await _promptGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another parallel call may have been answered "always" while this one waited.
            if (_allowedThisSession.ContainsKey(request.FunctionName))
            {
                return true;
            }

            var decision = await Prompt.AskAsync(request, cancellationToken).ConfigureAwait(false);
            if (decision == ApprovalDecision.AllowAlways)
            {
                _allowedThisSession[request.FunctionName] = true;
            }

            return decision != ApprovalDecision.Deny;
        }
        finally
        {
            _promptGate.Release();
        }
    }

    public void Dispose() => _promptGate.Dispose();

    private bool IsAllowListed(string functionName)
    {
        foreach (var entry in _allowList)
        {
            var matches = entry.EndsWith('*')
                ? functionName.StartsWith(entry[..^1], StringComparison.Ordinal)
                : string.Equals(entry, functionName, StringComparison.Ordinal);
            if (matches)
            {
                return true;
            }
        }

        return false;
    }
}
