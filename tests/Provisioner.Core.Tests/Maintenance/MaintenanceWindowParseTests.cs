using Provisioner.Core.Errors;
using Provisioner.Core.Maintenance;

namespace Provisioner.Core.Tests.Maintenance;

public sealed class MaintenanceWindowParseTests
{
    [Theory]
    [InlineData("Sun 02:00-04:00 UTC", "Sun 02:00-04:00 UTC")]
    [InlineData("sunday 2:00-4:00 utc", "Sun 02:00-04:00 UTC")]
    [InlineData("Mon-Fri 22:00-02:00 UTC", "Mon-Fri 22:00-02:00 UTC")]
    [InlineData("Sat,Sun 01:00-05:00 UTC", "Sat,Sun 01:00-05:00 UTC")]
    [InlineData("Fri-Mon 01:00-05:00 UTC", "Mon,Fri-Sun 01:00-05:00 UTC")]
    [InlineData("Mon,Wed,Thu,Fri 01:00-05:00 UTC", "Mon,Wed-Fri 01:00-05:00 UTC")]
    [InlineData("daily 03:00-04:00 UTC", "daily 03:00-04:00 UTC")]
    [InlineData("Mon-Sun 03:00-04:00 UTC", "daily 03:00-04:00 UTC")]
    [InlineData("Sun 00:00-24:00 UTC", "Sun 00:00-24:00 UTC")]
    [InlineData("  Tue   10:30-11:00   UTC ", "Tue 10:30-11:00 UTC")]
    public void Parse_AcceptedForms_AreWrittenBackCanonically(string text, string canonical)
    {
        Assert.Equal(canonical, MaintenanceWindow.Parse(text).Text);
    }

    [Fact]
    public void Parse_IanaZone_IsKeptByNameWhenTheMachineKnowsIt()
    {
        const string text = "Mon-Fri 22:00-02:00 Europe/Berlin";
        if (TestZones.Has("Europe/Berlin"))
        {
            Assert.Equal(text, MaintenanceWindow.Parse(text).Text);
        }
        else
        {
            Assert.Contains("is not known on this machine", Assert.Throws<BadInputException>(() => MaintenanceWindow.Parse(text)).Message);
        }
    }

    [Theory]
    [InlineData("Sun 02:00-04:00", "no time zone")]
    [InlineData("02:00-04:00 UTC", "no time zone")]
    [InlineData("Someday 02:00-04:00 UTC", "'Someday' is not a day")]
    [InlineData("Su 02:00-04:00 UTC", "'Su' is not a day")]
    [InlineData("Sun 2-4 UTC", "'2-4' is not a time range")]
    [InlineData("Sun 25:00-04:00 UTC", "'25:00-04:00' is not a time range")]
    [InlineData("Sun 24:00-04:00 UTC", "'24:00-04:00' is not a time range")]
    [InlineData("Sun 02:00-02:00 UTC", "is empty")]
    [InlineData("Sun 02:00-04:00 UTC extra", "not three parts")]
    [InlineData("", "not three parts")]
    public void Parse_Malformed_IsBadInputSayingTheForm(string text, string why)
    {
        var e = Assert.Throws<BadInputException>(() => MaintenanceWindow.Parse(text));

        Assert.Contains(why, e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.StartsWith("expected DAYS HH:MM-HH:MM ZONE", e.Hint);
    }

    [Fact]
    public void Parse_UnknownZone_IsBadInputNamingIt()
    {
        var e = Assert.Throws<BadInputException>(() => MaintenanceWindow.Parse("Sun 02:00-04:00 Mars/Olympus"));

        Assert.Contains("time zone 'Mars/Olympus' is not known on this machine", e.Message);
    }
}
