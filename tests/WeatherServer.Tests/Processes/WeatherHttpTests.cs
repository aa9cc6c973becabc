namespace WeatherServer.Tests.Processes;

/// <summary>The xunit collection of tests sharing <see cref="WeatherHttpFixture"/> (one server process for all).</summary>
[CollectionDefinition(Name)]
public sealed class WeatherHttpTests : ICollectionFixture<WeatherHttpFixture>
{
    public const string Name = "weather over HTTP";
}
