using System.Net;
using SkMcpAgent.Testing;

namespace McpHttpHosting.Tests;

public sealed class HealthTests() : HostedServerTest(o => o.AuthToken = "secret")
{
    [Theory]
    [InlineData("/healthz", "ok\n")]
    [InlineData("/readyz", "ready\n")]
    public async Task Probe_Answers200_ToAKubeletCallingByPodIp_WithoutToken(string path, string expected)
    {
        // A kubelet sends the pod's IP as Host and no token: the probes must not sit behind the guard.
        using var request = new HttpRequestMessage(HttpMethod.Get, Host.BaseUrl + path);
        request.Headers.Host = "10.1.2.3:8080";

        using var response = await Http.SendAsync(request, TestTimeouts.DefaultToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Mcp_StaysBehindTheGuard()
    {
        using var response = await Http.PostAsync(Host.McpUrl, new StringContent("{}"), TestTimeouts.DefaultToken());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
