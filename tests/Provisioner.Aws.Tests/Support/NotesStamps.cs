using Provisioner.Core.Secrets;
using Provisioner.Core.Stamps;

namespace Provisioner.Aws.Tests.Support;

/// <summary>Stamps of the repository's real templates (notes by default).</summary>
internal static class NotesStamps
{
    public static Stamp For(string tenant, string version = "1.1.0", string size = "small", string product = "notes") =>
        StampBuilder.Build(Templates.Get($"{product}@{version}"), tenant, size, 20000);

    public static TenantSecrets Secrets { get; } = new(new Dictionary<string, string> { ["db_password"] = "pw-7f3a9c" });
}
