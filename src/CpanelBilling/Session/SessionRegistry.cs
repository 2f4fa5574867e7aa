using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace CpanelBilling.Session;

/// <summary>
/// The session of each runspace. Two runspaces of one process (ThreadJob, a host running several pipelines) each
/// have their own connection, as each PowerShell window has; a closed runspace's session goes with it.
/// </summary>
internal static class SessionRegistry
{
    private static readonly ConditionalWeakTable<Runspace, Holder> Sessions = new();

    public static CpSession? Current => Runspace.DefaultRunspace is { } runspace && Sessions.TryGetValue(runspace, out Holder? holder)
        ? holder.Session
        : null;

    /// <summary>Makes <paramref name="session"/> the runspace's session and returns the one it replaces.</summary>
    public static CpSession? Replace(CpSession? session)
    {
        Runspace runspace = Runspace.DefaultRunspace;
        Holder holder = Sessions.GetValue(runspace, _ => new Holder());
        CpSession? previous = holder.Session;
        holder.Session = session;
        return previous;
    }

    private sealed class Holder
    {
        public CpSession? Session { get; set; }
    }
}
