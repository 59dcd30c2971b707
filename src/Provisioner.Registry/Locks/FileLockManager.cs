using System.Text.Json;
using Provisioner.Core.Errors;
using Provisioner.Core.Tenants;

namespace Provisioner.Registry.Locks;

/// <summary>
/// Locks as exclusive OS file locks under <c>$PROVISIONER_HOME/locks</c>: the kernel releases them when the process
/// dies, even on <c>kill -9</c>. A side file names the holder (pid, purpose, since) for the error message.
/// </summary>
internal sealed class FileLockManager(string directory, TimeProvider time) : ILockManager
{
    private const int EWouldBlock = 11;        // flock() on Linux: another open file holds the lock
    private const int SharingViolation = 32;   // the same, as Windows reports it

    public IDisposable Acquire(string resource, string purpose)
    {
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory, string.Concat(resource.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '-')));
        FileStream stream;
        try
        {
            stream = new FileStream(stem + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (e.HResult is EWouldBlock or SharingViolation)
        {
            throw new LockHeldException(resource, ReadHolder(stem + ".holder"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ProvisionerException($"cannot create the lock file {stem}.lock: {e.Message}", hint: "check that $PROVISIONER_HOME is writable and its disk is not full");
        }

        var holder = LockHolder.Current(purpose, time.GetUtcNow());
        File.WriteAllText(stem + ".holder", JsonSerializer.Serialize(holder, LockHolderJson.Default.LockHolder));
        return new HeldLock(stream);
    }

    private static string ReadHolder(string file)
    {
        try
        {
            var h = JsonSerializer.Deserialize(File.ReadAllText(file), LockHolderJson.Default.LockHolder);
            return h?.ToString() ?? "another process";
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return "another process";
        }
    }
}
