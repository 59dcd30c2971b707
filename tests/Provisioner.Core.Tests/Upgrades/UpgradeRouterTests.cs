using NuGet.Versioning;
using Provisioner.Core.Backends;
using Provisioner.Core.Errors;
using Provisioner.Core.Tenants;
using Provisioner.Core.Upgrades;

namespace Provisioner.Core.Tests.Upgrades;

/// <summary>
/// A backend that is not configured here (a cluster with no manager set) must not stop upgrades of tenants on the others:
/// a new user without a cluster could not upgrade anything when the plan asked every backend for its steps.
/// </summary>
public sealed class UpgradeRouterTests
{
    private static readonly BackendKind Local = BackendKind.Of("local-test");
    private static readonly BackendKind Cluster = BackendKind.Of("cluster-test");

    [Fact]
    public void Steps_ABackendNotConfigured_IsLeftOutAndTheOthersAnswer()
    {
        var router = new UpgradeRouter(null!, new Dictionary<BackendKind, Func<ITenantUpgrade>>
        {
            [Local] = () => new StepsOnly(Local),
            [Cluster] = () => throw new BadInputException("the cluster backend needs the address of a manager node"),
        });

        var steps = router.Steps(new UpgradeSettings { BackupRoot = "/nowhere" });

        Assert.Equal([Local], steps.Keys);
    }

    [Fact]
    public void Steps_AnotherFailure_IsNotHidden()
    {
        var router = new UpgradeRouter(null!, new Dictionary<BackendKind, Func<ITenantUpgrade>>
        {
            [Local] = () => new StepsOnly(Local),
            [Cluster] = () => throw new InvalidOperationException("a bug"),
        });

        Assert.Throws<InvalidOperationException>(() => router.Steps(new UpgradeSettings { BackupRoot = "/nowhere" }));
    }

    private sealed class StepsOnly(BackendKind kind) : ITenantUpgrade
    {
        public IReadOnlyDictionary<BackendKind, IReadOnlyList<string>> Steps(UpgradeSettings settings) =>
            new Dictionary<BackendKind, IReadOnlyList<string>> { [kind] = ["backup", "replace"] };

        public Task<TenantUpgradeResult> UpgradeAsync(string name, NuGetVersion to, UpgradeSettings settings, string? fleetTag, IProgress<string>? progress, CancellationToken ct) =>
            throw new NotSupportedException();

        public Task<TenantRecord> RecoverAsync(string name, bool retryNeedsAttention, IProgress<string>? progress, CancellationToken ct) =>
            throw new NotSupportedException();
    }
}
