using Microsoft.Extensions.Logging;
using Provisioner.Aws.Process;
using Provisioner.Aws.Pulumi;
using Provisioner.Core.Backends;

namespace Provisioner.Aws.Backend;

/// <summary>The public way to make the AWS backend (its implementation is internal).</summary>
internal static class AwsBackendFactory
{
    public static ITenantBackend Create(PulumiOptions pulumi, AwsBackendOptions aws, ILoggerFactory loggers) =>
        Create(new SystemProcessRunner(), pulumi, aws, loggers, name => ExecutableLocator.Find(name));

    internal static ITenantBackend Create(IProcessRunner runner, PulumiOptions pulumi, AwsBackendOptions aws, ILoggerFactory loggers, Func<string, string?> locate)
    {
        aws.Validate();
        return new AwsBackend(
            new PulumiDriver(runner, pulumi, loggers.CreateLogger<PulumiDriver>(), locate),
            new EcsTaskRunner(runner, aws, loggers.CreateLogger<EcsTaskRunner>()),
            aws,
            locate,
            loggers.CreateLogger<AwsBackend>());
    }

    /// <summary>
    /// Default pulumi settings under <paramref name="home"/> ($PROVISIONER_HOME): PULUMI_BACKEND_URL if set, else
    /// <c>file://&lt;home&gt;/pulumi/state</c>; the passphrase file <c>&lt;home&gt;/pulumi/passphrase</c>
    /// (PULUMI_CONFIG_PASSPHRASE_FILE wins); each tenant's generated program in <c>&lt;home&gt;/pulumi/program/tenant-&lt;name&gt;</c>.
    /// </summary>
    public static PulumiOptions DefaultPulumiOptions(string home, string? backendUrl = null, string? executable = null)
    {
        var state = Path.Combine(home, "pulumi");
        var url = Environment.GetEnvironmentVariable("PULUMI_BACKEND_URL") is { Length: > 0 } env ? env
            : backendUrl is { Length: > 0 } configured ? configured
            : new Uri(Path.Combine(state, "state") + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/');
        return new PulumiOptions
        {
            Executable = executable ?? "pulumi",
            ProgramDirectory = Path.Combine(state, "program"),
            BackendUrl = url,
            PassphraseFile = Environment.GetEnvironmentVariable("PULUMI_CONFIG_PASSPHRASE_FILE") is { Length: > 0 } file ? file : Path.Combine(state, "passphrase"),
        };
    }
}
