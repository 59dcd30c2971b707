using Provisioner.Aws.Validation;

namespace Provisioner.Aws.Tests.Support;

/// <summary>The provider schema (the one embedded in the product), read once per test class, and the generated notes@1.1.0 program's text (the variants' base).</summary>
public sealed class SchemaFixture
{
    public SchemaFixture()
    {
        Schema = AwsSchema.Bundled;
        ProgramText = GeneratedPrograms.Notes;
    }

    internal AwsSchema Schema { get; }

    public string ProgramText { get; }

    /// <summary>Validates a variant of the program: <paramref name="text"/> defaults to the generated notes program.</summary>
    internal IReadOnlyList<ValidationError> Validate(string? text = null) => ProgramValidator.Validate(PulumiProgram.Parse(text ?? ProgramText), Schema);

    /// <summary>The program with <paramref name="from"/> replaced by <paramref name="to"/> once; fails if <paramref name="from"/> is not in it exactly once.</summary>
    public string Edit(string from, string to, string? text = null)
    {
        var source = text ?? ProgramText;
        var first = source.IndexOf(from, StringComparison.Ordinal);
        Assert.True(first >= 0 && source.IndexOf(from, first + 1, StringComparison.Ordinal) < 0, $"'{from}' must occur exactly once in the program");
        return source[..first] + to + source[(first + from.Length)..];
    }
}
