namespace Provisioner.Cli.Rendering;

/// <summary>Small helpers for Spectre markup: escaping and status colours.</summary>
internal static class Cell
{
    public static string Escape(string? text) => Spectre.Console.Markup.Escape(text ?? "");

    public static string Status(string status) => status switch
    {
        "Active" or "running" or "passed" or "succeeded" or "upgraded" => $"[green]{Escape(status)}[/]",
        "Failed" or "failed" or "exited" or "dead" or "interrupted" or "NeedsAttention" or "needs-attention" or "rolled-back" => $"[red]{Escape(status)}[/]",
        "Provisioning" or "not-run" or "created" or "restarting" or "Upgrading" or "RollingBack" or "RolledBack" or "not-reached" or "waiting" => $"[yellow]{Escape(status)}[/]",
        _ => Escape(status),
    };
}
