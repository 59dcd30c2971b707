using Provisioner.Core.Lifecycle;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Tests.Lifecycle;

/// <summary>Which tenants <c>provision expire</c> takes: only those with an expiry at or before now; and how --ttl and --expires parse.</summary>
public sealed class ExpirySelectionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Expired_MixOfTenants_OnlyThosePastTheirExpiryOldestFirst()
    {
        TenantRecord[] tenants =
        [
            Tenant("no-expiry", null), Tenant("later", Now.AddSeconds(1)), Tenant("just-now", Now), Tenant("long-ago", Now.AddDays(-3)),
        ];

        var expired = ExpirySelection.Expired(tenants, Now);

        Assert.Equal(["long-ago", "just-now"], expired.Select(t => t.Name));
    }

    [Theory]
    [InlineData("4h", 4 * 60)]
    [InlineData("90m", 90)]
    [InlineData("30d", 30 * 24 * 60)]
    [InlineData("2w", 14 * 24 * 60)]
    [InlineData("1.5h", 90)]
    public void Parse_DurationWithUnit_Minutes(string text, int minutes) => Assert.Equal(TimeSpan.FromMinutes(minutes), LifeSpan.Parse(text, "--ttl"));

    [Theory]
    [InlineData("")]
    [InlineData("4")]
    [InlineData("0h")]
    [InlineData("-1d")]
    [InlineData("4y")]
    [InlineData("soon")]
    public void Parse_NotADuration_BadInputNamingTheOption(string text) =>
        Assert.Contains("--ttl", Assert.Throws<Errors.BadInputException>(() => LifeSpan.Parse(text, "--ttl")).Message);

    private static TenantRecord Tenant(string name, DateTimeOffset? expires) =>
        new(name, "notes", "1.0.0", "small", Backends.BackendKind.Of("memory"), "host", TenantStatus.Active, null, null, [], null, Now, Now) { ExpiresAt = expires };
}
