using YamlDotNet.RepresentationModel;

namespace Provisioner.Aws.Validation;

/// <summary>What every check reads (program, schema) and where it writes (the error list).</summary>
internal sealed class ValidationContext(PulumiProgram program, AwsSchema schema)
{
    private readonly List<ValidationError> _errors = [];

    public PulumiProgram Program { get; } = program;

    public AwsSchema Schema { get; } = schema;

    public IReadOnlyList<ValidationError> Errors => _errors;

    public void Add(YamlNode node, string path, string message) => _errors.Add(new ValidationError((int)node.Start.Line, path, message));

    /// <summary>The schema of a resource's type, resolving the <c>aws:mod:Type</c> shorthand; null when unknown.</summary>
    public ResourceSchema? ResourceType(ResourceDeclaration resource) => Schema.Resource(resource.Type);

    /// <summary>"resources.alb (aws:lb/loadBalancer:LoadBalancer)", used at the start of each resource's paths.</summary>
    public string Describe(ResourceDeclaration resource) =>
        ResourceType(resource) is { } type ? $"{resource.Path} ({type.Token})" : resource.Path;
}
