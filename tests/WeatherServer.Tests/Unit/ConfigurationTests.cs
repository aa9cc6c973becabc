using WeatherServer.Hosting;
using WeatherServer.Nws;

namespace WeatherServer.Tests.Unit;

public sealed class ConfigurationTests
{
    [Fact]
    public void NwsOptions_HaveTheDocumentedDefaults_WhenNothingIsSet()
    {
        var options = NwsOptions.FromEnvironment(_ => null);

        Assert.Equal("https://api.weather.gov/", options.BaseUrl.ToString());
        Assert.StartsWith("SkMcpAgent-WeatherServer/", options.UserAgent, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Timeout);
    }

    [Fact]
    public void NwsOptions_ReadTheEnvironment()
    {
        var env = new Dictionary<string, string> { ["NWS_BASE_URL"] = "http://127.0.0.1:9/", ["NWS_USER_AGENT"] = "me", ["NWS_TIMEOUT_SECONDS"] = "2.5" };

        var options = NwsOptions.FromEnvironment(env.GetValueOrDefault);

        Assert.Equal("http://127.0.0.1:9/", options.BaseUrl.ToString());
        Assert.Equal("me", options.UserAgent);
        Assert.Equal(TimeSpan.FromSeconds(2.5), options.Timeout);
    }

    [Theory]
    [InlineData("NWS_BASE_URL", "not a url", "NWS_BASE_URL 'not a url' is not an absolute URL.")]
    [InlineData("NWS_TIMEOUT_SECONDS", "-1", "NWS_TIMEOUT_SECONDS '-1' is not a positive number of seconds.")]
    public void NwsOptions_ExplainBadValues(string name, string value, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => NwsOptions.FromEnvironment(n => n == name ? value : null));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void ServerArguments_DefaultToStdio()
    {
        var parsed = ServerArguments.Parse([]);

        Assert.False(parsed.Http);
        Assert.Equal("http://127.0.0.1:5071", parsed.Urls);
    }

    [Theory]
    [InlineData("--http", "--urls", "http://127.0.0.1:1234")]
    [InlineData("--urls=http://127.0.0.1:1234", "--http")]
    public void ServerArguments_ReadHttpAndUrls(params string[] args)
    {
        var parsed = ServerArguments.Parse(args);

        Assert.True(parsed.Http);
        Assert.Equal("http://127.0.0.1:1234", parsed.Urls);
    }

    [Theory]
    [InlineData("Unknown argument '--bogus'.", "--bogus")]
    [InlineData("--urls only applies with --http.", "--urls", "http://x")]
    [InlineData("--stateless only applies with --http.", "--stateless")]
    public void ServerArguments_ExplainMistakes(string expected, params string[] args) =>
        Assert.Equal(expected, Assert.Throws<ArgumentException>(() => ServerArguments.Parse(args)).Message);

    [Fact]
    public void ServerArguments_ReadStateless()
    {
        Assert.True(ServerArguments.Parse(["--http", "--stateless"]).Stateless);
        Assert.False(ServerArguments.Parse(["--http"]).Stateless);
    }

    [Fact]
    public void ServerArguments_TakeUrlsAndStatelessFromTheEnvironment_ForContainers()
    {
        var env = new Dictionary<string, string> { ["MCP_HTTP_URLS"] = "http://0.0.0.0:8080", ["MCP_STATELESS"] = "true" };

        var parsed = ServerArguments.Parse(["--http"], env.GetValueOrDefault);

        Assert.Equal("http://0.0.0.0:8080", parsed.Urls);
        Assert.True(parsed.Stateless);
    }

    [Fact]
    public void ServerArguments_PreferTheCommandLine_OverTheEnvironment()
    {
        var env = new Dictionary<string, string> { ["MCP_HTTP_URLS"] = "http://0.0.0.0:8080" };

        Assert.Equal("http://127.0.0.1:1", ServerArguments.Parse(["--http", "--urls", "http://127.0.0.1:1"], env.GetValueOrDefault).Urls);
    }

    [Fact]
    public void ServerArguments_ExplainABadStatelessValue()
    {
        var error = Assert.Throws<ArgumentException>(() => ServerArguments.Parse(["--http"], n => n == "MCP_STATELESS" ? "maybe" : null));

        Assert.Equal("MCP_STATELESS 'maybe' is not true or false.", error.Message);
    }

    [Fact]
    public void HttpOptions_ReadAllowListsTokenAndLimits()
    {
        var env = new Dictionary<string, string>
        {
            ["MCP_AUTH_TOKEN"] = "s3cret",
            ["MCP_ALLOWED_HOSTS"] = "weather.example.com, 10.0.0.5",
            ["MCP_ALLOWED_ORIGINS"] = "https://app.example.com",
            ["MCP_MAX_SESSIONS"] = "16",
            ["MCP_SESSION_IDLE_TIMEOUT_SECONDS"] = "60",
        };

        var options = HttpHost.ReadHttpOptions(env.GetValueOrDefault);

        Assert.Equal("s3cret", options.AuthToken);
        Assert.Equal(["weather.example.com", "10.0.0.5"], options.AllowedHosts);
        Assert.Equal(["https://app.example.com"], options.AllowedOrigins);
        Assert.Equal(16, options.MaxSessions);
        Assert.Equal(TimeSpan.FromMinutes(1), options.IdleTimeout);
    }
}
