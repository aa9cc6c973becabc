namespace SkMcpAgent.Core.Providers;

/// <summary>
/// A call to the LLM provider failed in a way the user can act on (bad key, unknown model, rate limit, outage,
/// unreachable endpoint, timeout). <see cref="Exception.Message"/> is one line meant for the user; it never holds a secret.
/// </summary>
public sealed class ProviderException : Exception
{
    public ProviderException()
    {
    }

    public ProviderException(string message)
        : base(message)
    {
    }

    public ProviderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ProviderException(string message, LlmProvider provider, int? statusCode, Exception? innerException)
        : base(message, innerException)
    {
        Provider = provider;
        StatusCode = statusCode;
    }

    public LlmProvider Provider { get; }

    /// <summary>The HTTP status the provider answered with; null for network failures and timeouts.</summary>
    public int? StatusCode { get; }
}
