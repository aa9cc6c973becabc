using System.Text.Json;
using SkMcpAgent.Core;
using SkMcpAgent.Modes;

namespace SkMcpAgent.Tests.Modes;

public sealed class CallModeTests
{
    [Fact]
    public void ParseArguments_ReadsObjectProperties()
    {
        var arguments = CallMode.ParseArguments("{\"path\":\"/\",\"top\":3}");

        Assert.Equal("/", ((JsonElement)arguments["path"]!).GetString());
        Assert.Equal(3, ((JsonElement)arguments["top"]!).GetInt32());
    }

    [Fact]
    public void ParseArguments_IsEmpty_WhenNotGiven()
    {
        Assert.Empty(CallMode.ParseArguments(null));
    }

    [Theory]
    [InlineData("{path:", "--args is not valid JSON")]
    [InlineData("[1,2]", "--args must be a JSON object")]
    public void ParseArguments_Throws_WithMessage(string json, string expected)
    {
        var error = Assert.Throws<AgentConfigurationException>(() => CallMode.ParseArguments(json));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }
}
