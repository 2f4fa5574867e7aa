using System;
using System.Collections.Generic;
using System.Linq;

namespace CpanelBilling.Core.Logging;

/// <summary>Writes every entry to several sinks, e.g. the log file and the verbose stream of the running command.</summary>
public sealed class CompositeCallLogSink : ICallLogSink
{
    private readonly IReadOnlyList<ICallLogSink> sinks;

    public CompositeCallLogSink(params ICallLogSink[] sinks)
    {
        if (sinks is null || sinks.Any(s => s is null))
        {
            throw new ArgumentException("Every sink must be given.", nameof(sinks));
        }

        this.sinks = sinks.ToArray();
    }

    public void Write(CallLogEntry entry)
    {
        foreach (ICallLogSink sink in sinks)
        {
            // One failing sink must not keep the others from their entry (see ICallLogSink: sinks should not throw).
            try
            {
                sink.Write(entry);
            }
            catch (Exception) when (sinks.Count > 1)
            {
            }
        }
    }
}
