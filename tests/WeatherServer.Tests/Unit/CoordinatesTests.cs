using WeatherServer.Tools;

namespace WeatherServer.Tests.Unit;

public sealed class CoordinatesTests
{
    [Theory]
    [InlineData(30.26721234, -97.74309876, "30.2672,-97.7431")]
    [InlineData(40, -105, "40,-105")]
    [InlineData(0.00004, -0.00004, "0,0")]
    [InlineData(61.21805, -149.90028, "61.2181,-149.9003")]
    public void Format_UsesAtMostFourDecimals_InInvariantCulture(double latitude, double longitude, string expected)
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        // The project runs with invariant globalization, so a culture with a decimal comma is built by hand.
        var commaCulture = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.InvariantCulture.Clone();
        commaCulture.NumberFormat.NumberDecimalSeparator = ",";
        Thread.CurrentThread.CurrentCulture = commaCulture;
        try
        {
            Assert.Equal(expected, Coordinates.Format(latitude, longitude));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData(double.NaN, 0, "Latitude must be between -90 and 90 degrees; got NaN.")]
    [InlineData(0, double.PositiveInfinity, "Longitude must be between -180 and 180 degrees; got Infinity.")]
    public void Problem_Explains_WhenCoordinatesAreNotFinite(double latitude, double longitude, string expected) =>
        Assert.StartsWith(expected, Coordinates.Problem(latitude, longitude), StringComparison.Ordinal);

    [Theory]
    [InlineData(90, 180)]
    [InlineData(-90, -180)]
    public void Problem_IsNull_AtTheBoundaries(double latitude, double longitude) =>
        Assert.Null(Coordinates.Problem(latitude, longitude));
}
