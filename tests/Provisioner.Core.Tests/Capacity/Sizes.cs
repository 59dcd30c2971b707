using Provisioner.Core.Capacity;
using Provisioner.Core.Templates;

namespace Provisioner.Core.Tests.Capacity;

/// <summary>The notes test template's sizes as reservations, and hosts to put them on.</summary>
internal static class Sizes
{
    public const long Gi = 1L << 30;

    public static ProductTemplate Template { get; } = TestTemplates.ParseNotes();

    public static Resources Small => Fit.Demand(Template.Sizes["small"]);

    public static Resources Large => Fit.Demand(Template.Sizes["large"]);

    public static HostFacts Host(string name = "local", double cpus = 2, long memoryGi = 24, long? diskGi = 100) =>
        new(name, cpus, memoryGi * Gi, diskGi * Gi);

    public static TenantReservation Tenant(string name, Resources reserved, string host = "local") => new(name, host, null, reserved);
}
