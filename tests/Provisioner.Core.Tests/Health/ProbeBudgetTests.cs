using Provisioner.Core.Health;
using Provisioner.Core.Templates;

namespace Provisioner.Core.Tests.Health;

public sealed class ProbeBudgetTests
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    [Fact]
    public void Journey_GetsTheTimeoutPerRequestPlusEveryWithinItsUntilStepsDeclare()
    {
        var template = JourneyParserFixture.ParseTemplate("""
            - post: /api/items
              json: { title: "probe" }
              expect: 201
              capture: { id: $.id }
            - get: /api/items/${id}
              until: { $.state: processed }
              within: 20s
              expect: 200
            - delete: /api/items/${id}
              expect: 204
            """);

        var budget = ProbeBudget.For(new JourneyCheckSpec("app", "notes-roundtrip"), template, ProbeTimeout);

        Assert.Equal(TimeSpan.FromSeconds((3 * 5) + 20), budget);
    }

    [Fact]
    public void PlainCheck_GetsTheProbeTimeout()
    {
        var template = JourneyParserFixture.ParseTemplate("""
            - get: /healthz
              expect: 200
            """);

        Assert.Equal(ProbeTimeout, ProbeBudget.For(new TcpCheckSpec("app", 8080), template, ProbeTimeout));
    }
}
