using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Errors;
using CpanelBilling.Module.Tests.Harness;
using Xunit;

namespace CpanelBilling.Module.Tests.BaseClass;

/// <summary>The base class's promises, checked through real pipelines on the real engine.</summary>
public sealed class CpCmdletTests : IDisposable
{
    private readonly PowerShellHarness ps = PowerShellHarness.ForCmdlets(
        typeof(InvokeCpTestAwaitCommand), typeof(RemoveCpTestItemCommand), typeof(WriteCpTestErrorCommand),
        typeof(InvokeCpTestProgressCommand), typeof(InvokeCpTestWorkersCommand), typeof(InvokeCpTestAbandonedWorkCommand), typeof(GetCpTestNameCommand),
        typeof(GetCpTestAccountCommand), typeof(SuspendCpTestAccountCommand));

    public void Dispose() => ps.Dispose();

    [Fact]
    public async Task Ctrl_C_cancels_the_awaited_core_call_and_stops_the_pipeline()
    {
        using var started = new SemaphoreSlim(0);
        using var run = ps.Start("Invoke-CpTestAwait -Milliseconds 60000 -Started $args[0]; 'not reached'", started);
        Assert.True(await started.WaitAsync(TimeSpan.FromSeconds(30)), "the cmdlet never started its call");

        // A Stop that cannot cancel the call would wait forever: give up after a generous limit instead.
        var result = await Task.Run(run.Stop).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Empty(result.Output);
        Assert.True(result.Stopped, "the pipeline did not stop");
    }

    [Fact]
    public void An_awaited_call_that_completes_returns_its_result()
    {
        var result = ps.Invoke("Invoke-CpTestAwait -Milliseconds 0").AssertSuccess();
        Assert.Equal(new[] { "finished" }, result.OutputOf<string>());
    }

    [Fact]
    public void Piped_objects_bind_by_property_name_and_WhatIf_reports_each()
    {
        var whatIf = ps.Invoke("Get-CpTestAccount | Suspend-CpTestAccount -WhatIf").AssertSuccess();
        Assert.Empty(whatIf.Output);
        Assert.Equal(2, whatIf.WhatIf.Count);
        Assert.Contains("alice on web01", whatIf.WhatIf[0]);
        Assert.Contains("bob on web02", whatIf.WhatIf[1]);

        var done = ps.Invoke("Get-CpTestAccount | Suspend-CpTestAccount").AssertSuccess();
        Assert.Equal(new[] { "suspended alice@web01", "suspended bob@web02" }, done.OutputOf<string>());
        Assert.Empty(done.WhatIf);
    }

    [Fact]
    public void A_missing_mandatory_parameter_fails_instead_of_prompting()
    {
        var result = ps.Invoke("Suspend-CpTestAccount -UserName alice");
        Assert.Empty(result.Output);
        Assert.NotEmpty(result.Errors);
    }

    [Fact]
    public void WhatIf_reports_each_target_and_changes_nothing_even_with_Force()
    {
        var result = ps.Invoke("'a', 'b' | Remove-CpTestItem -WhatIf -Force").AssertSuccess();

        Assert.Empty(result.Output);
        Assert.Equal(2, result.WhatIf.Count);
        Assert.Contains("\"a\"", result.WhatIf[0]);
        Assert.Contains("Remove test item", result.WhatIf[0]);
        Assert.Empty(result.Prompts);
    }

    [Fact]
    public void WhatIfPreference_in_the_session_also_wins_over_Force()
    {
        var result = ps.Invoke("$WhatIfPreference = $true; Remove-CpTestItem a -Force").AssertSuccess();
        Assert.Empty(result.Output);
        Assert.Single(result.WhatIf);
    }

    [Fact]
    public void High_impact_change_prompts_and_obeys_the_answer()
    {
        ps.Host.UI.ConfirmAnswers.Enqueue(ConfirmAnswer.No);
        ps.Host.UI.ConfirmAnswers.Enqueue(ConfirmAnswer.Yes);

        var result = ps.Invoke("'keep', 'drop' | Remove-CpTestItem").AssertSuccess();

        Assert.Equal(new[] { "drop" }, result.OutputOf<string>());
        Assert.Equal(2, result.Prompts.Count);
        Assert.Contains("keep", result.Prompts[0].Message);
    }

