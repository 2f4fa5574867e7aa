using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Logging;
using CpanelBilling.Core.Whm;
using CpanelBilling.Whm.Tests.Client.Support;
using Xunit;

namespace CpanelBilling.Whm.Tests.Client;

/// <summary>One masked log line per request, in memory and in a rolling JSON-lines file.</summary>
public sealed class CallLogTests : IDisposable
{
    private const string Password = "Sup3r-S3cret!pw";
    private readonly string directory = Path.Combine(Path.GetTempPath(), "cpb-calllog-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Each_request_is_logged_with_server_function_duration_outcome_reason_and_masked_parameters()
    {
        var server = new StubWhmServer();
        server.ReplyFixture("createacct").ReplyFixture("createacct-exists");
        WhmClient client = server.CreateClient();

        await client.CreateAccountAsync(new CreateAccountRequest("bob", "bob.example") { Password = new WhmSecret(Password), Plan = "gold" });
        await Assert.ThrowsAsync<WhmCallFailedException>(() => client.CreateAccountAsync(new CreateAccountRequest("gtxoo", "g.example") { Password = new WhmSecret(Password) }));

        CallLogEntry ok = server.Log.Entries[0];
        Assert.Equal(("whm.example.com:2087", "root", "createacct", 1, CallOutcome.Succeeded, 200), (ok.Server, ok.User, ok.Function, ok.Attempt, ok.Outcome, ok.HttpStatus));
        Assert.Equal("Account Creation Ok", ok.Reason);
        Assert.True(ok.Duration >= TimeSpan.Zero);
        var parameters = ok.Parameters.ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal("bob", parameters["username"]);
        Assert.Equal("gold", parameters["plan"]);
        Assert.Equal("********", parameters["password"]);

        CallLogEntry failed = server.Log.Entries[1];
        Assert.Equal(CallOutcome.Failed, failed.Outcome);
        Assert.Equal(FailureKind.AlreadyExists, failed.FailureKind);
        Assert.Contains("already has an account", failed.Reason);

        Assert.All(server.Log.Entries, e => Assert.DoesNotContain(Password, e.ToJson()));
        Assert.All(server.Log.Entries, e => Assert.DoesNotContain(StubWhmServer.Token, e.ToJson()));
    }

    [Theory]
    [InlineData("password")]
    [InlineData("pass")]
    [InlineData("db_pass_update")]
    [InlineData("PASSWORD")]
    [InlineData("api_token")]
    [InlineData("accesshash")]
    public void Names_that_carry_secrets_are_masked(string name)
    {
        var view = new WhmParameters().Add(name, "visible-value").Add("user", "bob").ToLogView();

        Assert.Equal(SecretMasking.Mask, view.Single(p => p.Key == name).Value);
        Assert.Equal("bob", view.Single(p => p.Key == "user").Value);
    }

    [Fact]
    public void A_json_line_has_every_field()
    {
        var entry = new CallLogEntry(
            new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero), "h:2087", "root", "suspendacct", 2, TimeSpan.FromMilliseconds(1234.4),
            CallOutcome.TimedOut, null, "did not answer", FailureKind.Ambiguous, true,
            new[] { new KeyValuePair<string, string>("user", "bob \"q\"") });

        string line = entry.ToJson();

        Assert.DoesNotContain('\n', line);
        using JsonDocument json = JsonDocument.Parse(line);
        JsonElement root = json.RootElement;
        Assert.Equal("2026-01-02T03:04:05.678Z", root.GetProperty("time").GetString());
        Assert.Equal("h:2087", root.GetProperty("server").GetString());
        Assert.Equal("suspendacct", root.GetProperty("function").GetString());
        Assert.Equal(2, root.GetProperty("attempt").GetInt32());
        Assert.Equal(1234, root.GetProperty("durationMs").GetInt64());
        Assert.Equal("TimedOut", root.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("httpStatus").ValueKind);
        Assert.Equal("Ambiguous", root.GetProperty("failureKind").GetString());
        Assert.True(root.GetProperty("mayHaveExecuted").GetBoolean());
        Assert.Equal("bob \"q\"", root.GetProperty("parameters").GetProperty("user").GetString());
    }

