namespace Tracker.Redis;

/// <summary>One RESP reply. <see cref="Text"/> is set for simple strings, errors and bulk strings; <see cref="Items"/> for arrays.</summary>
internal sealed record RespReply(RespKind Kind, string? Text = null, long Integer = 0, IReadOnlyList<RespReply>? Items = null)
{
    public static RespReply Nil { get; } = new(RespKind.Nil);

    public override string ToString() => Kind switch
    {
        RespKind.Nil => "(nil)",
        RespKind.Integer => $"(integer) {Integer}",
        RespKind.Array => $"(array of {Items!.Count})",
        _ => $"({Kind}) {Text}",
    };
}
