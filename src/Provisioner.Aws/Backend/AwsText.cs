namespace Provisioner.Aws.Backend;

/// <summary>Text helpers for log tails.</summary>
internal static class AwsText
{
    public static string Tail(string text, int lines) =>
        string.Join('\n', text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(lines));
}
