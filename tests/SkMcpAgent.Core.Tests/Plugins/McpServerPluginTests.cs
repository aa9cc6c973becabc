using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;
using SkMcpAgent.Core.Agents;
using SkMcpAgent.Core.Configuration;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Functions;
using SkMcpAgent.Core.Mcp;
using SkMcpAgent.Core.Plugins;
using SkMcpAgent.Core.Tests.Fakes;
using SkMcpAgent.Testing;
using static SkMcpAgent.Core.Tests.Fakes.Responses;

namespace SkMcpAgent.Core.Tests.Plugins;

/// <summary>MCP servers as kernel plugins: names SK and every provider accept, never colliding, and the original tool called.</summary>
public sealed partial class McpServerPluginTests(OddNamesHubFixture fixture) : IClassFixture<OddNamesHubFixture>
{
    private const int ToolsPerOddServer = 8;

    private McpServerHub Hub => fixture.Hub;

    [Fact]
    public async Task AddMcpServers_GivesDistinctPluginNames_WhenServerNamesDifferOnlyInCaseOrSanitisedForm()
    {
        McpServerConfig[] servers =
        [
            new() { Name = "weather.api", Command = "unused" },
            new() { Name = "weather-api", Command = "unused" },
            new() { Name = "Weather API", Command = "unused" },
            new() { Name = "WEATHER_api", Command = "unused" },
            new() { Name = "météo", Command = "unused" },
            new() { Name = "a-very-long-server-name-from-some-registry.example.com", Command = "unused" },
        ];
        await using var hub = new McpServerHub(servers, new McpHubOptions(), NullAgentEventSink.Instance, NullLoggerFactory.Instance);

        var builder = Kernel.CreateBuilder();
        builder.Plugins.AddMcpServers(hub);
        var kernel = builder.Build();

        Assert.Equal(["weather_api", "weather_api_2", "Weather_API_3", "WEATHER_api_4", "m_t_o"], hub.Servers.Take(5).Select(static s => s.PluginName));
        Assert.StartsWith("a_very_long_ser_", hub.Servers[5].PluginName, StringComparison.Ordinal);
        Assert.All(hub.Servers, s => Assert.Matches(ValidName(), s.PluginName));
        Assert.All(hub.Servers, s => Assert.InRange(s.PluginName.Length, 1, FunctionNames.MaxPluginLength));
        Assert.Equal(servers.Length, kernel.Plugins.Count);
        Assert.Equal(hub.Servers.Select(static s => s.PluginName), kernel.Plugins.Select(static p => p.Name));
    }

    [Fact]
    public void GetFunctions_NamesEveryToolAsSkAccepts_WhenToolNamesHaveHyphensDotsSpacesUnicodeOrLength()
    {
        var names = Hub.GetFunctions().Select(static f => f.Name).ToList();

        Assert.Equal((2 * ToolsPerOddServer) + 2, names.Count);
        Assert.All(names, n => Assert.Matches(ValidName(), n));
        Assert.All(names, n => Assert.InRange(n.Length, 1, FunctionNames.MaxQualifiedLength));
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(
            ["tools_v1_get_sum", "tools_v1_list_files", "tools_v1_list_files_2", "tools_v1_read_file", "tools_v1_m_t_o", "tools_v1___", "tools_v1_echo"],
            names.Take(ToolsPerOddServer - 1));
        Assert.StartsWith("tools_v1_summarise_very_long_", names[ToolsPerOddServer - 1], StringComparison.Ordinal);
        Assert.Equal(FunctionNames.MaxQualifiedLength, names[ToolsPerOddServer - 1].Length);
        Assert.Equal("Tools_v1_2_get_sum", names[ToolsPerOddServer]);
        Assert.Equal(["a_b_c", "a_b_c_2"], names[^2..]);
    }

    [Fact]
    public void GetFunctions_NeverCollide_WhenTwoServersOfferTheSameTools()
    {
        var first = Hub.GetFunctions(Hub.Servers[0]);
        var second = Hub.GetFunctions(Hub.Servers[1]);

        Assert.Equal(first.Select(static f => f.GetToolName()), second.Select(static f => f.GetToolName()));
        Assert.Empty(first.Select(static f => f.Name).Intersect(second.Select(static f => f.Name), StringComparer.OrdinalIgnoreCase));
        Assert.All(first, f => Assert.Equal("tools.v1", f.GetServerName()));
        Assert.All(second, f => Assert.Equal("Tools v1", f.GetServerName()));
    }

    [Fact]
    public void GetFunctions_ListsTheNamesTheModelSeesThroughTheKernel()
    {
        var kernel = CreateKernel(new FakeChatClient());
        var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };

        var offered = settings.ToChatOptions(kernel).Tools;

        Assert.NotNull(offered);
        Assert.Equal(
            Hub.GetFunctions().Select(static f => f.Name).Order(StringComparer.Ordinal),
            offered.Select(static t => t.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Kernel_CallsEachServerWithTheOriginalToolName_WhenTheModelCallsTheSanitisedName()
    {
        var functions = Hub.GetFunctions();
        var calls = functions.Select(static (f, i) => Call("c" + i, f.Name)).ToArray();
        var model = FakeChatClient.Scripted(Calls(calls), Text("done"));
        var agent = new ChatAgent(CreateKernel(model), new ChatAgentOptions(), NullAgentEventSink.Instance);

        var response = await agent.RunAsync("Call them all", TestTimeouts.DefaultToken());

        Assert.Equal("done", response.Text);
        var records = agent.LastTurnCalls.ToDictionary(static r => r.CallId);
        Assert.Equal(functions.Count, records.Count);
        for (var i = 0; i < functions.Count; i++)
        {
            var record = records["c" + i];
            Assert.True(record.Succeeded, record.Result);
            Assert.Equal(
                (functions[i].Name, functions[i].GetServerName(), "called:" + functions[i].GetToolName()),
                (record.Function, record.Server, record.Result));
        }
    }

    [Fact]
    public void FindSourceFunction_ReturnsTheServersFunction_ForAKernelFunctionOfItsPlugin()
    {
        var kernel = CreateKernel(new FakeChatClient());
        var plugin = kernel.Plugins[Hub.Servers[1].PluginName];

        var function = Assert.Single(plugin, static f => f.Name == "m_t_o");

        Assert.Equal("Tools_v1_2_m_t_o", function.QualifiedName());
        Assert.Same(Hub.Servers[1], kernel.FindServer(function));
        Assert.Equal("météo", kernel.FindSourceFunction(function)?.GetToolName());
    }

    private Kernel CreateKernel(IChatClient model)
    {
        var builder = Kernel.CreateBuilder();
        builder.AddAgentChatClient(model);
        builder.Plugins.AddMcpServers(Hub);
        return builder.Build();
    }

    [GeneratedRegex("^[0-9A-Za-z_]+$")]
    private static partial Regex ValidName();
}
