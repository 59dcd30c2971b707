namespace Tracker;

/// <summary>The Redis keys the web and the worker share.</summary>
internal static class QueueKeys
{
    /// <summary>A list of item ids: the web LPUSHes, the worker BRPOPs.</summary>
    public const string Jobs = "tracker:jobs";

    /// <summary>Unix seconds of the worker's last healthy loop iteration; read by <c>tracker check-worker</c>.</summary>
    public const string Heartbeat = "tracker:worker:heartbeat";
}
