namespace SkMcpAgent.Core.Approval;

/// <summary>The user's answer to one approval prompt.</summary>
public enum ApprovalDecision
{
    /// <summary>Run this call only.</summary>
    AllowOnce,

    /// <summary>Run this call and every later call of the same function this session.</summary>
    AllowAlways,

    /// <summary>Do not run it; the model is told so.</summary>
    Deny,
}
