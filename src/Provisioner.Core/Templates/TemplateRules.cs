namespace Provisioner.Core.Templates;

/// <summary>What the template language is extended with by the composition root: the data kinds it has adapters for.</summary>
public sealed record TemplateRules(IReadOnlyList<DataKindRules> DataKinds)
{
    public static TemplateRules None { get; } = new([]);

    public DataKindRules? DataKind(string name) => DataKinds.FirstOrDefault(k => k.Name == name);
}
