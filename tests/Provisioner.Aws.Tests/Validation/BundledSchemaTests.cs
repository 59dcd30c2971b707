using System.Text.RegularExpressions;
using Provisioner.Aws.Tests.Support;
using Provisioner.Aws.Validation;

namespace Provisioner.Aws.Tests.Validation;

/// <summary>The provider schema is part of the repository (infra/aws/schema) and of the product (embedded), and covers the program.</summary>
public sealed partial class BundledSchemaTests
{
    [Fact]
    public void Bundled_EmbeddedResource_IsTheRepositoryFile()
    {
        using var stream = typeof(AwsSchema).Assembly.GetManifestResourceStream(AwsSchema.BundledResource);
        Assert.NotNull(stream);
        using var embedded = new MemoryStream();
        stream.CopyTo(embedded);

        Assert.Equal(File.ReadAllBytes(RepoPaths.Schema), embedded.ToArray());
    }

    [Fact]
    public void Bundled_Version_IsThePinnedProvider()
    {
        Assert.Equal("7.48.0", AwsSchema.Bundled.Version);
    }

    [Fact]
    public void Bundled_EveryTypeAndFunctionOfTheNotesProgram_IsKnown()
    {
        var program = GeneratedPrograms.Notes;
        var types = TypeToken().Matches(program).Select(m => m.Groups[1].Value).Distinct().ToList();
        var functions = FunctionToken().Matches(program).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.NotEmpty(types);
        Assert.NotEmpty(functions);
        Assert.All(types, t => Assert.True(AwsSchema.Bundled.Resource(t) is not null, $"resource type {t} is not in infra/aws/schema"));
        Assert.All(functions, f => Assert.True(AwsSchema.Bundled.Function(f) is not null, $"function {f} is not in infra/aws/schema"));
    }

    [Fact]
    public void Bundled_NestedTypesOfEveryResourceInput_AreAllPresent()
    {
        var schema = AwsSchema.Bundled;
        var missing = new List<string>();
        var seen = new HashSet<string>();
        var pending = new Stack<PropertySchema>(schema.ResourceTokens.SelectMany(t => schema.Resource(t)!.Inputs.Properties.Values));
        while (pending.TryPop(out var property))
        {
            if (property.Items is { } items)
            {
                pending.Push(items);
            }

            if (property.Ref is not { } reference || !seen.Add(reference))
            {
                continue;
            }

            if (schema.Type(reference) is { } nested)
            {
                nested.Properties.Values.ToList().ForEach(pending.Push);
            }
            else
            {
                missing.Add(reference);
            }
        }

        Assert.True(seen.Count > 50, $"only {seen.Count} nested types reached");
        Assert.Empty(missing);
    }

    [GeneratedRegex(@"^\s*type:\s*(aws:[A-Za-z0-9/:_.-]+)", RegexOptions.Multiline)]
    private static partial Regex TypeToken();

    [GeneratedRegex(@"^\s*function:\s*(aws:[A-Za-z0-9/:_.-]+)", RegexOptions.Multiline)]
    private static partial Regex FunctionToken();
}
