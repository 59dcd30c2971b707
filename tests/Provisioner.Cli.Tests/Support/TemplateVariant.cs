namespace Provisioner.Cli.Tests.Support;

/// <summary>A temporary templates folder holding notes@1.1.0 with one text replacement applied; deleted on dispose.</summary>
public sealed class TemplateVariant : IDisposable
{
    public TemplateVariant(string find, string replace)
    {
        Root = Directory.CreateTempSubdirectory("template-variant-").FullName;
        var dir = Directory.CreateDirectory(Path.Combine(Root, "notes", "1.1.0")).FullName;
        var original = File.ReadAllText(Path.Combine(RepoPaths.Templates, "notes", "1.1.0", "template.yaml"));
        Assert.Contains(find, original);
        File.WriteAllText(Path.Combine(dir, "template.yaml"), original.Replace(find, replace));
    }

    public string Root { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
