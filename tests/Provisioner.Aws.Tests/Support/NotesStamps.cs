using Provisioner.Core.Secrets;
using Provisioner.Core.Stamps;
using Provisioner.Core.Templates;

namespace Provisioner.Aws.Tests.Support;

/// <summary>Stamps of the repository's real notes templates.</summary>
internal static class NotesStamps
{
    private static readonly DirectoryTemplateCatalog Catalog = new(RepoPaths.Templates, new HashSet<string> { "notes-roundtrip" });

    public static Stamp For(string tenant, string version = "1.1.0", string size = "small") =>
        StampBuilder.Build(Catalog.Resolve(TemplateRef.Parse($"notes@{version}")), tenant, size, 20000);

    public static TenantSecrets Secrets { get; } = new(new Dictionary<string, string> { ["db_password"] = "pw-7f3a9c" });
}
