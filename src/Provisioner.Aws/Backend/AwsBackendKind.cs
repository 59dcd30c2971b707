using Provisioner.Core.Backends;

namespace Provisioner.Aws.Backend;

/// <summary>The kind recorded for tenants on AWS.</summary>
internal static class AwsBackendKind
{
    public static BackendKind Value { get; } = BackendKind.Of("aws");
}
