using SkMcpAgent.Core.Configuration;
using SkMcpAgent.Core.Mcp;

namespace SkMcpAgent.Core.Tests.Mcp;

public sealed class McpTransportsTests
{
    [Fact]
    public void SentHeaders_DropsHeadersThatExpandedToNothing()
    {
        var headers = new Dictionary<string, string>
        {
            ["Authorization"] = "Bearer ",
            ["X-Empty"] = "  ",
            ["X-Api-Key"] = "k1",
            ["X-Other"] = "Bearer t0ken",
        };

        var sent = McpTransports.SentHeaders(headers);

        Assert.Equal(["X-Api-Key", "X-Other"], sent.Keys.Order());
    }

    [Fact]
    public void ChildEnvironment_HoldsDefaultsAndTheEntrysEnv_NotTheAgentsOtherVariables()
    {
        const string secret = "SKMCP_TEST_UNIT_SECRET";
        Environment.SetEnvironmentVariable(secret, "value");
        try
        {
            var config = new McpServerConfig { Name = "x", Command = "x", Env = new Dictionary<string, string> { ["MY_SETTING"] = "1" } };

            var environment = McpTransports.ChildEnvironment(config);

            Assert.Equal("1", environment["MY_SETTING"]);
            Assert.True(environment.ContainsKey("PATH"));
            Assert.False(environment.ContainsKey(secret));
        }
        finally
        {
            Environment.SetEnvironmentVariable(secret, null);
        }
    }
}
