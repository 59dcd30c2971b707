using Provisioner.Aws.Backend;
using Provisioner.Aws.Program;
using Provisioner.Aws.Tests.Support;

namespace Provisioner.Aws.Tests.Program;

/// <summary>
/// infra/aws/examples holds the programs generated for the sample products, for people to read (provision writes the
/// real one into each tenant's program folder). This test keeps them equal to the generator's output; with
/// PROVISIONER_WRITE_EXAMPLES=1 it writes them instead.
/// </summary>
public sealed class ProgramExamplesTests
{
    /// <summary>The options the examples are generated with: a placeholder ECR registry.</summary>
    private static readonly AwsBackendOptions ExampleOptions = new() { Region = "eu-west-1", ImageRegistry = "123456789012.dkr.ecr.eu-west-1.amazonaws.com" };

    [Theory]
    [InlineData("notes@1.1.0")]
    [InlineData("tracker@2.0.0")]
    public void Examples_EqualTheGeneratorsOutput(string reference)
    {
        var file = Path.Combine(RepoPaths.Examples, reference.Replace('@', '-') + ".yaml");
        var text = GeneratedPrograms.For(reference, options: ExampleOptions).Text;
        if (Environment.GetEnvironmentVariable("PROVISIONER_WRITE_EXAMPLES") == "1")
        {
            File.WriteAllText(file, text);
        }

        Assert.True(File.Exists(file) && File.ReadAllText(file) == text, $"{file} is not the generator's output; run the AWS tests with PROVISIONER_WRITE_EXAMPLES=1 to write it");
    }
}
