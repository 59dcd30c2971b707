using Provisioner.Aws.Program;
using Provisioner.Aws.Tests.Support;
using Provisioner.Aws.Validation;

namespace Provisioner.Aws.Tests.Program;

/// <summary>The programs generated for both sample products pass the static validation against the provider schema.</summary>
public sealed class GeneratedProgramValidationTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    public static TheoryData<string, string, bool> Programs()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var reference in new[] { "notes@1.0.0", "notes@1.1.0", "tracker@1.0.0", "tracker@2.0.0" })
        {
            foreach (var size in new[] { "small", "medium", "large" })
            {
                data.Add(reference, size, false);
                data.Add(reference, size, true);
            }
        }

        return data;
    }

    [Fact]
    public void Validate_NotesProgram_NoErrorsAtAll()
    {
        var errors = fixture.Validate(GeneratedPrograms.Notes);

        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [Fact]
    public void Validate_TrackerProgram_NoErrorsButTheSchemaSubsetsGaps()
    {
        var errors = fixture.Validate(GeneratedPrograms.Tracker);

        Assert.True(errors.All(IsKnownGap), string.Join('\n', errors.Where(e => !IsKnownGap(e))));
        Assert.Equal(MissingTypes(GeneratedPrograms.Tracker).Count, errors.Count);
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void Validate_EveryVersionSizeAndMode_NoErrorsButTheSchemaSubsetsGaps(string reference, string size, bool hold)
    {
        var text = GeneratedPrograms.For(reference, size, hold ? ProgramMode.Hold : ProgramMode.Rollout).Text;

        var errors = fixture.Validate(text);

        Assert.True(errors.All(IsKnownGap), string.Join('\n', errors.Where(e => !IsKnownGap(e))));
    }

    [Fact]
    public void Schema_TypesTheProgramsNeedBeyondTheSubset_AreAmongTheKnownGaps()
    {
        var missing = MissingTypes(GeneratedPrograms.Tracker).Select(r => r.Type).ToHashSet();

        Assert.Subset(SchemaGaps.Known.ToHashSet(), missing);
        Assert.Empty(MissingTypes(GeneratedPrograms.Notes));
    }

    private List<ResourceDeclaration> MissingTypes(string text) =>
        PulumiProgram.Parse(text).Resources.Values.Where(r => fixture.Schema.Resource(r.Type) is null).ToList();

    private static bool IsKnownGap(ValidationError e) =>
        e.Message.StartsWith("unknown resource type '", StringComparison.Ordinal) && SchemaGaps.Known.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal));
}
