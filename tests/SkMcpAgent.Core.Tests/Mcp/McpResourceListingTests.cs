using ModelContextProtocol.Protocol;
using SkMcpAgent.Core.Mcp;

namespace SkMcpAgent.Core.Tests.Mcp;

public sealed class McpResourceListingTests
{
    [Fact]
    public void FormatListing_IsCompactCamelCase_LeavesOutNulls_AndEscapesLikeTheDefaultEncoder()
    {
        Resource[] resources =
        [
            new() { Uri = "demo://a", Name = "Zürich <notes>", Description = "d", MimeType = "text/plain" },
            new() { Uri = "demo://b", Name = "B" },
        ];
        ResourceTemplate[] templates = [new() { UriTemplate = "demo://t/{id}", Name = "T", Description = "by id" }];

        Assert.Equal(
            """{"resources":[{"uri":"demo://a","name":"Z\u00FCrich \u003Cnotes\u003E","description":"d","mimeType":"text/plain"},{"uri":"demo://b","name":"B"}],"templates":[{"uriTemplate":"demo://t/{id}","name":"T","description":"by id"}]}""",
            McpResourceFunctions.FormatListing(resources, templates));
    }

    [Fact]
    public void FormatListing_WritesEmptyListsForAServerWithoutResources()
    {
        Assert.Equal("""{"resources":[],"templates":[]}""", McpResourceFunctions.FormatListing([], []));
    }
}
