namespace Provisioner.Aws.Validation;

/// <summary>
/// Static verification of the Pulumi YAML program against the AWS provider schema, with no pulumi and no AWS:
/// project shape, types and properties (nested included), references, cycles, name limits and secrets. Lists every problem.
/// </summary>
internal static class ProgramValidator
{
    public static IReadOnlyList<ValidationError> Validate(PulumiProgram program, AwsSchema schema)
    {
        var ctx = new ValidationContext(program, schema);
        ProjectCheck.Run(ctx);
        SchemaCheck.Run(ctx);
        ReferenceCheck.Run(ctx);
        CycleCheck.Run(ctx);
        NameLimitCheck.Run(ctx);
        SecretCheck.Run(ctx);
        return ctx.Errors.OrderBy(e => e.Line).ThenBy(e => e.Path, StringComparer.Ordinal).ToList();
    }
}
