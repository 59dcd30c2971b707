using Microsoft.Extensions.Logging.Abstractions;
using Provisioner.Aws.Pulumi;
using Provisioner.Aws.Tests.Fakes;

namespace Provisioner.Aws.Tests.Support;

/// <summary>A driver over a recording runner, with fixed paths, and pulumi "found" on the PATH.</summary>
internal static class Drivers
{
    public static PulumiOptions Options { get; } = new()
    {
        ProgramDirectory = "/repo/infra/aws",
        BackendUrl = "file:///state/pulumi",
        PassphraseFile = "/state/pulumi/passphrase",
    };

    public static PulumiDriver Create(RecordingProcessRunner runner, bool installed = true) =>
        new(runner, Options, NullLogger.Instance, _ => installed ? "/usr/bin/pulumi" : null);

    public static PulumiDriver Create(RecordingProcessRunner runner, string programDirectory) =>
        new(runner, Options with { ProgramDirectory = programDirectory }, NullLogger.Instance, _ => "/usr/bin/pulumi");
}
