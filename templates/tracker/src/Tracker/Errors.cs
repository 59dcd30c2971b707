namespace Tracker;

/// <summary>Error text for operators: the message and those of its inner exceptions (Npgsql wraps the interesting part).</summary>
internal static class Errors
{
    public static string Describe(Exception e)
    {
        var messages = new List<string>();
        for (var current = e; current is not null; current = current.InnerException)
        {
            var message = current.Message.TrimEnd('.');
            if (!messages.Exists(m => m.Contains(message, StringComparison.Ordinal)))
            {
                messages.Add(message);
            }
        }

        return string.Join(": ", messages);
    }
}
