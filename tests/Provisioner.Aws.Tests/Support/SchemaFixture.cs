using Provisioner.Aws.Validation;

namespace Provisioner.Aws.Tests.Support;

/// <summary>The provider schema and the program's text, read once per test class.</summary>
public sealed class SchemaFixture
{
    public SchemaFixture()
    {
        Schema = AwsSchema.Load(RepoPaths.Schema);
        ProgramText = File.ReadAllText(RepoPaths.Program);
    }

    internal AwsSchema Schema { get; }

    public string ProgramText { get; }

    /// <summary>Validates a variant of the program: <paramref name="text"/> defaults to the real one.</summary>
    internal IReadOnlyList<ValidationError> Validate(string? text = null) => ProgramValidator.Validate(PulumiProgram.Parse(text ?? ProgramText), Schema);

    /// <summary>The program with <paramref name="from"/> replaced by <paramref name="to"/> once; fails if <paramref name="from"/> is not in it exactly once.</summary>
    public string Edit(string from, string to, string? text = null)
    {
        var source = text ?? ProgramText;
        var first = source.IndexOf(from, StringComparison.Ordinal);
        Assert.True(first >= 0 && source.IndexOf(from, first + 1, StringComparison.Ordinal) < 0, $"'{from}' must occur exactly once in Pulumi.yaml");
        return source[..first] + to + source[(first + from.Length)..];
    }
}