    [Fact]
    public void Force_skips_the_prompt_but_an_explicit_Confirm_still_asks()
    {
        var forced = ps.Invoke("Remove-CpTestItem a -Force").AssertSuccess();
        Assert.Equal(new[] { "a" }, forced.OutputOf<string>());
        Assert.Empty(forced.Prompts);

        ps.Host.UI.ConfirmAnswers.Enqueue(ConfirmAnswer.No);
        var confirmed = ps.Invoke("Remove-CpTestItem b -Force -Confirm").AssertSuccess();
        Assert.Empty(confirmed.Output);
        Assert.Single(confirmed.Prompts);
    }

    [Fact]
    public void Confirm_false_changes_without_asking()
    {
        var result = ps.Invoke("Remove-CpTestItem a -Confirm:$false").AssertSuccess();
        Assert.Equal(new[] { "a" }, result.OutputOf<string>());
        Assert.Empty(result.Prompts);
    }

    [Fact]
    public void A_core_error_keeps_its_id_and_maps_its_kind_to_a_category_with_the_target()
    {
        var result = ps.Invoke("'alice', 'bob' | Write-CpTestError -Kind NoFreeIp");

        Assert.Equal(new[] { "after alice", "after bob" }, result.OutputOf<string>());
        Assert.Equal(2, result.Errors.Count);
        var error = result.Errors[0];
        Assert.Equal("TestCoreFailure,CpanelBilling.Module.Tests.BaseClass.WriteCpTestErrorCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
        Assert.Equal("alice", error.TargetObject);
        Assert.Null(result.TerminatingError);
    }

    [Fact]
    public void A_terminating_core_error_stops_the_command_before_the_next_item()
    {
        var result = ps.Invoke("'alice', 'bob' | Write-CpTestError -Kind AuthenticationFailed -Terminating; 'next statement'");

        Assert.Equal(new[] { "next statement" }, result.OutputOf<string>());
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("TestCoreFailure,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Equal("alice", error.TargetObject);
    }

    [Fact]
    public void ErrorAction_Stop_turns_an_item_error_into_the_end_of_the_script()
    {
        var result = ps.Invoke("'alice', 'bob' | Write-CpTestError -ErrorAction Stop; 'not reached'");

        Assert.Empty(result.Output);
        Assert.StartsWith("TestCoreFailure,", result.TerminatingError?.FullyQualifiedErrorId);
        Assert.False(result.Stopped);
    }

    [Fact]
    public void An_unexpected_exception_becomes_the_unexpected_error_id()
    {
        var result = ps.Invoke("Write-CpTestError -Target x -Unexpected");
        Assert.StartsWith(ErrorIds.Unexpected + ",", Assert.Single(result.Errors).FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.NotSpecified, result.Errors[0].CategoryInfo.Category);
    }

    [Fact]
    public void Every_failure_kind_has_a_deliberate_category()
    {
        foreach (FailureKind kind in Enum.GetValues(typeof(FailureKind)))
        {
            Assert.True(ErrorRecordFactory.Categories.ContainsKey(kind), $"FailureKind.{kind} has no ErrorCategory in ErrorRecordFactory");
        }

        Assert.Equal(ErrorCategory.ObjectNotFound, ErrorRecordFactory.CategoryOf(FailureKind.NotFound));
        Assert.Equal(ErrorCategory.ConnectionError, ErrorRecordFactory.CategoryOf(FailureKind.Transport));
        Assert.Equal(ErrorCategory.OperationTimeout, ErrorRecordFactory.CategoryOf(FailureKind.Timeout));

        // A conflict is a state that forbids the action (live accounts, a package in use, a row changed meanwhile):
        // InvalidOperation, as for PowerShell's own commands; WriteError would say a write itself failed.
        Assert.Equal(ErrorCategory.InvalidOperation, ErrorRecordFactory.CategoryOf(FailureKind.Conflict));
    }

    [Fact]
    public void Progress_in_a_tight_loop_is_throttled_and_the_completion_always_arrives()
    {
        var result = ps.Invoke("Invoke-CpTestProgress -Count 5000").AssertSuccess();

        Assert.InRange(result.Progress.Count, 2, 100);
        Assert.Equal("Item 1", result.Progress[0].StatusDescription);
        Assert.Equal(ProgressRecordType.Completed, result.Progress[^1].RecordType);
    }

    [Fact]
    public void Workers_run_concurrently_up_to_the_throttle_and_hand_results_back_to_the_pipeline_thread()
    {
        var result = ps.Invoke("1, 2, 3 | Invoke-CpTestWorkers -ThrottleLimit 3 -Rendezvous 3").AssertSuccess();

        Assert.Equal(new[] { 2, 4, 6 }, result.OutputOf<int>().OrderBy(n => n));
        Assert.Equal(3, InvokeCpTestWorkersCommand.MaxRunning);
    }

    [Fact]
    public void Worker_failures_are_non_terminating_errors_for_their_item_and_the_rest_go_on()
    {
        var result = ps.Invoke("1, -5, 3, 4, 5, 6 | Invoke-CpTestWorkers -ThrottleLimit 2");

        Assert.Equal(new[] { 2, 6, 8, 10, 12 }, result.OutputOf<int>().OrderBy(n => n));
        var error = Assert.Single(result.Errors);
        Assert.Equal(-5, error.TargetObject);
        Assert.Null(result.TerminatingError);
        Assert.InRange(InvokeCpTestWorkersCommand.MaxRunning, 1, 2);
    }

    [Fact]
    public async Task Work_still_running_when_the_command_ends_early_is_cancelled_not_left_running()
    {
        // -ErrorAction Stop ends the command at the first error without StopProcessing: PowerShell only disposes
        // it. Items already started (bulk suspends waiting for a server slot, say) must not go on sending calls
        // whose results nobody will see.
        var result = ps.Invoke("1, 2, 3, -1 | Invoke-CpTestAbandonedWork -ErrorAction Stop; 'not reached'");

        Assert.StartsWith(ErrorIds.Unexpected + ",", result.TerminatingError?.FullyQualifiedErrorId ?? "", StringComparison.Ordinal);
        Assert.Empty(result.Output);
        Assert.Equal(3, Volatile.Read(ref InvokeCpTestAbandonedWorkCommand.Started));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Volatile.Read(ref InvokeCpTestAbandonedWorkCommand.Cancelled) < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.Equal(3, Volatile.Read(ref InvokeCpTestAbandonedWorkCommand.Cancelled));
    }

    [Fact]
    public async Task Ctrl_C_while_waiting_for_workers_stops_the_pipeline()
    {
        // One item that waits for a second worker which never comes: only cancellation can end it.
        using var run = ps.Start("7 | Invoke-CpTestWorkers -Rendezvous 2");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Volatile.Read(ref InvokeCpTestWorkersCommand.MaxRunning) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        var result = await Task.Run(run.Stop).WaitAsync(TimeSpan.FromSeconds(8));

        Assert.True(result.Stopped);
        Assert.Empty(result.Output);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Name_completion_filters_by_prefix_sorts_and_quotes()
    {
        Assert.Equal(new[] { "web01", "Web02" }, Complete("Get-CpTestName we"));
        Assert.Equal(new[] { "mail", "'my server'" }, Complete("Get-CpTestName m"));
        Assert.Equal(new[] { "'o''brien'" }, Complete("Get-CpTestName 'o"));
        Assert.Equal(new[] { "zeta" }, Complete("Get-CpTestName -Server web02 -Name "));
    }

    private string[] Complete(string input)
    {
        using var powershell = PowerShell.Create();
        powershell.Runspace = ps.Runspace;
        var completion = CommandCompletion.CompleteInput(input, input.Length, null, powershell);
        return completion.CompletionMatches.Select(m => m.CompletionText).ToArray();
    }
}
