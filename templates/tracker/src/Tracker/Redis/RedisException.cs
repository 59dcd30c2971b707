namespace Tracker.Redis;

/// <summary>Redis could not be reached, broke the connection, timed out, or answered with an error reply.</summary>
internal sealed class RedisException : Exception
{
    public RedisException(string message)
        : base(message)
    {
    }

    public RedisException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
