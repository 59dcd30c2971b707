using Provisioner.Aws.Pulumi.Errors;
using Provisioner.Aws.Tests.Fakes;
using Provisioner.Aws.Tests.Support;
using Provisioner.Core.Errors;

namespace Provisioner.Aws.Tests.Pulumi;

public sealed class PulumiDriverErrorTests
{
    [Fact]
    public async Task Up_StackLocked_ThrowsLockedWithHolderAndExitCode3()
    {
        var runner = new RecordingProcessRunner().On("up", 255, stderr: """
            error: the stack is currently locked by 1 lock(s). Either wait for the other process(es) to end or delete the lock file with `pulumi cancel`.
              file:///state/pulumi/.pulumi/locks/organization/provision-tenant/tenant-acme/4f1c.json: created by ops@build-7 (pid 4242) at 2026-11-22T01:02:03Z
            """);

        var e = await Assert.ThrowsAsync<StackLockedException>(() => Drivers.Create(runner).UpAsync("tenant-acme", null, default));

        Assert.Equal(ExitCodes.Locked, e.ExitCode);
        Assert.Equal("ops@build-7 (pid 4242) at 2026-11-22T01:02:03Z", e.Holder);
        Assert.Equal("stack tenant-acme is locked by ops@build-7 (pid 4242) at 2026-11-22T01:02:03Z", e.Message);
        Assert.Contains("pulumi cancel --yes --stack tenant-acme", e.Hint);
    }

    [Fact]
    public async Task Refresh_StackNotFound_ThrowsNotFound()
    {
        var runner = new RecordingProcessRunner().On("refresh", 255, stderr: "error: no stack named 'tenant-acme' found\n");

        var e = await Assert.ThrowsAsync<StackNotFoundException>(() => Drivers.Create(runner).RefreshAsync("tenant-acme", default));

        Assert.Equal("tenant-acme", e.Stack);
    }

    [Fact]
    public async Task Up_ConflictFromService_ThrowsConcurrentUpdateWithExitCode3()
    {
        var runner = new RecordingProcessRunner().On("up", 255, stderr: "error: [409] Conflict: Another update is currently in progress.\nTo learn more about possible reasons and resolution, visit https://www.pulumi.com/docs/support/troubleshooting/common-issues/update-conflicts/\n");

        var e = await Assert.ThrowsAsync<ConcurrentUpdateException>(() => Drivers.Create(runner).UpAsync("tenant-acme", null, default));

        Assert.Equal(ExitCodes.Locked, e.ExitCode);
    }

    [Fact]
    public async Task SetConfig_PassphraseMissing_ThrowsPassphraseErrorNamingTheFile()
    {
        var runner = new RecordingProcessRunner().On("config", 255, stderr: "error: passphrase must be set with PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE environment variables\n");

        var e = await Assert.ThrowsAsync<PassphraseException>(
            () => Drivers.Create(runner).SetConfigAsync("tenant-acme", [new("dbPassword", "pw-value", true)], default));

        Assert.Equal("the Pulumi passphrase is missing", e.Message);
        Assert.Contains("/state/pulumi/passphrase", e.Hint);
    }

    [Fact]
    public async Task Up_WrongPassphrase_ThrowsPassphraseError()
    {
        var runner = new RecordingProcessRunner().On("up", 255, stderr: "error: failed to decrypt: incorrect passphrase, please set PULUMI_CONFIG_PASSPHRASE to the correct passphrase\n");

        var e = await Assert.ThrowsAsync<PassphraseException>(() => Drivers.Create(runner).UpAsync("tenant-acme", null, default));

        Assert.Contains("does not decrypt stack tenant-acme", e.Message);
    }

    [Fact]
    public async Task Up_ResourceError_ReportsDiagnosticsFromEventStream()
    {
        var runner = new RecordingProcessRunner().On(
            "up", 255,
            stdout: """{"sequence":7,"diagnosticEvent":{"urn":"urn:x::db","message":"creating RDS DB Instance (t-acme-db): InvalidParameterCombination","severity":"error"}}""",
            stderr: "");

        var e = await Assert.ThrowsAsync<PulumiException>(() => Drivers.Create(runner).UpAsync("tenant-acme", null, default));

        Assert.Contains("failed with exit code 255", e.Message);
        Assert.Contains("InvalidParameterCombination", e.Message);
    }

    [Fact]
    public async Task SetConfig_UnknownError_NeverShowsSecretValue()
    {
        var runner = new RecordingProcessRunner().On("config", 1, stderr: "error: something about dbPassword=pw-value-123\n");

        var e = await Assert.ThrowsAsync<PulumiException>(
            () => Drivers.Create(runner).SetConfigAsync("tenant-acme", [new("dbPassword", "pw-value-123", true)], default));

        Assert.DoesNotContain("pw-value-123", e.Message + e.Stderr);
    }

    [Fact]
    public async Task CheckVersion_NotOnPath_ThrowsNotInstalledWithoutRunningAnything()
    {
        var runner = new RecordingProcessRunner();

        var e = await Assert.ThrowsAsync<PulumiNotInstalledException>(() => Drivers.Create(runner, installed: false).CheckVersionAsync(default));

        Assert.Empty(runner.Calls);
        Assert.Contains("install Pulumi CLI 3.61.0 or newer", e.Hint);
    }

    [Fact]
    public async Task CheckVersion_TooOld_ThrowsVersionError()
    {
        var runner = new RecordingProcessRunner().On("version", stdout: "v3.40.2\n");

        var e = await Assert.ThrowsAsync<PulumiVersionException>(() => Drivers.Create(runner).CheckVersionAsync(default));

        Assert.Contains("'v3.40.2'", e.Message);
    }
}
