using SkMcpAgent.Core.Configuration;

namespace SkMcpAgent.Core.Tests.Configuration;

public sealed class VariableExpanderTests
{
    private static readonly Dictionary<string, string?> s_variables = new(StringComparer.Ordinal)
    {
        ["B"] = "bee",
        ["EMPTY"] = string.Empty,
        ["A"] = "ay",
    };

    [Theory]
    [InlineData("${NOPE:-${B:-inner}}", "bee")]
    [InlineData("${NOPE:-${NOPE2:-inner}}", "inner")]
    [InlineData("${EMPTY:-${NOPE:-${B}}}/x", "bee/x")]
    [InlineData("${A:-${NOPE}}", "ay")]
    [InlineData("pre-${NOPE:-a${B}c}-post", "pre-abeec-post")]
    [InlineData("${NOPE:-x}y}", "xy}")]
    [InlineData("${NOPE:-}", "")]
    [InlineData("$B ${ not a ref", "$B ${ not a ref")]
    public void Expand_ExpandsNestedDefaults_WhenOuterVariableIsUnsetOrEmpty(string text, string expected)
    {
        var result = VariableExpander.Expand(text, s_variables, out var missing);

        Assert.Null(missing);
        Assert.Equal(expected, result);
    }

    [Fact]
    public void Expand_ReportsMissingVariable_WhenNestedDefaultNeedsIt()
    {
        var result = VariableExpander.Expand("${NOPE:-${ALSO_NOPE}}", s_variables, out var missing);

        Assert.Null(result);
        Assert.Equal("ALSO_NOPE", missing);
    }

    [Theory]
    [InlineData("Bearer ${input:api-key}", "Bearer <input:api-key>")]
    [InlineData("${env:HOME}/x", "<env:HOME>/x")]
    [InlineData("${input:a.b_c-d:-fallback}", "fallback")]
    [InlineData("${workspaceFolder}/.env", "<workspaceFolder>/.env")]
    [InlineData("${other:thing}", "${other:thing}")]
    [InlineData("${env:}", "${env:}")]
    public void Expand_HandsVsCodeNamespacedReferencesToTheLookupWhole(string text, string expected)
    {
        var result = VariableExpander.Expand(text, name => name.StartsWith("input:a.", StringComparison.Ordinal) ? null : $"<{name}>", out var missing);

        Assert.Null(missing);
        Assert.Equal(expected, result);
    }
}
