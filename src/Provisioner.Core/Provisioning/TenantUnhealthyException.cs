using Provisioner.Core.Errors;

namespace Provisioner.Core.Provisioning;

/// <summary>The tenant was applied but did not pass its health gate; carries the full result for rendering.</summary>
public sealed class TenantUnhealthyException(ProvisionResult result)
    : ProvisionerException(
        $"tenant {result.Tenant.Name} is not healthy: {result.Health?.Failure ?? "health gate failed"}",
        ExitCodes.Unhealthy,
        $"see `provision status {result.Tenant.Name}`; fix the cause and rerun `provision tenant {result.Tenant.Name}` (it converges)")
{
    public ProvisionResult Result { get; } = result;
}
