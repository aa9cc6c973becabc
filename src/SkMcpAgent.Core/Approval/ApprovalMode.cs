namespace SkMcpAgent.Core.Approval;

/// <summary>How function calls (and server sampling requests) are approved.</summary>
public enum ApprovalMode
{
    /// <summary>Everything runs without asking.</summary>
    Auto,

    /// <summary>The user is asked through <see cref="IApprovalPrompt"/>, except for allow-listed functions.</summary>
    Ask,

    /// <summary>Nothing runs except allow-listed functions; the model is told the call was denied.</summary>
    Deny,
}
