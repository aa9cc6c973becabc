using System.ClientModel.Primitives;

namespace SkMcpAgent.Core.Providers;

/// <summary>
/// Adds <c>api-version</c> to every request, for Azure OpenAI's classic deployments path: the OpenAI SDK, pointed at
/// <c>{endpoint}/openai/deployments/{deployment}/</c>, builds the rest of the address itself.
/// </summary>
internal sealed class AzureApiVersionPolicy(string apiVersion) : PipelinePolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        AddApiVersion(message);
        ProcessNext(message, pipeline, currentIndex);
    }

    public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        AddApiVersion(message);
        return ProcessNextAsync(message, pipeline, currentIndex);
    }

    private void AddApiVersion(PipelineMessage message)
    {
        var uri = message.Request.Uri;
        if (uri is null || uri.Query.Contains("api-version=", StringComparison.Ordinal))
        {
            return;
        }

        var separator = string.IsNullOrEmpty(uri.Query) ? "?" : "&";
        message.Request.Uri = new Uri(uri + separator + "api-version=" + Uri.EscapeDataString(apiVersion));
    }
}
