namespace Provisioner.Aws.Validation;

/// <summary>A set of named properties: a resource's inputs, or a nested block type (<c>aws:lb/TargetGroupHealthCheck:...</c>).</summary>
internal sealed record ObjectSchema(string Token, IReadOnlyDictionary<string, PropertySchema> Properties)
{
    public IEnumerable<string> Required => Properties.Values.Where(p => p.Required).Select(p => p.Name);
}
