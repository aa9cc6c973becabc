using System.Text.Json;
using SkMcpAgent.Output;

namespace SkMcpAgent.Tests.Output;

/// <summary>
/// The exact bytes of the <c>--json</c> objects (indentation, order, nulls, escaping), as the reflection-based
/// serializer wrote them before the output became source-generated for the NativeAOT executable.
/// </summary>
public sealed class JsonOutputShapeTests
{
    [Fact]
    public void Serialize_Answer_IsIndentedCamelCaseWithNullsAndReadableText()
    {
        var answer = new JsonAnswer(
            "Sunny \"warm\" in Zürich <b>",
            "OpenAI",
            null,
            [new JsonToolCall("weather_get_forecast", "weather", OutputSamples.Arguments, false, "boom", 12.5)],
            new JsonUsage(10, null, 15),
            JsonStopReasons.MaxRounds,
            "c-1");

        Assert.Equal(
            """
            {
              "answer": "Sunny \"warm\" in Zürich <b>",
              "provider": "OpenAI",
              "model": null,
              "toolCalls": [
                {
                  "function": "weather_get_forecast",
                  "server": "weather",
                  "arguments": {
                    "city": "Zürich <b>",
                    "days": 3
                  },
                  "ok": false,
                  "error": "boom",
                  "durationMs": 12.5
                }
              ],
              "usage": {
                "inputTokens": 10,
                "outputTokens": null,
                "totalTokens": 15
              },
              "stopReason": "maxRounds",
              "conversationId": "c-1"
            }
            """,
            JsonOutput.Serialize(answer));
    }

    [Fact]
    public void WriteError_IsTheEnvelopeAndANewline()
    {
        var writer = new StringWriter();

        JsonOutput.WriteError(writer, "bad \"x\" ü", 2);

        Assert.Equal(
            """
            {
              "error": {
                "message": "bad \"x\" ü",
                "exitCode": 2
              }
            }

            """,
            writer.ToString());
    }

    [Fact]
    public void Serialize_CallResult_HasFunctionServerOkResultErrorDuration()
    {
        Assert.Equal(
            """
            {
              "function": "disk_list",
              "server": null,
              "ok": true,
              "result": "a\nb",
              "error": null,
              "durationMs": 3.2
            }
            """,
            JsonOutput.Serialize(new JsonCallResult("disk_list", null, true, "a\nb", null, 3.2)));
    }

    [Fact]
    public void Serialize_ToolList_HasServersWithStateReasonAndFunctionSchemas()
    {
        var schema = JsonDocument.Parse("""{"type":"object","properties":{"path":{"type":"string"}}}""").RootElement.Clone();
        var list = new JsonToolList(
        [
            new JsonToolServer("disk", "ready", null, [new JsonToolFunction("disk_list", "Lists <files>", schema)]),
            new JsonToolServer("weather", "failed", "exited with code 1", []),
        ]);

        Assert.Equal(
            """
            {
              "servers": [
                {
                  "name": "disk",
                  "state": "ready",
                  "reason": null,
                  "functions": [
                    {
                      "name": "disk_list",
                      "description": "Lists <files>",
                      "parameters": {
                        "type": "object",
                        "properties": {
                          "path": {
                            "type": "string"
                          }
                        }
                      }
                    }
                  ]
                },
                {
                  "name": "weather",
                  "state": "failed",
                  "reason": "exited with code 1",
                  "functions": []
                }
              ]
            }
            """,
            JsonOutput.Serialize(list));
    }

    [Fact]
    public void Serialize_Arguments_WritesEachValueByItsRunTimeType()
    {
        Assert.Equal(
            """
            {
              "city": "Zürich <b>",
              "days": 3
            }
            """,
            JsonOutput.Serialize(OutputSamples.Arguments));
    }

    [Fact]
    public void Serialize_ArgumentOfATypeNoContractKnows_IsWrittenWithoutReflection()
    {
        IReadOnlyDictionary<string, object?> arguments = new Dictionary<string, object?>
        {
            ["point"] = new Point(1, 2),
            ["ids"] = new List<Point> { new(3, 4) },
            ["nested"] = new Dictionary<string, object?> { ["n"] = null, ["flag"] = true },
        };

        Assert.Equal(
            """
            {
              "point": "Point { X = 1, Y = 2 }",
              "ids": [
                "Point { X = 3, Y = 4 }"
              ],
              "nested": {
                "n": null,
                "flag": true
              }
            }
            """,
            JsonOutput.Serialize(arguments));
    }

    private sealed record Point(int X, int Y);
}
