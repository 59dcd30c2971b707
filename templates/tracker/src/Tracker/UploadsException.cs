namespace Tracker;

/// <summary>The uploads directory could not be read or written (missing volume, wrong owner, disk full).</summary>
internal sealed class UploadsException(string message, Exception inner) : Exception(message, inner);
