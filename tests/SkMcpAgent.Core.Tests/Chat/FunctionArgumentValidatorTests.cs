using System.Text.Json;
using SkMcpAgent.Core.Chat;

namespace SkMcpAgent.Core.Tests.Chat;

public sealed class FunctionArgumentValidatorTests
{
    private static readonly JsonElement s_schema = JsonDocument.Parse("""
        {
          "type": "object",
          "properties": {
            "path": { "type": "string" },
            "depth": { "type": "integer" },
            "unit": { "type": "string", "enum": ["GB", "MB"] },
            "label": { "type": ["string", "null"] }
          },
          "required": ["path"],
          "additionalProperties": false
        }
        """).RootElement.Clone();

    [Fact]
    public void Validate_ReturnsNull_WhenArgumentsFit()
    {
        var arguments = Arguments("""{"path":"/","depth":2.0,"unit":"GB","label":null}""");

        Assert.Null(FunctionArgumentValidator.Validate(s_schema, arguments));
    }

    [Fact]
    public void Validate_ListsEveryProblem()
    {
        var arguments = Arguments("""{"depth":1.5,"unit":"TB","colour":"red"}""");

        Assert.Equal(
            ["missing required 'path' (a string)", "'depth' must be an integer, got a number", "'unit' must be one of \"GB\", \"MB\"", "unknown property 'colour' (known: path, depth, unit, label)"],
            FunctionArgumentValidator.Validate(s_schema, arguments));
    }

    [Fact]
    public void Validate_ChecksClrValues_NotOnlyJson()
    {
        var arguments = new Dictionary<string, object?> { ["path"] = 5 };

        Assert.Equal(["'path' must be a string, got a number"], FunctionArgumentValidator.Validate(s_schema, arguments));
    }

    [Fact]
    public void Validate_ChecksClrValuesNoContractKnows_WithoutReflection()
    {
        // A string[] is in no source-generated contract: it is still seen as an array, an unknown object as its text.
        var arguments = new Dictionary<string, object?> { ["path"] = new[] { "/" }, ["depth"] = new Uri("file:///") };

        Assert.Equal(
            ["'path' must be a string, got an array", "'depth' must be an integer, got a string"],
            FunctionArgumentValidator.Validate(s_schema, arguments));
    }

    private static Dictionary<string, object?> Arguments(string json) =>
        JsonDocument.Parse(json).RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());
}
