namespace Provisioner.Aws.Pulumi.Errors;

/// <summary>The stack's secrets cannot be encrypted or decrypted: the passphrase is missing or not the one the stack was made with.</summary>
public sealed class PassphraseException(string message, string passphraseFile, string? stderr = null)
    : PulumiException(
        message,
        hint: $"the passphrase is read from {passphraseFile} (PULUMI_CONFIG_PASSPHRASE_FILE); restore that file, it encrypts every tenant stack's secrets",
        stderr: stderr);
