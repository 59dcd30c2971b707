using Provisioner.Core.Templates;
using Provisioner.Core.Templates.Journeys;

namespace Provisioner.Core.Tests.Health;

/// <summary>One journey's steps inside the notes template, parsed.</summary>
internal static class JourneyParserFixture
{
    public static JourneySpec Parse(string steps) => ParseTemplate(steps).Journeys["notes-roundtrip"];

    /// <summary>The notes template whose journey <c>notes-roundtrip</c> has these steps.</summary>
    public static ProductTemplate ParseTemplate(string steps)
    {
        var indented = string.Join('\n', steps.Split('\n').Select(l => "    " + l));
        var yaml = TestTemplates.Notes[..TestTemplates.Notes.IndexOf("journeys:", StringComparison.Ordinal)]
            + "journeys:\n  notes-roundtrip:\n" + indented + "\n";
        return TemplateParser.Parse("t.yaml", yaml, TestTemplates.Rules, "1.1.0");
    }
}
