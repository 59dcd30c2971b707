using Provisioner.Cli.Tests.Support;
using Provisioner.Registry;

namespace Provisioner.Cli.Tests.Aws;

/// <summary>The real binary with <c>--backend aws</c> where pulumi is not installed (it cannot be here). Needs no engine.</summary>
public sealed class AwsBackendCliTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("provision-aws-cli-").FullName;
    private readonly string _emptyPath = Directory.CreateTempSubdirectory("provision-no-pulumi-").FullName;

    private ProvisionCli Cli() => new(_home, new Dictionary<string, string> { ["PATH"] = _emptyPath });

    [Fact]
    public async Task Tenant_BackendAwsWithoutPulumi_OneLineErrorWhatToInstall_NoRegistryRow()
    {
        var r = await Cli().RunAsync("tenant", "acme", "--backend", "aws");

        Assert.True(r.ExitCode == 1, r.ToString());
        var line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(
            "Error: the AWS backend needs the Pulumi CLI, and `pulumi` was not found on the PATH (install Pulumi CLI 3.61.0 or newer from https://www.pulumi.com/docs/install/ and put `pulumi` on the PATH; nothing was created)",
            line);
        Assert.Empty(r.Stdout);
        Assert.Empty(await RegistryFactory.CreateSqlite(_home).ListAsync());
        Assert.False(Directory.Exists(Path.Combine(_home, "pulumi")), "no Pulumi state, passphrase or program copy may be created");
    }

    [Fact]
    public async Task Tenant_BackendAwsDryRunWithoutPulumi_SameErrorNothingCreated()
    {
        var r = await Cli().RunAsync("tenant", "acme", "--backend", "aws", "--dry-run");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("needs the Pulumi CLI", r.Stderr);
        Assert.Equal("[]", (await Cli().RunAsync("list", "--json")).Stdout.Trim());
    }

    [Fact]
    public async Task Tenant_UnknownBackend_IsUsageError()
    {
        var r = await Cli().RunAsync("tenant", "acme", "--backend", "gcp");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("gcp", r.Stderr);
    }

    public void Dispose()
    {
        Directory.Delete(_home, recursive: true);
        Directory.Delete(_emptyPath, recursive: true);
    }
}
