using Provisioner.Aws.Backend;
using Provisioner.Aws.Program;

namespace Provisioner.Aws.Tests.Support;

/// <summary>Programs the generator writes for the sample products, with the test options (region, ECR registry).</summary>
internal static class GeneratedPrograms
{
    public static AwsProgram For(string reference, string size = "small", ProgramMode mode = ProgramMode.Rollout, AwsBackendOptions? options = null)
    {
        var template = Templates.Get(reference);
        return AwsProgramGenerator.Generate(template, template.Sizes[size], options ?? AwsFakes.Options, mode);
    }

    public static string Notes => For("notes@1.1.0").Text;

    public static string Tracker => For("tracker@2.0.0").Text;
}
