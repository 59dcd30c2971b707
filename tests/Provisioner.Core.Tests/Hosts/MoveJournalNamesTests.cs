using Provisioner.Core.Hosts;

namespace Provisioner.Core.Tests.Hosts;

/// <summary>A move's journal detail carries where it goes and from which backup, so a rerun can finish it.</summary>
public sealed class MoveJournalNamesTests
{
    [Fact]
    public void Detail_ParsesBack()
    {
        var detail = MoveJournalNames.Detail("swt2", "swt3", "move-20261202015237-notes-1.1.0");

        Assert.Equal("swt2 -> swt3; move-20261202015237-notes-1.1.0", detail);
        Assert.Equal(("swt3", "move-20261202015237-notes-1.1.0"), MoveJournalNames.Parse(detail));
    }

    [Theory]
    [InlineData("")]
    [InlineData("from manual-3")]
    [InlineData("swt2; swt3 -> x")]
    public void OtherDetails_AreNotMoves(string detail) => Assert.Null(MoveJournalNames.Parse(detail));

    [Fact]
    public void ChecksumsMatch_OnlyWhenEveryComponentIsEqual()
    {
        var before = new Dictionary<string, string> { ["db"] = "a", ["files"] = "b" };
        TenantMove Move(Dictionary<string, string> after) => new("t", "swt2", "swt3", TenantMove.Moved, before, after, null, TimeSpan.Zero, TimeSpan.Zero, null);

        Assert.True(Move(new() { ["db"] = "a", ["files"] = "b" }).ChecksumsMatch);
        Assert.False(Move(new() { ["db"] = "a", ["files"] = "c" }).ChecksumsMatch);
        Assert.False(Move(new() { ["db"] = "a" }).ChecksumsMatch);
    }
}
