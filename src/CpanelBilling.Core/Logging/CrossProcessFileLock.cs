using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace CpanelBilling.Core.Logging;

/// <summary>
/// A machine-wide lock for one file path: a named mutex (Windows, and .NET on Linux and macOS, for processes of the
/// same user) whose name is derived from the full path, so every process writing that file takes the same one. Where
/// the mutex cannot be had (another user created it; a platform without named mutexes) it is skipped: the caller
/// then has its in-process lock only, as before.
/// </summary>
internal sealed class CrossProcessFileLock
{
    private readonly string name;
    private Mutex? mutex;
    private bool unavailable;

    public CrossProcessFileLock(string fullPath)
    {
        // Global: runbooks run in other logon sessions (a scheduled task, a service) than an interactive shell.
        // Upper case: the same file may be spelled in another case on Windows; sharing a lock too widely costs nothing.
        using var sha = SHA256.Create();
        byte[] hash = sha.ComputeHash(Encoding.UTF8.GetBytes(fullPath.ToUpperInvariant()));
        var hex = new StringBuilder("Global\\CpanelBilling.CallLog.", 96);
        for (int i = 0; i < 16; i++)
        {
            hex.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        name = hex.ToString();
    }

    /// <summary>
    /// Takes the lock, waiting up to <paramref name="timeout"/>; dispose to release it, on the same thread. Where no
    /// mutex can be had, a no-op. Null when another process held it past the timeout: the caller must then leave
    /// shared state such as archive files alone.
    /// </summary>
    public IDisposable? Enter(TimeSpan timeout)
    {
        Mutex? held = Open();
        if (held == null)
        {
            return NotLocked.Instance;
        }

        try
        {
            if (!held.WaitOne(timeout))
            {
                return null;
            }
        }
        catch (AbandonedMutexException)
        {
            // A process died holding it: the lock is ours now, and a half-done rollover is left as it was.
        }

        return new Release(held);
    }

    private Mutex? Open()
    {
        if (mutex != null || unavailable)
        {
            return mutex;
        }

        try
        {
            mutex = new Mutex(initiallyOwned: false, name);
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or IOException or WaitHandleCannotBeOpenedException or PlatformNotSupportedException or NotSupportedException)
        {
            unavailable = true;
        }

        return mutex;
    }

    private sealed class NotLocked : IDisposable
    {
        public static readonly NotLocked Instance = new();

        public void Dispose()
        {
        }
    }

    private sealed class Release : IDisposable
    {
        private Mutex? held;

        public Release(Mutex held) => this.held = held;

        public void Dispose() => Interlocked.Exchange(ref held, null)?.ReleaseMutex();
    }
}
