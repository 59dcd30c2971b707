using System.Security.Cryptography;

namespace Provisioner.Core.Secrets;

/// <summary>Generates secret values with the operating system's CSPRNG.</summary>
internal static class SecretGenerator
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /// <summary>32 characters from a 57-letter alphabet: about 186 bits, safe in URLs, shells and connection strings.</summary>
    public static string New(int length = 32) => RandomNumberGenerator.GetString(Alphabet, length);
}
