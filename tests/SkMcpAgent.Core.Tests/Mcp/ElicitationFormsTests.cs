using System.Text.Json;
using ModelContextProtocol.Protocol;
using SkMcpAgent.Core.Mcp;

namespace SkMcpAgent.Core.Tests.Mcp;

public sealed class ElicitationFormsTests
{
    private static readonly ElicitRequestParams.NumberSchema s_age = new() { Type = "integer", Minimum = 0, Maximum = 150 };
    private static readonly ElicitRequestParams.TitledSingleSelectEnumSchema s_colour = new()
    {
        OneOf = [new() { Const = "r", Title = "Red" }, new() { Const = "g", Title = "Green" }],
    };

    [Fact]
    public void DefaultsOnly_FillsTheForm_WhenEveryFieldHasADefault()
    {
        var request = Form(new()
        {
            ["name"] = new ElicitRequestParams.StringSchema { Default = "Ada" },
            ["age"] = new ElicitRequestParams.NumberSchema { Type = "integer", Default = 36 },
            ["ratio"] = new ElicitRequestParams.NumberSchema { Default = 0.5 },
            ["ok"] = new ElicitRequestParams.BooleanSchema { Default = true },
            ["colour"] = new ElicitRequestParams.TitledSingleSelectEnumSchema { OneOf = s_colour.OneOf, Default = "g" },
        });

        var content = ElicitationForms.DefaultsOnly(request);

        Assert.NotNull(content);
        Assert.Equal("""{"name":"Ada","age":36,"ratio":0.5,"ok":true,"colour":"g"}""", JsonSerializer.Serialize(content));
    }

    [Fact]
    public void DefaultsOnly_IsNull_WhenAFieldHasNoDefault()
    {
        var request = Form(new() { ["name"] = new ElicitRequestParams.StringSchema { Default = "Ada" }, ["age"] = s_age });

        Assert.Null(ElicitationForms.DefaultsOnly(request));
    }

    [Theory]
    [InlineData("42", "42", null)]
    [InlineData("4.5", null, "a whole number, please")]
    [InlineData("200", null, "between 0 and 150, please")]
    [InlineData("old", null, "a whole number, please")]
    public void Parse_ReadsIntegers_WithinTheirRange(string text, string? json, string? error) =>
        AssertParsed(s_age, text, json, error);

    [Theory]
    [InlineData("2", "\"g\"", null)]
    [InlineData("red", "\"r\"", null)]
    [InlineData("g", "\"g\"", null)]
    [InlineData("blue", null, "one of the options (its number or its value), please")]
    public void Parse_ReadsAChoice_ByNumberValueOrLabel(string text, string? json, string? error) =>
        AssertParsed(s_colour, text, json, error);

    [Theory]
    [InlineData("y", "true", null)]
    [InlineData("No", "false", null)]
    [InlineData("maybe", null, "y or n, please")]
    public void Parse_ReadsBooleans(string text, string? json, string? error) =>
        AssertParsed(new ElicitRequestParams.BooleanSchema(), text, json, error);

    [Fact]
    public void Parse_ChecksStringLength()
    {
        AssertParsed(new ElicitRequestParams.StringSchema { MinLength = 2, MaxLength = 3 }, "a", null, "2 to 3 characters, please");
        AssertParsed(new ElicitRequestParams.StringSchema { MinLength = 2, MaxLength = 3 }, "abc", "\"abc\"", null);
    }

    private static void AssertParsed(ElicitRequestParams.PrimitiveSchemaDefinition field, string text, string? json, string? error)
    {
        var value = ElicitationForms.Parse(field, text, out var problem);

        Assert.Equal(json, value?.GetRawText());
        Assert.Equal(error, problem);
    }

    private static ElicitRequestParams Form(Dictionary<string, ElicitRequestParams.PrimitiveSchemaDefinition> fields) => new()
    {
        Message = "Tell me",
        RequestedSchema = new ElicitRequestParams.RequestSchema { Properties = fields },
    };
}
