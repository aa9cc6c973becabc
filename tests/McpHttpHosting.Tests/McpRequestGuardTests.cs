using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace McpHttpHosting.Tests;

public sealed class McpRequestGuardTests
{
    private static McpRequestGuard Guard(Action<McpHttpOptions>? configure = null)
    {
        var options = new McpHttpOptions();
        configure?.Invoke(options);
        return new McpRequestGuard(Options.Create(options), NullLogger<McpRequestGuard>.Instance);
    }

    [Theory]
    [InlineData("localhost:5071")]
    [InlineData("127.0.0.1:5071")]
    [InlineData("[::1]:5071")]
    [InlineData("LOCALHOST")]
    public void IsAllowedHost_AcceptsLoopback(string host) => Assert.True(Guard().IsAllowedHost(HostString.FromUriComponent(host)));

    [Theory]
    [InlineData("evil.example.com")]
    [InlineData("192.168.1.10:5071")]
    [InlineData("localhost.evil.example.com")]
    [InlineData("")]
    public void IsAllowedHost_RefusesOthers_ByDefault(string host) => Assert.False(Guard().IsAllowedHost(HostString.FromUriComponent(host)));

    [Theory]
    [InlineData("weather.example.com")]
    [InlineData("weather.example.com:443")]
    public void IsAllowedHost_AcceptsConfiguredHosts_WithOrWithoutPort(string host) =>
        Assert.True(Guard(o => o.AllowedHosts.Add("weather.example.com")).IsAllowedHost(HostString.FromUriComponent(host)));

    [Theory]
    [InlineData("http://localhost:6274", true)]
    [InlineData("http://127.0.0.1", true)]
    [InlineData("https://evil.example.com", false)]
    [InlineData("null", false)]
    public void IsAllowedOrigin_AcceptsOnlyLoopback_ByDefault(string origin, bool expected) =>
        Assert.Equal(expected, Guard().IsAllowedOrigin(origin));

    [Fact]
    public void IsAllowedOrigin_AcceptsConfiguredOrigins() =>
        Assert.True(Guard(o => o.AllowedOrigins.Add("https://app.example.com/")).IsAllowedOrigin("https://app.example.com"));

    [Fact]
    public async Task TryAdmit_Refuses401WithChallenge_WhenTheTokenIsMissing()
    {
        var context = new DefaultHttpContext();
        context.Request.Host = new HostString("127.0.0.1", 5071);
        context.Response.Body = new MemoryStream();
        using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        context.RequestServices = services;

        var admitted = await Guard(o => o.AuthToken = "t0ken").TryAdmitAsync(context);

        Assert.False(admitted);
        Assert.Equal(StatusCodes.Status401Unauthorized, context.Response.StatusCode);
        Assert.Equal("Bearer", context.Response.Headers.WWWAuthenticate.ToString());
    }

    [Fact]
    public async Task TryAdmit_Admits_WithTheRightToken()
    {
        var context = new DefaultHttpContext();
        context.Request.Host = new HostString("localhost");
        context.Request.Headers.Authorization = "Bearer t0ken";

        Assert.True(await Guard(o => o.AuthToken = "t0ken").TryAdmitAsync(context));
    }
}
