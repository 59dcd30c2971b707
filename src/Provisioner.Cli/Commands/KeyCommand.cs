using System.CommandLine;

namespace Provisioner.Cli.Commands;

/// <summary><c>provision key rotate</c>: a new key for the tenants' secrets, every secret re-encrypted with it.</summary>
internal static class KeyCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var rotate = new Command("rotate", "Replace the key that encrypts tenant secrets and re-encrypt every tenant's secrets (resumable; the old key is gone after)");
        rotate.SetHandler(globals, async (parse, services, output, ct) =>
        {
            var result = await services.Provisioner.RotateSecretKeyAsync(new Rendering.LineProgress(output), ct);
            if (output.Json)
            {
                output.WriteJson(new { keyFile = result.KeyFile, oldKeyId = result.OldKeyId, newKeyId = result.NewKeyId, result.Tenants, result.Reencrypted });
            }
            else
            {
                output.Line($"Rotated the secret key in {result.KeyFile}: key {result.OldKeyId} -> {result.NewKeyId}; "
                    + $"{result.Reencrypted} of {result.Tenants} tenant(s) re-encrypted now"
                    + (result.Reencrypted < result.Tenants ? " (the others already were, by an earlier run)." : ".")
                    + " Registry exports made before this need the old key, which is gone.");
            }

            return 0;
        });
        return new Command("key", "The key that encrypts tenant secrets at rest") { rotate };
    }
}
