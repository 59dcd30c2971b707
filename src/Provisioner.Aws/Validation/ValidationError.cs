namespace Provisioner.Aws.Validation;

/// <summary>One problem in the program: where (line and path, e.g. <c>resources.alb.properties.name</c>) and what.</summary>
public sealed record ValidationError(int Line, string Path, string Message)
{
    public override string ToString() => $"Pulumi.yaml:{Line}: {Path}: {Message}";
}
