using Provisioner.Aws.Pulumi;
using Provisioner.Aws.Tests.Fakes;
using Provisioner.Aws.Tests.Support;

namespace Provisioner.Aws.Tests.Pulumi;

public sealed class PulumiDriverArgumentTests
{
    private readonly RecordingProcessRunner _runner = new();

    [Fact]
    public async Task SelectOrCreateStack_PassesCreateAndPassphraseProvider_WithGlobalFlags()
    {
        await Drivers.Create(_runner).SelectOrCreateStackAsync("tenant-acme", default);

        var call = Assert.Single(_runner.Calls);
        Assert.Equal("pulumi", call.FileName);
        Assert.Equal(
            ["stack", "select", "--stack", "tenant-acme", "--create", "--secrets-provider", "passphrase", "--non-interactive", "--cwd", "/repo/infra/aws"],
            call.Arguments);
        Assert.Null(call.WorkingDirectory); // the program folder does not exist here: the process starts in the current folder
    }

    [Fact]
    public async Task AnyCall_ProgramFolderExists_RunsInIt()
    {
        var folder = Directory.CreateTempSubdirectory("pulumi-program-").FullName;
        try
        {
            await Drivers.Create(_runner, folder).RefreshAsync("tenant-acme", default);

            Assert.Equal(folder, Assert.Single(_runner.Calls).WorkingDirectory);
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    [Fact]
    public async Task AnyCall_SetsBackendPassphraseFileAndSkipsUpdateCheck()
    {
        await Drivers.Create(_runner).RefreshAsync("tenant-acme", default);

        var env = Assert.Single(_runner.Calls).Environment;
        Assert.Equal("file:///state/pulumi", env["PULUMI_BACKEND_URL"]);
        Assert.Equal("/state/pulumi/passphrase", env["PULUMI_CONFIG_PASSPHRASE_FILE"]);
        Assert.Equal("true", env["PULUMI_SKIP_UPDATE_CHECK"]);
        Assert.False(env.ContainsKey("PULUMI_CONFIG_PASSPHRASE"));
    }

    [Fact]
    public async Task SetConfig_PlaintextAndSecretPairs_InOneSetAllCall()
    {
        await Drivers.Create(_runner).SetConfigAsync(
            "tenant-acme", [new ConfigEntry("tenant", "acme"), new ConfigEntry("aws:region", "eu-west-1"), new ConfigEntry("dbPassword", "s3cr3t!", Secret: true)], default);

        Assert.Equal(2, _runner.Calls.Count);
        Assert.Equal(
            ["config", "set-all", "--stack", "tenant-acme", "--plaintext", "tenant=acme", "--plaintext", "aws:region=eu-west-1",
             "--non-interactive", "--cwd", "/repo/infra/aws"],
            _runner.Calls[0].Arguments);
        Assert.Equal(["config", "set", "--secret", "--stack", "tenant-acme", "dbPassword", "--non-interactive", "--cwd", "/repo/infra/aws"], _runner.Calls[1].Arguments);
        Assert.Equal("s3cr3t!", _runner.Calls[1].StandardInput);

        // The secret is in no process's arguments (readable by anyone in /proc/PID/cmdline), only on a standard input.
        Assert.All(_runner.Calls, call => Assert.DoesNotContain(call.Arguments, a => a.Contains("s3cr3t!", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Up_YesSkipPreviewJson()
    {
        await Drivers.Create(_runner).UpAsync("tenant-acme", null, default);

        Assert.Equal(["up --yes --skip-preview --json --stack tenant-acme"], _runner.Commands);
    }

    [Fact]
    public async Task Outputs_JsonShowSecrets()
    {
        _runner.On("stack output", stdout: "{}");

        await Drivers.Create(_runner).GetOutputsAsync("tenant-acme", default);

        Assert.Equal(["stack output --json --show-secrets --stack tenant-acme"], _runner.Commands);
    }

    [Fact]
    public async Task Refresh_Destroy_RemoveStack_ExactArguments()
    {
        var driver = Drivers.Create(_runner);

        await driver.RefreshAsync("tenant-acme", default);
        await driver.DestroyAsync("tenant-acme", null, default);
        await driver.RemoveStackAsync("tenant-acme", default);

        Assert.Equal(
            ["refresh --yes --skip-preview --stack tenant-acme", "destroy --yes --skip-preview --json --stack tenant-acme", "stack rm --yes --stack tenant-acme"],
            _runner.Commands);
        Assert.All(_runner.Calls, c => Assert.Equal(["--non-interactive", "--cwd", "/repo/infra/aws"], c.Arguments.TakeLast(3)));
    }

    [Fact]
    public void StackName_IsTenantPrefixed()
    {
        Assert.Equal("tenant-acme", StackNames.ForTenant("acme"));
    }
}
