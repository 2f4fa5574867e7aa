using System;
using System.Collections.Concurrent;
using System.IO;
using System.Text;

namespace CpanelBilling.Core.Logging;

/// <summary>
/// Appends one JSON line per entry to a file, rolling it over when it would pass a size limit:
/// <c>calls.log</c> becomes <c>calls.1.log</c>, <c>calls.1.log</c> becomes <c>calls.2.log</c>, … and the oldest
/// beyond <see cref="MaxArchivedFiles"/> is deleted. Safe for any number of writers in one process, also through
/// several sink instances on the same path. Other processes may read the file while it is written.
/// </summary>
public sealed class FileCallLogSink : ICallLogSink
{
    private static readonly ConcurrentDictionary<string, object> PathLocks = new(StringComparer.OrdinalIgnoreCase);
    private static readonly byte[] NewLine = { (byte)'\n' };

    private readonly object pathLock;

    public FileCallLogSink(string path, long maxFileBytes = 10 * 1024 * 1024, int maxArchivedFiles = 5)
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
        pathLock = PathLocks.GetOrAdd(Path, _ => new object());
    }

    public string Path { get; }

    public long MaxFileBytes { get; }

    public int MaxArchivedFiles { get; }

    public void Write(CallLogEntry entry)
    {
        byte[] line = Encoding.UTF8.GetBytes(entry.ToJson());
        lock (pathLock)
        {
            string? directory = System.IO.Path.GetDirectoryName(Path);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            var file = new FileInfo(Path);
            if (file.Exists && file.Length > 0 && file.Length + line.Length + 1 > MaxFileBytes)
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
