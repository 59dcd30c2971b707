using Provisioner.Core.Errors;
using Provisioner.Core.Templates;

namespace Provisioner.Core.Tests.Templates;

public class TemplateRefTests
{
    [Fact]
    public void Parse_ProductAndVersion_Parses()
    {
        var r = TemplateRef.Parse("notes@1.1.0");

        Assert.Equal("notes", r.Product);
        Assert.Equal("1.1.0", r.Version!.ToNormalizedString());
    }

    [Fact]
    public void Parse_ProductOnly_MeansNewest() => Assert.Null(TemplateRef.Parse("notes").Version);

    [Theory]
    [InlineData("notes@one")]
    [InlineData("Notes@1.0.0")]
    [InlineData("../notes")]
    [InlineData("a@b@c")]
    public void Parse_Garbage_IsBadInput(string text) => Assert.Throws<BadInputException>(() => TemplateRef.Parse(text));
}
