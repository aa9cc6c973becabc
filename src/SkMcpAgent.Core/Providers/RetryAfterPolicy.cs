using System.ClientModel.Primitives;
using System.Globalization;

namespace SkMcpAgent.Core.Providers;

/// <summary>
/// The OpenAI SDK's own retry policy (429, 408, 5xx, network failures), waiting exactly what the service asks for in
/// retry-after-ms / Retry-After (seconds or an HTTP date) and falling back to the SDK's exponential backoff otherwise.
/// </summary>
internal sealed class RetryAfterPolicy(int maxRetries) : ClientRetryPolicy(maxRetries)
{
    // A longer wait is not worth holding a terminal turn for; the SDK's backoff applies instead.
    private static readonly TimeSpan s_longestHonouredWait = TimeSpan.FromSeconds(60);

    protected override TimeSpan GetNextDelay(PipelineMessage message, int tryCount)
    {
        var requested = RequestedDelay(message.Response);
        return requested is { } delay && delay >= TimeSpan.Zero && delay <= s_longestHonouredWait
            ? delay
            : base.GetNextDelay(message, tryCount);
    }

    internal static TimeSpan? RequestedDelay(PipelineResponse? response)
    {
        if (response is null)
        {
            return null;
        }

        if (response.Headers.TryGetValue("retry-after-ms", out var ms)
            && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        if (response.Headers.TryGetValue("Retry-After", out var value) && value is not null)
        {
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                return date - DateTimeOffset.UtcNow;
            }
        }

        return null;
    }
}
