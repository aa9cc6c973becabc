using System.Net;
using WeatherServer.Nws;

namespace WeatherServer.Tests.Unit;

public sealed class NwsProblemExceptionTests
{
    [Fact]
    public void Describe_GivesTitleAndDetail_WhenTheyDiffer()
    {
        var problem = new NwsProblemException(HttpStatusCode.NotFound, "Data Unavailable For Requested Point", "Unable to provide data for requested point 0,0");

        Assert.Equal("Data Unavailable For Requested Point: Unable to provide data for requested point 0,0", problem.Describe());
    }

    [Fact]
    public void Describe_NamesTheRejectedParameter_WhenTheDetailOnlyRepeatsTheTitle()
    {
        var problem = new NwsProblemException(HttpStatusCode.NotFound, "Not Found", "Not Found", ["path.region: Does not have a value in the enumeration"]);

        Assert.Equal("Not Found (path.region: Does not have a value in the enumeration)", problem.Describe());
    }

    [Fact]
    public void Describe_FallsBackToTheStatus_WhenThereIsNoTitle()
    {
        Assert.Equal("HTTP 400", new NwsProblemException(HttpStatusCode.BadRequest, title: null, detail: null).Describe());
    }
}
