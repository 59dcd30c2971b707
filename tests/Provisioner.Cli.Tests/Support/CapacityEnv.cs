namespace Provisioner.Cli.Tests.Support;

/// <summary>Environments for the capacity tests, which (unlike the rest) run against the real limits of this machine.</summary>
public static class CapacityEnv
{
    /// <summary>Only this test's tenants count, with the given CPU overcommit and reserve: deterministic while others share the engine.</summary>
    public static Dictionary<string, string> Real(double overcommit = 1.0, string reserve = "10%") => new()
    {
        ["PROVISIONER_CAPACITY_SCOPE"] = "registry",
        ["PROVISIONER_CPU_OVERCOMMIT"] = overcommit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["PROVISIONER_CAPACITY_RESERVE"] = reserve,
    };
}
