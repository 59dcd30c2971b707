using Provisioner.Core.Errors;
using Provisioner.Core.Templates;

namespace Provisioner.Core.Tests.Templates;

public sealed class DirectoryTemplateCatalogTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("catalog-").FullName;

    public DirectoryTemplateCatalogTests()
    {
        Write("1.0.0", TestTemplates.Notes.Replace("1.1.0", "1.0.0"));
        Write("1.1.0", TestTemplates.Notes);
        Write("1.2.0", "product: notes\nversion: [");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void List_MixOfValidAndBroken_ListsAllWithProblems()
    {
        var entries = new DirectoryTemplateCatalog(_root, TestTemplates.Rules).List();

        Assert.Equal(["1.0.0", "1.1.0", "1.2.0"], entries.Select(e => e.Version.ToNormalizedString()));
        Assert.False(entries[2].IsValid);
        Assert.NotEmpty(entries[2].Errors);
    }

    [Fact]
    public void Resolve_UnknownVersion_ListsAvailableVersions()
    {
        var e = Assert.Throws<BadInputException>(() => new DirectoryTemplateCatalog(_root, TestTemplates.Rules).Resolve(TemplateRef.Parse("notes@9.9.9")));

        Assert.Contains("1.0.0, 1.1.0, 1.2.0", e.Hint);
    }

    [Fact]
    public void Resolve_NoVersion_PicksNewestValid() =>
        Assert.Equal("1.1.0", new DirectoryTemplateCatalog(_root, TestTemplates.Rules).Resolve(TemplateRef.Parse("notes")).Version.ToNormalizedString());

    [Fact]
    public void Resolve_BrokenVersion_ThrowsWithItsProblems() =>
        Assert.Throws<TemplateInvalidException>(() => new DirectoryTemplateCatalog(_root, TestTemplates.Rules).Resolve(TemplateRef.Parse("notes@1.2.0")));

    private void Write(string version, string yaml)
    {
        var dir = Path.Combine(_root, "notes", version);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "template.yaml"), yaml);
    }
}
