using System.Text.Json;
using Provisioner.Core.Tenants;
using Provisioner.Core.Upgrades;

namespace Provisioner.Core.Tests.Upgrades;

public sealed class FleetRunChainTests
{
    private static readonly FleetRequest Request = new() { To = "1.1.0", All = true };

    private static OperationRecord Run(long id, string status, long? resumes = null) =>
        new(id, UpgradeJournalNames.FleetTenant, UpgradeJournalNames.FleetOperation, status, JsonSerializer.Serialize(Request with { Resumes = resumes }),
            1, DateTimeOffset.UnixEpoch, null, null, []);

    [Fact]
    public void Of_ResumeOfAResume_FollowsTheLinksBack()
    {
        var (request, dead) = FleetRunChain.Of([Run(9, JournalStatus.Interrupted, resumes: 5), Run(5, JournalStatus.Interrupted, resumes: 2), Run(2, JournalStatus.Interrupted)]);

        Assert.Equal([9L, 5L, 2L], dead);
        Assert.Equal((Request.To, Request.All, (long?)null), (request!.To, request.All, request.Resumes));  // the link itself is not continued
    }

    [Fact]
    public void Of_JournaledRequestWithoutLaterSettings_ReadsTheirDefaults()
    {
        // A run journaled before a setting existed: the settings it does not name keep their defaults when it is resumed.
        var old = new OperationRecord(3, UpgradeJournalNames.FleetTenant, UpgradeJournalNames.FleetOperation, JournalStatus.Interrupted,
            """{"To":"1.1.0","All":true}""", 1, DateTimeOffset.UnixEpoch, null, null, []);

        var (request, _) = FleetRunChain.Of([old]);

        var defaults = new FleetRequest { To = "1.1.0", All = true };
        Assert.Equal(JsonSerializer.Serialize(defaults), JsonSerializer.Serialize(request));
    }

    [Fact]
    public void Of_FreshRunWithTheSameRequest_IsNotPartOfTheChain()
    {
        // 7 was started anew (no --resume) after 4 died: 4's failures are not 7's.
        var (_, dead) = FleetRunChain.Of([Run(7, JournalStatus.Interrupted), Run(4, JournalStatus.Interrupted)]);

        Assert.Equal([7L], dead);
    }

    [Fact]
    public void Of_NewestRunFinished_NothingToResume()
    {
        var (request, dead) = FleetRunChain.Of([Run(8, JournalStatus.Failed, resumes: 3), Run(3, JournalStatus.Interrupted)]);

        Assert.Null(request);
        Assert.Empty(dead);
    }
}
