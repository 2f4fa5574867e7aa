using System;
using System.Collections.Concurrent;
using System.IO;
using System.Text;

namespace CpanelBilling.Core.Logging;

/// <summary>
/// Appends one JSON line per entry to a file, rolling it over when it would pass a size limit:
/// <c>calls.log</c> becomes <c>calls.1.log</c>, <c>calls.1.log</c> becomes <c>calls.2.log</c>, … and the oldest
/// beyond <see cref="MaxArchivedFiles"/> is deleted. Safe for any number of writers, also through several sink
/// instances on the same path and from several processes (two runbooks on the default log path): writers of one
/// process queue on a lock, and processes on a named mutex per path. Other processes may read the file meanwhile.
/// </summary>
public sealed class FileCallLogSink : ICallLogSink
{
    private static readonly ConcurrentDictionary<string, CallLogFileLocks> SharedLocks = new(StringComparer.OrdinalIgnoreCase);
    private static readonly byte[] NewLine = { (byte)'\n' };

    private readonly CallLogFileLocks locks;

    public FileCallLogSink(string path, long maxFileBytes = 10 * 1024 * 1024, int maxArchivedFiles = 5)
        : this(path, maxFileBytes, maxArchivedFiles, locks: null)
    {
    }

    /// <param name="locks">
    /// Null: those every sink of this process on the same path shares. Tests pass their own, made for the full path,
    /// as a sink of another process would have: only the machine-wide lock then keeps it from racing the others.
    /// </param>
    internal FileCallLogSink(string path, long maxFileBytes, int maxArchivedFiles, CallLogFileLocks? locks)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("The log file path must not be empty.", nameof(path));
        }

        if (maxFileBytes < 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(maxFileBytes), maxFileBytes, "The size limit must be at least 1 KiB.");
        }

        if (maxArchivedFiles < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxArchivedFiles), maxArchivedFiles, "The number of archived files cannot be negative.");
        }

        Path = System.IO.Path.GetFullPath(path);
        MaxFileBytes = maxFileBytes;
        MaxArchivedFiles = maxArchivedFiles;
        this.locks = locks ?? SharedLocks.GetOrAdd(Path, fullPath => new CallLogFileLocks(fullPath));
    }

    public string Path { get; }

    public long MaxFileBytes { get; }

    public int MaxArchivedFiles { get; }

    public void Write(CallLogEntry entry)
    {
        byte[] line = Encoding.UTF8.GetBytes(entry.ToJson());
        lock (locks.InProcess)
        {
            string? directory = System.IO.Path.GetDirectoryName(Path);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            // Without the machine-wide lock (another process holds it: see CallLogFileLocks) the line is still written,
            // only the file is not rolled over: a stuck holder costs rollovers, not the calls' lines.
            using IDisposable? acrossProcesses = locks.EnterAcrossProcesses();
            var file = new FileInfo(Path);
            if (acrossProcesses != null && file.Exists && file.Length > 0 && file.Length + line.Length + 1 > MaxFileBytes)
            {
                RollOver();
            }

            using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            stream.Write(line, 0, line.Length);
            stream.Write(NewLine, 0, NewLine.Length);
        }
    }

    /// <summary>The path of the n-th archive: calls.log → calls.n.log.</summary>
    public string GetArchivePath(int n) =>
        System.IO.Path.Combine(
            System.IO.Path.GetDirectoryName(Path) ?? string.Empty,
            System.IO.Path.GetFileNameWithoutExtension(Path) + "." + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + System.IO.Path.GetExtension(Path));

    private void RollOver()
    {
        if (MaxArchivedFiles == 0)
        {
            File.Delete(Path);
            return;
        }

        File.Delete(GetArchivePath(MaxArchivedFiles));
        for (int n = MaxArchivedFiles - 1; n >= 1; n--)
        {
            string source = GetArchivePath(n);
            if (File.Exists(source))
            {
                File.Move(source, GetArchivePath(n + 1));
            }
        }

        File.Move(Path, GetArchivePath(1));
    }
}
