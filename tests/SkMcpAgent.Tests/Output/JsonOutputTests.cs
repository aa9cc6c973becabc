using System.Text.Json;
using SkMcpAgent.Output;

namespace SkMcpAgent.Tests.Output;

public sealed class JsonOutputTests
{
    [Fact]
    public void Serialize_Answer_HasDocumentedCamelCaseShape()
    {
        var answer = new JsonAnswer(
            "It is sunny.",
            "OpenAI",
            "gpt-4.1-mini",
            [new JsonToolCall("weather_get_forecast", "weather", new Dictionary<string, object?> { ["latitude"] = 47.6 }, true, null, 12.5)],
            new JsonUsage(10, 5, 15));

        using var document = JsonDocument.Parse(JsonOutput.Serialize(answer));
        var root = document.RootElement;

        Assert.Equal("It is sunny.", root.GetProperty("answer").GetString());
        Assert.Equal("gpt-4.1-mini", root.GetProperty("model").GetString());
        var call = root.GetProperty("toolCalls")[0];
        Assert.Equal("weather_get_forecast", call.GetProperty("function").GetString());
        Assert.Equal("weather", call.GetProperty("server").GetString());
        Assert.Equal(47.6, call.GetProperty("arguments").GetProperty("latitude").GetDouble());
        Assert.True(call.GetProperty("ok").GetBoolean());
        Assert.Equal(JsonValueKind.Null, call.GetProperty("error").ValueKind);
        Assert.Equal(12.5, call.GetProperty("durationMs").GetDouble());
        Assert.Equal(15, root.GetProperty("usage").GetProperty("totalTokens").GetInt64());
        Assert.Equal("answered", root.GetProperty("stopReason").GetString());
    }

    [Fact]
    public void WriteError_WritesMessageAndExitCode()
    {
        var writer = new StringWriter();

        JsonOutput.WriteError(writer, "No LLM provider is configured", 2);

        using var document = JsonDocument.Parse(writer.ToString());
        var error = document.RootElement.GetProperty("error");
        Assert.Equal("No LLM provider is configured", error.GetProperty("message").GetString());
        Assert.Equal(2, error.GetProperty("exitCode").GetInt32());
    }
}
