using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using SkMcpAgent.Core.Mcp;

namespace SkMcpAgent.Core.Tests.Mcp;

public sealed class JsonSchemaRefsTests
{
    private const string PydanticStyle = """
        {
          "type": "object",
          "$defs": {
            "Address": { "type": "object", "properties": { "city": { "type": "string" }, "zip": { "type": "string" } }, "required": ["city"] }
          },
          "properties": {
            "home": { "$ref": "#/$defs/Address", "description": "Where the user lives" },
            "others": { "type": "array", "items": { "$ref": "#/$defs/Address" } }
          },
          "required": ["home"]
        }
        """;

    [Fact]
    public void Inline_ReplacesLocalReferencesWithTheirDefinitions_KeepingSiblingKeywords()
    {
        var inlined = JsonSchemaRefs.Inline(Parse(PydanticStyle));

        var home = inlined.GetProperty("properties").GetProperty("home");
        Assert.Equal("object", home.GetProperty("type").GetString());
        Assert.Equal("Where the user lives", home.GetProperty("description").GetString());
        Assert.True(home.GetProperty("properties").TryGetProperty("city", out _));
        var item = inlined.GetProperty("properties").GetProperty("others").GetProperty("items");
        Assert.True(item.GetProperty("properties").TryGetProperty("zip", out _));
        Assert.DoesNotContain("$ref", inlined.GetRawText(), StringComparison.Ordinal);
        Assert.False(inlined.TryGetProperty("$defs", out _));
    }

    [Fact]
    public void Inline_CutsARecursiveDefinition_InsteadOfLoopingForever()
    {
        var schema = Parse("""
            { "type": "object", "definitions": { "Node": { "type": "object", "properties": { "child": { "$ref": "#/definitions/Node" } } } },
              "properties": { "root": { "$ref": "#/definitions/Node" } } }
            """);

        var inlined = JsonSchemaRefs.Inline(schema);

        Assert.DoesNotContain("$ref", inlined.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("object", inlined.GetProperty("properties").GetProperty("root").GetProperty("properties").GetProperty("child").GetProperty("type").GetString());
    }

    [Fact]
    public void Inline_LeavesASchemaWithoutReferencesAsItIs()
    {
        var schema = Parse("""{ "type": "object", "properties": { "a": { "type": "number" } }, "required": ["a"] }""");

        Assert.Equal(schema.GetRawText(), JsonSchemaRefs.Inline(schema).GetRawText());
    }

    [Fact]
    public void KernelFunction_ShowsTheModelSelfContainedParameterSchemas()
    {
        // SK rebuilds a kernel function's schema from its parameters: top-level $defs would be lost.
        var declaration = AIFunctionFactory.CreateDeclaration("save_address", "Saves an address", JsonSchemaRefs.Inline(Parse(PydanticStyle)));
        var function = new Invocable(declaration).AsKernelFunction().Clone("people");

        var seen = ((AIFunction)function.WithKernel(new Kernel())).JsonSchema;

        Assert.Equal("people_save_address", ((AIFunction)function).Name);
        Assert.Equal("string", seen.GetProperty("properties").GetProperty("home").GetProperty("properties").GetProperty("city").GetProperty("type").GetString());
        Assert.Equal(["home"], seen.GetProperty("required").EnumerateArray().Select(static e => e.GetString()));
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private sealed class Invocable(AIFunctionDeclaration declaration) : AIFunction
    {
        public override string Name => declaration.Name;

        public override string Description => declaration.Description;

        public override JsonElement JsonSchema => declaration.JsonSchema;

        protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken) =>
            ValueTask.FromResult<object?>("saved");
    }
}
