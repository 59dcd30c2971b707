namespace Tracker.Redis;

/// <summary>The RESP2 reply types, plus <see cref="Nil"/> for a null bulk string or null array.</summary>
internal enum RespKind
{
    SimpleString,
    Error,
    Integer,
    BulkString,
    Array,
    Nil,
}
