using Provisioner.Core.Secrets;

namespace Provisioner.Core.Tests.Secrets;

public class TenantSecretsTests
{
    [Fact]
    public void WithGenerated_FillsOnlyMissing_AndRoundTrips()
    {
        var first = TenantSecrets.Empty.WithGenerated(["db_password"]);
        var again = TenantSecrets.Deserialize(first.Serialize()).WithGenerated(["db_password", "api_key"]);

        Assert.Equal(first["db_password"], again["db_password"]);
        Assert.Equal(32, again["api_key"].Length);
        Assert.NotEqual(again["db_password"], again["api_key"]);
    }

    [Fact]
    public void ToString_ShowsNamesNeverValues()
    {
        var s = TenantSecrets.Empty.WithGenerated(["db_password"]);

        Assert.DoesNotContain(s["db_password"], s.ToString());
    }

    [Fact]
    public void New_IsRandom() => Assert.Equal(100, Enumerable.Range(0, 100).Select(_ => SecretGenerator.New()).Distinct().Count());
}
