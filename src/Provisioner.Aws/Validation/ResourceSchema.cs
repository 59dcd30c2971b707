namespace Provisioner.Aws.Validation;

/// <summary>A resource type: its inputs and the outputs <c>${res.output}</c> may read.</summary>
internal sealed record ResourceSchema(string Token, ObjectSchema Inputs, IReadOnlySet<string> Outputs, bool Deprecated);
