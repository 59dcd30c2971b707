namespace Provisioner.Core.Stamps;

/// <summary>Deterministic resource names: <c>t-acme-db</c>, <c>t-acme-internal</c>, <c>t-acme-db-data</c>.</summary>
internal static class StampNames
{
    public static string Container(string tenant, string component) => $"t-{tenant}-{component}";

    /// <summary>A quiet upgrade's new container of a component, started beside the old one (<c>t-acme-app-next</c>).</summary>
    public const string QuietNext = "-next";

    /// <summary>A quiet upgrade's old container of a component once switched away from (<c>t-acme-app-old</c>).</summary>
    public const string QuietOld = "-old";

    public static string Job(string tenant, string job) => $"t-{tenant}-{job}";

    public static string InternalNetwork(string tenant) => $"t-{tenant}-internal";

    public static string EdgeNetwork(string tenant) => $"t-{tenant}-edge";

    public static string EgressNetwork(string tenant) => $"t-{tenant}-egress";

    public static string Volume(string tenant, string component, string volume) => $"t-{tenant}-{component}-{volume}";
}
