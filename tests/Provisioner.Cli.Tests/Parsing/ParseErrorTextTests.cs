namespace Provisioner.Cli.Tests.Parsing;

public sealed class ParseErrorTextTests
{
    [Theory]
    [InlineData("Cannot parse argument 'abc' for option '--parallel' as expected type 'System.Int32'.", "--parallel expects a whole number, got 'abc'")]
    [InlineData("Cannot parse argument '1.5x' for option '--monitor' as expected type 'System.Double'.", "--monitor expects a number, got '1.5x'")]
    [InlineData("Unrecognized command or argument 'frobnicate'.", "Unrecognized command or argument 'frobnicate'.")]
    [InlineData("Argument 'gcp' not recognized. Must be one of:\n\t'docker'\n\t'aws'", "'gcp' is not one of: docker, aws")]
    public void Plain_NamesTheOptionAndWhatItExpects(string message, string expected) =>
        Assert.Equal(expected, ParseErrorText.Plain(message));
}
