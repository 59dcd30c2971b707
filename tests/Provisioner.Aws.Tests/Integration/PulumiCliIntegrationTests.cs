using Microsoft.Extensions.Logging.Abstractions;
using Provisioner.Aws.Backend;
using Provisioner.Aws.Process;
using Provisioner.Aws.Pulumi;
using Provisioner.Aws.Tests.Fakes;
using Provisioner.Aws.Tests.Support;

namespace Provisioner.Aws.Tests.Integration;

/// <summary>
/// Against the real pulumi CLI and a local file backend (no AWS resource is created), except the last, which needs an
/// AWS account. Marked <c>Category=Pulumi</c>: they need no Docker engine, so `make unit` lists them too, as skipped
/// with the reason when pulumi (or AWS credentials) are missing.
/// </summary>
[Trait("Category", "Pulumi")]
public sealed class PulumiCliIntegrationTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("pulumi-it-").FullName;

    private PulumiDriver Driver()
    {
        var options = AwsBackendFactory.DefaultPulumiOptions(_home, new Uri(Path.Combine(_home, "state") + "/").AbsoluteUri);
        Directory.CreateDirectory(Path.Combine(_home, "state"));
        PassphraseFile.Ensure(options.PassphraseFile);
        var folder = ProgramWorkspace.Write(options.ProgramDirectory, StackNames.ForTenant("itest"), GeneratedPrograms.Notes);
        return new PulumiDriver(new SystemProcessRunner(), options, NullLogger.Instance).In(folder);
    }

    [PulumiFact]
    public async Task CheckVersion_RealCli_IsSupported()
    {
        var version = await Driver().CheckVersionAsync(default);

        Assert.True(version >= new Version(3, 61, 0));
    }

    [PulumiFact]
    public async Task StackLifecycle_FileBackend_CreateConfigureOutputsRemove()
    {
        var driver = Driver();
        var stack = StackNames.ForTenant("itest");

        await driver.SelectOrCreateStackAsync(stack, default);
        await driver.SelectOrCreateStackAsync(stack, default); // select again: converges
        await driver.SetConfigAsync(stack, AwsStackConfig.For(NotesStamps.For("itest"), NotesStamps.Secrets, new AwsBackendOptions()), default);
        var outputs = await driver.GetOutputsAsync(stack, default);
        await driver.RemoveStackAsync(stack, default);

        Assert.NotNull(outputs);
        Assert.Empty(outputs.Keys);
        Assert.Null(await driver.GetOutputsAsync(stack, default));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "infra"), "Pulumi.tenant-*.yaml", SearchOption.AllDirectories));
    }

    [PulumiFact(NeedsAwsCredentials = true)]
    public async Task Apply_RealAccount_TenantAnswersOnItsEndpoint()
    {
        var registry = Environment.GetEnvironmentVariable("PROVISIONER_AWS_IMAGE_REGISTRY");
        var backend = AwsBackendFactory.Create(
            AwsBackendFactory.DefaultPulumiOptions(_home), new AwsBackendOptions { ImageRegistry = registry }, NullLoggerFactory.Instance);
        var stamp = NotesStamps.For("itest-aws");
        try
        {
            await backend.PreflightAsync(stamp, default);
            var applied = await backend.ApplyAsync(stamp, NotesStamps.Secrets, new RecordingApplyContext().Context, default);
            using var http = new HttpClient();
            var ready = await http.GetAsync(new Uri(applied.Endpoint!, "/readyz"));
            Assert.Equal(200, (int)ready.StatusCode);
        }
        finally
        {
            await backend.DestroyAsync("itest-aws", deleteData: true, default);
        }
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);
}
