using Provisioner.Aws.Backend;

namespace Provisioner.Aws.Program;

/// <summary>Image references ECS pulls: the template's image, prefixed with the configured registry.</summary>
internal static class AwsImages
{
    public static string For(string image, AwsBackendOptions options) =>
        options.ImageRegistry is { Length: > 0 } registry ? $"{registry.TrimEnd('/')}/{image}" : image;
}