    [Fact]
    public async Task The_file_sink_writes_one_json_line_per_call_without_secrets()
    {
        string path = Path.Combine(directory, "logs", "whm-calls.log");
        var server = new StubWhmServer();
        server.ReplyFixture("passwd").ReplyFixture("version");
        WhmClient client = server.CreateClient(o => o.CallLog = new FileCallLogSink(path));

        await client.ChangePasswordAsync("bob", new WhmSecret(Password));
        await client.GetVersionAsync();

        string[] lines = File.ReadAllLines(path);
        Assert.Equal(2, lines.Length);
        Assert.Equal(new[] { "passwd", "version" }, lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("function").GetString()));
        string text = File.ReadAllText(path);
        Assert.DoesNotContain(Password, text);
        Assert.DoesNotContain(StubWhmServer.Token, text);
    }

    [Fact]
    public void The_file_sink_rolls_over_and_keeps_a_bounded_number_of_archives()
    {
        string path = Path.Combine(directory, "calls.log");
        var sink = new FileCallLogSink(path, maxFileBytes: 2048, maxArchivedFiles: 2);

        for (int i = 0; i < 60; i++)
        {
            sink.Write(Entry(i));
        }

        Assert.True(new FileInfo(path).Length <= 2048);
        Assert.True(File.Exists(sink.GetArchivePath(1)));
        Assert.True(File.Exists(sink.GetArchivePath(2)));
        Assert.False(File.Exists(sink.GetArchivePath(3)));
        Assert.Equal(Path.Combine(directory, "calls.1.log"), sink.GetArchivePath(1));

        // The newest entries are in the current file, the next older in .1, and every line is whole.
        int Last(string file) => File.ReadAllLines(file).Select(l => int.Parse(JsonDocument.Parse(l).RootElement.GetProperty("parameters").GetProperty("n").GetString()!)).Max();
        Assert.Equal(59, Last(path));
        Assert.True(Last(sink.GetArchivePath(1)) < Last(path));
        Assert.True(Last(sink.GetArchivePath(2)) < Last(sink.GetArchivePath(1)));
    }

    [Fact]
    public void Concurrent_writers_in_one_process_never_interleave_lines()
    {
        string path = Path.Combine(directory, "concurrent.log");
        var sinks = new[] { new FileCallLogSink(path, maxFileBytes: 64 * 1024, maxArchivedFiles: 50), new FileCallLogSink(path, maxFileBytes: 64 * 1024, maxArchivedFiles: 50) };

        Parallel.For(0, 800, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => sinks[i % 2].Write(Entry(i)));

        var files = new[] { path }.Concat(Enumerable.Range(1, 50).Select(sinks[0].GetArchivePath)).Where(File.Exists).ToList();
        var numbers = files.SelectMany(File.ReadAllLines)
            .Select(line => int.Parse(JsonDocument.Parse(line).RootElement.GetProperty("parameters").GetProperty("n").GetString()!))
            .OrderBy(n => n)
            .ToList();
        Assert.Equal(Enumerable.Range(0, 800), numbers);
        Assert.True(files.Count > 1, "the test should have rolled over at least once");
    }

    [Fact]
    public void Sinks_that_share_no_lock_in_the_process_still_keep_every_line_whole_as_two_processes_would()
    {
        string path = Path.Combine(directory, "two-runbooks.log");

        // Each sink has an in-process lock of its own, as sinks of two runbook processes on one path do: only the
        // machine-wide lock keeps one's rollover from renaming the file under the other's size check or append.
        var sinks = new[] { Separate(path, 4096, 500), Separate(path, 4096, 500) };

        Parallel.For(0, 600, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => sinks[i % 2].Write(Entry(i)));

        var files = new[] { path }.Concat(Enumerable.Range(1, 500).Select(sinks[0].GetArchivePath)).Where(File.Exists).ToList();
        var numbers = files.SelectMany(File.ReadAllLines)
            .Select(line => int.Parse(JsonDocument.Parse(line).RootElement.GetProperty("parameters").GetProperty("n").GetString()!))
            .OrderBy(n => n)
            .ToList();
        Assert.Equal(Enumerable.Range(0, 600), numbers);
        Assert.True(files.Count > 10, "the test should have rolled over many times");
        Assert.All(files, f => Assert.True(new FileInfo(f).Length <= 4096, $"{f} outgrew the limit: two rollovers raced"));
    }

    [Fact]
    public async Task A_sink_waits_for_another_process_that_holds_the_file_before_it_rolls_over()
    {
        string path = Path.Combine(directory, "held.log");
        FileCallLogSink sink = Separate(path, 1024, 3);
        Directory.CreateDirectory(directory);
        File.WriteAllText(path, new string('x', 1000) + "\n");
        using var otherProcess = new LockHolder(path);

        Task write = Task.Run(() => sink.Write(Entry(1)));

        // Bounded and one-sided: a sink that ignored the other process's lock would have rolled over at once.
        Assert.NotSame(write, await Task.WhenAny(write, Task.Delay(TimeSpan.FromMilliseconds(300))));
        Assert.False(File.Exists(sink.GetArchivePath(1)), "the sink rolled over while another process held the file");
        otherProcess.Release();
        await write.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(File.Exists(sink.GetArchivePath(1)));
        Assert.Single(File.ReadAllLines(path));
    }

    [Fact]
    public void A_process_that_holds_the_file_too_long_costs_a_rollover_never_the_line()
    {
        string path = Path.Combine(directory, "stuck.log");
        FileCallLogSink sink = Separate(path, 1024, 3, TimeSpan.FromMilliseconds(100));
        Directory.CreateDirectory(directory);
        File.WriteAllText(path, new string('x', 1000) + "\n");
        using var stuckProcess = new LockHolder(path);

        sink.Write(Entry(7));

        Assert.False(File.Exists(sink.GetArchivePath(1)));
        Assert.Equal("7", JsonDocument.Parse(File.ReadAllLines(path)[^1]).RootElement.GetProperty("parameters").GetProperty("n").GetString());
    }

    [Fact]
    public void A_stuck_process_costs_one_wait_then_lines_skip_its_lock_until_the_skip_runs_out_and_none_is_lost()
    {
        string path = Path.Combine(directory, "skip.log");
        TimeSpan wait = TimeSpan.FromMilliseconds(200), skip = TimeSpan.FromMinutes(1);
        long now = 0;
        var attempts = new List<TimeSpan>();
        var machineWide = new CrossProcessFileLock(Path.GetFullPath(path));
        var locks = new CallLogFileLocks(timeout => { attempts.Add(timeout); return machineWide.Enter(timeout); }, wait, skip, () => now);
        var sink = new FileCallLogSink(path, 1024 * 1024, 3, locks);
        using var stuckProcess = new LockHolder(path);

        // What each line asked the lock for shows whether it waited: no timed assertion, and the clock moves only here.
        sink.Write(Entry(1));
        sink.Write(Entry(2));
        Assert.Equal(new[] { wait, TimeSpan.Zero }, attempts);

        now += Ticks(skip) - 1;
        sink.Write(Entry(3));
        Assert.Equal(TimeSpan.Zero, attempts[^1]);

        now += 1;
        sink.Write(Entry(4));
        Assert.Equal(new[] { wait, TimeSpan.Zero, TimeSpan.Zero, wait }, attempts);
        Assert.Equal(new[] { "1", "2", "3", "4" }, Numbers(path));
    }

    [Fact]
    public void A_stuck_process_that_lets_go_is_seen_by_the_next_line_which_rolls_over_and_waits_again_after()
    {
        string path = Path.Combine(directory, "unstuck.log");
        TimeSpan wait = TimeSpan.FromMilliseconds(200);
        var attempts = new List<TimeSpan>();
        var machineWide = new CrossProcessFileLock(Path.GetFullPath(path));
        var locks = new CallLogFileLocks(timeout => { attempts.Add(timeout); return machineWide.Enter(timeout); }, wait, TimeSpan.FromMinutes(1), () => 0);
        var sink = new FileCallLogSink(path, 1024, 3, locks);
        Directory.CreateDirectory(directory);
        File.WriteAllText(path, new string('x', 1000) + "\n");
        using var stuckProcess = new LockHolder(path);

        // The clock stands still: only the lock seen free can end the skip here.
        sink.Write(Entry(1));
        Assert.False(File.Exists(sink.GetArchivePath(1)));
        stuckProcess.Release();
        sink.Write(Entry(2));
        sink.Write(Entry(3));

        Assert.Equal(new[] { wait, TimeSpan.Zero, wait }, attempts);
        Assert.True(File.Exists(sink.GetArchivePath(1)), "the line that found the lock free again did not roll over");
        Assert.Equal("1", Number(File.ReadAllLines(sink.GetArchivePath(1))[^1]));
        Assert.Equal(new[] { "2", "3" }, Numbers(path));
    }

    [Fact]
    public void The_memory_sink_keeps_the_newest_entries_up_to_its_capacity()
    {
        var sink = new MemoryCallLogSink(capacity: 3);
        for (int i = 0; i < 5; i++)
        {
            sink.Write(Entry(i));
        }

        Assert.Equal(new[] { "2", "3", "4" }, sink.Entries.Select(e => e.Parameters.Single().Value));
        sink.Clear();
        Assert.Empty(sink.Entries);
    }

    /// <summary>A sink with an in-process lock of its own, as in another process.</summary>
    private static FileCallLogSink Separate(string path, long maxFileBytes, int maxArchivedFiles, TimeSpan? crossProcessWait = null) =>
        new(path, maxFileBytes, maxArchivedFiles, new CallLogFileLocks(
            new CrossProcessFileLock(Path.GetFullPath(path)).Enter, crossProcessWait ?? TimeSpan.FromSeconds(10), CallLogFileLocks.DefaultSkipAfterTimeout, Stopwatch.GetTimestamp));

    private static string Number(string line) => JsonDocument.Parse(line).RootElement.GetProperty("parameters").GetProperty("n").GetString()!;

    private static IEnumerable<string> Numbers(string file) => File.ReadAllLines(file).Select(Number);

    private static long Ticks(TimeSpan time) => (long)(time.TotalSeconds * Stopwatch.Frequency);

    private static CallLogEntry Entry(int n) => new(
        DateTimeOffset.UtcNow, "h:2087", "root", "listaccts", 1, TimeSpan.FromMilliseconds(n), CallOutcome.Succeeded, 200, "OK", null, false,
        new[] { new KeyValuePair<string, string>("n", n.ToString(System.Globalization.CultureInfo.InvariantCulture)) });

    /// <summary>Holds a path's machine-wide lock on a thread of its own (a mutex is released by the thread that took it), as another process would.</summary>
    private sealed class LockHolder : IDisposable
    {
        private readonly ManualResetEventSlim taken = new();
        private readonly ManualResetEventSlim release = new();
        private readonly Thread thread;

        public LockHolder(string path)
        {
            thread = new Thread(() =>
            {
                using (new CrossProcessFileLock(Path.GetFullPath(path)).Enter(TimeSpan.FromSeconds(10)))
                {
                    taken.Set();
                    release.Wait();
                }
            });
            thread.Start();
            Assert.True(taken.Wait(TimeSpan.FromSeconds(10)));
        }

        public void Release()
        {
            release.Set();
            thread.Join();
        }

        public void Dispose()
        {
            Release();
            taken.Dispose();
            release.Dispose();
        }
    }
}
