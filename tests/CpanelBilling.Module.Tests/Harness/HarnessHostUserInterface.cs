using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace CpanelBilling.Module.Tests.Harness;

/// <summary>The answers a person can give to a Confirm prompt.</summary>
public enum ConfirmAnswer
{
    Yes,
    YesToAll,
    No,
    NoToAll,
}

/// <summary>One prompt PowerShell showed (ShouldProcess with -Confirm or a high ConfirmImpact, ShouldContinue).</summary>
public sealed record ConfirmPrompt(string Caption, string Message, ConfirmAnswer Answer);

/// <summary>
/// Records what PowerShell shows a person and answers Confirm prompts from <see cref="ConfirmAnswers"/>.
/// A prompt with no scripted answer fails the command: a test must know every prompt it causes.
/// Anything that would read free input (Read-Host, credentials) fails the same way.
/// </summary>
public sealed class HarnessHostUserInterface : PSHostUserInterface
{
    private readonly object gate = new();
    private readonly List<string> lines = new();
    private readonly List<ConfirmPrompt> prompts = new();
    private string partialLine = string.Empty;

    /// <summary>Answers for the next prompts, in order.</summary>
    public Queue<ConfirmAnswer> ConfirmAnswers { get; } = new();

    public override PSHostRawUserInterface? RawUI => null;

    /// <summary>Returns and forgets the host lines and prompts seen since the last call.</summary>
    internal (IReadOnlyList<string> Lines, IReadOnlyList<ConfirmPrompt> Prompts) TakeRecorded()
    {
        lock (gate)
        {
            if (partialLine.Length > 0)
            {
                lines.Add(partialLine);
                partialLine = string.Empty;
            }

            var taken = (lines.ToList(), prompts.ToList());
            lines.Clear();
            prompts.Clear();
            return taken;
        }
    }

    public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
    {
        ConfirmAnswer answer;
        lock (gate)
        {
            if (ConfirmAnswers.Count == 0)
            {
                throw new InvalidOperationException($"Unexpected prompt (no answer scripted): {caption}: {message}");
            }

            answer = ConfirmAnswers.Dequeue();
            prompts.Add(new ConfirmPrompt(caption, message, answer));
        }

        var wanted = answer switch
        {
            ConfirmAnswer.Yes => "Yes",
            ConfirmAnswer.YesToAll => "Yes to All",
            ConfirmAnswer.No => "No",
            _ => "No to All",
        };
        for (var i = 0; i < choices.Count; i++)
        {
            if (string.Equals(choices[i].Label.Replace("&", string.Empty), wanted, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"The prompt '{caption}' offers no '{wanted}' choice.");
    }

    public override void Write(string value) => Append(value);

    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Append(value);

    public override void WriteLine(string value) => Append(value + "\n");

    public override void WriteErrorLine(string value) => Append(value + "\n");

    public override void WriteDebugLine(string message) => Append("DEBUG: " + message + "\n");

    public override void WriteVerboseLine(string message) => Append("VERBOSE: " + message + "\n");

    public override void WriteWarningLine(string message) => Append("WARNING: " + message + "\n");

    public override void WriteProgress(long sourceId, ProgressRecord record)
    {
    }

    public override string ReadLine() => throw NoInput("Read-Host");

    public override SecureString ReadLineAsSecureString() => throw NoInput("Read-Host -AsSecureString");

    public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
        throw NoInput($"a prompt for {string.Join(", ", descriptions.Select(d => d.Name))} (a mandatory parameter left out?)");

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
        throw NoInput("a credential prompt");

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
        PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw NoInput("a credential prompt");

    private void Append(string text)
    {
        lock (gate)
        {
            var all = partialLine + text;
            var parts = all.Split('\n');
            lines.AddRange(parts.Take(parts.Length - 1));
            partialLine = parts[^1];
        }
    }

    private static InvalidOperationException NoInput(string what) =>
        new($"The command under test asked the host for {what}; tests never type input.");
}
