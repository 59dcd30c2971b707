using Provisioner.Core.Tenants;

namespace Provisioner.Registry.Tests.Support;

/// <summary>Tenant records for registry tests.</summary>
public static class Tenants
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);

    public static TenantRecord Of(string name, string size = "small", string host = "local", string status = TenantStatus.Provisioning) =>
        new(name, "notes", "1.1.0", size, Core.Backends.BackendKind.Of("docker"), host, status, null, null, [1, 2, 3], null, T0, T0.AddSeconds(1.2345678));
}
